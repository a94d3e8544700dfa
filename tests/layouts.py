"""Layout variants of one report, for the layout-invariance tests.

Real reports reach nianbao in many layouts: page text flattened onto one line,
table cells run together with no separator, pipe tables without their outer
pipes or padded with empty cells, one cell per line, traditional script,
sub-items inside 总体情况 that repeat a section's words, a heading with a typo.
The same report in any of these layouts must give the same findings.
:func:`variants` rewrites a report's text (as loaded: see
``nianbao.load.text.decode``) into each layout that applies to it and says
what it changed (``Variant.note``):

  flat                 the whole report on one line, cells separated by spaces
  flat_runs            as flat, the figures of each table 三 row and 四 group run
                       together ("申请数量13420000136")
  no_lead_pipe, no_trail_pipe, no_outer_pipes
                       pipe rows without their leading / trailing / both pipes
  padded_pipes         pipe rows padded with empty cells ("行政许可 | 460 | ||")
  cell_per_line, cell_per_line_bars, cell_per_line_pipe
                       one cell per line; bare, each followed by a line "|",
                       or written "cell |" with a line "||" after each row
  traditional          OpenCC s2t
  flat_traditional     flat, then OpenCC s2t
  subitems, subitems_ascii, subitems_inline
                       sub-items （一）…（五） inserted at the start of section 一
  heading_typo         one character of one section heading changed
  web_page             the report as a government web page: site chrome (navigation,
                       metadata block 索引号/发布机构/发布日期, footer), text lines as
                       paragraphs, table lines as HTML tables (a row shorter than
                       its table: its label cell spans the missing columns)
  word                 the report as a Word document (.docx bytes in ``Variant.data``):
                       paragraphs, and tables whose short rows merge the label cell

The generator works from the structure of the text only, never from knowledge
of one file:

* a line's cells come from the shape of that line (tabs, Markdown pipes, or a
  label followed by space-separated figures);
* which template row a label names comes from the template's row labels
  (``rules/tables-2021.yaml`` through ``nianbao.template``), compared as sets
  of character bigrams;
* headings are found by the template's numbers and wordings
  (``rules/template-2021.yaml``).

Some layouts lose information: flattened text cannot show an empty cell, and a
run of digits may split into cells in no or more than one way.  Each variant
lists the rows where that happens (``Variant.uncertain``): there the reader may
say "unreadable" (NB205) instead of what it said on the original, and the
findings that depended on that row's values may go.  Nothing else may change.
A row whose own total is wrong is never run together: it could split, by the
template's rules, into other figures that add up.

Everything is deterministic.  Run ``python tests/layouts.py FILE [VARIANT]`` to
list the variants of a file with their notes, or print one of them.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

#: every variant name, in the order they are generated
NAMES = (
    "flat", "flat_runs", "no_lead_pipe", "no_trail_pipe", "no_outer_pipes", "padded_pipes",
    "cell_per_line", "cell_per_line_bars", "cell_per_line_pipe", "traditional", "flat_traditional",
    "subitems", "subitems_ascii", "subitems_inline", "heading_typo", "web_page", "word",
)
ANY = "*"  # in Variant.uncertain: any table / any row


@dataclass
class Variant:
    """One layout of a report.

    ``suffix`` is the file suffix to load the text with (".md" keeps Markdown).
    ``uncertain`` holds (table, row label) pairs (``ANY`` for unknown) whose
    reading may become NB205 in this layout; ``heading`` the number of the
    section whose heading was changed (heading_typo); ``runs`` the 1-based
    (line, first column, last column) of each digit run written by flat_runs,
    keyed by (table, row label).
    """

    name: str
    text: str
    suffix: str
    note: str
    uncertain: frozenset = frozenset()
    heading: str = ""
    runs: dict = field(default_factory=dict)
    data: bytes = b""  # the file's bytes when it is not text (word)


# ---------------------------------------------------------------------------
# the template, as the generator needs it


@dataclass(frozen=True)
class RowLabel:
    table: str
    label: str  # the template label (what CellRef.row and the messages show)
    words: tuple  # label and variants, numbering stripped and folded
    ncols: int


_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|[（(][一二三四五六七八九十]+[）)]|\d+[.、])")


@lru_cache(maxsize=1)
def _template():
    from nianbao.template import default_template
    return default_template()


@lru_cache(maxsize=1)
def row_labels() -> tuple:
    """Every row of tables 二 and 三 (and the 2019 single-row （六）其他处理)."""
    tables = _template().tables
    out = []
    for sub in tables["二"].get("subtables") or []:
        for r in sub.get("rows") or []:
            words = [r["label"], *(r.get("variants") or [])]
            out.append(RowLabel("二", r["label"], tuple(_core(w) for w in words), len(sub["columns"])))
    three = tables["三"]
    n3 = len(three["columns"])
    for r in three["rows"]:
        words = [r["label"], *(r.get("variants") or [])]
        out.append(RowLabel("三", r["label"], tuple(_core(w) for w in words), n3))
    for g in three.get("groups") or []:
        if g.get("single_row_2019"):
            out.append(RowLabel("三", g["label"], (_core(g["label"]),), n3))
    return tuple(out)


@lru_cache(maxsize=1)
def headings() -> tuple:
    """(number, [wordings]) of the six sections, template wording first."""
    return tuple((h.number, (h.text, *h.variants)) for h in _template().headings)


@lru_cache(maxsize=1)
def four_words() -> tuple:
    t = _template().tables["四"]
    words = list(t.get("header_words") or []) + list(t.get("columns") or [])
    for r in t.get("rows") or []:
        words += list(r.get("keys") or [])
    return tuple(_fold(w) for w in words)


@lru_cache(maxsize=1)
def page_marker():
    return _template().page_marker_re


# ---------------------------------------------------------------------------
# text helpers

_QUOTES = str.maketrans("", "", "\"'“”‘’「」『』《》")


@lru_cache(maxsize=None)
def _opencc(config: str):
    import opencc
    return opencc.OpenCC(config)


def to_traditional(text: str) -> str:
    return _opencc("s2t").convert(text)


def to_simplified(text: str) -> str:
    return _opencc("t2s").convert(text)


@lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    s = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    s = re.sub(r"\s+", "", s)
    if any("\u4e00" <= ch <= "\u9fff" for ch in s):
        s = to_simplified(s)
    return s


def _core(label: str) -> str:
    return _NUMBERING.sub("", _fold(label), count=1)


def _grams(s: str) -> frozenset:
    if len(s) < 2:
        return frozenset((s,)) if s else frozenset()
    return frozenset(s[i:i + 2] for i in range(len(s) - 1))


@lru_cache(maxsize=4096)
def match_row(text: str):
    """The template row (RowLabel) a written label names, or None.

    The row that shares the most character bigrams with the text wins, provided
    it covers at least 60% of the row's own label (so "3.其他" names （六）3, and
    "2. 其他法律行政法规禁止 (三)不 公开 予公开" names （三）2, not （六）3)."""
    g = _grams(_NUMBERING.sub("", _fold(text), count=1))
    if not g:
        return None
    best, best_key = None, (0, 0.0)
    for row in row_labels():
        for w in row.words:
            wg = _grams(w)
            common = len(g & wg)
            if not common or common / len(wg) < 0.6:
                continue
            key = (common, common / len(g))
            if key > best_key:
                best, best_key = row, key
    return best


_NUM = re.compile(r"^\d+(?:\.\d+)?$")
_MD_HEAD = re.compile(r"^\s*#{1,6}\s*")
_SEP_CELL = re.compile(r"^:?-{3,}:?$")


#: what a report writes in a cell instead of a figure ("/", "—", "无" …): a cell all the same
STAND_INS = frozenset({"/", "／", "\\", "-", "－", "--", "—", "——", "–", "―", "无", "空", "×"})


def is_number(cell: str) -> bool:
    return bool(_NUM.match(cell))


def is_value(cell: str) -> bool:
    """A figure or a stand-in for one."""
    return is_number(cell) or cell in STAND_INS


def is_pipe_line(line: str) -> bool:
    s = line.strip()
    return s.count("|") >= 2 or (s.startswith("|") and len(s) > 1) or (s.endswith("|") and len(s) > 1)


def pipe_cells(line: str) -> list:
    """The cells of a Markdown pipe row (outer pipes dropped), stripped."""
    s = line.strip()
    parts = s.split("|")
    if s.startswith("|"):
        parts = parts[1:]
    if s.endswith("|") and parts:
        parts = parts[:-1]
    return [p.strip() for p in parts]


def is_separator(line: str) -> bool:
    if not is_pipe_line(line):
        return False
    cells = [c for c in pipe_cells(line) if c]
    return bool(cells) and all(_SEP_CELL.match(c) for c in cells)


def is_bar_line(line: str) -> bool:
    """A line of nothing but pipes ("|", "||", "| |||"): a cell boundary, not a cell."""
    s = line.strip()
    return bool(s) and not s.replace("|", "").strip()


def strip_markup(text: str) -> str:
    """A line's text without Markdown heading marks and bold marks."""
    return _MD_HEAD.sub("", text).replace("**", "").replace("__", "")


