"""正文中的数字与统计表不一致。

正文常写“全年共收到政府信息公开申请 75 件”“办结 70 件”“结转下年度 5 件”“行政复议
1 件”“制发行政规范性文件 3 件”“予以公开 40 件”等。``figures`` 中每一项给出一种说法
（``pattern``，正则表达式，其中 ``{N}`` 代表一个数：阿拉伯数字，可带千位逗号，或
“二十三”“两”一类汉字数字；数与“件”之间可以有空格）和它对应的表格单元格（``cell``，
写作 ``表:行:列``，多格相加用 ``+``，例如 ``四:未经复议直接起诉:总计 + 四:复议后起诉:总计``）。

在前言和六个章节的正文（不含表格）中逐句查找；读到的数与单元格的数不同时报告，
消息引用正文的说法和单元格，位置在正文的那个数上。

不报告的情形（宁可漏报，不误报）：

* 单元格没有读到数字（表格缺失、空格、无法对应到列）；
* 正文的数等于 ``also`` 列出的另一种口径，例如“收到申请”包含上年结转（新收 + 上年
  结转），“予以公开”包含部分公开；
* 同一分句中在这个数之前有 ``exclude`` 所列的词，例如“其中自然人申请”“网上申请”
  说的是一部分；同一句话中在它之前有 ``exclude_sentence`` 所列的词，例如“受理咨询
  投诉3607件，办结3607件”说的是别的事；或同一分句中在它之前出现了报告年度以外的年份
  （“2023年收到申请40件”是在和上一年比较）；
* 机关是政府部门，而分句说的是“全市”“全系统”等更大范围（``scope``）。

给出 ``percent_of``（一个或几个单元格表达式）的说法，数字与表格一致、且紧跟着写了比例
（“208 件（17.46%）”“，占17.5%”）时，再用表格的数算这个比例：不等于它除以
``percent_of`` 中任何一个（按写出的小数位四舍五入）时报告，消息键 ``percent``。
"""

import re

from ..model import Problem
from ..parse.prose import NUMBER, agency_kind, number_value, prose
from ..parse.title import report_year
from ._cellexpr import CellExprError, cell_value, describe, expr_value, parse_expr
from ._literals import may_match, needed_words

KIND = "figures"
OPTIONS = {
    "figures": (dict, {}, "说法名称 -> {pattern, cell, also, exclude}"),
    "scope": (str, "", "更大范围的说法（正则表达式）：政府部门的报告中出现时不比较"),
}
MESSAGES = ("", "percent")
_KEYS = {"pattern", "cell", "also", "exclude", "exclude_sentence", "percent_of"}
#: a share written right after the figure: "208 件（17.46%）", "208件，占17.5%"
_PERCENT = re.compile(r"\s*(?:[（(]\s*|[，,]?\s*占[^，,。；;（(）)]{0,8}?)(\d{1,3}(?:\.(\d+))?)\s*[%％]")
_CLAUSE_END = "，,；;。：:！？!?\n"
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def validate_options(options):
    for name, f in options["figures"].items():
        if not isinstance(f, dict) or "pattern" not in f or "cell" not in f:
            return ("figures", name), "每一项应给出 pattern 和 cell"
        unknown = set(f) - _KEYS
        if unknown:
            return ("figures", name), (f"未知的键 {'、'.join(sorted(unknown))}"
                                       "（可用：pattern、cell、also、exclude、exclude_sentence、percent_of）")
        if "{N}" not in str(f["pattern"]):
            return ("figures", name, "pattern"), "pattern 中应有 {N}（数字所在的位置）"
        try:
            re.compile(_expand(f["pattern"]))
            for k in ("exclude", "exclude_sentence"):
                if f.get(k):
                    re.compile(f[k])
        except re.error as exc:
            return ("figures", name), f"正则表达式无效：{exc}"
        for key in ("cell",) + tuple(k for k in ("also", "percent_of") if k in f):
            values = f[key] if isinstance(f[key], list) else [f[key]]
            for v in values:
                try:
                    parse_expr(str(v))
                except CellExprError as exc:
                    return ("figures", name, key), str(exc)
    if options["scope"]:
        try:
            re.compile(options["scope"])
        except re.error as exc:
            return ("scope",), f"正则表达式无效：{exc}"
    return None


