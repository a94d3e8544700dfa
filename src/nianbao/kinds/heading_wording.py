"""章节标题措辞与模板不一致。

标题是模板写法的已知变体（例如“存在的主要问题和改进措施”“其他需要汇报事项”）时
报告，并给出模板写法作为修改建议。已知变体列在模板 YAML 的 ``variants`` 中。
"""

from ..model import Problem
from ._util import heading_span

KIND = "heading-wording"
OPTIONS = {}
MESSAGES = ("",)
#: the names a rule's message may use ({name})
ARGS = ("heading", "expected", "number")


def check(report, options):
    for h in report.headings:
        if h.duplicate or not h.variant:
            continue
        yield Problem(heading_span(h), {"heading": h.written, "expected": h.spec.canonical,
                                        "number": h.spec.number})
