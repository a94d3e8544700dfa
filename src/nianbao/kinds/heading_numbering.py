"""章节标题编号与模板不一致。

模板的章节编号是“一、”至“六、”。写成“1、”“（一）”“第一部分”，没有编号，或编号
与它在模板中的位置不符（把第六部分编为“五、”）时报告。
"""

from ..model import Problem
from ._util import heading_span

KIND = "heading-numbering"
OPTIONS = {}
MESSAGES = ("",)
#: the names a rule's message may use ({name})
ARGS = ("heading", "expected", "numbering", "number")


def check(report, options):
    for h in report.headings:
        if h.duplicate or h.numbering_ok:
            continue
        written_num = h.numbering or "（无编号）"
        yield Problem(heading_span(h), {"heading": h.written, "expected": h.spec.canonical,
                                        "numbering": written_num, "number": h.spec.number})
