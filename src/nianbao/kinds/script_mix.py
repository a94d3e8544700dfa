"""简体报告中夹着繁体字（或繁体报告中夹着简体字）。

数出正文（前言和六个章节，不含表格）中只属于简体的字和只属于繁体的字（如“这/這”
“国/國”；“后/後”“于/於”这类两种写法都正常使用的字不算）。多数是简体、且至少有
``min_majority`` 个字时，每一处繁体字报告一次（连在一起的几个字算一处）；多数是繁体时
反过来。最多报告 ``max_findings`` 处，消息写出对应的另一种写法。

这多半是从别处复制、或经过繁简转换留下的，不影响报告的内容，所以只是提示（info）。
"""

import re

from ..model import Problem
from ..parse.prose import prose
from ..parse.script import S2T, T2S

KIND = "script-mix"
OPTIONS = {
    "min_majority": (int, 20, "多数一方至少有多少个字才判断报告用的是哪种字体"),
    "max_findings": (int, 10, "每份报告最多报告几处"),
}
MESSAGES = ("", "simplified")


# a run of characters of one script, written "[…][…]*" rather than "[…]+": a pattern that
# starts with a character class is scanned for that class at C speed
_SIMP_ONE = "[" + "".join(sorted(S2T)) + "]"
_TRAD_ONE = "[" + "".join(sorted(T2S)) + "]"
_SIMP = re.compile(_SIMP_ONE + _SIMP_ONE + "*")
_TRAD = re.compile(_TRAD_ONE + _TRAD_ONE + "*")


def check(report, options):
    blocks = [b for b in prose(report).values() if b.original]
    if not any(_TRAD.search(b.original) for b in blocks):
        return  # no traditional character at all (the usual case): nothing is mixed
    simp = sum(len(m) for b in blocks for m in _SIMP.findall(b.original))
    trad = sum(len(m) for b in blocks for m in _TRAD.findall(b.original))
    if max(simp, trad) < options["min_majority"] or min(simp, trad) == 0:
        return
    odd, rx, other, key = (T2S, _TRAD, "简体", "") if simp >= trad else (S2T, _SIMP, "繁体", "simplified")
    n = 0
    for b in blocks:
        for m in rx.finditer(b.original):
            found = m.group(0)
            yield Problem(b.span(m.start(), m.end()), {"found": found, "other": "".join(odd[c] for c in found),
                                                       "script": other}, key=key)
            n += 1
            if n >= options["max_findings"]:
                return
