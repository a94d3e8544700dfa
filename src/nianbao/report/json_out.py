"""``--format json``: one JSON document, the stable machine contract."""

from __future__ import annotations

import json

from .. import __version__
from . import summary
from .location import location

#: bumped when a field changes meaning or disappears (adding fields keeps it)
SCHEMA_VERSION = 1


def finding_dict(f) -> dict:
    d = {"rule": f.rule, "name": f.name, "severity": f.severity, "message": f.message,
         "line": f.start.line, "column": f.start.column,
         "end_line": f.end.line, "end_column": f.end.column, "tags": list(f.tags),
         "location": location(f)}
    if f.cell is not None:
        d["cell"] = f.cell.as_dict()
    return d


def _file_dict(r) -> dict:
    d = {"path": r.path, "error": r.error.as_dict() if r.error else None,
         "findings": [finding_dict(f) for f in r.findings]}
    if getattr(r, "previous", None):
        d["previous"] = r.previous  # the previous year's report it was compared with
    if getattr(r, "skipped", None):
        d["skipped"] = r.skipped.as_dict()  # not a report, or not a regular file
    return d


def render_json(results) -> str:
    doc = {
        "schema_version": SCHEMA_VERSION,
        "tool": "nianbao",
        "version": __version__,
        "files": [_file_dict(r) for r in results],
        "summary": summary(results),
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def rules_json(ruleset) -> str:
    rows = [{"rule": r.code, "name": r.name, "severity": r.severity, "tags": list(r.tags),
             "summary": r.summary, "kind": r.kind, "enabled": r.enabled} for r in ruleset.rules]
    return json.dumps({"tool": "nianbao", "version": __version__, "rules": rows},
                      ensure_ascii=False, indent=2) + "\n"
