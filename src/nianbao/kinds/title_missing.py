"""缺少报告标题。

报告开头（第一个章节标题之前）找不到含“报告”二字的标题时报告，位置指向报告的
第一行。
"""

from ..model import Problem
from ._util import first_text_line, line_span

KIND = "title-missing"
OPTIONS = {}
MESSAGES = ("",)
#: the names a rule's message may use ({name})
ARGS = ("expected",)


def check(report, options):
    if report.title is None:
        yield Problem(line_span(report.doc, first_text_line(report.doc)),
                      {"expected": report.template.title_text})