def line_cells(line: str):
    """(shape, cells) of one line: shape "tab", "pipe", "loose" or "text".

    Exact shapes (tab, pipe) keep empty cells; a loose line is a label followed
    by space-separated figures (shape "loose", cells [label, figures...]), any
    other line is one text cell."""
    if page_marker().match(line):
        return "text", [line.strip()]  # "- 4 -": a page number, not a row
    if "\t" in line:
        return "tab", [c.strip() for c in line.split("\t")]
    if is_pipe_line(line) and not is_bar_line(line):
        return "pipe", pipe_cells(line)
    words = strip_markup(line).split()
    k = len(words)
    while k > 0 and is_value(words[k - 1]):
        k -= 1
    if any(is_number(w) for w in words[k:]):
        label = " ".join(words[:k])
        if k == 0 or match_row(label) is not None or len(words) - k >= 5:
            return "loose", [label, *words[k:]]
    return "text", [strip_markup(line).strip()]


# ---------------------------------------------------------------------------
# the token stream (what a flattened page is made of)

TEXT, NUM, BLANK, TOKEN = "text", "num", "blank", "token"


@dataclass
class Tok:
    kind: str
    text: str


def tokens(text: str) -> list:
    """The report as a stream of cells and text pieces, page markers and Markdown
    table rulings left out, empty table cells kept as BLANK."""
    out = []
    for line in text.split("\n"):
        if not line.strip() or page_marker().match(line) or is_separator(line) or is_bar_line(line):
            continue
        shape, cells = line_cells(line)
        if shape in ("tab", "pipe"):
            while cells and not cells[0]:
                cells = cells[1:]
            for c in cells:
                c = " ".join(strip_markup(c).split())
                out.append(Tok(BLANK if not c else NUM if is_number(c) else TOKEN if c in STAND_INS else TEXT, c))
        elif shape == "loose":
            if cells[0]:
                out.append(Tok(TEXT, cells[0]))
            out.extend(Tok(NUM if is_number(c) else TOKEN, c) for c in cells[1:])
        else:
            c = " ".join(cells[0].split())
            if c:
                out.append(Tok(TEXT, c))
    return out


