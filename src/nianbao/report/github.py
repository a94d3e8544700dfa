"""``--format github``: GitHub Actions workflow commands (annotations)."""

from __future__ import annotations

from .location import is_paged

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def render_github(results) -> str:
    out = []
    for r in results:
        if r.error:
            out.append(f"::error file={_prop(r.path)},title={_prop('nianbao ' + r.error.code)}::"
                       f"{_data(r.error.message)}")
        for f in r.findings:
            title = f"{f.rule} {f.name}"
            if is_paged(f):  # a PDF or Word file has no lines GitHub could show: say where
                where = ""
                title += f"（{f.start.label}）"
            else:
                where = (f",line={f.start.line},col={f.start.column},"
                         f"endLine={f.end.line},endColumn={f.end.column}")
            out.append(f"::{_LEVEL[f.severity]} file={_prop(f.path)}{where},"
                       f"title={_prop(title)}::{_data(f.message)}")
    return "\n".join(out) + ("\n" if out else "")
