"""报告标题缺少机关名称或年份。

标题应写明是哪个机关、哪一年的报告，例如“某某县人民政府2024年政府信息公开工作年度
报告”。标题中找不到四位年份，或去掉年份和固定写法后什么也不剩（没有机关名称）时
报告。
"""

from ..model import Problem, Span

KIND = "title-incomplete"
OPTIONS = {}
MESSAGES = ("year", "agency")
#: the names a rule's message may use ({name})
ARGS = ("title",)


def check(report, options):
    t = report.title
    if t is None or t.wording == "other":
        return
    span = Span(t.line, t.start, t.end)
    if not t.year:
        yield Problem(span, {"title": t.text}, key="year")
    if not t.agency:
        yield Problem(span, {"title": t.text}, key="agency")
