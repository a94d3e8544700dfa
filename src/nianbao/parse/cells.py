"""One document line -> label text and value cells, every piece with its position.

Tables reach nianbao in many shapes.  This module looks at one line at a time
and says what is on it; it knows nothing of the template.

* **exact** lines, whose cell boundaries are known: rows of a real table
  (``Line.cells``, from PDF / Word / HTML), tab-separated text (PDF text
  extraction keeps a tab per cell, empty cells included) and Markdown pipe rows.
  An empty cell is a real, positioned *blank*.
* **loose** lines, whose cells are separated by runs of spaces (PDF text, OCR):
  the trailing run of number-like tokens are the values and the text before
  them is the label.  A blank cell leaves no trace in such a line, so a loose
  line never yields blanks; it only yields what is written.

A value cell is a number (``Decimal``, never float: amounts in 万元 may have
decimals), a blank, or a non-numeric *token* that stands where a figure
should be ("/", "—", "无", "-").
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import NamedTuple, Optional

from .normalize import content_span

NUM = "num"
BLANK = "blank"
TOKEN = "token"
TEXT = "text"

_NUM_RE = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
#: what people write in a cell instead of a figure
_TOKENS = frozenset({"/", "\\", "-", "--", "—", "——", "–", "―", "─", "无", "空", "×"})
_SEP_RE = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")
_SMALL = {str(i): Decimal(i) for i in range(1000)}


class Cell(NamedTuple):
    """One cell of a line: its text (stripped), span and kind."""

    text: str
    start: int
    end: int
    kind: str  # NUM | BLANK | TOKEN | TEXT
    value: Optional[Decimal] = None


class LineItem:
    """What one line holds.

    ``label`` is the text of the label cells joined (raw, for display) and
    ``label_span`` its extent; ``values`` are the value cells in order.
    ``exact`` is True when cell boundaries are known (blanks are real).
    ``blanks_only`` marks an exact line whose value cells are all empty;
    ``numbers`` counts the value cells holding a number, ``filled`` those
    holding a number or a token.  ``glued`` marks a loose line whose first
    figure touches its label with no space ("…申请数量13420000136"): its digit
    strings may hold several cells (see :mod:`.digits`).
    """

    __slots__ = ("index", "exact", "label", "label_span", "values", "label_cells", "separator",
                 "blanks_only", "numbers", "filled", "glued")

    def __init__(self, index: int, exact: bool, label: str, label_span, values: list, label_cells: list,
                 separator: bool, blanks_only: bool, numbers: int, filled: int, glued: bool = False):
        self.index = index
        self.exact = exact
        self.label = label
        self.label_span = label_span
        self.values = values
        self.label_cells = label_cells
        self.separator = separator
        self.blanks_only = blanks_only
        self.numbers = numbers
        self.filled = filled
        self.glued = glued

    def for_line(self, index: int) -> "LineItem":
        """The same reading for another line with the same text (the lists are
        shared: a LineItem is never modified once read)."""
        return LineItem(index, self.exact, self.label, self.label_span, self.values, self.label_cells,
                        self.separator, self.blanks_only, self.numbers, self.filled, self.glued)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"LineItem({self.index}, {self.label!r}, {len(self.values)} values)"


def classify(text: str) -> tuple:
    """(kind, Decimal or None) of one stripped cell text."""
    if not text:
        return BLANK, None
    if text in _TOKENS:
        return TOKEN, None
    if text.isascii():
        if text.isdigit():
            d = _SMALL.get(text)
            return NUM, d if d is not None else Decimal(text)
        t = text
    elif "\u4e00" <= text[0] <= "\u9fff" or "\u4e00" <= text[-1] <= "\u9fff":
        return TEXT, None  # starts or ends with a hanzi: words, never a figure
    else:
        t = unicodedata.normalize("NFKC", text).strip()
    t = t.replace(" ", "")
    if _NUM_RE.match(t):
        return NUM, Decimal(t.replace(",", ""))
    if t in _TOKENS:
        return TOKEN, None
    return TEXT, None


_new = tuple.__new__  # builds a Cell without the generated __new__'s overhead (hot path)


_PARTS = {}


def _part(part: str) -> tuple:
    """(text, start, end, kind, value) of one cell as written, positions relative to
    it (cached in ``_PARTS``: the same cells, "0" or " 12 " or a template label,
    recur all the time)."""
    stripped = part.strip()
    if not stripped:
        got = ("", 0, len(part), BLANK, None)
    else:
        off = part.index(stripped[0])
        got = (stripped, off, off + len(stripped), *classify(stripped))
    if len(_PARTS) < 20000:
        _PARTS[part] = got
    return got


def _cells(parts, pos: int) -> list:
    """Cells of consecutive ``parts`` (separated by one character) starting at ``pos``."""
    out = []
    append = out.append
    known = _PARTS
    for part in parts:
        got = known.get(part)
        text, s, e, kind, value = got if got is not None else _part(part)
        append(_new(Cell, (text, pos + s, pos + e, kind, value)))
        pos += len(part) + 1
    return out


def _cell(text: str, s: int, e: int) -> Cell:
    return _cells((text[s:e],), s)[0]


def _split_tabs(text: str) -> list:
    return _cells(text.split("\t"), 0)


def _split_pipes(text: str) -> list:
    """Cells of a pipe row, with or without its outer pipes ("| a | b |", "a | b |", "| a | b")."""
    s = len(text) - len(text.lstrip())
    e = len(text.rstrip())
    if text.startswith("|", s):
        s += 1
    if e > s and text[e - 1] == "|":
        e -= 1
    return _cells(text[s:e].split("|"), s)


def _split_exact(cells: list, index: int, text: str) -> LineItem:
    # label cells: the text cells before the first figure; value cells: everything
    # after the last of them (blanks included), text among the figures as tokens
    first_val = last_text = -1
    numbers = filled = 0
    text_after = False
    for i, c in enumerate(cells):
        kind = c[3]
        if kind == BLANK:
            continue
        if kind == TEXT:
            if first_val < 0:
                last_text = i
            else:
                text_after = True
                filled += 1
        else:
            if first_val < 0:
                first_val = i
            filled += 1
            if kind == NUM:
                numbers += 1
    if last_text >= 0:
        label_cells = [c for c in cells[: last_text + 1] if c[3] == TEXT]
        label = " ".join(c[0] for c in label_cells)
        span = (label_cells[0][1], label_cells[-1][2])
    else:
        label_cells, label, span = [], "", None
    values = cells[last_text + 1:]
    if text_after:
        values = [c if c[3] != TEXT else c._replace(kind=TOKEN) for c in values]
    blanks_only = first_val < 0 and bool(values)
    return LineItem(index, True, label, span, values, label_cells, False, blanks_only, numbers, filled)


def split_line(line, index: int) -> LineItem:
    """Read one ``model.Line`` (index = its 0-based position)."""
    text = line.text
    if line.cells is not None:
        cells = [_cell(text, s, e) for s, e in line.cells]
        return _split_exact(cells, index, text)
    if "\t" in text and text.strip():
        cells = _split_tabs(text)
        return _split_exact(cells, index, text)
    if "|" in text:
        stripped = text.strip()
        if not stripped.strip("| \u3000") or _SEP_RE.match(text):
            # "|", "|||", "| |||", "|---|---|": between rows, nothing to read
            return LineItem(index, True, "", None, [], [], True, False, 0, 0)
        if stripped.count("|") == 1 and (stripped[0] == "|" or stripped[-1] == "|"):
            # one cell per line, closed by its pipe ("规章 |", "0 |"): the cell alone
            return _split_loose(text.replace("|", " "), index)
        return _split_exact(_split_pipes(text), index, text)
    return _split_loose(text, index)


#: characters a figure or a stand-in token can end with; a loose line that ends
#: with anything else has no values, and is not split into words (the hot path
#: for paragraphs of prose)
_VALUE_END = frozenset("0123456789０１２３４５６７８９") | frozenset("".join(_TOKENS)) | frozenset("／－—")


#: ASCII digits at the end of a label word, right after a CJK character, a closing bracket or a
#: "、" ("…逾期不补正、1000001": a label cut by its figures at an enumeration comma)
_GLUED_RE = re.compile(r"(?<=[\u4e00-\u9fff）)”」】\"、])\d+$")


def _split_loose(text: str, index: int) -> LineItem:
    s, e = content_span(text)
    if e > s and text[e - 1] not in _VALUE_END:
        body = text[s:e]
        ls = s + len(body) - len(body.lstrip())
        label = text[ls:e].rstrip()
        if label:
            le = ls + len(label)
            return LineItem(index, False, label, (ls, le), [], [_new(Cell, (label, ls, le, TEXT, None))],
                            False, False, 0, 0)
    # the values: the trailing run of words that are figures or tokens; each word is
    # located from the right (a word holds no space, so its last occurrence before
    # the next word is the word itself)
    words = text[s:e].split()
    k = len(words)
    values = []
    numbers = 0
    pos = e
    while k > 0:
        word = words[k - 1]
        kind, value = classify(word)
        if kind == NUM:
            numbers += 1
        elif kind != TOKEN:
            break
        pos = text.rindex(word, s, pos)
        values.append(_new(Cell, (word, pos, pos + len(word), kind, value)))
        k -= 1
    values.reverse()
    if k:
        ls = text.index(words[0], s)
        le = text.rindex(words[k - 1], s, pos) + len(words[k - 1])
        glued = False
        m = _GLUED_RE.search(text, ls, le)
        if m is not None and m.start() > ls:
            # figures run into the label: "…申请数量230" + "000023"
            glued = True
            le = m.start()
            values.insert(0, _new(Cell, (m.group(), m.start(), m.end(), NUM, Decimal(m.group()))))
            numbers += 1
        label = text[ls:le]
        cell = _new(Cell, (label, ls, le, TEXT, None))
        return LineItem(index, False, label, (ls, le), values, [cell], False, False, numbers, len(values),
                        glued)
    return LineItem(index, False, "", None, values, [], False, False, numbers, len(values))
