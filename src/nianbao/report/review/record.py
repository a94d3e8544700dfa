"""What the review keeps of one checked report: its findings, the words that
identify who wrote it, and every value read from tables 二, 三 and 四.

A :class:`Record` is built in the worker that checked the report (from the
parse result, never by checking again) and is small and picklable, so a review
of thousands of reports never holds their parsed documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

NUMBER, BLANK, TOKEN = "number", "blank", "token"


@dataclass
class Record:
    format: str  # text, markdown, pdf, docx, html
    title: str  # the title as read ("" when none)
    title_agency: str  # the agency named in the title ("" when none)
    title_year: int  # 0 when none
    period_year: int  # the statistical period's year, 0 when none
    preamble: str  # the report's opening text (shortened)
    path: str = ""  # the path as given
    data: dict = field(default_factory=dict)  # column name -> (kind, text, number or None)
    parts: object = None  # parts.Parts: the outputs' pieces rendered by the worker
    identity: object = None  # identify.Identity (the manifest applied)
    manifest_row: object = None  # index of the manifest row that named it, or None


@dataclass
class Context:
    """What a worker needs besides the report to build its record (picklable)."""

    manifest: object = None  # identify.Manifest or None


def data_columns(template) -> list:
    """(name, table id, row id, column index) of every cell of tables 二, 三 and 四,
    in template order, named by the template's own labels."""
    from ...parse.tablespec import compile_tables
    spec = compile_tables(template)
    cache = spec.cache.get("review-columns")
    if cache is not None:
        return cache
    out = []
    for tid, t in spec.tables.items():
        for r in t.rows:
            if r.legacy:
                continue
            label = r.label if tid != "三" else r.display(t)
            for ci, col in enumerate(r.columns):
                out.append((f"表{tid}｜{label}｜{col}", tid, r.id, ci))
    spec.cache["review-columns"] = out
    return out


def _number(value: Decimal):
    i = int(value)
    return i if i == value else float(value)


def cell_data(report) -> dict:
    """column name -> (kind, text, number) for every template cell read, in
    template order; cells not read (table, row or its columns not found) are absent."""
    out = {}
    tables = report.tables
    for name, tid, rid, ci in data_columns(report.template):
        reading = tables.get(tid)
        row = reading.rows.get(rid) if reading is not None else None
        if row is None or row.cells is None or ci >= len(row.cells):
            continue
        cell = row.cells[ci]
        if cell.kind == NUMBER and cell.value is not None:
            out[name] = (NUMBER, cell.text, _number(cell.value))
        elif cell.kind == BLANK:
            out[name] = (BLANK, "", None)
        else:
            out[name] = (TOKEN, cell.text, None)
    return out


def _preamble(report, limit: int = 600) -> str:
    """The report's opening text (title, preamble, the start of 一、总体情况)."""
    parts, size = [], 0
    for ln in report.doc.lines[:40]:
        if ln.cells is not None:
            continue
        t = ln.text.strip()
        if t:
            parts.append(t)
            size += len(t)
            if size >= limit:
                break
    return "\n".join(parts)[:limit]


def make_record(report, findings, ruleset=None, context=None) -> Record:
    title = report.title
    rec = Record(
        format=report.doc.format,
        title=title.text if title else "",
        title_agency=title.agency if title else "",
        title_year=title.year if title else 0,
        period_year=report.period.year if report.period else 0,
        preamble=_preamble(report),
        path=report.doc.path,
        data=cell_data(report),
    )
    from .identify import identify
    ident = identify(report.doc.path, rec)
    manifest = getattr(context, "manifest", None)
    if manifest is not None:
        ident, rec.manifest_row = manifest.apply(report.doc.path, ident)
    rec.identity = ident
    if ruleset is not None:
        from .parts import render_parts
        rec.parts = render_parts(rec, findings, ruleset)
        rec.data = {}  # rendered: not sent back to the main process
    return rec
