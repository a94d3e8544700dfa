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

from ..model import Span
from .digits import row_constraint
from .table2 import read_article20
from .table3 import read_ordered
from .table4 import read_groups
from .table_lines import Lines
from .table_locate import find_block, table_range
from .table_model import (BLANK, NUMBER, TOKEN, CellValue, LegacyMark, RowReading, SubTableReading,
                          TableReading, Tables, Unplaced)
from .tablespec import compile_tables

# ---------------------------------------------------------------------------


def read_tables(report) -> Tables:
    """Read tables 二, 三 and 四 of ``report`` (``report.tables``)."""
    spec = compile_tables(report.template)
    lines = Lines(report)
    out = Tables()
    taken = 0  # end of the blocks of the tables already read
    for tid, tspec in spec.tables.items():
        if "split_rule" not in tspec.cache:
            tspec.cache["split_rule"] = row_constraint(spec.relations, tid, tspec.columns)
        reading = TableReading(tspec)
        lo, hi = table_range(report, tspec)
        if tspec.section_index not in report.sections:
            lo = max(lo, taken)  # no heading of its own: never inside the table of the section before
        block = find_block(lines, tid, spec, lo, hi)
        if block is not None:
            reading.block = block
            taken = max(taken, block.stop)
            reading.found = True
            first = lines.item(block.start)
            reading.span = (Span(block.start, *first.label_span) if first.label_span
                            else Span(block.start, 0, len(lines.lines[block.start].text)))
            if tspec.subtables:
                read_article20(lines, tspec, spec.legacy, block, reading)
            elif tid == "四" or (tspec.rows and all(r.keys for r in tspec.rows)):
                read_groups(lines, tspec, block, reading)
            else:
                read_ordered(lines, tspec, block, reading)
        _maybe_merged(reading)
        if reading.found and tspec.section_index not in report.sections and not _has_figures(reading):
            # no heading of its own and not one figure: words of another section that
            # sound like the table (a paragraph on 依申请公开 in 总体情况), not the table
            reading = TableReading(tspec)
        out[tid] = reading
    return out


def _maybe_merged(reading: TableReading) -> None:
    """Rows that an unreadable row with more figures than one row holds may have swallowed."""
    spec = reading.spec
    width = len(spec.columns) or 1
    rows = [r for r in spec.rows if not r.legacy]
    for u in reading.unplaced:
        if len(u.rows) != 1 or u.found <= u.expected or u.rows[0] not in spec.row_by_id:
            continue
        extra = -(-(u.found - u.expected) // width)
        after = [r for r in rows if r.order > spec.row_by_id[u.rows[0]].order]
        merged = []
        for r in after:
            if extra <= 0 or r.id in reading.rows:
                break
            reading.maybe_merged.add(r.id)
            merged.append(r.id)
            extra -= 1
        u.merged = tuple(merged)


def _has_figures(reading: TableReading) -> bool:
    if reading.unplaced:
        return True
    return any(row.cells is None or any(c.kind != BLANK for c in row.cells) for row in reading.rows.values())



__all__ = ["BLANK", "NUMBER", "TOKEN", "CellValue", "LegacyMark", "RowReading", "SubTableReading",
           "TableReading", "Tables", "Unplaced", "read_tables"]
