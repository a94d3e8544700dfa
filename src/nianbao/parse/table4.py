"""Table 四: three groups of five figures."""

from __future__ import annotations

from .labels import precision
from .table_lines import Lines, collect_rows, filled, fit_cells, row_span, split_note, split_values
from .table_model import RowReading, TableReading, Unplaced

# ---------------------------------------------------------------------------
# table 四: three groups of five


def _group_hint(text: str, rows: list):
    """The group a label names (by its key phrases), or None."""
    if not text:
        return None
    hits = [r for r in rows if any(k in text for k in r.keys)]
    if len(hits) > 1:  # "复议后起诉" also contains "复议": prefer the most specific
        specific = [r for r in hits if r.id != "行政复议"]
        if len(specific) == 1:
            return specific[0]
        return None
    return hits[0] if hits else None


def read_groups(lines: Lines, spec, block: range, reading: TableReading) -> None:
    width = len(spec.columns)
    total = width * len(spec.rows)
    # an exact row with only empty cells is the data row left blank, unless it is
    # a header line with empty merged cells ("行政复议\t\t\t行政诉讼\t…")
    items, _labels = collect_rows(lines, block, lambda n: n % width == 0 and n <= total, spec.vocab, total,
                              lambda lab: not lab.grams or precision(lab.grams, spec.vocab) < 0.5)
    if any(not it.blank_row for it in items):
        items = [it for it in items if not it.blank_row or it.label.grams]
    else:  # only empty rows: the data row is the one with a cell under every column
        items = [it for it in items if it.label.grams or len(it.values) % width == 0]
    free = list(spec.rows)
    for it in items:
        vals = it.values
        if it.exact:
            for want in range(total, 0, -width):
                fitted = fit_cells(vals, want, True)
                if fitted is not None:
                    vals = fitted
                    break
        note = run = ""
        if it.glued and len(vals) % width:
            vals, note, run = _split_groups(vals, len(free), spec.cache["split_rule"])
        n = len(vals)
        if not free:
            reading.unplaced.append(Unplaced(row_span(it), filled(vals), 0, (), it.label_text))
            continue
        hint = _group_hint(it.label.text, spec.rows) or _group_hint(it.before, spec.rows)
        placeable = n and not n % width and n <= width * len(free)
        # how many groups the figures stand for (rounded when some are missing); a run of
        # digits that could not be split stands for every group still to come
        k = n // width if placeable else len(free) if run else min(len(free), max(1, round(n / width)))
        ids = [r.id for r in free]
        start = 0
        if hint is not None and hint.id in ids and ids.index(hint.id) + k <= len(free):
            start = ids.index(hint.id)
        groups = free[start:start + k]
        del free[start:start + k]
        if not placeable:
            reading.unplaced.append(Unplaced(row_span(it), filled(vals), width * k,
                                             tuple(r.id for r in groups), it.label_text, run))
            for r in groups:
                reading.rows[r.id] = RowReading(r, row_span(it), None, filled(vals), width,
                                                tuple(it.lines))
            continue
        for g, r in enumerate(groups):
            chunk = vals[g * width:(g + 1) * width]
            span = chunk[0].span if (g or it.label_span is None) else it.label_span
            reading.rows[r.id] = RowReading(r, span, tuple(chunk), width, width, tuple(it.lines),
                                            split_note(chunk) if note else "")


def _split_groups(vals: list, most: int, rule) -> tuple:
    """(values, note, status) for figures run together: the one split into some number
    of groups (1..``most``) when exactly one fits; the values unchanged otherwise."""
    found, statuses = [], set()
    for k in range(most, 0, -1):
        cells, status = split_values(vals, True, k, rule)
        statuses.add(status)
        if cells is not None:
            found.append(cells)
    if len(found) == 1 and "many" not in statuses:
        return found[0], "split", ""
    return vals, "", "many" if found or "many" in statuses else "none"


