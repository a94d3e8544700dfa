"""章节标题重复。

同一个章节标题在报告中出现两次以上时，报告第二次及以后的出现，并指出第一次出现
的行号。
"""

from ..model import Problem
from ._util import heading_span

KIND = "heading-duplicate"
OPTIONS = {}
MESSAGES = ("",)
#: the names a rule's message may use ({name})
ARGS = ("heading", "first_line")


def check(report, options):
    first = {}
    for h in report.headings:
        if not h.duplicate:
            first.setdefault(h.spec.index, h)
            continue
        f = first.get(h.spec.index)
        line = report.doc.lines[f.line].place(f.start).line if f else 0
        yield Problem(heading_span(h), {"heading": h.written, "first_line": line})