@dataclass
class StreamRow:
    """Figures in the token stream after a label: tokens[label] then tokens[first:end]."""

    label: int  # index of the label token (-1: none)
    first: int
    end: int
    table: str  # 二 三 四 or "" when the figures name no template row
    row: str  # template row label ("" for table 四 and unknown rows)
    ncols: int

    def values(self, toks) -> list:
        vals = toks[self.first:self.end]
        # trailing blanks beyond the template's width are table ruling, not cells
        while len(vals) > self.ncols and vals and vals[-1].kind == BLANK:
            vals = vals[:-1]
        return vals


def stream_rows(toks: list) -> list:
    """Runs of figures in the stream, each with the template row its label names."""
    rows = []
    i, n = 0, len(toks)
    while i < n:
        if toks[i].kind == TEXT:
            i += 1
            continue
        j = i
        while j < n and toks[j].kind != TEXT:
            j += 1
        if any(t.kind == NUM for t in toks[i:j]):
            rows.append(_name_row(toks, i, j))
        i = j
    return rows


def _name_row(toks, i, j) -> StreamRow:
    label = i - 1 if i > 0 else -1
    nums = sum(1 for t in toks[i:j] if t.kind in (NUM, TOKEN))
    header = label >= 0 and _fold(toks[label].text) in four_words()  # "总计" heading table 四's figures
    row = match_row(toks[label].text) if label >= 0 and not header else None
    if row is None and label >= 1 and not header:  # a label split over two cells or lines
        row = match_row(toks[label - 1].text + toks[label].text)
    if row is not None and nums <= row.ncols + 1:
        return StreamRow(label, i, j, row.table, row.label, row.ncols)
    if row is not None and row.table == "三":  # rows without labels ran into this one
        return StreamRow(label, i, j, "三", "", row.ncols)
    context = _fold(" ".join(t.text for t in toks[max(0, i - 12):i] if t.kind == TEXT))
    if nums in (5, 15) and any(w in context for w in four_words()):
        return StreamRow(label, i, j, "四", "", nums)
    return StreamRow(label, i, j, "", "", nums)


def _consistent(figures: list, table: str) -> bool:
    """May these figures be run together?  Only when the run still says what the
    row says: figures written apart must be whole numbers without leading zeros
    whose total is right (table 三: 7 cells; table 四: groups of 5).  A row whose
    own total is wrong could split, run together, into other figures that add
    up, and no reader could tell.  Figures already run together in the source
    (fewer tokens than cells) are taken as they are."""
    width = 7 if table == "三" else 5
    if len(figures) % width or table not in ("三", "四"):
        return len(figures) < width and table == "三"
    if any(len(f) > 1 and f[0] == "0" for f in figures):
        return False
    vals = [int(f) for f in figures]
    return all(sum(vals[i:i + width - 1]) == vals[i + width - 1] for i in range(0, len(vals), width))


def _digit_values(vals) -> list:
    """The figures of a row when every one is written in digits only (no blank,
    no decimal), else []."""
    return [t.text for t in vals] if vals and all(t.kind == NUM and t.text.isdigit() for t in vals) else []


# ---------------------------------------------------------------------------
# how many ways a digit run splits into the template's cells

