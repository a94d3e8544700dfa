"""Small helpers shared by the rule kinds (no parsing here)."""

from __future__ import annotations

from ..model import Span
from ..parse.title import report_year


def heading_span(hit) -> Span:
    return Span(hit.line, hit.start, hit.end)


def line_span(doc, index: int) -> Span:
    """The content of line ``index`` (whole line when it is blank)."""
    text = doc.lines[index].text if 0 <= index < len(doc.lines) else ""
    stripped = text.strip()
    if not stripped:
        return Span(max(0, min(index, len(doc.lines) - 1)), 0, 0)
    start = text.index(stripped[0])
    return Span(index, start, start + len(stripped))


def first_text_line(doc) -> int:
    for i, ln in enumerate(doc.lines):
        if ln.text.strip():
            return i
    return 0


def last_text_line(doc) -> int:
    for i in range(len(doc.lines) - 1, -1, -1):
        if doc.lines[i].text.strip():
            return i
    return 0


def section_for_year(report, options):
    """(lines, heading) of ``options["section"]`` when the rule applies to this report:
    the section is there and the report is not older than ``options["from_year"]``."""
    found = report.section_named(options["section"])
    if found is None:
        return None
    year = report_year(report)
    if options["from_year"] and year and year < options["from_year"]:
        return None
    return found
