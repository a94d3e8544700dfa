"""``--format sarif``: SARIF 2.1.0 for code-scanning dashboards.

Relative paths become percent-encoded URIs relative to ``%SRCROOT%`` (the
current folder); every result has a region, a logical location naming the
template cell (or the page/paragraph of a PDF or Word file) and
``partialFingerprints`` that stay the same across runs and edits elsewhere.
"""

from __future__ import annotations

import json
import os

from .. import __version__
from .fingerprint import fingerprints
from .location import is_paged, location, uri

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
HOMEPAGE = "https://github.com/nianbao/nianbao"
#: the README's rule section (GitHub anchors of a heading: its text, percent-encoded)
HELP_URI = HOMEPAGE + "#%E8%A7%84%E5%88%99"
BASE_ID = "SRCROOT"


def _artifact(path: str) -> dict:
    if os.path.isabs(path):
        return {"uri": uri(path)}
    return {"uri": uri(path), "uriBaseId": BASE_ID}


def _rule(r) -> dict:
    d = r.doc
    text = "\n\n".join(x for x in (d.get("what", ""), d.get("fix", "")) if x) or r.summary
    out = {"id": r.code, "name": r.name,
           "shortDescription": {"text": r.summary},
           "fullDescription": {"text": d.get("what", r.summary)},
           "help": {"text": text},
           "defaultConfiguration": {"level": _LEVEL[r.severity], "enabled": r.enabled},
           "properties": {"tags": list(r.tags)}}
    if r.code.startswith("NB"):  # bundled rules are documented in the README
        out["helpUri"] = HELP_URI
    return out


def _logical(f) -> list:
    if f.cell is not None:
        c = f.cell
        parts = [f"表{c.table}"] + [x for x in (c.row, c.column) if x]
        return [{"name": parts[-1], "fullyQualifiedName": "/".join(parts), "kind": "element"}]
    if f.start.label:
        return [{"name": f.start.label, "kind": "text"}]
    return []


def _result(f, index: dict, fp: str) -> dict:
    region = {"startLine": f.start.line, "startColumn": f.start.column,
              "endLine": f.end.line, "endColumn": max(f.end.column, f.start.column)}
    if f.source.strip():
        region["snippet"] = {"text": f.source}
    phys = {"artifactLocation": _artifact(f.path), "region": region}
    loc = {"physicalLocation": phys}
    logical = _logical(f)
    if logical:
        loc["logicalLocations"] = logical
    if is_paged(f):
        loc["message"] = {"text": f.start.label}
    item = {"ruleId": f.rule, "level": _LEVEL[f.severity], "message": {"text": f.message},
            "locations": [loc], "partialFingerprints": {"nianbao/v1": fp},
            "properties": {"location": location(f)}}
    if f.rule in index:
        item["ruleIndex"] = index[f.rule]
    if f.cell is not None:
        item["properties"]["cell"] = f.cell.as_dict()
    return item


def render_sarif(results, ruleset) -> str:
    rules = [_rule(r) for r in ruleset.rules]
    index = {r.code: i for i, r in enumerate(ruleset.rules)}
    res, notes = [], []
    for fr in results:
        if fr.error:
            notes.append({"level": "error", "message": {"text": fr.error.message},
                          "locations": [{"physicalLocation": {"artifactLocation": _artifact(fr.path)}}],
                          "properties": {"code": fr.error.code}})
        for f, fp in zip(fr.findings, fingerprints(fr.findings)):
            res.append(_result(f, index, fp))
    root = os.getcwd().replace(os.sep, "/").rstrip("/") + "/"
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "nianbao", "version": __version__,
                                "informationUri": HOMEPAGE, "rules": rules}},
            "originalUriBaseIds": {BASE_ID: {"uri": uri(root if root.startswith("/") else "/" + root)}},
            # our columns count characters; SARIF's default is UTF-16 code units
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": not notes,
                             "toolExecutionNotifications": notes}],
            "results": res,
        }],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