def splits_of_row(digits: str, parts: int = 7, limit: int = 2) -> int:
    """How many ways ``digits`` splits into ``parts`` non-negative integers (no
    leading zero unless the number is 0) whose first parts-1 add up to the last;
    counting stops at ``limit`` (at most 2)."""
    return min(_count_row(digits, parts), limit)


@lru_cache(maxsize=65536)
def _count_row(digits: str, parts: int) -> int:
    n = len(digits)
    count = 0
    # the total is the last cell; no other cell can be longer than it
    for tl in range(max(1, (n + parts - 1) // parts), n - parts + 2):
        tail = digits[n - tl:]
        if len(tail) > 1 and tail[0] == "0":
            continue
        count += _count_sum(digits[:n - tl], parts - 1, int(tail), tl)
        if count >= 2:
            return 2
    return count


@lru_cache(maxsize=262144)
def _count_sum(digits: str, parts: int, total: int, longest: int) -> int:
    """Splits of ``digits`` into ``parts`` integers of at most ``longest`` digits
    adding up to ``total`` (capped at 2)."""
    n = len(digits)
    if n < parts or n > parts * longest:
        return 0
    if parts == 1:
        if n > 1 and digits[0] == "0":
            return 0
        return 1 if int(digits) == total else 0
    count = 0
    maxlen = 1 if digits[0] == "0" else min(longest, n - parts + 1)
    for k in range(1, maxlen + 1):
        v = int(digits[:k])
        if v > total:
            break
        count += _count_sum(digits[k:], parts - 1, total - v, longest)
        if count >= 2:
            return 2
    return count


def splits_of_four(digits: str, groups: int = 3, limit: int = 2) -> int:
    """Splits of table 四's digits into ``groups`` groups of 5 (four figures and
    their total), counting stops at ``limit`` (at most 2)."""
    return min(_count_four(digits, groups), limit)


@lru_cache(maxsize=65536)
def _count_four(digits: str, groups: int) -> int:
    if groups == 1:
        return _count_row(digits, 5)
    count = 0
    n = len(digits)
    for k in range(5, n - 5 * (groups - 1) + 1):
        first = _count_row(digits[:k], 5)
        if first:
            count += first * _count_four(digits[k:], groups - 1)
            if count >= 2:
                return 2
    return count


# ---------------------------------------------------------------------------
# the variants

def _rowkey(r: StreamRow) -> tuple:
    if r.table == "四":
        return ("四", ANY)
    return (r.table or ANY, r.row or ANY)


def _lossy(toks, rows) -> set:
    """Rows that lose a cell when blanks cannot be written (flattened text)."""
    out = set()
    for r in rows:
        vals = r.values(toks)
        filled = sum(1 for t in vals if t.kind != BLANK)
        if any(t.kind == BLANK for t in vals) or (r.table and len(vals) < r.ncols):
            out.add(_rowkey(r))
        if r.table and filled > r.ncols:  # a row without a label ran into this one
            out.add((r.table, ANY))
    return out


_SENTENCE_END = frozenset("。；！？")


def _flat(text: str, runs: bool):
    toks = tokens(text)
    rows = stream_rows(toks)
    uncertain = _lossy(toks, rows)
    start_at = {}  # first value token -> row
    joined, ambiguous, kept = [], [], []
    if runs:
        for r in rows:
            figures = _digit_values(r.values(toks))
            if len(figures) < 2:
                continue  # nothing to run together (or a blank: the row is lossy anyway)
            digits = "".join(figures)
            if r.table not in ("三", "四"):
                continue
            if not _consistent(figures, r.table):
                kept.append(r)
                continue
            if r.table == "三" and r.row and r.label >= 0 and len(digits) >= 7:
                start_at[r.first] = (r, digits)
                joined.append(r)
                if splits_of_row(digits) != 1:
                    ambiguous.append(r)
            elif r.table == "四" and len(figures) in (5, 15):
                start_at[r.first] = (r, digits)
                joined.append(r)
                if splits_of_four(digits, len(figures) // 5) != 1:
                    ambiguous.append(r)
        uncertain |= {_rowkey(r) for r in ambiguous}
    pieces, col, positions = [], 0, {}
    i = 0
    while i < len(toks):
        t = toks[i]
        if i in start_at:
            r, digits = start_at[i]
            glued = r.table == "三" and pieces and not pieces[-1][-1].isdigit()
            if not glued and pieces:
                col += 1
            start = col
            if glued:
                pieces[-1] += digits
            else:
                pieces.append(digits)
            col += len(digits)
            positions[_rowkey(r) if r.table == "四" else (r.table, r.row)] = (1, start + 1, col)
            i = r.end
            continue
        if t.kind != BLANK:
            if pieces and t.kind == TEXT and pieces[-1][-1] in _SENTENCE_END:
                pieces[-1] += t.text  # paragraphs run together: "…编制。一、总体情况 2024年…"
            else:
                if pieces:
                    col += 1
                pieces.append(t.text)
            col += len(t.text)
        i += 1
    body = " ".join(pieces) + "\n"
    if runs and not joined:
        return None
    note = ("whole report on one line: a paragraph after a sentence end runs on without a space, "
            "cells separated by single spaces, page markers and Markdown marks dropped")
    if runs:
        note = (f"as flat, with the figures of {len(joined)} rows of tables 三/四 run together "
                f"({len(ambiguous)} with no or more than one split)")
        if kept:
            note += f", {len(kept)} rows whose own total is wrong left apart"
    if uncertain:
        note += "; may be unreadable: " + ", ".join(f"{t}/{r}" for t, r in sorted(uncertain))
    return Variant("flat_runs" if runs else "flat", body, ".txt", note, frozenset(uncertain),
                   runs=positions if runs else {})


def _line_row(cells: list):
    """The template row (RowLabel or None) a table line's label cell names, and
    how many cells follow the label (its figures, blanks and tokens)."""
    label, at = "", 0
    for i, c in enumerate(cells):
        if c and not is_value(c):
            label, at = c, i + 1
        elif c:
            break
    row = match_row(label) if label else None
    return row, len(cells) - at


def _may_lose(cells: list, index: int):
    """(table, row) when dropping the empty cell ``cells[index]`` may lose a
    cell of a row (it is not just table ruling beyond the row's width)."""
    row, after = _line_row(cells)
    if row is None:
        return (ANY, ANY)
    label_at = len(cells) - after
    if index < label_at:
        return None  # before the label: a group-label column, not a cell
    filled = sum(1 for c in cells[label_at:] if c)
    return (row.table, row.label) if filled < row.ncols else None


def _pipes(text: str, lead: bool, trail: bool, name: str):
    out, changed, uncertain = [], 0, set()
    for line in text.split("\n"):
        s = line.rstrip()
        if is_pipe_line(s) and not is_bar_line(s) and s.count("|") >= 2:
            cells = pipe_cells(s)
            body = s.strip()
            indent = s[:len(s) - len(s.lstrip())]
            has_figure = any(is_number(c) for c in cells)
            lost = []
            if lead and body.startswith("|"):
                body = body[1:].lstrip()
                if has_figure and cells and not cells[0]:
                    lost.append(_may_lose(cells, 0))
            if trail and body.endswith("|"):
                body = body[:-1].rstrip()
                if has_figure and cells and not cells[-1]:
                    lost.append(_may_lose(cells, len(cells) - 1))
            uncertain.update(x for x in lost if x)
            if body != s.strip():
                changed += 1
            out.append(indent + body)
        else:
            out.append(line)
    if not changed:
        return None
    what = {"no_lead_pipe": "leading", "no_trail_pipe": "trailing", "no_outer_pipes": "leading and trailing"}[name]
    note = f"{what} pipes stripped from {changed} table lines"
    if uncertain:
        note += "; may be unreadable: " + ", ".join(f"{t}/{r}" for t, r in sorted(uncertain))
    return Variant(name, "\n".join(out), None, note, frozenset(uncertain))


def _padded(text: str):
    """Pipe rows padded with empty cells up to a common width, as web pages write
    them (`行政许可 | 460 | ||`, `第二十条第(五)项 | |||`)."""
    lines = text.split("\n")
    rows = [i for i, ln in enumerate(lines)
            if ln.count("|") >= 2 and not is_bar_line(ln) and not is_separator(ln)]
    if not rows:
        return None
    # a table is a run of pipe rows (rulings and blank lines do not end it); every row of a
    # table is padded to the table's widest row and one more cell
    blocks, prev = [], None
    for i in rows:
        gap = lines[prev + 1:i] if prev is not None else None
        if gap is None or any(ln.strip() and not is_separator(ln) for ln in gap):
            blocks.append([])
        blocks[-1].append(i)
        prev = i
    width_of = {}
    for block in blocks:
        w = max(len(pipe_cells(lines[i])) for i in block) + 1
        width_of.update((i, w) for i in block)
    for i in rows:
        width = width_of[i]
        cells = pipe_cells(lines[i])
        body = lines[i].rstrip()
        if not body.endswith("|"):
            body += " |"
        row, after = _line_row(cells)
        if row is not None and any(is_number(c) for c in cells):
            filled = sum(1 for c in cells[len(cells) - after:] if c)
            if filled < row.ncols:
                continue  # padding would look like the cells the row lacks
        lines[i] = body + "|" * (width - len(cells))
    note = (f"{len(rows)} pipe rows in {len(blocks)} tables padded with empty cells to one more than the "
            "widest row (rows with fewer figures than columns left as they are)")
    return Variant("padded_pipes", "\n".join(lines), None, note)


CELL_STYLES = {
    "cell_per_line": "",
    "cell_per_line_bars": ", each cell followed by a line '|'",
    "cell_per_line_pipe": ", each cell followed by ' |' and each row by a line '||'",
}


def _cell_per_line(text: str, name: str):
    """Every table line one cell per line.  A line of figures without a label that
    follows figures stays whole: one cell per line, nothing would show where the
    previous row ends (real cell-per-line pages come from tables whose rows all
    have labels; label-less rows are an artefact of PDF conversion)."""
    out, changed, kept, uncertain = [], 0, 0, set()
    after_figure = False
    for line in text.split("\n"):
        if is_separator(line):
            changed += 1
            continue
        shape, cells = line_cells(line)
        if shape == "text" or (shape in ("tab", "pipe") and len([c for c in cells if c]) < 2):
            out.append(line)
            if line.strip() and not is_bar_line(line) and not page_marker().match(line):
                after_figure = shape != "text" and any(is_number(c) for c in cells[-1:])
            continue
        if shape == "loose" and not any(is_number(c) for c in cells[1:]):
            out.append(line)
            after_figure = False
            continue
        while cells and not cells[0]:
            cells = cells[1:]
        if cells and is_number(cells[0]) and after_figure:
            out.append(line)
            kept += 1
            continue
        # empty cells at the end are table ruling, except those within the row's width
        row, after = _line_row(cells)
        width = len(cells) - after + (row.ncols if row else 0)
        while cells and not cells[-1] and len(cells) > width:
            cells = cells[:-1]
        after_figure = any(is_value(c) for c in cells[-1:])
        if any(is_number(c) for c in cells):
            uncertain.update(x for x in (_may_lose(cells, i) for i, c in enumerate(cells) if not c) if x)
        changed += 1
        for c in cells:
            if name == "cell_per_line_pipe":
                out.append(f"{c} |" if c else "|")
            else:
                out.append(c)  # an empty cell is an empty line (followed by its "|")
            if name == "cell_per_line_bars":
                out.append("|")
        if name == "cell_per_line_pipe":
            out.append("||")
    if not changed:
        return None
    note = f"{changed} table lines written one cell per line" + CELL_STYLES[name]
    if kept:
        note += f" ({kept} lines of figures without a label kept whole)"
    if uncertain:
        note += "; may be unreadable: " + ", ".join(f"{t}/{r}" for t, r in sorted(uncertain))
    return Variant(name, "\n".join(out), None, note, frozenset(uncertain))


#: sub-items inside 总体情况 as real reports write them, some repeating a section's words
# ---------------------------------------------------------------------------
# the report as a web page or a Word document

def blocks(text: str) -> list:
    """The report as ("text", line) and ("table", rows of cells) blocks, in order.

    A table is a run of lines with cells (tabs or pipes); blank lines and
    Markdown rulings inside it are dropped.  Text whose figures stand after
    spaces (PDF extraction: labels broken over lines, rows interleaved) gives
    no blocks: how its tables would look on a web page is a guess."""
    out, pending_blank = [], False
    for line in text.split("\n"):
        if is_separator(line) or is_bar_line(line):
            continue
        if not line.strip():
            pending_blank = True
            continue
        shape, cells = line_cells(line)
        in_table = bool(out) and out[-1][0] == "table"
        filled = len([c for c in cells if c])
        row = shape in ("tab", "pipe") and (filled >= 2 or in_table)
        if shape == "loose" and filled >= 2 and any(is_number(c) for c in cells[1:]):
            return []  # figures after spaces: where the table's rows and labels begin is a guess
        if row:
            if in_table:
                out[-1][1].append(cells)
            else:
                out.append(("table", [cells]))
        else:
            if pending_blank and out and out[-1][0] == "text":
                out.append(("text", ""))
            out.append(("text", strip_markup(line).strip()))
        pending_blank = False
    return out


def _spans(rows: list) -> list:
    """(cells, span of the first cell) per row: a row with fewer cells than the
    table's widest row has its first cell spanning the missing columns, as the
    template's multi-column labels do."""
    width = max(len(r) for r in rows)
    return [(r, width - len(r) + 1) for r in rows]


def _cells_lost(parts: list) -> bool:
    """True when a table row has fewer cells after its label than its template
    row has columns: text can leave the lost cell's place open (the reader then
    says NB205), a web page or a Word table cannot; it would have to put the
    figures somewhere, which is another report."""
    for kind, rows in parts:
        if kind != "table":
            continue
        for cells in rows:
            row, after = _line_row(cells)
            if row is not None and row.table in ("二", "三") and any(is_value(c) for c in cells) \
                    and after < row.ncols:
                return True
    return False


_CHROME_TOP = ("首页 > 政务公开 > 法定主动公开内容 > 政府信息公开年报",
               "【字体：大 中 小】 打印本页 关闭窗口")
_META = (("索引号", "11320000MB0000000X/2025-00001"), ("主题分类", "综合政务"),
         ("发布机构", "某某人民政府办公室"), ("发布日期", "2025-01-20"), ("文号", ""))
_FOOTER = "主办单位：某某人民政府办公室 网站标识码：0000000000 备案号：某ICP备00000000号"


def _web_page(text: str):
    import html
    parts = blocks(text)
    if not any(kind == "table" for kind, _ in parts) or _cells_lost(parts):
        return None
    esc = html.escape
    first = next((t for kind, t in parts if kind == "text" and t), "政务公开")
    out = ["<!DOCTYPE html>", "<html><head><meta charset=\"utf-8\">",
           f"<title>{esc(first)}_某某人民政府门户网站</title></head><body>",
           "<div class=\"header\"><a href=\"/\">某某人民政府门户网站</a></div>",
           *(f"<div class=\"nav\">{esc(t)}</div>" for t in _CHROME_TOP),
           "<table class=\"meta\">"]
    for i in range(0, len(_META), 2):
        cells = "".join(f"<td>{esc(k)}：</td><td>{esc(v)}</td>" for k, v in _META[i:i + 2])
        out.append(f"<tr>{cells}</tr>")
    out.append("</table><div class=\"article\">")
    for kind, item in parts:
        if kind == "text":
            out.append(f"<p>{esc(item)}</p>" if item else "<p>&nbsp;</p>")
            continue
        out.append("<table border=\"1\">")
        for cells, span in _spans(item):
            tds = [f"<td colspan=\"{span}\">{esc(cells[0])}</td>" if span > 1 else f"<td>{esc(cells[0])}</td>"]
            tds += [f"<td>{esc(c)}</td>" for c in cells[1:]]
            out.append("<tr>" + "".join(tds) + "</tr>")
        out.append("</table>")
    out += ["</div>", f"<div class=\"footer\">{esc(_FOOTER)}</div>", "</body></html>", ""]
    return Variant("web_page", "\n".join(out), ".html",
                   "a government web page: chrome, metadata block, paragraphs, HTML tables")


def _word(text: str):
    import io
    try:
        import docx
    except ImportError:  # pragma: no cover - python-docx is a dependency
        return None
    parts = blocks(text)
    if not any(kind == "table" for kind, _ in parts) or _cells_lost(parts):
        return None
    document = docx.Document()
    for kind, item in parts:
        if kind == "text":
            document.add_paragraph(item)
            continue
        rows = _spans(item)
        width = max(len(r) for r, _ in rows)
        table = document.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        for r, (cells, span) in enumerate(rows):
            row = table.rows[r]
            first = row.cells[0].merge(row.cells[span - 1]) if span > 1 else row.cells[0]
            first.text = cells[0]
            for j, c in enumerate(cells[1:]):
                row.cells[span + j].text = c
    buf = io.BytesIO()
    document.save(buf)
    return Variant("word", "", ".docx", "a Word document: paragraphs and tables (label cells merged)",
                   data=buf.getvalue())


SUBITEMS = {
    # full-width numbering, each on a line of its own followed by a paragraph
    "subitems": ("（一）主动公开情况", "（二）依申请公开情况", "（三）政府信息管理情况",
                 "（四）政府信息公开平台建设情况", "（五）监督保障情况"),
    # ASCII parentheses, words of sections 二 and 三, bare lines
    "subitems_ascii": ("(一)主动公开政府信息情况", "(二)收到和处理政府信息公开申请情况", "(三)政府信息管理",
                       "(四)平台建设", "(五)监督保障"),
    # the sub-item and its paragraph on one line
    "subitems_inline": ("（一）主动公开政府信息情况", "(二)依申请公开情况", "（三）政府信息管理",
                        "（四）政府信息公开平台建设", "（五）监督保障"),
}
SUB_TEXT = "本机关坚持以公开为常态、不公开为例外，及时准确发布政府信息，接受社会监督。"
_ONE = re.compile(r"一\s*[、.．]\s*总体情况")


def _subitems(text: str, name: str):
    m = _ONE.search(text)
    if m is None:
        return None
    end = text.find("\n", m.end())
    end = len(text) if end < 0 else end
    rest = text[m.end():end]
    items = SUBITEMS[name]
    if name == "subitems":
        block = [x for item in items for x in (item, SUB_TEXT)]
    elif name == "subitems_ascii":
        block = list(items) + [SUB_TEXT]
    else:
        block = [item + "。" + SUB_TEXT for item in items]
    if strip_markup(rest).strip(" *#\t") == "":
        new = text[:end] + "\n" + "\n".join(block) + text[end:]
        where = "lines after the heading 一"
    else:  # the heading is inline (flattened text): the sub-items follow it inline
        new = text[:m.end()] + " " + " ".join(block) + " " + text[m.end():].lstrip()
        where = "inline after the heading 一"
    return Variant(name, new, None, f"sub-items {items[0]}…{items[-1]} inserted as {where}")


#: one-character typos (a character a clerk or an OCR engine mistakes for another)
TYPOS = {
    "议": "仪", "复": "覆", "诉": "拆", "讼": "松", "请": "情", "处": "外", "理": "里", "收": "牧",
    "问": "间", "题": "提", "改": "攻", "进": "近", "需": "须", "报": "极", "告": "吿", "事": "争",
    "项": "顶", "动": "劝", "开": "幵", "息": "悉", "体": "休", "况": "兄", "要": "耍", "存": "在",
    "府": "付", "申": "伸", "政": "正", "主": "王", "信": "言",
}
TYPO_ORDER = ("四", "三", "五", "二", "六", "一")


def heading_typo(text: str, avoid=()):
    """The heading_typo variant alone, leaving the sections in ``avoid`` alone."""
    return _heading_typo(text.replace("\r\n", "\n"), avoid)


def _heading_typo(text: str, avoid=()):
    spots = []
    for number, wordings in headings():
        for w in wordings:
            for m in re.finditer(re.escape(f"{number}、{w}"), text):
                before = text[:m.start()].rsplit("\n", 1)[-1]
                if strip_markup(before).strip(" \t*") == "" or before.rstrip().endswith(("。", "）", ")")) \
                        or before.endswith(" "):
                    spots.append((number, w, m.start()))
                    break
    for number in TYPO_ORDER:
        if number in avoid:
            continue
        found = [s for s in spots if s[0] == number]
        if not found:
            continue
        _n, w, at = max(found, key=lambda s: len(s[1]))
        mid = len(w) // 2
        for k in sorted(range(len(w)), key=lambda k: (abs(k - mid), k)):
            if w[k] in TYPOS:
                typo = w[:k] + TYPOS[w[k]] + w[k + 1:]
                start = at + len(number) + 1
                new = text[:start] + typo + text[start + len(w):]
                return Variant("heading_typo", new, None,
                               f"heading {number}、{w} written {number}、{typo}", heading=number)
    return None


def flat_runs(text: str):
    """The flat_runs variant of ``text`` alone (None when no row has figures to run together)."""
    return _flat(text.replace("\r\n", "\n"), runs=True)


def variants(text: str, suffix: str = ".txt", avoid_sections=()) -> list:
    """The layout variants of ``text`` (a report as loaded) that apply to it.

    ``suffix`` is the original file's suffix; ``avoid_sections`` are section
    numbers whose heading the typo variant must leave alone (those the original
    already has findings about)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    made = [
        _flat(text, runs=False), _flat(text, runs=True),
        _pipes(text, True, False, "no_lead_pipe"), _pipes(text, False, True, "no_trail_pipe"),
        _pipes(text, True, True, "no_outer_pipes"), _padded(text),
        *(_cell_per_line(text, name) for name in CELL_STYLES),
    ]
    trad = to_traditional(text)
    made.append(Variant("traditional", trad, None, "converted to traditional script (OpenCC s2t)")
                if trad != text else None)
    flat = made[0]
    if flat is not None and trad != text:  # a flattened page of a traditional-script site
        made.append(Variant("flat_traditional", to_traditional(flat.text), ".txt",
                            flat.note + "; then converted to traditional script (OpenCC s2t)", flat.uncertain))
    made += [_subitems(text, name) for name in SUBITEMS]
    made.append(_heading_typo(text, avoid_sections))
    made += [_web_page(text), _word(text)]
    out = []
    for v in made:
        if v is None or v.text == text:
            continue
        if v.suffix is None:
            v.suffix = suffix
        out.append(v)
    return out


def has_tables(text: str) -> bool:
    """True when the text holds figures under a row label of table 二 or 三, or
    table 四's figures."""
    toks = tokens(text.replace("\r\n", "\n"))
    if any(r.table for r in stream_rows(toks)):
        return True
    # figures run into their labels ("申请数量230 000023"), as flattened pages have them
    return any(re.search(re.escape(_NUMBERING.sub("", r.label)) + r"\s*\d[\d ]{4,}", text)
               for r in row_labels() if r.table == "三")


def _main(argv) -> int:
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1] / "src"))
    from nianbao.load.text import decode
    if not argv:
        print("usage: python tests/layouts.py FILE [VARIANT]", file=sys.stderr)
        return 2
    path = argv[0]
    with open(path, "rb") as fh:
        text, _enc = decode(fh.read(), path)
    suffix = ".md" if path.endswith((".md", ".markdown")) else ".txt"
    for v in variants(text, suffix):
        if len(argv) > 1 and v.name != argv[1]:
            continue
        if len(argv) > 1:
            if v.data:
                sys.stdout.buffer.write(v.data)  # python tests/layouts.py FILE word > report.docx
            else:
                sys.stdout.write(v.text)
        else:
            print(f"== {v.name} ({v.suffix}): {v.note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
