"""The data that flows through nianbao.

load   bytes -> Document (lines of text, each knowing where it came from)
parse  Document -> Report (title, section headings, template-mapped tables)
rules  Report -> Finding
report Finding -> text / JSON / SARIF / GitHub annotations

Every loader (plain text, Markdown, PDF, Word, HTML) produces the same
``Document``; a line that came from a real table row (a ruled PDF table, a Word
or HTML ``<table>``) carries ``cells`` so the table reader knows where the cell
boundaries are instead of guessing them.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class Place:
    """Where a character is in the file the user opened.

    ``line`` and ``column`` are 1-based, columns counted in characters; they are
    what ``path:line:column`` shows.  ``extra`` carries format-specific
    coordinates for the JSON output (``page``, ``paragraph``, ``table``,
    ``row``, ``cell``), as sorted (key, value) pairs.  ``label`` is a Chinese
    description of the place for human output when ``line`` alone would not
    say it ("第3页第12行").
    """

    line: int
    column: int
    extra: tuple = ()
    label: str = ""


class Line:
    """One line of a document's text.

    ``number`` is the 1-based index of the line in ``Document.lines``.
    ``cells`` is ``None`` for free text; for a row read from a real table it is
    a tuple of (start, end) character spans into ``text``, one per cell, with
    merged-away cells present as empty spans.
    Subclasses (one per input format) override :meth:`place`.
    """

    __slots__ = ("text", "number", "cells", "source_line")

    def __init__(self, text: str, number: int, source_line: int,
                 cells: Optional[tuple] = None):
        self.text = text
        self.number = number
        self.source_line = source_line
        self.cells = cells

    def place(self, col: int) -> Place:
        """The place of character ``col`` (0-based) of this line."""
        return Place(self.source_line, col + 1)

    def display_text(self) -> str:
        """The source text to show under a finding."""
        return self.text

    def source_cols(self, start: int, end: int) -> tuple:
        """Columns ``start``..``end`` of this line as columns of :meth:`display_text`."""
        return start, end

    def written(self, start: int, end: int) -> str:
        """Columns ``start``..``end`` character for character as the file writes them
        (same length as ``text[start:end]``: a folded character gives back its original,
        text the parse view dropped stays dropped)."""
        return self.text[start:end]

    def original(self, start: int, end: int) -> str:
        """The text of columns ``start``..``end`` as the file has it (a folded or cut
        line of the parse view gives the original characters back)."""
        return self.text[start:end]

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Line({self.number}, {self.text!r})"


@dataclass
class Document:
    """A report as read from one input.

    ``path`` is the path exactly as the user gave it ("-" for stdin).
    ``format`` is one of text, markdown, pdf, docx, html.
    """

    path: str
    format: str
    lines: list
    _starts: list = field(default=None, repr=False)
    _text: str = field(default=None, repr=False)

    @property
    def text(self) -> str:
        """All lines joined with newlines (for searches that span lines)."""
        if self._text is None:
            self._build()
        return self._text

    def _build(self) -> None:
        starts, pos = [], 0
        for ln in self.lines:
            starts.append(pos)
            pos += len(ln.text) + 1
        self._starts = starts
        self._text = "\n".join(ln.text for ln in self.lines)

    def locate(self, offset: int) -> tuple:
        """Map an offset in :attr:`text` to (line index, column), both 0-based."""
        if self._starts is None:
            self._build()
        i = max(0, bisect_right(self._starts, offset) - 1)
        return i, offset - self._starts[i]


@dataclass(frozen=True)
class Span:
    """A range on one line: ``line`` is a 0-based index into Document.lines,
    ``start``/``end`` 0-based character columns (end exclusive)."""

    line: int
    start: int
    end: int


@dataclass(frozen=True)
class CellRef:
    """The template cell a finding is about, in the template's own labels."""

    table: str
    row: str
    column: str

    def as_dict(self) -> dict:
        return {"table": self.table, "row": self.row, "column": self.column}


@dataclass(frozen=True)
class Problem:
    """What a rule kind yields: where, and the values for the rule's message."""

    span: Optional[Span]
    args: dict = field(default_factory=dict)
    cell: Optional[CellRef] = None
    key: str = ""  # which message variant of the rule to use ("" = default)


@dataclass(frozen=True)
class Finding:
    """One reported problem, ready for every output format."""

    path: str
    rule: str
    name: str
    severity: str
    message: str
    start: Place
    end: Place
    tags: tuple
    cell: Optional[CellRef]
    source: str  # the text of the line, for the snippet
    col0: int  # 0-based start/end columns into ``source`` for carets
    col1: int

