"""正文中重复的字词（“审核审核”“的的”），多半是修改时留下的。

先找出紧挨着重复的一到四个汉字（“开开”“审核审核”），再用 jieba 分词决定这是不是
重复的词：只有分词结果恰好是两个相同的词紧挨着时才报告。这件事只能靠词的边界判断——
“公开开展”里两个“开”挨着，却分属“公开”和“开展”两个词，不是重复；“审核审核”分出来是
“审核”“审核”，才是重复。单个字要分成两个独立的词才算（“目的的实现”是“目的”“的”）；两个字
以上的词，两份之间是词的边界、且其中一份自成一个词即算（“严格执行执行”分作“严格执行”
“执行”）。真正的叠词（“常常”“人人”“天天”“看看”）jieba 会分成一个词；分词分不出来的叠词
（“年年”“一一”）写在 ``allow`` 里。

jieba 只在找到候选时才加载（约一秒，一个进程只加载一次），没有候选的报告不受影响。
位置在重复的两处文字上。
"""

import re

from ..model import Problem
from ..parse.prose import prose
from ..parse.script import T2S

_T2S = str.maketrans(T2S)
KIND = "doubled"
OPTIONS = {
    "allow": (list, [], "不算错误的叠词（整个叠词，例如 年年）"),
    "window": (int, 8, "分词时取候选前后各多少个字"),
}
MESSAGES = ("",)
_CAND = re.compile(r"([\u4e00-\u9fff]{1,4})\1")
_DIGIT_CN = set("一二三四五六七八九十百千万零〇两")


def _doubled(starts: dict, ends: set, s1: int, mid: int, e2: int) -> bool:
    """Is text[s1:e2] one word written twice, by the segmentation?

    A single character must be two words of its own ("的/的"; “目的的实现” is
    “目的/的”, not a doubled 的).  A longer unit needs a word boundary between the
    two copies and one of the copies to be a word of its own: “严格执行执行”
    segments as “严格执行/执行”."""
    if mid - s1 == 1:
        return starts.get(s1) == mid and starts.get(mid) == e2
    return mid in ends and mid in starts and (starts.get(s1) == mid or starts.get(mid) == e2)


def check(report, options):
    allow = set(options["allow"])
    from ..parse.words import cut  # lazily: jieba loads only when there is a candidate
    for block in prose(report).values():
        text = block.flat
        for m in _CAND.finditer(text):
            unit = m.group(1)
            if m.group(0) in allow or all(c in _DIGIT_CN for c in unit):
                continue
            w = options["window"]
            a, b = max(0, m.start() - w), min(len(text), m.end() + w)
            # cut inside one clause: punctuation ends words anyway
            # traditional characters are read as their simplified forms (one for one,
            # so offsets hold): jieba's dictionary is simplified
            words = cut(text[a:b].translate(_T2S))
            s1, mid, e2 = m.start() - a, m.start() - a + len(unit), m.end() - a
            starts = {s: e for s, e in words}
            ends = {e for _s, e in words}
            if _doubled(starts, ends, s1, mid, e2):
                yield Problem(block.span(m.start(), m.end()), {"found": m.group(0), "word": unit})
