"""The table reading model: what the table readers produce and the rules consume."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple, Optional

from ..model import CellRef, Span
from . import cells as C

NUMBER, BLANK, TOKEN = "number", "blank", "token"
KIND = {C.NUM: NUMBER, C.BLANK: BLANK, C.TOKEN: TOKEN}
CAPTION_RE = re.compile(r"第?\(([一二三四五六七八九十])\)项")
NEG = float("-inf")

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
    split: str = ""  # "134/2/0/0/0/0/136" when the cells were cut from digits run together

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
    run: str = ""  # digits run together: "many" (several splits fit) or "none" (no split fits)
    legacy: bool = False  # a row only the 2019 layout has
    # rows after ``rows`` that are missing and whose figures may be among these (lines run
    # together): they are not checked either, and the finding names them
    merged: tuple = ()


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
    # rows that may hide among the figures of an unreadable row before them (a row with
    # too many figures: lines run together); no rule reports them as missing
    maybe_merged: set = field(default_factory=set)

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

