"""标题、统计期限与正文的年份不一致。

标题中的年份、统计期限（“X年1月1日至12月31日”）的年份，以及“总体情况”正文主要
谈到的年份，三者应是同一年。常见原因是照搬上一年的报告，改了标题却没改正文。

正文年份取“总体情况”一节中出现次数最多的年份；只有它至少出现 ``min_mentions``
次、且该节从未提到标题年份时才报告，以免把正文里对往年的正常回顾当成错误。
"""

from ..model import Problem, Span
from ..parse import body_years, dominant_year

KIND = "year-mismatch"
OPTIONS = {
    "min_mentions": (int, 2, "正文年份至少出现几次才与标题比较"),
}
MESSAGES = ("period", "body")
#: the names a rule's message may use ({name})
ARGS = ("title_year", "period_year", "ref", "ref_year", "body_year", "count")


def check(report, options):
    t, p = report.title, report.period
    ref_year = t.year if t and t.year else (p.year if p else 0)
    ref_name = "标题" if t and t.year else "统计期限"
    if t and t.year and p and p.year != t.year:
        yield Problem(Span(p.line, p.start, p.end), {"title_year": t.year, "period_year": p.year},
                      key="period")
    if not ref_year:
        return
    mentions = body_years(report.doc, report.section_lines(0), report.page_markers)
    dom = dominant_year(mentions)
    if dom is None:
        return
    year, counts = dom
    if year != ref_year and counts[year] >= options["min_mentions"] and counts.get(ref_year, 0) == 0:
        first = next(m for m in mentions if m.year == year)
        yield Problem(Span(first.line, first.start, first.end),
                      {"ref": ref_name, "ref_year": ref_year, "body_year": year, "count": counts[year]},
                      key="body")
