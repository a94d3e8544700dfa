"""Table 二: the 第二十条 sub-tables, read by label."""

from __future__ import annotations

import re
from typing import NamedTuple, Optional

from ..model import Span
from . import cells as C
from .labels import loose_pattern, norm
from .row_index import row_index
from .digits import Constraint
from .table_lines import (Lines, cell_value, cell_values, filled, fit_cells, may_run_together, split_note,
                          split_values)
from .table_model import BLANK, CAPTION_RE, LegacyMark, RowReading, SubTableReading, TableReading, Unplaced

# ---------------------------------------------------------------------------
# table 二: by label, sub-table by sub-table


def _legacy_spans(text: str, label: str) -> list:
    """Spans of ``label`` in ``text`` (spaces and parenthesis widths may differ)."""
    rx = re.compile(loose_pattern(label))
    out = []
    for m in rx.finditer(text):
        if label == "处理决定数量":
            before = re.sub(r"\s+", "", text[: m.start()])
            if re.search(r"本年(?:[（(][^）)]*[）)])?$", before):
                continue  # "本年处理决定数量" is the 2021 column
        out.append((m.start(), m.end()))
    return out


class _Legacy(NamedTuple):
    """The 2019 labels of one table, prepared for the reader."""

    captions: dict  # sub-table number -> 2019 caption
    columns: list  # (label, normalised label)
    rows: list
    any_label: Optional[re.Pattern]  # finds any of the normalised labels (None: there are none)


def _legacy(spec, legacy_spec) -> _Legacy:
    """The 2019 labels of table ``spec`` (prepared once per template)."""
    got = spec.cache.get("legacy")
    if got is None:
        captions = {}
        for lab in legacy_spec.captions.get(spec.id, []):
            m = re.search(r"[（(]([一二三四五六七八九十])[）)]", lab)
            if m:
                captions[m.group(1)] = lab
        columns = [(x, norm(x)) for x in legacy_spec.columns.get(spec.id, [])]
        rows = [(x, norm(x)) for x in legacy_spec.rows.get(spec.id, [])]
        keys = [key for _x, key in columns + rows]
        any_label = re.compile("|".join(map(re.escape, keys))) if keys else None
        got = spec.cache["legacy"] = _Legacy(captions, columns, rows, any_label)
    return got


