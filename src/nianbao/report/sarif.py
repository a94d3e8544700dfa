"""``--format sarif``: SARIF 2.1.0 for code-scanning dashboards."""

from __future__ import annotations

import json

from .. import __version__

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render_sarif(results, ruleset) -> str:
    rules = [{
        "id": r.code, "name": r.name,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": r.doc.get("what", r.summary)},
        "help": {"text": r.doc.get("fix", "")},
        "defaultConfiguration": {"level": _LEVEL[r.severity]},
        "properties": {"tags": list(r.tags)},
    } for r in ruleset.rules]
    index = {r.code: i for i, r in enumerate(ruleset.rules)}
    res, notes = [], []
    for fr in results:
        if fr.error:
            notes.append({"level": "error", "message": {"text": fr.error.message},
                          "locations": [{"physicalLocation": {"artifactLocation": {"uri": fr.path}}}],
                          "properties": {"code": fr.error.code}})
        for f in fr.findings:
            region = {"startLine": f.start.line, "startColumn": f.start.column,
                      "endLine": f.end.line, "endColumn": f.end.column}
            item = {"ruleId": f.rule, "ruleIndex": index.get(f.rule, -1), "level": _LEVEL[f.severity],
                    "message": {"text": f.message},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": f.path},
                                                        "region": region}}]}
            if f.cell is not None:
                item["properties"] = {"cell": f.cell.as_dict()}
            res.append(item)
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "nianbao", "version": __version__, "rules": rules}},
            # our columns count characters; SARIF's default is UTF-16 code units
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": not notes,
                             "toolExecutionNotifications": notes}],
            "results": res,
        }],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
