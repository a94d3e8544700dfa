"""Helpers shared by the loaders that read real tables (PDF, DOCX, HTML).

A table row becomes one line: the cell texts joined by tabs, with the
(start, end) span of every cell (see ``Line.cells`` in model.py).  These are
the rules for a cell's text (wrapped lines joined, CJK-aware spacing) and for
finding which cell a column is in.  No loader imports another loader; they
all import this module.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

_WS_RUN = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_BREAKS = re.compile(r"[\r\n\t\f\v\u2028\u2029]+")


#: budgets for a table read from markup (HTML, Word): a merged cell spans at
#: most MAX_SPAN rows or columns (HTML's own limit for colspan), and a table
#: has at most MAX_TABLE_CELLS grid positions once the spans are resolved
#: (a real report's largest table has a few hundred)
MAX_SPAN = 1000
MAX_TABLE_CELLS = 200_000


def table_too_large(path: str, number: int):
    from .errors import InputError
    return InputError("table-too-large", f"{path}：第 {number} 个表格过大（合并单元格展开后超过 "
                                         f"{MAX_TABLE_CELLS} 格），无法读取")


def is_wide(ch: str) -> bool:
    """True for CJK characters and full-width punctuation."""
    o = ord(ch)
    if o < 0x1100:
        return False
    if 0x2E80 <= o <= 0x9FFF or 0xFF01 <= o <= 0xFF60:
        return True
    return unicodedata.east_asian_width(ch) in ("W", "F")


def join_wrapped(parts) -> str:
    """Join the visual lines of one cell or paragraph: no space where the break
    touches a CJK character ("三\\n、\\n本" -> "三、本"), one space between two
    ASCII words."""
    out = ""
    for part in parts:
        part = _WS_RUN.sub(" ", part).strip()
        if not part:
            continue
        if out and not (is_wide(out[-1]) or is_wide(part[0])):
            out += " "
        out += part
    return out


def clean_cell(text: str) -> str:
    """A cell's text on one line: internal line breaks and tabs removed."""
    return join_wrapped(_BREAKS.split(text))


def grid_text(cells) -> tuple:
    """(text, spans) of a table row whose cells are ``cells`` (strings)."""
    spans, pos = [], 0
    for i, cell in enumerate(cells):
        if i:
            pos += 1
        spans.append((pos, pos + len(cell)))
        pos += len(cell)
    return "\t".join(cells), tuple(spans)


def cell_of(spans, col: int) -> int:
    """The 1-based cell holding character ``col`` of a row (a tab belongs to
    the cell before it)."""
    starts = [s for s, _e in spans]
    return max(1, bisect_right(starts, col))
