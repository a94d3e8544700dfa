"""``--statistics``: how many findings each rule gave, most first (like ruff)."""

from __future__ import annotations

import json

from .. import __version__
from . import summary


_LABEL = {"error": "错误", "warning": "警告", "info": "提示"}


def counts(results) -> list:
    """[(count, code, name, severity)] sorted by count (descending), then code."""
    seen = {}
    for r in results:
        for f in r.findings:
            n, _name, _sev = seen.get(f.rule, (0, f.name, f.severity))
            seen[f.rule] = (n + 1, f.name, f.severity)
    return sorted(((n, code, name, sev) for code, (n, name, sev) in seen.items()),
                  key=lambda x: (-x[0], x[1]))


def render_statistics(results, fmt: str) -> str:
    rows = counts(results)
    if fmt == "json":
        return json.dumps({"schema_version": 1, "tool": "nianbao", "version": __version__,
                           "statistics": [{"rule": c, "name": nm, "severity": s, "count": n}
                                          for n, c, nm, s in rows],
                           "summary": summary(results)}, ensure_ascii=False, indent=2) + "\n"
    width = max([len(str(n)) for n, *_ in rows] + [1])
    lines = [f"{str(n).rjust(width)}  {c}  {_LABEL[s]}  {nm}" for n, c, nm, s in rows]
    from .human import _summary_line
    lines.append(_summary_line(results))
    return "\n".join(lines) + "\n"
