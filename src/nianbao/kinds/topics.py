"""“总体情况”应涵盖的方面（关键词表写在规则包中，可自定义）。

在“一、总体情况”一节（不含表格）中，逐个方面查找 ``topics`` 里列出的关键词（正则
表达式，在去掉空白的原文上匹配），任何一个都找不到的方面报告一次，消息写出该方面的
名称，位置在该节标题处。

标题中的机关是人民政府（包括乡、镇人民政府，以及只写“某某县”“某某镇”的）时，还要
查找 ``government_topics``（工作考核、社会评议和责任追究结果情况，《条例》第五十条）；
机关是街道办事处时也查找，但消息注明这是按地方通行做法提醒。机关是政府部门、或标题中
认不出机关时不查找这几项。

列举报告组成的句子（“本报告由总体情况、主动公开政府信息情况……等六部分组成”）不算写到了
这些方面。只看关键词，不判断写得好不好；关键词表以真实报告的常用说法为准，认不出的说法可以在
自己的规则包里补充。
"""

import re

from ..model import Problem
from ..parse.prose import agency_kind, prose
from ._util import heading_span, section_for_year

KIND = "topics"
OPTIONS = {
    "section": (str, "一", "在哪一章节中查找"),
    "topics": (dict, {}, "方面名称 -> 关键词正则表达式列表"),
    "government_topics": (dict, {}, "人民政府（及街道办事处）还要涵盖的方面 -> 关键词列表"),
    "from_year": (int, 0, "只检查这一年及以后的报告（0：不限）"),
}
MESSAGES = ("", "government", "street")


def _check_map(value, key):
    for name, pats in value.items():
        if not isinstance(pats, list) or not pats or not all(isinstance(p, str) for p in pats):
            return (key, name), f"方面 “{name}” 应给出关键词列表"
        for i, p in enumerate(pats):
            try:
                re.compile(p)
            except re.error as exc:
                return (key, name, i), f"正则表达式 “{p}” 无效：{exc}"
    return None


def validate_options(options):
    return _check_map(options["topics"], "topics") or _check_map(options["government_topics"],
                                                                 "government_topics")


def _compiled(options):
    cache = options.get("_compiled")
    if cache is None:
        cache = ([(n, [re.compile("|".join(f"(?:{p})" for p in ps))]) for n, ps in options["topics"].items()],
                 [(n, [re.compile("|".join(f"(?:{p})" for p in ps))])
                  for n, ps in options["government_topics"].items()])
        options["_compiled"] = cache
    return cache


def check(report, options):
    found = section_for_year(report, options)
    if found is None:
        return
    _lines, hit = found
    text, closed, written = _region(report, options["section"], hit)
    if not closed:
        return  # the document ends inside this section: it may be cut off
    if not written:
        return  # an empty section is another rule's business
    topics, gov = _compiled(options)
    span = heading_span(hit)
    for name, pats in topics:
        if not any(p.search(text) for p in pats):
            yield Problem(span, {"topic": name, "section": options["section"]})
    kind = agency_kind(report)
    if kind:
        for name, pats in gov:
            if not any(p.search(text) for p in pats):
                yield Problem(span, {"topic": name, "section": options["section"],
                                     "agency": report.title.agency}, key=kind)


def _region(report, number, hit):
    """(folded text, whole?, anything written?) of the section, with the sub-headings that the heading
    reader took for later sections ("（一）主动公开情况" or "1、主动公开情况" read as
    section 二: numbered in another style than the section's own heading) kept in it."""
    blocks = prose(report)
    parts = [_content(blocks[number])] if number in blocks else []
    later = sorted((h for h in report.accepted_headings() if h.line > hit.line), key=lambda h: h.line)
    closed = number == "六"
    style = _style(hit.numbering)
    for h in later:
        if _style(h.numbering) != style:
            b = blocks.get(h.spec.number)
            parts.append(h.written)
            if b is not None:
                parts.append(_content(b))
            continue
        closed = True
        break
    text = "".join(parts)
    written = bool(text) or bool(number in blocks and blocks[number].flat.strip())
    return text, closed, written


#: a sentence that lists the report's own parts ("本报告由总体情况、主动公开政府信息情况……
#: 等六部分组成") names topics without reporting on them
_OUTLINE = re.compile(r"本报告|本年度报告|[六6]\s*个?(?:部分|方面)")


def _content(block) -> str:
    if not _OUTLINE.search(block.flat):
        return block.folded
    return "".join(s.text for s in block.sentences if not _OUTLINE.search(s.text)).replace(" ", "")


def _style(numbering: str) -> str:
    if not numbering:
        return ""
    if numbering.startswith("("):
        return "paren"
    if numbering.startswith("第"):
        return "part"
    if numbering[0].isdigit():
        return "arabic"
    return "cn"
