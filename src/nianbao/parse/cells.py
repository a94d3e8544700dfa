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
_WORD_RE = re.compile(r"\S+")
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
    holding a number or a token.
    """

    __slots__ = ("index", "exact", "label", "label_span", "values", "label_cells", "separator",
                 "blanks_only", "numbers", "filled")

    def __init__(self, index: int, exact: bool, label: str, label_span, values: list, label_cells: list,
                 separator: bool = False, blanks_only: bool = False, numbers: int = -1, filled: int = -1):
        self.index, self.exact, self.label, self.label_span = index, exact, label, label_span
        self.values, self.label_cells, self.separator, self.blanks_only = values, label_cells, separator, blanks_only
        if numbers < 0:
            numbers = filled = 0
            for c in values:
                if c[3] == NUM:
                    numbers += 1
                    filled += 1
                elif c[3] != BLANK:
                    filled += 1
        self.numbers, self.filled = numbers, filled

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


def _cells(parts, pos: int) -> list:
    """Cells of consecutive ``parts`` (separated by one character) starting at ``pos``."""
    out = []
    append = out.append
    small = _SMALL
    for part in parts:
        n = len(part)
        if not n:
            append(_new(Cell, ("", pos, pos, BLANK, None)))
        elif part in small:
            append(_new(Cell, (part, pos, pos + n, NUM, small[part])))
        else:
            stripped = part.strip()
            if not stripped:
                append(_new(Cell, ("", pos, pos + n, BLANK, None)))
            else:
                off = part.index(stripped[0]) if stripped is not part else 0
                value = small.get(stripped)
                if value is not None:
                    kind = NUM
                else:
                    kind, value = classify(stripped)
                append(_new(Cell, (stripped, pos + off, pos + off + len(stripped), kind, value)))
        pos += n + 1
    return out


def _cell(text: str, s: int, e: int) -> Cell:
    return _cells((text[s:e],), s)[0]


def _split_tabs(text: str) -> list:
    return _cells(text.split("\t"), 0)


def _split_pipes(text: str) -> list:
    s = text.index("|")
    e = text.rstrip().rfind("|")
    if e <= s:
        return _cells((text[s + 1:],), s + 1)
    return _cells(text[s + 1:e].split("|"), s + 1)


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
    stripped = text.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        if _SEP_RE.match(text):
            return LineItem(index, True, "", None, [], [], separator=True)
        return _split_exact(_split_pipes(text), index, text)
    return _split_loose(text, index)


#: characters a figure or a stand-in token can end with; a loose line that ends
#: with anything else has no values, and is not split into words (the hot path
#: for paragraphs of prose)
_VALUE_END = frozenset("0123456789０１２３４５６７８９") | frozenset("".join(_TOKENS)) | frozenset("／－—")


def _split_loose(text: str, index: int) -> LineItem:
    s, e = content_span(text)
    if e > s and text[e - 1] not in _VALUE_END:
        body = text[s:e]
        ls = s + len(body) - len(body.lstrip())
        label = text[ls:e].rstrip()
        if label:
            le = ls + len(label)
            return LineItem(index, False, label, (ls, le), [], [Cell(label, ls, le, TEXT)])
    words = [m for m in _WORD_RE.finditer(text, s, e)]
    k = len(words)
    while k > 0:
        kind, _v = classify(words[k - 1].group())
        if kind in (NUM, TOKEN):
            k -= 1
        else:
            break
    values = []
    for m in words[k:]:
        kind, value = classify(m.group())
        values.append(Cell(m.group(), m.start(), m.end(), kind, value))
    if k:
        ls, le = words[0].start(), words[k - 1].end()
        label = text[ls:le]
        cell = Cell(label, ls, le, TEXT)
        return LineItem(index, False, label, (ls, le), values, [cell])
    return LineItem(index, False, "", None, values, [])
