"""parse: Document -> Report (title, section headings, template-mapped tables).

Everything a rule needs is computed here once; rules only judge the Report.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .headings import HeadingHit, find_headings
from .tables import read_tables
from .tablespec import compile_tables
from .view import build_view
from .title import TitleInfo, YearMention, body_years, dominant_year, find_period, find_title


@dataclass
class Report:
    doc: object  # model.Document: the parse view (parse.view), whose lines map back to the file
    template: object  # template.Template
    page_markers: set  # line indexes of page markers ("- 3 -")
    headings: list  # HeadingHit, every hit in document order
    sections: dict  # heading index 0..5 -> (first line, end line exclusive), accepted headings only
    title: TitleInfo | None
    period: YearMention | None
    tables: dict = field(default_factory=dict)  # "二"/"三"/"四" -> table reading (parse.tables)

    def section_lines(self, index: int) -> range:
        span = self.sections.get(index)
        return range(span[0], span[1]) if span else range(0)

    def section_named(self, number: str):
        """(line range, heading hit) of section ``number`` ("一".."六"), or None when
        the report has no such section; "全文" is the whole report (hit None)."""
        if number == "全文":
            return range(len(self.doc.lines)), None
        hit = next((h for h in self.accepted_headings() if h.spec.number == number), None)
        if hit is None:
            return None
        return self.section_lines(hit.spec.index), hit

    def accepted_headings(self) -> list:
        return [h for h in self.headings if not h.duplicate and not h.out_of_order]


def page_marker_lines(doc, template) -> set:
    """Lines that are page numbers: the template's pattern matching at the
    start of a line (one RE2 pass over the whole text, never across lines)."""
    if not doc.lines:
        return set()
    out = set()
    lines = doc.lines
    for m in template.page_marker_re.finditer(doc.text):
        i, col = doc.locate(m.start())
        if col == 0 and lines[i].cells is None:
            out.add(i)
    return out


def parse(doc, template) -> Report:
    doc = build_view(doc, template, compile_tables(template))
    markers = page_marker_lines(doc, template)
    hits = find_headings(doc, template, markers)
    accepted = [h for h in hits if not h.duplicate and not h.out_of_order]
    sections = {}
    for k, h in enumerate(accepted):
        end = accepted[k + 1].line if k + 1 < len(accepted) else len(doc.lines)
        sections[h.spec.index] = (h.line, end)
    first = hits[0].line if hits else -1
    title = find_title(doc, template, first, markers)
    report = Report(doc, template, markers, hits, sections, title, find_period(doc, template))
    report.tables = read_tables(report)
    return report


__all__ = ["Report", "HeadingHit", "TitleInfo", "YearMention", "parse", "body_years", "dominant_year"]
