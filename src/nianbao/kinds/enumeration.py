"""列举的序号跳号或重复：“一是……三是”“（一）（二）（四）”“（三）（三）”。

两种列举分别检查：

* 段落开头的小标题序号“（一）”“（二）”……（每一章节从头数；表格中的行不算）：
  某个序号不是上一个加一时报告，除非它是“（一）”（新的一组列举从头开始）；
* 句中的“一是……二是……三是”：从“一是”开始的一串，每一项应比上一项大一；跳号或重复
  时报告。新的“一是”开始新的一串。

报告在出错的那个序号上，消息写出它前一个序号和应有的序号。
"""

import re

from ..model import Problem
from ..parse.prose import cn_value, prose, table_lines

KIND = "enumeration"
OPTIONS = {}
MESSAGES = ("paren", "shi")
_CN = "一二三四五六七八九十"
_PAREN = re.compile(rf"^[（(]([{_CN}]{{1,3}})[）)]")
_SHI = re.compile(rf"(?:^|(?<=[。；;，,：:！？\s、]))([{_CN}]{{1,3}})是(?![的否不])")


def _num(n: int) -> str:
    return "一二三四五六七八九十"[n - 1] if 1 <= n <= 10 else ("十" + "一二三四五六七八九"[n - 11] if n <= 19 else str(n))


def check(report, options):
    yield from _paren(report)
    for _name, block in prose(report).items():
        # 一是 … 二是 … 三是
        prev = 0
        if "是" not in block.flat:
            continue  # every item of this kind ends in 是
        for m in _SHI.finditer(block.flat):
            n = cn_value(m.group(1))
            if n is None:
                continue
            if n == 1:
                prev = 1
                continue
            if prev and n != prev + 1:
                yield Problem(block.span(m.start(1), m.end(1) + 1),
                              {"found": m.group(1) + "是", "previous": _num(prev) + "是",
                               "expected": _num(prev + 1) + "是"}, key="shi")
            if prev:
                prev = n


def _paren(report):
    """Sub-heading numbers "（一）" at line starts, counted afresh in every section.

    A sub-heading the heading reader took for a section heading ("（三）政府信息
    管理情况" read as a variant of section 三) still counts as a sub-heading here."""
    doc = report.doc
    skip = set(report.page_markers) | table_lines(report)
    section_starts = {h.line for h in report.accepted_headings() if not h.numbering.startswith("(")}
    prev = 0
    for li, ln in enumerate(doc.lines):
        if li in section_starts:
            prev = 0
            continue
        if li in skip or ln.cells is not None:
            continue
        text = ln.text
        if "(" not in text[:12] and "（" not in text[:12]:
            continue
        stripped = text.lstrip(" \t\u3000#*>-")
        m = _PAREN.match(stripped)
        if not m:
            continue
        n = cn_value(m.group(1))
        if n is None:
            continue
        if n != 1 and prev and n != prev + 1:
            col = len(text) - len(stripped)
            yield Problem(_span(li, col, col + m.end()),
                          {"found": m.group(0), "previous": f"（{_num(prev)}）",
                           "expected": f"（{_num(prev + 1)}）"}, key="paren")
        prev = n


def _span(li, a, b):
    from ..model import Span
    return Span(li, a, b)
