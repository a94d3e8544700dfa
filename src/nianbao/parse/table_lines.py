"""Lines of a table block -> labels and rows of figures (shared by the three table readers)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

from ..model import Span
from . import cells as C
from .labels import cjk_len, grams, norm, precision
from . import digits
from .table_model import BLANK, KIND, NUMBER, CellValue

# ---------------------------------------------------------------------------
# lines


@dataclass
class Label:
    text: str  # normalised
    grams: frozenset
    cjk: int


_LABELS = {}


def label_of(text: str) -> Label:
    """The normalised label of ``text`` (cached: labels repeat from report to report)."""
    lab = _LABELS.get(text)
    if lab is None:
        t = norm(text)
        lab = Label(t, grams(t), cjk_len(t))
        if len(_LABELS) < 20000:
            _LABELS[text] = lab
    return lab


class Lines:
    """Lazy per-line analysis shared by the three table readers (each line is split
    and its label normalised at most once per report)."""

    def __init__(self, report):
        self.doc = report.doc
        self.lines = report.doc.lines
        self.skip = set(report.page_markers) | {h.line for h in report.headings}
        n = len(self.lines)
        self._items = [None] * n  # LineItem, or False for a line with nothing to read
        self._labels = [None] * n
        self._by_text = {}  # text -> LineItem of a text line (figures written one per line repeat)

    def item(self, i: int) -> Optional[C.LineItem]:
        """What line ``i`` holds; None when there is nothing to read on it."""
        it = self._items[i]
        if it is None:
            it = self._items[i] = self._read(i)
        return it or None

    def _read(self, i: int):
        # nothing to read: a page marker, a heading, or an empty line (a row of empty
        # cells is not empty: its cells are blanks)
        if i in self.skip:
            return False
        ln = self.lines[i]
        if ln.cells is not None:
            return C.split_line(ln, i)
        text = ln.text
        if not text.strip() and "\t" not in text:
            return False
        seen = self._by_text.get(text)
        if seen is not None:
            return seen.for_line(i)
        it = self._by_text[text] = C.split_line(ln, i)
        return it

    def label(self, i: int) -> Label:
        lab = self._labels[i]
        if lab is None:
            lab = self._labels[i] = label_of(self.item(i).label)
        return lab


_new = tuple.__new__


def cell_value(cell: C.Cell, line: int) -> CellValue:
    return _new(CellValue, (KIND[cell[3]], cell[0], cell[4], line, cell[1], cell[2]))


def cell_values(cells: list, line: int) -> list:
    """[cell_value(c, line) for c in cells], without a call per cell (hot path)."""
    kinds = KIND
    return [_new(CellValue, (kinds[c[3]], c[0], c[4], line, c[1], c[2])) for c in cells]



# ---------------------------------------------------------------------------
# value rows


@dataclass
class ValueRow:
    """A row of figures in the block (possibly written one cell per line)."""

    line: int  # first line
    lines: list
    values: list  # CellValue
    exact: bool
    label: Label
    label_span: Optional[Span]
    label_text: str
    blank_row: bool = False  # exact row whose cells are all empty
    glued: bool = False  # loose figures that may run together (see ``split_values``)
    before: str = ""  # label lines between the previous row and this one (normalised)
    after: str = ""


def collect_rows(lines: Lines, block: range, lone_ok, vocab: frozenset, width: int, blank_ok) -> tuple:
    """(value rows, label-only lines) of a block, in order.

    ``lone_ok(n)`` says whether a run of ``n`` bare numbers (one per line) can be
    a row; runs that cannot are stray numbers (page numbers) and are dropped.
    ``blank_ok(label)`` says whether an exact row of empty cells with that label
    can be a data row left blank; otherwise it is a label line (a header, or a
    label continued from the row above).  Empty cells beyond ``width`` at the end
    of an exact row are dropped.
    """
    out, labels = [], []
    pending = []  # normalised label texts since the last value row
    last = []  # the Label of the last label line, when it is the line just before a run
    run = []  # CellValue of bare numbers, one per line

    def flush_run():
        if not run:
            return
        vals = list(run)
        piped = any(v.kind == BLANK for v in vals)  # an empty cell written as a lone pipe: blanks are real
        if piped:
            while len(vals) > width and vals[-1].kind == BLANK:
                vals.pop()  # empty cells beyond the row's width: the page's spare cells
            while len(vals) > width and vals[0].kind == BLANK:
                vals.pop(0)  # an empty cell under a group label ("三、本年度办理结果")
        n = len(vals)
        if not lone_ok(n) and all(v.kind != NUMBER for v in vals):
            run.clear()  # a few dashes under a header, no figure: placeholders, not a row
            return
        prev = out[-1] if out else None
        if (prev is not None and not prev.exact and prev.label.cjk and not pending
                and lone_ok(len(prev.values) + n) and not lone_ok(len(prev.values))):
            prev.values.extend(vals)  # label line with its first figures, the rest one per line
            prev.lines.extend(v.line for v in run)
        elif n > 1 or lone_ok(n):
            # a whole row written one figure per line takes the label line just above it
            # as its label (its place stays its first figure)
            lab = last[0] if last and lone_ok(n) else Label("", frozenset(), 0)
            out.append(ValueRow(run[0].line, [v.line for v in run], vals, piped,
                                lab, None, "", before="".join(pending),
                                blank_row=piped and all(v.kind == BLANK for v in vals)))
            pending.clear()
        last.clear()
        run.clear()

    closed = False  # the line before was one cell closed by its own pipe ("0 |", or a lone "|")
    for i in block:
        it = lines.item(i)
        if it is None:
            continue
        if it.separator:
            if closed and lines.lines[i].text.strip() == "|":
                # cells written one per line, each closed by its pipe ("规章 |", "0 |"): a pipe
                # alone is an empty cell, not the end of the cell above (which was closed already)
                at = lines.lines[i].text.index("|")
                run.append(CellValue(BLANK, "", None, i, at, at + 1))
            else:
                closed = False
            continue
        text = lines.lines[i].text.strip()
        closed = not it.exact and text.endswith("|") and text.count("|") == 1 and len(text) > 1
        lab = lines.label(i)
        if not it.exact and not lab.text and len(it.values) == 1 and it.values[0].kind in _RUN_KINDS \
                and not _long_run(it.values[0][0]):
            run.append(cell_value(it.values[0], i))
            continue
        if run:
            flush_run()
        last.clear()
        if it.filled and not it.exact and it.numbers == 0 and lab.text and not lone_ok(len(it.values)) \
                and not blank_ok(lab):
            # words that name no row, then stand-ins only, not as many as a row has ("…法律服务机构
            # 其他 - - - - -", a header's placeholders once the lines are gone): words, not figures
            labels.append(i)
            pending.append(lab.text)
            last.append(lab)
            continue
        # (a row of empty cells after more words than cells is a header padded with empty
        # cells, "| 维持 | 纠正 | … | 尚未 |||||", not a row left blank)
        if it.filled or (it.blanks_only and blank_ok(lab) and len(it.label_cells) <= len(it.values)):
            if not lab.text and it.numbers == 0 and not it.blanks_only:
                continue  # a row of dashes with no label: a placeholder, not figures
            span = Span(i, *it.label_span) if it.label_span else None
            vals = it.values
            if it.exact and len(vals) > width:
                end = len(vals)
                while end > width and vals[end - 1][3] == C.BLANK:
                    end -= 1
                vals = vals[:end]
            cvs = cell_values(vals, i)
            k = len(cvs) // width if width else 0
            if not it.exact and k >= 2 and len(cvs) == k * width and lone_ok(width) \
                    and all(v.kind != BLANK for v in cvs):
                # rows run into one line with their labels lost ("（一）予以公开 5 1 0 0 0 0 6 1 0 0 0 0 0 1"):
                # the label may be any of theirs (a flattened page puts the labels of several rows
                # before their figures), so it is evidence for each, as a label line beside them
                # would be, and the order of the rows around decides
                for j in range(k):
                    out.append(ValueRow(i, [i], cvs[j * width:(j + 1) * width], False, Label("", frozenset(), 0),
                                        None, "", before=("".join(pending) if j == 0 else "") + lab.text))
            else:
                out.append(ValueRow(i, [i], cvs, it.exact, lab, span, it.label,
                                    blank_row=it.filled == 0, before="".join(pending),
                                    glued=may_run_together(it)))
            pending.clear()
        elif lab.text:
            labels.append(i)
            pending.append(lab.text)
            last.append(lab)
    flush_run()
    # a line of words ending in one number ("…申请数量为 5") is a sentence wrapped by
    # the extraction, not a row, where a row has several figures: keep its words
    # as label evidence only; so is a word with a short number glued to it, too short
    # to be a row's cells run together (a header cell "数据1" on a line of its own)
    kept, carry = [], ""
    for it in out:
        if (not it.exact and len(it.values) == 1 and it.label.text and not lone_ok(1)
                and not (it.glued and len(it.values[0].text) >= 5)
                and (precision(it.label.grams, vocab) < 0.8 or it.glued)):
            labels.append(it.line)
            carry += it.before + it.label.text
            continue
        if carry:
            it.before = carry + it.before
            carry = ""
        kept.append(it)
    out = kept
    labels.sort()
    for k in range(len(out) - 1):
        out[k].after = out[k + 1].before
    if out and (pending or carry):
        out[-1].after = carry + "".join(pending)
    return out, labels


def fit_cells(values: list, expected: int, exact: bool) -> Optional[list]:
    """The values as exactly ``expected`` cells, or None when they cannot be placed."""
    if len(values) == expected:
        return values
    if not exact or len(values) < expected:
        return None
    vals = list(values)
    while len(vals) > expected and vals[-1].kind == BLANK:
        vals.pop()
    while len(vals) > expected and vals[0].kind == BLANK:
        vals.pop(0)
    return vals if len(vals) == expected else None


#: a figure or a stand-in ("-", "/", "无") alone on its line: one cell of a row written one per line
_RUN_KINDS = (C.NUM, C.TOKEN)


def _long_run(text: str) -> bool:
    """A lone figure that is rather a whole row run together ("000000000000000")."""
    return text.isdigit() and (len(text) >= 7 or (len(text) > 1 and text[0] == "0"))


def _may_run_together(it) -> bool:
    """Loose figures that show they lost their separators: the first touches the
    label, or one has a leading zero ("000023"), or one long run stands alone."""
    vals = it.values
    if not vals or not all(v[3] == C.NUM and v[0].isascii() and v[0].isdigit() for v in vals):
        return False
    return it.glued or any(len(v[0]) > 1 and v[0][0] == "0" for v in vals) or (len(vals) == 1 and len(vals[0][0]) > 1)


def may_run_together(it) -> bool:
    """Whether a line's (``cells.LineItem``) loose figures may have run together."""
    return not it.exact and _may_run_together(it)


def split_values(vals: list, glued: bool, groups: int, rule) -> tuple:
    """(cells, status): the digit strings ``vals`` (CellValue) cut into ``groups`` ×
    ``rule.width`` cells when exactly one split fits (status "unique"), else
    (None, status); (None, "") when the figures do not look run together."""
    if not glued:
        return None, ""
    got = digits.split([v.text for v in vals], groups, rule)
    if got.cells is None:
        return None, got.status
    out = []
    for t, s, e in got.cells:
        v = vals[t]
        text = v.text[s:e]
        out.append(CellValue(NUMBER, text, Decimal(text), v.line, v.start + s, v.start + e))
    return out, got.status


def split_note(values: list) -> str:
    """"134/2/0/0/0/0/136": the cells a run of digits was split into."""
    return "/".join(v.text for v in values)


def filled(values: list) -> int:
    return sum(1 for v in values if v.kind != BLANK)


def row_span(item: ValueRow) -> Span:
    if item.label_span is not None:
        return item.label_span
    first = item.values[0].span if item.values else Span(item.line, 0, 0)
    return first


