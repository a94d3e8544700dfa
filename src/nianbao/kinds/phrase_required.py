"""某一章节必须提到的内容（可在规则包中自定义，无需写代码）。

在 ``section`` 指定的章节（“一”至“六”，或“全文”）中查找 ``patterns`` 里的正则
表达式；``mode: any`` 时找到任意一个即可，``mode: all`` 时每一个都要找到。找不到时
在该章节标题处报告。章节本身缺失时不报告（那由缺少章节标题的规则负责）。
"""

from ..model import Problem
from ..userre import compile_pattern
from ..parse.normalize import fold
from ._util import first_text_line, heading_span, line_span

KIND = "phrase-required"
OPTIONS = {
    "section": (str, "全文", "在哪一章节中查找：一 至 六，或 全文"),
    "patterns": (list, [], "要查找的正则表达式（在去掉空白的文字上匹配）"),
    "mode": (str, "any", "any：找到任意一个即可；all：每一个都要找到"),
    "describe": (str, "", "消息中对所缺内容的描述"),
    "from_year": (int, 0, "只检查这一年及以后的报告（按标题或统计期限的年份；0：不限）"),
}
MESSAGES = ("",)
#: the names a rule's message may use ({name})
ARGS = ("section", "describe")


def validate_options(options):
    """(option key path, Chinese message) of the first bad option, or None."""
    from .phrase_forbidden import validate_options as _common
    problem = _common(options)
    if problem:
        return problem
    if options["mode"] not in ("any", "all"):
        return ("mode",), f"mode 应为 any 或 all，实际是 “{options['mode']}”"
    return None


def section_text(report, section: str):
    """(folded text of the section, span to point at) or (None, None) when absent."""
    doc = report.doc
    found = report.section_named(section)
    if found is None:
        return None, None
    lines, hit = found
    span = heading_span(hit) if hit else line_span(doc, first_text_line(doc))
    return fold("".join(doc.lines[i].text for i in lines if i not in report.page_markers)), span


def check(report, options):
    if options["from_year"]:
        from ..parse.title import report_year
        year = report_year(report)
        if year and year < options["from_year"]:
            return
    text, span = section_text(report, options["section"])
    if text is None:
        return
    pats = [compile_pattern(p) for p in options["patterns"]]
    # stop at the first pattern that settles it (each search runs over the whole section)
    hits = (p.search(text) is not None for p in pats)
    ok = all(hits) if options["mode"] == "all" else any(hits)
    if not ok:
        yield Problem(span, {"section": options["section"], "describe": options["describe"]})
