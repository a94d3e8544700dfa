"""报告标题的固定写法不对。

模板要求标题为“机关名称 + 年份 + 政府信息公开工作年度报告”。标题写成“政务公开工作
年度报告”“政府信息公开年度报告”等（已知变体，见模板 YAML ``title.variants``），
或者根本没有这一固定写法时报告。
"""

from ..model import Problem, Span

KIND = "title-wording"
OPTIONS = {}
MESSAGES = ("", "other")
#: the names a rule's message may use ({name})
ARGS = ("found", "expected", "title")


def check(report, options):
    t = report.title
    if t is None or t.wording == "ok":
        yield from ()
        return
    span = Span(t.line, t.start, t.end)
    expected = report.template.title_text
    if t.wording == "variant":
        yield Problem(span, {"found": t.variant, "expected": expected, "title": t.text})
    else:
        yield Problem(span, {"expected": expected, "title": t.text}, key="other")
