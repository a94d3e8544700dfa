"""上一年度报告里的年份原样留在本年的报告中。

有同一机关上一年度的报告时，找出本年报告中与上一年度报告一字不差（去掉空白和标点后
相同）、且写着上一年度年份（“2023年”）的句子：这样的句子是去年写去年的事，照搬过来
后年份没有改。位置在那个年份上。
"""

import re

from ..model import Problem
from ..parse.prose import prose
from ..parse.title import report_year
from ._previous import cached_keys, key, prev_name, previous

KIND = "year-left"
OPTIONS = {
    "min_sentence": (int, 8, "参与比较的句子至少多少个字"),
}
MESSAGES = ("",)


def check(report, options):
    prev = previous(report)
    if prev is None:
        return
    year, prev_year = report_year(report), report_year(prev)
    if not prev_year or (year and prev_year >= year):
        return
    rx = re.compile(rf"{prev_year}\s*年")
    prev_keys = cached_keys(prev, options["min_sentence"])
    for block in prose(report).values():
        for s in block.sentences:
            m = rx.search(s.text)
            if not m:
                continue
            k = key(s.text)
            if len(k) >= options["min_sentence"] and k in prev_keys:
                yield Problem(block.span(s.start + m.start(), s.start + m.start() + 4),
                              {"year": prev_year, "prev": prev_name(report)})