def read_article20(lines: Lines, spec, legacy_spec, block: range, reading: TableReading) -> None:
    reading.subtables = {s.id: SubTableReading(s) for s in spec.subtables}
    subs_by_num = {s.number: s for s in spec.subtables}
    legacy = _legacy(spec, legacy_spec)
    legacy_captions = legacy.captions
    current = ""
    header = None  # (span, candidate sub-tables) of a header line no caption named
    pending = None  # (row spec, span) of a label line waiting for its figures
    run = []  # CellValue of bare numbers, one per line
    pending_marks = []  # legacy marks seen before any sub-table was named
    legacy_label = []  # (mark, span, label) of a 2019-only row's label line waiting for its figures
    prev_label = ""  # the previous line, normalised, when it was a short label with no figures

    def drop_pending():
        """A label line whose figures never came: its row has a label but no values."""
        nonlocal pending
        if pending is not None:
            reading.labels_seen.setdefault(pending[0].id, pending[1])
            pending = None

    def take(r, vals_items, exact, span, lines_used, label_text, glued=False):
        nonlocal pending, header
        pending = None
        if r.id in reading.rows:
            reading.unplaced.append(Unplaced(span, sum(1 for v in vals_items if v.kind != BLANK), 0, (),
                                             label_text))
            return
        sub = reading.subtables[r.subtable]
        if sub.span is None:
            sub.span = header[0] if header is not None and r.subtable in header[1] else span
        header = None
        for mk in pending_marks:
            mk.subtable = r.subtable
        pending_marks.clear()
        expected = len(r.columns)
        width19 = sum(1 for mk in reading.legacy if mk.kind == "column" and mk.subtable == r.subtable)
        if width19 and width19 != expected:
            # a sub-table in the 2019 layout has its own columns: the figures are not the
            # 2021 cells; read only whether they can be told apart
            fitted = fit_cells(vals_items, width19, exact)
            run = ""
            if fitted is None:
                fitted, run = split_values(vals_items, glued, 1, Constraint(width19))
            reading.rows[r.id] = RowReading(r, span, None, filled(vals_items), width19, tuple(lines_used))
            if fitted is None:
                reading.unplaced.append(Unplaced(span, filled(vals_items), width19, (r.id,), label_text, run))
            return
        vals = fit_cells(vals_items, expected, exact)
        note = run = ""
        if vals is None:
            vals, run = split_values(vals_items, glued, 1, Constraint(expected))
            if vals is not None:
                note, run = split_note(vals), ""
        found = filled(vals_items) if vals is None else len(vals)
        reading.rows[r.id] = RowReading(r, span, tuple(vals) if vals is not None else None, found,
                                        expected, tuple(lines_used), note)
        if vals is None:
            reading.unplaced.append(Unplaced(span, filled(vals_items), expected, (r.id,), label_text, run))

    def flush_run():
        if not run:
            return
        vals = list(run)
        if pending is not None:
            r, span = pending
            take(r, vals, False, span, [v.line for v in run], "")
        elif legacy_label:  # the figures of a 2019-only row written one per line
            mark, span, label = legacy_label[-1]
            _legacy_values(reading, mark, vals, False, False, span, label)
        elif len(run) > 1:
            reading.unplaced.append(Unplaced(vals[0].span, len(vals), 0, (), ""))
        run.clear()

    index = row_index(spec)

    def best_row(lab):
        """(F1, row) of the row a label names; the label must be mostly that row's
        words ("全年行政处罚决定数量为" is a sentence about 行政处罚, not its row)."""
        if not lab.grams:
            return 0.0, None
        fit = index.fit(lab.grams)
        if fit.top_precision < 0.75:
            return 0.0, None
        return fit.own[fit.top], spec.rows[fit.top]

    for i in block:
        it = lines.item(i)
        if it is None or it.separator:
            continue
        lab = lines.label(i)
        text = lines.lines[i].text
        if not it.exact and not lab.text and len(it.values) == 1 and it.values[0].kind in (C.NUM, C.TOKEN):
            run.append(cell_value(it.values[0], i))
            continue
        if run:
            flush_run()
        legacy_label.clear()
        cap = CAPTION_RE.search(lab.text)
        if cap and not it.filled:  # a caption with its header on one line: the header is its sub-table's
            num = cap.group(1)
            current = subs_by_num[num].id if num in subs_by_num else (
                f"（{num}）" if num in legacy_captions else current)
        # legacy (2019) labels anywhere on the line (one search tells whether there is any)
        folded = norm(text)
        if legacy.any_label is not None and legacy.any_label.search(folded):
            for kind, labels in (("column", legacy.columns), ("row", legacy.rows)):
                for lab19, key in labels:
                    if key not in folded:
                        continue
                    for s, e in _legacy_spans(text, lab19):
                        mk = LegacyMark(kind, lab19, Span(i, s, e), current)
                        if kind == "row":
                            mk.subtable = "（九）" if "采购" in lab19 else "（五）"
                        reading.legacy.append(mk)
                        if not mk.subtable:
                            pending_marks.append(mk)
                        if kind == "row" and it.label_span:
                            if it.filled:
                                _legacy_values(reading, mk, cell_values(it.values, i), it.exact,
                                               may_run_together(it), Span(i, *it.label_span), it.label)
                            else:
                                legacy_label.append((mk, Span(i, *it.label_span), it.label))
        if prev_label and not it.filled and it.label_span and len(folded) <= 8:
            # a 2019 column label broken over two header lines ("本年新" / "制作数量")
            for lab19, key in legacy.columns:
                joined = prev_label + folded
                if key not in folded and key not in prev_label and joined.endswith(key) \
                        and not joined.endswith("本年" + key):  # "本年处理决定数量" is the 2021 column
                    reading.legacy.append(LegacyMark("column", lab19, Span(i, *it.label_span), current))
                    if not current:
                        pending_marks.append(reading.legacy[-1])
        prev_label = folded if not it.filled and len(folded) <= 8 else ""
        m = CAPTION_RE.search(lab.text)
        if m and not it.filled:
            num = m.group(1)
            span = Span(i, *it.label_span) if it.label_span else Span(i, 0, 0)
            if num in subs_by_num:
                sub = reading.subtables[subs_by_num[num].id]
                current = sub.spec.id
                if not sub.caption_found:
                    sub.span, sub.caption_found = span, True
            elif num in legacy_captions:
                current = f"（{num}）"
                reading.legacy.append(LegacyMark("caption", legacy_captions[num], span, current))
            drop_pending()
            header = None
            continue
        if not lab.cjk:
            if it.filled and not (it.numbers == 0):
                if pending is not None:
                    r, span = pending
                    take(r, cell_values(it.values, i), it.exact, span, [i], "", may_run_together(it))
                elif it.filled > 1:
                    reading.unplaced.append(Unplaced(cell_value(it.values[0], i).span, it.filled, 0, (), ""))
            continue
        score, r = best_row(lab)
        if r is not None and score >= 0.6 and r.subtable and (it.filled or it.blanks_only):
            span = Span(i, *it.label_span)
            take(r, cell_values(it.values, i), it.exact, span, [i], it.label, may_run_together(it))
            current = r.subtable
            continue
        if r is not None and score >= 0.7 and not it.filled:
            drop_pending()
            pending = (r, Span(i, *it.label_span) if it.label_span else Span(i, 0, 0))
            continue
        if not it.filled and (spec.header and norm(spec.header) in lab.text) and not current:
            header = (Span(i, *it.label_span), _header_candidates(spec, lab.text))
    flush_run()
    drop_pending()
    for r in list(reading.labels_seen):
        if r in reading.rows:
            del reading.labels_seen[r]
    for mk in reading.legacy:
        if mk.subtable in reading.subtables:
            reading.subtables[mk.subtable].legacy = True


def _legacy_values(reading: TableReading, mark: LegacyMark, vals: list, exact: bool, glued: bool,
                   span: Span, label: str) -> None:
    """A row only the 2019 layout has ("其他对外管理服务事项", "政府集中采购") with its figures:
    there is no 2021 cell for them; say whether the figures could be told apart at all."""
    width = sum(1 for mk in reading.legacy if mk.kind == "column" and mk.subtable == mark.subtable) or 1
    if fit_cells(vals, width, exact) is not None:
        return
    cells, run = split_values(vals, glued, 1, Constraint(width))
    if cells is None:
        reading.unplaced.append(Unplaced(span, filled(vals), width, (), label, run, legacy=True))


def _header_candidates(spec, text: str) -> tuple:
    """Sub-tables whose column labels all appear in a header line ("信息内容 本年制发件数 …").

    Such a line stands for its sub-table when no caption named it; (五) and (六)
    share their header, so the next row read decides between them."""
    return tuple(sub.id for sub in spec.subtables
                 if sub.columns and all(norm(c) in text for c in sub.columns))


