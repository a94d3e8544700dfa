"""Read tables 二, 三 and 四 from a report's lines into the template's rows and columns.

The reader is guided by the template (rules/tables-2021.yaml, compiled by
:mod:`.tablespec`), never by one report's layout:

1. **Where.**  Each table is looked for in its own section (``report.sections``);
   when that heading is missing or renumbered, between the neighbouring
   sections that were found.  Inside that range the table's *block* begins at
   the first line that reads like the table (its captions, headers or row
   labels, compared as bigram sets, see :mod:`.labels`) and ends at a line that
   clearly belongs to another table, or at two consecutive lines of prose.
   Page markers and headings are skipped.
2. **What is on each line** (:mod:`.cells`): label text and value cells, exact
   (real table rows, tabs, Markdown pipes: blanks are real) or loose (runs of
   spaces).  Consecutive lines holding one bare number each are one row written
   one cell per line; a lone number that cannot be such a row (a page number)
   is ignored.
3. **Which row.**  Table 三: value rows are aligned to the template's rows in
   order (a small dynamic programme): a row's own label weighs most, label
   lines just before or after it (labels split from their figures, as PDF
   extraction leaves them) add evidence, and a row with no label at all goes to
   the next template row not yet filled.  Table 二: by label (its rows are
   distinct words and real reports print the sub-tables in any order).  Table
   四: 15 figures in one row, or rows of 5 named by 行政复议 / 未经复议 /
   复议后起诉 or taken in order.
4. **Which column.**  A row with exactly as many cells as the template has
   columns is placed cell by cell (an exact row may carry extra empty cells at
   its ends; they are dropped).  Otherwise the row is *unplaced*: it is
   recorded with how many values were read, no column is guessed, and no
   relation is computed from it.

Every value keeps its source position (``Span``); a blank cell points at the
gap where the figure should be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple, Optional

from ..model import CellRef, Span
from . import cells as C
from .labels import cjk_len, grams, norm, precision
from .tablespec import compile_tables

NUMBER, BLANK, TOKEN = "number", "blank", "token"
_KIND = {C.NUM: NUMBER, C.BLANK: BLANK, C.TOKEN: TOKEN}
_CAPTION_RE = re.compile(r"第?\(([一二三四五六七八九十])\)项")
_NEG = float("-inf")


# ---------------------------------------------------------------------------
# the reading model (what the rules consume)


class CellValue(NamedTuple):
    """One template cell as read: a number, a blank, or a non-numeric token.

    ``line``/``start``/``end`` locate it (0-based line index, character
    columns); ``span`` gives them as a ``model.Span``.
    """

    kind: str  # NUMBER | BLANK | TOKEN
    text: str  # as written ("" for a blank)
    value: Optional[Decimal]  # for numbers
    line: int
    start: int
    end: int

    @property
    def span(self) -> Span:
        return Span(self.line, self.start, self.end)

    @property
    def is_number(self) -> bool:
        return self.kind == NUMBER


@dataclass
class RowReading:
    """A template row found in the report.

    ``cells`` holds one CellValue per template column, or is None when the
    values could not be placed in columns (``found`` of ``expected`` read).
    """

    spec: object  # tablespec.RowSpec
    span: Span  # the row's label, or its first value when it has no label
    cells: Optional[tuple]
    found: int
    expected: int
    lines: tuple

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def placed(self) -> bool:
        return self.cells is not None


@dataclass
class Unplaced:
    """Figures nianbao read but could not put into template cells."""

    span: Span
    found: int  # how many values were read
    expected: int  # how many the row should have (0 when no row could be named)
    rows: tuple  # template row ids the values belong to ((): unknown row)
    label: str  # the label as written, "" when none


@dataclass
class LegacyMark:
    """A label of the superseded 2019 trial format."""

    kind: str  # "column" | "row" | "caption"
    label: str  # the 2019 label (as in template_version)
    span: Span
    subtable: str = ""  # table 二: sub-table id ("（九）" for the 2019-only table)


@dataclass
class SubTableReading:
    """Table 二: one of the four 第二十条 sub-tables."""

    spec: object  # tablespec.SubTableSpec
    span: Optional[Span] = None  # its caption (or header, or first row) in the text
    caption_found: bool = False
    legacy: bool = False  # written in the 2019 layout

    @property
    def found(self) -> bool:
        return self.span is not None


@dataclass
class TableReading:
    spec: object  # tablespec.TableSpec
    found: bool = False
    span: Optional[Span] = None  # the first line of the table
    block: range = range(0)
    rows: dict = field(default_factory=dict)  # row id -> RowReading
    subtables: dict = field(default_factory=dict)  # table 二: id -> SubTableReading
    legacy: list = field(default_factory=list)  # LegacyMark
    unplaced: list = field(default_factory=list)  # Unplaced
    labels_seen: dict = field(default_factory=dict)  # row id -> Span of a label with no figures

    @property
    def id(self) -> str:
        return self.spec.id

    def row(self, rid: str):
        return self.rows.get(rid)

    def cell(self, rid: str, col: int):
        """The CellValue of row ``rid``, column index ``col``; None when not placed."""
        r = self.rows.get(rid)
        if r is None or r.cells is None:
            return None
        return r.cells[col]

    def cell_ref(self, rid: str, col: int) -> CellRef:
        """The template cell in the template's words.

        表二 and 表三: (row label, column label).  表四 has one data row and no
        row label: the row is "" and the column is the header path,
        "行政复议·总计" or "行政诉讼·复议后起诉·尚未审结".
        """
        spec = self.spec.row_by_id[rid]
        column = spec.columns[col]
        if self.spec.id == "四":
            return CellRef("四", "", f"{spec.label}·{column}")
        return CellRef(self.spec.id, spec.label, column)

    def where(self, rid: str, col: int) -> str:
        """Chinese description of a cell for messages."""
        spec = self.spec.row_by_id[rid]
        column = spec.columns[col]
        if self.spec.id == "四":
            return f"「{spec.label}·{column}」"
        return f"「{spec.display(self.spec)}」行「{column}」列"


class Tables(dict):
    """table id -> TableReading, plus a per-report cache for the rules."""

    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.cache = {}


# ---------------------------------------------------------------------------
# lines


@dataclass
class _Label:
    text: str  # normalised
    grams: frozenset
    cjk: int


_LABELS = {}


def _label(text: str) -> _Label:
    """The normalised label of ``text`` (cached: labels repeat from report to report)."""
    lab = _LABELS.get(text)
    if lab is None:
        t = norm(text)
        lab = _Label(t, grams(t), cjk_len(t))
        if len(_LABELS) < 20000:
            _LABELS[text] = lab
    return lab


class _Lines:
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

    def label(self, i: int) -> _Label:
        lab = self._labels[i]
        if lab is None:
            lab = self._labels[i] = _label(self.item(i).label)
        return lab


_new = tuple.__new__


def _cv(cell: C.Cell, line: int) -> CellValue:
    return _new(CellValue, (_KIND[cell[3]], cell[0], cell[4], line, cell[1], cell[2]))


def _cvs(cells: list, line: int) -> list:
    """[_cv(c, line) for c in cells], without a call per cell (hot path)."""
    kinds = _KIND
    return [_new(CellValue, (kinds[c[3]], c[0], c[4], line, c[1], c[2])) for c in cells]


# ---------------------------------------------------------------------------
# finding a table's block


def _range_for(report, spec) -> tuple:
    secs = report.sections
    n = len(report.doc.lines)
    idx = spec.section_index
    if idx in secs:
        return secs[idx][0] + 1, secs[idx][1]
    before = [k for k in secs if k < idx]
    after = [k for k in secs if k > idx]
    lo = secs[max(before)][0] + 1 if before else 0
    hi = secs[min(after)][0] if after else n
    return lo, hi


def _vocab_shares(spec, g: frozenset) -> dict:
    """Table id -> (share of the bigrams ``g`` in that table's vocabulary, the highest
    share in another table's) (cached per template: labels repeat from report to report)."""
    cache = spec.cache.setdefault("vocab_shares", {})
    got = cache.get(g)
    if got is None:
        n = len(g)
        share = {k: len(g & s.vocab) / n for k, s in spec.tables.items()}
        got = {}
        for k, v in share.items():
            got[k] = (v, max([w for j, w in share.items() if j != k], default=0.0))
        if len(cache) < 20000:
            cache[g] = got
    return got


def _line_kind(lines: _Lines, i: int, it: C.LineItem, tid: str, spec) -> str:
    """"anchor" | "foreign" | "prose" | "value" | "neutral" for table ``tid``."""
    if it.separator:
        return "neutral"
    if not it.exact and not it.values and len(it.label) > 60:
        return "prose"  # no table label is that long
    lab = lines.label(i)
    has_values = it.filled > 0
    if lab.cjk >= 2 and len(lab.grams) >= 2:
        if tid == "二" and _CAPTION_RE.search(lab.text):
            return "anchor"
        mine, other = _vocab_shares(spec, lab.grams)[tid]
        if other >= 0.75 and other >= mine + 0.2:
            return "foreign"
        if mine >= 0.6 and mine >= other + 0.15:
            return "anchor"  # words of this table, not words all three tables share
        if has_values:
            return "value"
        if ("。" in lab.text and mine < 0.7) or (lab.cjk >= 10 and mine < 0.5):
            return "prose"
        return "neutral"
    return "value" if has_values else "neutral"


def _find_block(lines: _Lines, tid: str, spec, lo: int, hi: int):
    start = last = None
    prose = 0
    for i in range(lo, hi):
        it = lines.item(i)
        if it is None:
            continue
        kind = _line_kind(lines, i, it, tid, spec)
        if start is None:
            if kind == "anchor":
                start = last = i
            continue
        if kind == "foreign":
            break
        if kind == "prose":
            prose += 1
            if prose >= 2:
                break
            continue
        prose = 0
        last = i
    if start is None:
        return None
    return range(start, last + 1)


# ---------------------------------------------------------------------------
# value rows


@dataclass
class _VItem:
    """A row of figures in the block (possibly written one cell per line)."""

    line: int  # first line
    lines: list
    values: list  # CellValue
    exact: bool
    label: _Label
    label_span: Optional[Span]
    label_text: str
    blank_row: bool = False  # exact row whose cells are all empty
    before: str = ""  # label lines between the previous row and this one (normalised)
    after: str = ""


def _collect(lines: _Lines, block: range, lone_ok, vocab: frozenset, width: int, blank_ok) -> tuple:
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
    run = []  # CellValue of bare numbers, one per line

    def flush_run():
        if not run:
            return
        n = len(run)
        prev = out[-1] if out else None
        vals = list(run)
        if (prev is not None and not prev.exact and prev.label.cjk and not pending
                and lone_ok(len(prev.values) + n) and not lone_ok(len(prev.values))):
            prev.values.extend(vals)  # label line with its first figures, the rest one per line
            prev.lines.extend(v.line for v in run)
        elif n > 1 or lone_ok(n):
            out.append(_VItem(run[0].line, [v.line for v in run], vals, False,
                              _Label("", frozenset(), 0), None, "", before="".join(pending)))
            pending.clear()
        run.clear()

    for i in block:
        it = lines.item(i)
        if it is None or it.separator:
            continue
        lab = lines.label(i)
        if not it.exact and not lab.text and len(it.values) == 1 and it.values[0].kind == C.NUM:
            run.append(_cv(it.values[0], i))
            continue
        if run:
            flush_run()
        if it.filled or (it.blanks_only and blank_ok(lab)):
            if not lab.text and it.numbers == 0 and not it.blanks_only:
                continue  # a row of dashes with no label: a placeholder, not figures
            span = Span(i, *it.label_span) if it.label_span else None
            vals = it.values
            if it.exact and len(vals) > width:
                end = len(vals)
                while end > width and vals[end - 1][3] == C.BLANK:
                    end -= 1
                vals = vals[:end]
            out.append(_VItem(i, [i], _cvs(vals, i), it.exact, lab, span, it.label,
                              blank_row=it.filled == 0, before="".join(pending)))
            pending.clear()
        elif lab.text:
            labels.append(i)
            pending.append(lab.text)
    flush_run()
    # a line of words ending in one number ("…申请数量为 5") is a sentence wrapped by
    # the extraction, not a row, where a row has several figures: keep its words
    # as label evidence only
    kept, carry = [], ""
    for it in out:
        if (not it.exact and len(it.values) == 1 and it.label.text and not lone_ok(1)
                and precision(it.label.grams, vocab) < 0.8):
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


def _fit(values: list, expected: int, exact: bool) -> Optional[list]:
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


def _filled(values: list) -> int:
    return sum(1 for v in values if v.kind != BLANK)


def _row_span(item: _VItem) -> Span:
    if item.label_span is not None:
        return item.label_span
    first = item.values[0].span if item.values else Span(item.line, 0, 0)
    return first


# ---------------------------------------------------------------------------
# table 三: ordered alignment


class _Fit(NamedTuple):
    """How one written label fits a table's rows (see ``_align``)."""

    own: list  # F1 per row
    top: int  # the row of the highest F1 (the first of equals)
    top_precision: float  # the precision for that row
    coverage: float  # the highest coverage of any row
    labelled: bool  # it names a row: a whole label, or a fragment of one split over lines
    noise: float  # the share of its bigrams that are group labels, headers or columns
    scores: tuple  # per row, the score of a row with this label: 4·F1 − 1.5
    sure: int  # the row it names beyond doubt (F1 ≥ 0.8, 0.25 ahead of any other), or -1


class _RowIndex:
    """Inverted bigram index over a table's row labels (built once per template)."""

    def __init__(self, rows: list, noise: frozenset):
        self.n = len(rows)
        self.noise = noise
        self.legacy = tuple(r.legacy for r in rows)
        # per-template caches: written labels repeat from row to row and report to report
        self._cache = {}
        self._coverage = {}
        self._evidence = {}
        self._fits = {}
        self.entries = []  # (row index, number of bigrams) per label or variant
        postings = {}  # bigram -> ([entries with it in their label], [rows with it in their context])
        for k, r in enumerate(rows):
            for g in r.grams:
                e = len(self.entries)
                self.entries.append((k, len(g)))
                for x in g:
                    postings.setdefault(x, ([], []))[0].append(e)
            for x in r.context - noise:
                postings.setdefault(x, ([], []))[1].append(k)
        self.postings = {x: (tuple(a), tuple(b)) for x, (a, b) in postings.items()}
        # scores of a row with no usable label: 0 (any row) / -1.5 (a label foreign to
        # the table); a 2019-only row is never given to an unlabelled row
        self.base_plain = tuple(_NEG if r.legacy else 0.0 for r in rows)
        self.base_foreign = tuple(_NEG if r.legacy else -1.5 for r in rows)

    def _hits(self, g: frozenset, want_rows: bool) -> tuple:
        hits, spec = {}, {}
        post = self.postings
        for x in g:
            pe = post.get(x)
            if pe is None:
                continue
            for e in pe[0]:
                hits[e] = hits.get(e, 0) + 1
            if want_rows:
                for k in pe[1]:
                    spec[k] = spec.get(k, 0) + 1
        cov = [0.0] * self.n
        entries = self.entries
        for e, h in hits.items():
            k, size = entries[e]
            v = h / size
            if v > cov[k]:
                cov[k] = v
        return cov, spec

    def coverage(self, g: frozenset) -> tuple:
        """Per row: the share of its label's bigrams present in ``g`` (cached)."""
        got = self._coverage.get(g)
        if got is None:
            got = tuple(self._hits(g, False)[0])
            if len(self._coverage) < 20000:
                self._coverage[g] = got
        return got

    def evidence(self, text: str) -> tuple:
        """(row, coverage) of every row (2019-only rows aside) whose label is at least
        half present in ``text``, a run of label lines beside a row of figures (cached)."""
        got = self._evidence.get(text)
        if got is None:
            got = ()
            if text:
                got = tuple((k, v) for k, v in enumerate(self.coverage(grams(text)))
                            if v >= 0.5 and not self.legacy[k])
            if len(self._evidence) < 20000:
                self._evidence[text] = got
        return got

    def match(self, g: frozenset) -> tuple:
        """Per row: (coverage, precision, F1) lists for a written label (cached)."""
        got = self._cache.get(g)
        if got is None:
            got = self._match(g)
            if len(self._cache) < 20000:
                self._cache[g] = got
        return got

    def fit(self, g: frozenset) -> "_Fit":
        """How a written label fits the rows, for the alignment (cached)."""
        got = self._fits.get(g)
        if got is None:
            cov, prec, own = self.match(g)
            best_p = max([p for c, p in zip(cov, prec) if c >= 0.2] or [0.0])
            # a whole label, or a fragment of one label split over lines ("形，不计其他情形）")
            labelled = max(own) >= 0.5 or best_p >= 0.85
            top2 = sorted(own)[-2:]
            sure = -1
            if top2[-1] >= 0.8 and (len(top2) < 2 or top2[0] <= top2[-1] - 0.25):
                sure = own.index(top2[-1])
            top = own.index(max(own))
            got = _Fit(own, top, prec[top], max(cov), labelled, precision(g, self.noise),
                       tuple(4 * x - 1.5 for x in own), sure)
            if len(self._fits) < 20000:
                self._fits[g] = got
        return got

    def _match(self, g: frozenset) -> tuple:
        cov, spec = self._hits(g, True)
        n = len(g)
        if not n:
            z = [0.0] * self.n
            return cov, z, z
        base = len(g & self.noise) / n
        prec = [base] * self.n
        for k, c in spec.items():
            prec[k] = base + c / n
        score = [0.0] * self.n
        for k, c in enumerate(cov):
            if c:
                p = prec[k]
                score[k] = 2 * c * p / (c + p)
        return cov, prec, score


def _index(spec) -> _RowIndex:
    idx = spec.cache.get("row_index")
    if idx is None:
        idx = spec.cache["row_index"] = _RowIndex(spec.rows, spec.noise)
    return idx


def _align(items: list, spec) -> list:
    """For each item, the index of its template row or -1 (dynamic programme)."""
    rows = spec.rows
    index = _index(spec)
    n, m = len(rows), len(items)
    scores = []
    skip_item = []
    sure = []
    for it in items:
        lab = it.label
        own = None
        labelled = foreign = False
        if lab.grams and lab.cjk:
            fit = index.fit(lab.grams)
            own, labelled = fit.own, fit.labelled
            foreign = not labelled and lab.cjk >= 3 and fit.noise < 0.7
        if it.blank_row:
            row_scores = [4 * x - 1.5 if x >= 0.8 else _NEG for x in own] if own is not None else [_NEG] * n
        elif labelled:
            row_scores = list(fit.scores)
        else:
            row_scores = list(index.base_foreign if foreign else index.base_plain)
        # label lines just before or after the row name it too: the stronger of the two counts
        eb, ea = index.evidence(it.before), index.evidence(it.after)
        if eb or ea:
            strong = dict(eb)
            for k, v in ea:
                if v > strong.get(k, 0.0):
                    strong[k] = v
            for k, v in strong.items():
                if row_scores[k] != _NEG:
                    row_scores[k] += v
        scores.append(row_scores)
        skip_item.append(0.0 if (it.blank_row or foreign) else 1.0)
        sure.append(fit.sure if labelled and not it.blank_row else -1)
    skip_row = [0.0 if r.legacy else 0.6 for r in rows]
    # Rows whose own label names one template row beyond doubt, in increasing order,
    # are fixed points; the programme then runs only on the stretches between them.
    anchors = [(j, k) for j, k in enumerate(sure) if k >= 0]
    if any(b[1] <= a[1] for a, b in zip(anchors, anchors[1:])):
        return _dp(scores, skip_item, skip_row)
    out = [-1] * m
    pj, pk = -1, -1
    for j, k in anchors + [(m, n)]:
        if j - pj > 1:
            sub = _dp([sc[pk + 1:k] for sc in scores[pj + 1:j]], skip_item[pj + 1:j], skip_row[pk + 1:k])
            for d, kk in enumerate(sub):
                if kk >= 0:
                    out[pj + 1 + d] = pk + 1 + kk
        if j < m:
            out[j] = k
        pj, pk = j, k
    return out


def _dp(scores: list, skip_item: list, skip_row: list) -> list:
    """Best order-keeping assignment of items to rows: item index -> row index or -1."""
    m, n = len(scores), len(skip_row)
    if not m:
        return []
    # dp[j][k]: best score with the first j items and the first k rows
    dp = [[0.0] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    for k in range(1, n + 1):
        dp[0][k] = dp[0][k - 1] - skip_row[k - 1]
        back[0][k] = 2
    neg = _NEG
    for j in range(1, m + 1):
        prev, cur, bj = dp[j - 1], dp[j], back[j]
        si = skip_item[j - 1]
        left = cur[0] = prev[0] - si
        bj[0] = 1
        # k runs over the rows; up = dp[j-1][k], diag = dp[j-1][k-1], left = dp[j][k-1]
        for k, up, diag, skip, sc in zip(range(1, n + 1), prev[1:], prev, skip_row, scores[j - 1]):
            best, how = up - si, 1  # skip the item
            v = left - skip  # skip the row
            if v > best:
                best, how = v, 2
            if sc != neg:  # give the item the row
                v = diag + sc
                if v >= best:
                    best, how = v, 0
            cur[k] = left = best
            bj[k] = how
    out = [-1] * m
    j, k = m, n
    while j > 0 or k > 0:
        how = back[j][k]
        if how == 0:
            out[j - 1] = k - 1
            j, k = j - 1, k - 1
        elif how == 1:
            j -= 1
        else:
            k -= 1
    return out


def _read_ordered(lines: _Lines, spec, block: range, reading: TableReading) -> None:
    expected = len(spec.columns)
    index = _index(spec)

    def blank_ok(lab):  # a row left blank names its row plainly
        return bool(lab.grams) and max(index.match(lab.grams)[2]) >= 0.8

    items, label_lines = _collect(lines, block, lambda n: n == expected, spec.vocab, expected, blank_ok)
    rows = spec.rows
    assign = _align(items, spec)
    legacy_items = []
    for it, k in zip(items, assign):
        if k < 0:
            if it.blank_row:
                continue
            reading.unplaced.append(Unplaced(_row_span(it), _filled(it.values), 0, (), it.label_text))
            continue
        r = rows[k]
        _place(reading, r, it, expected)
        if r.legacy:
            legacy_items.append((it, r))
    for it, r in legacy_items:
        g = spec.groups.get(r.id)
        if g and any(m in reading.rows for m in g.members):
            del reading.rows[r.id]  # a subtotal row beside the sub-rows: not the 2019 layout
            reading.unplaced.append(Unplaced(_row_span(it), _filled(it.values), 0, (), it.label_text))
        else:
            reading.legacy.append(LegacyMark("row", r.label, _row_span(it)))
    _labels_seen(lines, label_lines, spec, reading)


def _place(reading: TableReading, r, it: _VItem, expected: int) -> None:
    vals = _fit(it.values, expected, it.exact)
    span = _row_span(it)
    found = _filled(it.values) if vals is None else len(vals)
    reading.rows[r.id] = RowReading(r, span, tuple(vals) if vals is not None else None,
                                    found, expected, tuple(it.lines))
    if vals is None:
        reading.unplaced.append(Unplaced(span, _filled(it.values), expected, (r.id,), it.label_text))


def _labels_seen(lines: _Lines, label_lines: list, spec, reading: TableReading) -> None:
    rows = spec.rows
    index = _index(spec)
    for i in label_lines:
        lab = lines.label(i)
        if lab.cjk < 2:
            continue
        fit = index.fit(lab.grams)
        if fit.coverage < 0.85:
            continue
        best, best_r = fit.own[fit.top], rows[fit.top]
        if best >= 0.85 and best_r.id not in reading.rows and best_r.id not in reading.labels_seen \
                and not best_r.legacy:
            it = lines.item(i)
            reading.labels_seen[best_r.id] = Span(i, *it.label_span) if it.label_span else Span(i, 0, 0)


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


def _read_groups(lines: _Lines, spec, block: range, reading: TableReading) -> None:
    width = len(spec.columns)
    total = width * len(spec.rows)
    # an exact row with only empty cells is the data row left blank, unless it is
    # a header line with empty merged cells ("行政复议\t\t\t行政诉讼\t…")
    items, _labels = _collect(lines, block, lambda n: n % width == 0 and n <= total, spec.vocab, total,
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
                fitted = _fit(vals, want, True)
                if fitted is not None:
                    vals = fitted
                    break
        n = len(vals)
        if not free:
            reading.unplaced.append(Unplaced(_row_span(it), _filled(vals), 0, (), it.label_text))
            continue
        hint = _group_hint(it.label.text, spec.rows) or _group_hint(it.before, spec.rows)
        placeable = n and not n % width and n <= width * len(free)
        # how many groups the figures stand for (rounded when some are missing)
        k = n // width if placeable else min(len(free), max(1, round(n / width)))
        ids = [r.id for r in free]
        start = 0
        if hint is not None and hint.id in ids and ids.index(hint.id) + k <= len(free):
            start = ids.index(hint.id)
        groups = free[start:start + k]
        del free[start:start + k]
        if not placeable:
            reading.unplaced.append(Unplaced(_row_span(it), _filled(vals), width * k,
                                             tuple(r.id for r in groups), it.label_text))
            for r in groups:
                reading.rows[r.id] = RowReading(r, _row_span(it), None, _filled(vals), width,
                                                tuple(it.lines))
            continue
        for g, r in enumerate(groups):
            chunk = vals[g * width:(g + 1) * width]
            span = chunk[0].span if (g or it.label_span is None) else it.label_span
            reading.rows[r.id] = RowReading(r, span, tuple(chunk), width, width, tuple(it.lines))


# ---------------------------------------------------------------------------
# table 二: by label, sub-table by sub-table


def _legacy_spans(text: str, label: str) -> list:
    """Spans of ``label`` in ``text`` (spaces and parenthesis widths may differ)."""
    parts = []
    for ch in label:
        if ch in "（(":
            parts.append(r"[（(]")
        elif ch in "）)":
            parts.append(r"[）)]")
        elif ch in "/／":
            parts.append(r"[/／]")
        else:
            parts.append(re.escape(ch))
    rx = re.compile(r"\s*".join(parts))
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


def _read_article20(lines: _Lines, spec, legacy_spec, block: range, reading: TableReading) -> None:
    reading.subtables = {s.id: SubTableReading(s) for s in spec.subtables}
    subs_by_num = {s.number: s for s in spec.subtables}
    legacy = _legacy(spec, legacy_spec)
    legacy_captions = legacy.captions
    current = ""
    header = None  # (span, candidate sub-tables) of a header line no caption named
    pending = None  # (row spec, span) of a label line waiting for its figures
    run = []  # CellValue of bare numbers, one per line
    pending_marks = []  # legacy marks seen before any sub-table was named

    def drop_pending():
        """A label line whose figures never came: its row has a label but no values."""
        nonlocal pending
        if pending is not None:
            reading.labels_seen.setdefault(pending[0].id, pending[1])
            pending = None

    def take(r, vals_items, exact, span, lines_used, label_text):
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
        vals = _fit(vals_items, expected, exact)
        found = _filled(vals_items) if vals is None else len(vals)
        reading.rows[r.id] = RowReading(r, span, tuple(vals) if vals is not None else None, found,
                                        expected, tuple(lines_used))
        if vals is None:
            reading.unplaced.append(Unplaced(span, _filled(vals_items), expected, (r.id,), label_text))

    def flush_run():
        if not run:
            return
        vals = list(run)
        if pending is not None:
            r, span = pending
            take(r, vals, False, span, [v.line for v in run], "")
        elif len(run) > 1:
            reading.unplaced.append(Unplaced(vals[0].span, len(vals), 0, (), ""))
        run.clear()

    index = _index(spec)

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
        if not it.exact and not lab.text and len(it.values) == 1 and it.values[0].kind == C.NUM:
            run.append(_cv(it.values[0], i))
            continue
        if run:
            flush_run()
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
        m = _CAPTION_RE.search(lab.text)
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
                    take(r, _cvs(it.values, i), it.exact, span, [i], "")
                elif it.filled > 1:
                    reading.unplaced.append(Unplaced(_cv(it.values[0], i).span, it.filled, 0, (), ""))
            continue
        score, r = best_row(lab)
        if r is not None and score >= 0.6 and r.subtable and (it.filled or it.blanks_only):
            span = Span(i, *it.label_span)
            take(r, _cvs(it.values, i), it.exact, span, [i], it.label)
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


def _header_candidates(spec, text: str) -> tuple:
    """Sub-tables whose column labels all appear in a header line ("信息内容 本年制发件数 …").

    Such a line stands for its sub-table when no caption named it; (五) and (六)
    share their header, so the next row read decides between them."""
    return tuple(sub.id for sub in spec.subtables
                 if sub.columns and all(norm(c) in text for c in sub.columns))


# ---------------------------------------------------------------------------


def read_tables(report) -> Tables:
    """Read tables 二, 三 and 四 of ``report`` (``report.tables``)."""
    spec = compile_tables(report.template)
    lines = _Lines(report)
    out = Tables()
    for tid, tspec in spec.tables.items():
        reading = TableReading(tspec)
        lo, hi = _range_for(report, tspec)
        block = _find_block(lines, tid, spec, lo, hi)
        if block is not None:
            reading.block = block
            reading.found = True
            first = lines.item(block.start)
            reading.span = (Span(block.start, *first.label_span) if first.label_span
                            else Span(block.start, 0, len(lines.lines[block.start].text)))
            if tspec.subtables:
                _read_article20(lines, tspec, spec.legacy, block, reading)
            elif tid == "四" or (tspec.rows and all(r.keys for r in tspec.rows)):
                _read_groups(lines, tspec, block, reading)
            else:
                _read_ordered(lines, tspec, block, reading)
        out[tid] = reading
    return out
