"""章节标题顺序错误。

六个章节标题必须按模板顺序（一至六）出现。找到的标题中，不在最长的“顺序正确”
序列里的那个（或那几个）被报告，消息说明它应位于哪个标题之后。
"""

from ..model import Problem
from ._util import heading_span

KIND = "heading-order"
OPTIONS = {}
MESSAGES = ("",)
#: the names a rule's message may use ({name})
ARGS = ("heading", "where")


def check(report, options):
    accepted = report.accepted_headings()
    for h in report.headings:
        if h.duplicate or not h.out_of_order:
            continue
        before = [a for a in accepted if a.spec.index < h.spec.index]
        after = [a for a in accepted if a.spec.index > h.spec.index]
        if before:
            where = f"应位于「{before[-1].written}」之后"
        elif after:
            where = f"应位于「{after[0].written}」之前"
        else:
            where = "顺序应为一至六"
        yield Problem(heading_span(h), {"heading": h.written, "where": where})
