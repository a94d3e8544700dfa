"""report: findings -> output formats.  A formatter never checks anything.

Each formatter takes the list of :class:`FileResult` and the rule set and
returns the complete output as a string (deterministic: same input, same bytes).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FileResult:
    path: str
    findings: list = field(default_factory=list)
    error: object = None  # load.InputError or None
    skipped: object = None  # load.InputError-like note: not a report, not a regular file


def summary(results) -> dict:
    s = {"files": len(results), "error": 0, "warning": 0, "info": 0}
    for r in results:
        for f in r.findings:
            s[f.severity] += 1
    return s


FORMATS = ("human", "json", "sarif", "github")


def render(fmt: str, results, ruleset, color: bool = False) -> str:
    if fmt == "json":
        from .json_out import render_json
        return render_json(results)
    if fmt == "sarif":
        from .sarif import render_sarif
        return render_sarif(results, ruleset)
    if fmt == "github":
        from .github import render_github
        return render_github(results)
    from .human import render_human
    return render_human(results, color=color)
