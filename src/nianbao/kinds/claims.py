"""正文的概括性说法与统计表矛盾。

例如正文说行政复议、行政诉讼“均获维持”，表四却有“尚未审结”或“结果纠正”的案件；
正文说“未发生行政复议”，表四的行政复议总计却不是 0；正文说“未收到政府信息公开申请”，
表三的本年新收却不是 0。

``claims`` 中每一项给出一种说法（``pattern``，正则表达式，在一句话中查找）、可选的
``context``（这句话还必须含有的词，例如“复议|诉讼”）和与之矛盾的单元格（``cells``，
写作 ``表:行:列`` 的列表）：这些单元格中有读到的数大于 0 时报告，消息列出这些单元格
和它们的数，位置在正文的那句说法上。单元格都没有读到数字时不报告。
"""

import re

from ..model import Problem
from ..parse.prose import prose
from ._cellexpr import CellExprError, cell_value, parse_expr
from ._literals import may_match, needed_words

KIND = "claims"
OPTIONS = {
    "claims": (dict, {}, "说法名称 -> {pattern, context, cells}"),
}
MESSAGES = ("",)
_KEYS = {"pattern", "context", "cells"}


def validate_options(options):
    for name, c in options["claims"].items():
        if not isinstance(c, dict) or "pattern" not in c or not isinstance(c.get("cells"), list):
            return ("claims", name), "每一项应给出 pattern 和 cells（列表）"
        unknown = set(c) - _KEYS
        if unknown:
            return ("claims", name), f"未知的键 {'、'.join(sorted(unknown))}（可用：pattern、context、cells）"
        try:
            re.compile(c["pattern"])
            if c.get("context"):
                re.compile(c["context"])
        except re.error as exc:
            return ("claims", name), f"正则表达式无效：{exc}"
        for v in c["cells"]:
            try:
                if len(parse_expr(str(v))) != 1:
                    return ("claims", name, "cells"), f"“{v}” 应是单个单元格"
            except CellExprError as exc:
                return ("claims", name, "cells"), str(exc)
    return None


def _compiled(options):
    cache = options.get("_compiled")
    if cache is None:
        cache = [(name, re.compile(c["pattern"]),
                  re.compile(c["context"]) if c.get("context") else None,
                  [parse_expr(str(v))[0] for v in c["cells"]], needed_words(re.compile(c["pattern"])))
                 for name, c in options["claims"].items()]
        options["_compiled"] = cache
    return cache


def check(report, options):
    if not report.tables:
        return
    for name, rx, context, cells, needs in _compiled(options):
        bad = []
        for cell in cells:
            got = cell_value(report, cell)
            if got is not None and got[0].value > 0:
                cv, reading, col = got
                bad.append((cell, cv, reading, col))
        if not bad:
            continue
        for block in prose(report).values():
            if not may_match(needs, block.flat):
                continue  # a word the pattern needs is in no sentence of this section
            for s in block.sentences:
                m = rx.search(s.text)
                if not m or (context and not context.search(s.text)):
                    continue
                listed = "，".join(f"表{r.id}{r.where(c[1], col)}为 {cv.text}" for c, cv, r, col in bad)
                cell, cv, reading, col = bad[0]
                yield Problem(block.span(s.start + m.start(), s.start + m.end()),
                              {"quote": m.group(0), "what": name, "cells": listed},
                              cell=reading.cell_ref(cell[1], col))
