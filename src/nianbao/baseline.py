"""A baseline: accept today's findings, report only new ones.

``nianbao check --write-baseline 基线.json`` records every finding of the run;
``--baseline 基线.json`` then hides the findings recorded there.  A finding is
matched by its file, rule, template cell (table/row/column) and a hash of the
source text around it (``report.fingerprint``), never by line number: text
added above an old finding does not bring it back.  Repeated identical
findings are counted.  Paths are stored relative to the baseline file's
folder, so the baseline works from any current folder.

Ageing: a rewritten baseline holds only the findings of that run, so fixed
findings drop out; ``--baseline`` says how many recorded findings no longer
occur (a hint to rewrite it).
"""

from __future__ import annotations

import os

from .report.fingerprint import base_key
from .yamlio import ConfigError

VERSION = 1


def _rel(path: str, base: str) -> str:
    if path == "-":
        return "-"
    return os.path.relpath(os.path.abspath(path), base).replace(os.sep, "/")


def write(path: str, results) -> int:
    """Write the findings of ``results`` to ``path``; returns how many."""
    base = os.path.dirname(os.path.abspath(path))
    rows = []
    for r in results:
        for f in r.findings:
            rows.append({"path": _rel(r.path, base), "rule": f.rule, "key": base_key(f),
                         "message": f.message})
    rows.sort(key=lambda x: (x["path"], x["key"], x["message"]))
    doc = {"tool": "nianbao", "baseline_version": VERSION, "findings": rows}
    try:
        with open(path, "w", encoding="utf-8") as fh:
            import json
            fh.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    except OSError as exc:
        raise ConfigError(f"无法写入基线文件 {path}（{exc.strerror or exc}）") from None
    return len(rows)


def read(path: str) -> dict:
    """{(relative path, key): count} of a baseline file."""
    try:
        with open(path, encoding="utf-8") as fh:
            import json
            doc = json.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"基线文件不存在：{path}（先用 --write-baseline {path} 生成）") from None
    except (OSError, ValueError) as exc:
        raise ConfigError(f"基线文件 {path} 无法读取（{exc}）") from None
    rows = doc.get("findings") if isinstance(doc, dict) else None
    if not isinstance(rows, list) or doc.get("baseline_version") != VERSION or not all(
            isinstance(x, dict) and isinstance(x.get("path"), str) and isinstance(x.get("key"), str)
            for x in rows):
        raise ConfigError(f"基线文件 {path} 不是 nianbao 基线（版本 {VERSION}）")
    counts = {}
    for x in rows:
        k = (x["path"], x["key"])
        counts[k] = counts.get(k, 0) + 1
    return counts


def apply(path: str, results) -> int:
    """Remove from ``results`` the findings recorded in baseline ``path``
    (sets ``FileResult.baselined``); returns how many recorded findings were
    not seen in this run."""
    counts = read(path)
    base = os.path.dirname(os.path.abspath(path))
    checked = set()
    for r in results:
        rel = _rel(r.path, base)
        checked.add(rel)
        kept = []
        for f in r.findings:
            k = (rel, base_key(f))
            if counts.get(k, 0) > 0:
                counts[k] -= 1
                r.baselined += 1
            else:
                kept.append(f)
        r.findings = kept
    # only files checked in this run can tell that a recorded finding is gone
    return sum(n for (p, _k), n in counts.items() if p in checked)
