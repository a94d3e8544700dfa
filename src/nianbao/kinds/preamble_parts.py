"""前言所说的报告组成与实际章节不一致。

在前言（标题之后、第一个章节标题之前）中找到说明报告组成的句子（含 ``sentence``
所列的说法，例如“本报告由……组成”“本报告共分……部分”），读出其中的部分数
（“六部分”“6个部分”）和列出的各部分（按 ``parts`` 的关键词认出模板的六个部分）：

* 写明的部分数与列出的部分数不一致（“六部分”却只列出五项）：``count_list``；
* 报告六个章节齐全，而写明的部分数不是 6：``count_sections``；
* 报告六个章节齐全，而列出的部分（至少列出 ``min_listed`` 项才算列举）漏了某一部分：
  ``missing``，消息写出漏掉的部分。

报告本身缺少章节时，不拿前言与它比较（那是缺少章节标题的规则的事，而且摘录、残缺的
文本会让比较失真）。位置在部分数或该句开头。
"""

import re

from ..model import Problem
from ..parse.prose import NUMBER, PREAMBLE, number_value, prose

KIND = "preamble-parts"
OPTIONS = {
    "sentence": (list, ["本报告"], "说明报告组成的句子中应有的词（任意一个）"),
    "parts": (dict, {}, "部分名称 -> 认出它的正则表达式（按模板顺序，共六项）"),
    "min_listed": (int, 3, "至少认出几项才算列举了各部分"),
}
MESSAGES = ("", "count_list", "count_sections", "missing")
_COUNT = re.compile(rf"(?:共|分为|分|等|由)?\s*({NUMBER})\s*个?(?:部分|方面)")


def validate_options(options):
    for name, p in options["parts"].items():
        if not isinstance(p, str):
            return ("parts", name), "应为正则表达式"
        try:
            re.compile(p)
        except re.error as exc:
            return ("parts", name), f"正则表达式 “{p}” 无效：{exc}"
    return None


def check(report, options):
    block = prose(report).get(PREAMBLE)
    if block is None:
        return
    parts = options.get("_compiled")
    if parts is None:
        parts = options["_compiled"] = [(n, re.compile(p)) for n, p in options["parts"].items()]
    complete = len({h.spec.index for h in report.accepted_headings()}) == 6
    for s in block.sentences:
        if not any(w in s.text for w in options["sentence"]):
            continue
        m = _COUNT.search(s.text)
        n = number_value(m.group(1)) if m else None
        if n is not None and not 1 <= n <= 12:
            n = None
        named = [name for name, p in parts if p.search(s.text)]
        if n is None and len(named) < options["min_listed"]:
            continue
        at = block.span(s.start + m.start(1), s.start + m.end(1)) if m and n is not None \
            else block.span(s.start, s.end)
        args = {"count": n, "listed": len(named), "names": "、".join(named), "sections": 6}
        if n is not None and len(named) >= options["min_listed"] and n != len(named):
            yield Problem(at, args, key="count_list")
        elif complete and n is not None and n != 6:
            yield Problem(at, args, key="count_sections")
        elif complete and len(named) >= options["min_listed"] and len(named) < len(parts):
            args["missing"] = "、".join(name for name, _p in parts if name not in named)
            yield Problem(at, args, key="missing")
        return
