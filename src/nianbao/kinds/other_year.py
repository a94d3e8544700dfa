"""描述本年度工作的句子写着另一个年份（照搬往年报告时没改的年份）。

只看以年份开头、接着就是本机关在做事的句子，例如 2024 年的报告里写
“2023年，我局加大……”“2023年我镇共收到……”：句子开头（可在“一是”“（一）”“1.”之后）
是“YYYY年（度）”，其后紧跟 ``subjects`` 中的词（我局、本机关、全县、共、坚持……）
或标题中的机关名称，
而 YYYY 不是报告年度。

为了不误报，下列句子不看：年份在报告年度之后（写计划）；句中有 ``skip`` 所列的
词（较、同比、相比、以来、截至、整改、年报……，即在比较、回顾或谈上一年度的问题）。
只在 ``sections`` 所列的章节中查找（默认“总体情况”），位置在那个年份上。
"""

import re

from ..model import Problem
from ..parse.prose import prose
from ..parse.title import report_year

KIND = "other-year"
OPTIONS = {
    "sections": (list, ["一"], "在哪些章节中查找（前言、一 至 六）"),
    "subjects": (list, [], "年份之后紧跟的、表示本机关在做事的词（正则表达式）"),
    "skip": (list, [], "句中有这些词（正则表达式）时不看这句"),
}
MESSAGES = ("",)
_LEAD = r"^(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．])?\s*"


def _compiled(options, agency: str):
    cache = options.setdefault("_compiled", {})
    if agency not in cache:
        subjects = list(options["subjects"]) + ([re.escape(agency)] if agency else [])
        subj = "|".join(f"(?:{s})" for s in subjects) or r"(?!)"
        rx = re.compile(_LEAD + rf"((?:19|20)\d{{2}})\s*年度?\s*[,，]?\s*(?:{subj})")
        skip = re.compile("|".join(f"(?:{s})" for s in options["skip"])) if options["skip"] else None
        if len(cache) > 64:
            cache.clear()
        cache[agency] = (rx, skip)
    return cache[agency]


def check(report, options):
    year = report_year(report)
    if not year:
        return
    agency = report.title.agency if report.title else ""
    rx, skip = _compiled(options, agency)
    blocks = prose(report)
    for name in options["sections"]:
        block = blocks.get(name)
        if block is None:
            continue
        for s in block.sentences:
            m = rx.match(s.text)
            if not m:
                continue
            y = int(m.group(1))
            if y >= year:
                continue
            if skip and skip.search(s.text):
                continue
            yield Problem(block.span(s.start + m.start(1), s.start + m.end(1)),
                          {"found": y, "year": year, "sentence": s.text[:30] + ("…" if len(s.text) > 30 else "")})
