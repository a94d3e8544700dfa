"""某一章节的正文是否写了应写的内容（可在规则包中自定义，无需写代码）。

只看章节的正文：不含章节标题、表格和页码（标题“存在的主要问题及改进情况”里的
“改进情况”不算内容）。两种用法，由选项决定：

* ``min_chars`` 大于 0：正文为空、只写“无”一类的话（``empty_patterns``），或去掉空白
  和标点后不足 ``min_chars`` 个字（只有一行、一句话）时报告，消息键 ``empty``；
* ``patterns`` 不为空：在正文（去掉空白）中查找这些正则表达式，一个都找不到时报告。
  正文为空或不足 ``skip_below`` 个字时不查（那由上一种用法报告）。

位置在该章节标题处。章节本身缺失时不报告（由缺少章节标题的规则负责）。
``from_year`` 让规则只管这一年及以后的报告（例如 2021 年版格式新增的要求）。
"""

import re

from ..model import Problem
from ..parse.prose import section_closed, prose
from ._util import heading_span, section_for_year

KIND = "section-content"
OPTIONS = {
    "section": (str, "五", "哪一章节：一 至 六"),
    "patterns": (list, [], "正文中应能找到的正则表达式（找到任意一个即可）"),
    "min_chars": (int, 0, "正文去掉空白和标点后至少应有的字数（0：不检查）"),
    "empty_patterns": (list, [], "正文只写这些话时视为没有内容（正则表达式，整段匹配）"),
    "describe": (str, "", "消息中对所缺内容的描述"),
    "from_year": (int, 0, "只检查这一年及以后的报告（0：不限）"),
    "skip_below": (int, 0, "查找 patterns 时，正文不足这么多字就不查（已由检查空章节的规则报告）"),
}
MESSAGES = ("", "empty")
_PUNCT = re.compile(r"[\W_]+")


def validate_options(options):
    if options["section"] not in ("一", "二", "三", "四", "五", "六"):
        return ("section",), f"section 应为 一 至 六 之一，实际是 “{options['section']}”"
    for key in ("patterns", "empty_patterns"):
        for i, p in enumerate(options[key]):
            try:
                re.compile(p)
            except re.error as exc:
                return (key, i), f"正则表达式 “{p}” 无效：{exc}"
    return None


def check(report, options):
    found = section_for_year(report, options)
    if found is None:
        return
    if not section_closed(report, options["section"]):
        return  # the document ends inside this section: it may be cut off
    _lines, hit = found
    block = prose(report).get(options["section"])
    text = block.folded if block else ""
    bare = _PUNCT.sub("", text)
    span = heading_span(hit)
    args = {"section": options["section"], "describe": options["describe"], "chars": len(bare),
            "text": text[:20] + ("…" if len(text) > 20 else "")}
    empty = (not bare or any(re.fullmatch(p, text) for p in options["empty_patterns"])
             or len(bare) < options["min_chars"])
    if options["min_chars"] > 0 and empty:
        yield Problem(span, args, key="empty")
        return
    if options["patterns"] and bare and len(bare) >= options["skip_below"]:
        if not any(re.search(p, text) for p in options["patterns"]):
            yield Problem(span, args)
