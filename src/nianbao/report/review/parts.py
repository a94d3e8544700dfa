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
    docx_rows: str  # rectification table rows ("" when nothing to fix)
    to_fix: int  # findings in the rectification list


def fixes_of(ruleset) -> dict:
    """Rule code -> how to fix it (the rule's documentation), per rule set."""
    got = _FIXES.get(id(ruleset))
    if got is None or got[0] is not ruleset:
        got = _FIXES[id(ruleset)] = (ruleset, {r.code: (r.doc.get("fix") or "").strip() for r in ruleset.rules})
    return got[1]


def finding_json(f, fixes: dict) -> dict:
    from .common import category_of, location, where_text
    loc = location(f)
    d = {"rule": f.rule, "name": f.name, "severity": f.severity, "category": category_of(f.tags),
         "message": f.message, "line": f.start.line, "column": f.start.column,
         "page": loc["page"], "where": where_text(f), "source": f.source, "fix": fixes.get(f.rule, "")}
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
    from .rectify import table_rows
    from .xlsx import data_cells, finding_cells
    fixes = fixes_of(ruleset)
    fix = [f for f in findings if f.severity in TO_FIX]
    dumps = {"ensure_ascii": False, "separators": (",", ":")}
    return Parts(
        html_table=findings_table(findings, fixes),
        findings_json=json.dumps([finding_json(f, fixes) for f in findings], **dumps),
        data_json=json.dumps(data_json(record), **dumps),
        xlsx_findings=finding_cells(findings, fixes),
        xlsx_data=data_cells(record, data_columns(ruleset.template)),
        docx_rows=table_rows(fix, fixes) if fix else "",
        to_fix=len(fix),
    )
