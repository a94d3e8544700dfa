"""缺少章节标题。

模板规定的六个章节标题（一、总体情况 … 六、其他需要报告的事项）中，某一个在
报告里找不到（按模板写法和已知的变体写法都找不到）时报告。位置指向它本应出现的
地方：下一个找到的章节标题；后面没有章节时指向报告末尾。
"""

from ..model import Problem
from ._util import heading_span, last_text_line, line_span

KIND = "heading-missing"
OPTIONS = {}
MESSAGES = ("",)
#: the names a rule's message may use ({name})
ARGS = ("number", "expected", "where")


def check(report, options):
    found = {h.spec.index for h in report.headings}
    accepted = report.accepted_headings()
    for spec in report.template.headings:
        if spec.index in found:
            continue
        after = [h for h in accepted if h.spec.index > spec.index]
        if after:
            nxt = after[0]
            where = f"，应位于「{nxt.written}」之前"
            span = heading_span(nxt)
        else:
            last = last_text_line(report.doc)
            where = "，应位于报告末尾"
            span = line_span(report.doc, last)
        yield Problem(span, {"number": spec.number, "expected": spec.canonical, "where": where})