def _expand(pattern: str) -> str:
    # not a round figure ("数十件", "几件", "十余件", "20多件"): those state no count
    return pattern.replace("{N}", rf"(?<![数几\d.])(?P<n>{NUMBER})(?![余多])")


def _compiled(options):
    cache = options.get("_compiled")
    if cache is None:
        cache = []
        for name, f in options["figures"].items():
            also = f.get("also") or []
            also = also if isinstance(also, list) else [also]
            bases = f.get("percent_of") or []
            bases = bases if isinstance(bases, list) else [bases]
            rx = re.compile(_expand(f["pattern"]))
            cache.append((name, rx, needed_words(rx), parse_expr(f["cell"]),
                          [parse_expr(a) for a in also],
                          re.compile(f["exclude"]) if f.get("exclude") else None,
                          [parse_expr(b) for b in bases],
                          re.compile(f["exclude_sentence"]) if f.get("exclude_sentence") else None))
        options["_compiled"] = cache
    return cache


def _clause(text: str, start: int, end: int) -> tuple:
    a = start
    while a > 0 and text[a - 1] not in _CLAUSE_END:
        a -= 1
    b = end
    while b < len(text) and text[b] not in _CLAUSE_END:
        b += 1
    return a, b


def _sentence_start(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] not in "。；;！？!?\n":
        pos -= 1
    return pos


def _fmt(v) -> str:
    return format(v.normalize(), "f") if hasattr(v, "normalize") else str(v)


def check(report, options):
    if not report.tables:
        return
    figures = _compiled(options)
    year = report_year(report)
    scope = re.compile(options["scope"]) if options["scope"] and not agency_kind(report) else None
    for block in prose(report).values():
        text = block.flat
        if not text:
            continue
        for name, rx, needs, cell, also, exclude, bases, other in figures:
            if not may_match(needs, text):
                continue  # a word the pattern needs is not in this section
            for m in rx.finditer(text):
                value = number_value(m.group("n"))
                if value is None:
                    continue
                target = expr_value(report, cell)
                if target is None:
                    continue
                if value == target:
                    if bases:
                        yield from _percent(report, block, m, name, target, bases)
                    continue
                alternatives = [expr_value(report, a) for a in also]
                if value in alternatives or None in alternatives:
                    continue  # another scope it may count, or one the table does not tell
                a, b = _clause(text, m.start(), m.end())
                clause = text[a:b]
                if exclude and exclude.search(text[a:m.end("n")]):
                    continue
                if other and other.search(text[_sentence_start(text, m.start()):m.end("n")]):
                    continue
                if scope and scope.search(clause):
                    continue
                if year and any(int(y) != year for y in _YEAR.findall(text[a:m.start("n")])):
                    continue
                first = cell_value(report, cell[0])
                yield Problem(block.span(m.start("n"), m.end("n")),
                              {"quote": re.sub(r"\s+", "", text[a:b]).strip(), "found": value,
                               "what": name, "cell": describe(report, cell),
                               "value": _fmt(target)},
                              cell=first[1].cell_ref(cell[0][1], first[2]) if len(cell) == 1 else None)


def _percent(report, block, m, name, value, bases):
    """The share written after a figure that agrees with its cell, against the table:
    ``value`` over any of the ``bases`` (within the rounding of the written share)."""
    p = _PERCENT.match(block.flat, m.end())
    if not p:
        return
    written = float(p.group(1))
    decimals = len(p.group(2) or "")
    tolerance = 0.5 * 10 ** -decimals + 1e-9
    shares = []
    totals = [expr_value(report, base) for base in bases]
    if None in totals:  # a base the table does not tell (unreadable, blank): it may be that one
        return
    for base, total in zip(bases, totals):
        if total:
            share = float(value) / float(total) * 100
            if abs(share - written) <= tolerance:
                return
            shares.append(f"{describe(report, base)}的 {share:.{max(decimals, 1)}f}%")
    if shares:
        yield Problem(block.span(p.start(1), p.end(1)),
                      {"quote": re.sub(r"\s+", "", block.flat[m.start():p.end()]), "what": name,
                       "found": p.group(1) + "%", "value": _fmt(value), "shares": "、".join(shares)},
                      key="percent")
