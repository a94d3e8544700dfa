"""不应出现的文字（可在规则包中自定义，无需写代码）。

在每一行中查找 ``patterns`` 里的正则表达式，每处匹配报告一次，位置精确到匹配的
文字。用来发现模板占位符（“XX镇”“××局”）、过时的文号等。``section`` 可把查找限制在
某一章节。
"""

import re

from ..model import Problem, Span

KIND = "phrase-forbidden"
OPTIONS = {
    "section": (str, "全文", "在哪一章节中查找：一 至 六，或 全文"),
    "patterns": (list, [], "不应出现的正则表达式（在原文的每一行上匹配）"),
    "describe": (str, "", "消息中对问题的描述"),
    "from_year": (int, 0, "只检查这一年及以后的报告（按标题或统计期限的年份；0：不限）"),
}
MESSAGES = ("",)
SECTIONS = ("全文", "一", "二", "三", "四", "五", "六")


def validate_options(options):
    """(option key path, Chinese message) of the first bad option, or None."""
    if options["section"] not in SECTIONS:
        return ("section",), f"section 应为 {'、'.join(SECTIONS)} 之一，实际是 “{options['section']}”"
    for i, p in enumerate(options["patterns"]):
        try:
            re.compile(p)
        except re.error as exc:
            return ("patterns", i), f"正则表达式 “{p}” 无效：{exc}"
    return None


def check(report, options):
    if options["from_year"]:
        from ..parse.prose import report_year
        year = report_year(report)
        if not year or year < options["from_year"]:
            return
    found = report.section_named(options["section"])
    if found is None:
        return
    lines, _hit = found
    pats = [re.compile(p) for p in options["patterns"]]
    for i in lines:
        if i in report.page_markers:
            continue
        text = report.doc.lines[i].text
        for p in pats:
            for m in p.finditer(text):
                if m.end() > m.start():
                    yield Problem(Span(i, m.start(), m.end()),
                                  {"found": m.group(0), "describe": options["describe"]})
