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
    baselined: int = 0  # findings hidden by --baseline
    previous: object = None  # path of the previous year's report it was compared with
    skipped: object = None  # load.InputError-like note: not a report, not a regular file


def summary(results) -> dict:
    s = {"files": len(results), "unreadable": sum(1 for r in results if r.error),
         "error": 0, "warning": 0, "info": 0, "baselined": sum(r.baselined for r in results)}
    for r in results:
        for f in r.findings:
            s[f.severity] += 1
    return s


FORMATS = ("human", "json", "sarif", "github", "csv", "junit")


def render(fmt: str, results, ruleset, color: bool = False, width=None) -> str:
    if fmt == "json":
        from .json_out import render_json
        return render_json(results)
    if fmt == "sarif":
        from .sarif import render_sarif
        return render_sarif(results, ruleset)
    if fmt == "csv":
        from .csv_out import render_csv
        return render_csv(results)
    if fmt == "junit":
        from .junit import render_junit
        return render_junit(results)
    if fmt == "github":
        from .github import render_github
        return render_github(results)
    from .human import render_human
    return render_human(results, color=color, width=width)
