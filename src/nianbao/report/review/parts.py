"""The parts of the review outputs that depend only on one report's findings
and readings, rendered in the worker that checked it.

The main process then only adds who wrote the report (known there, since a
manifest may override it) and writes the parts out, so a batch's outputs cost
little next to its checking, however many workers check.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .common import TO_FIX

_FIXES = {}


@dataclass
class Parts:
    html_table: str  # html.findings_table
    findings_json: str  # JSON array of the findings
    data_json: str  # JSON object of the readings
    xlsx_findings: list  # per finding, its 问题清单 cells from column D
    xlsx_data: str  # 数据 cells from column E
    docx: bytes  # the rectification list (b"" when nothing to fix)
    to_fix: int  # findings in the rectification list


def fixes_of(ruleset) -> dict:
    """Rule code -> how to fix it (the rule's documentation), per rule set."""
    got = _FIXES.get(id(ruleset))
    if got is None or got[0] is not ruleset:
        got = _FIXES[id(ruleset)] = (ruleset, {r.code: (r.doc.get("fix") or "").strip() for r in ruleset.rules})
    return got[1]


def finding_json(f, fixes: dict, loc=None) -> dict:
    from .common import category_of, location
    loc = loc or location(f)
    d = {"rule": f.rule, "name": f.name, "severity": f.severity, "category": category_of(f.tags),
         "message": f.message, "line": f.start.line, "column": f.start.column,
         "page": loc["page"], "where": loc["where"], "source": f.source, "fix": fixes.get(f.rule, "")}
    if f.cell is not None:
        d["cell"] = f.cell.as_dict()
    if loc["extra"]:
        d["location"] = loc["extra"]
    return d


def data_json(record) -> dict:
    """column name -> the number read, null for a cell the report left blank, or the
    text written instead of a number ("/"); cells not read are absent."""
    return {name: (number if kind == "number" else None if kind == "blank" else text)
            for name, (kind, text, number) in record.data.items()}


def render_parts(record, findings, ruleset) -> Parts:
    from .html import findings_table
    from .record import data_columns
    from .rectify import rectification_bytes, table_rows
    from .xlsx import data_cells, finding_cells
    from .common import location
    fixes = fixes_of(ruleset)
    locs = [location(f) for f in findings]  # once per finding, for every output
    fix = [(f, loc["where"]) for f, loc in zip(findings, locs) if f.severity in TO_FIX]
    dumps = {"ensure_ascii": False, "separators": (",", ":")}
    return Parts(
        html_table=findings_table(findings, fixes, locs),
        findings_json=json.dumps([finding_json(f, fixes, loc) for f, loc in zip(findings, locs)], **dumps),
        data_json=json.dumps(data_json(record), **dumps),
        xlsx_findings=finding_cells(findings, fixes, locs),
        xlsx_data=data_cells(record, data_columns(ruleset.template)),
        docx=rectification_bytes(_item(record), len(fix), table_rows([f for f, _w in fix], fixes,
                                                                     [w for _f, w in fix])) if fix else b"",
        to_fix=len(fix),
    )


def _item(record):
    """Who wrote the report, as the rectification list names it."""
    from .common import Item
    ident = record.identity
    return Item(0, record.path, "", agency=ident.agency if ident else "", year=ident.year if ident else 0)
