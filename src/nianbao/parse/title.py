"""The report's title, its statistical period and the years its body speaks of."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .normalize import content_span, fold

_YEAR_IN_TITLE = re.compile(r"((?:19|20)\d{2})(?:年度?|(?=[\u4e00-\u9fff]))")
_YEAR_MENTION = re.compile(r"((?:19|20)\d{2})\s*年")


@dataclass
class TitleInfo:
    line: int  # index of the first title line
    start: int
    end: int
    last_line: int  # index of the last title line (titles wrap in PDF text)
    text: str  # folded, joined
    year: int  # 0 when none
    agency: str  # "" when none
    wording: str  # "ok" | "variant" | "other"
    variant: str  # the variant found when wording == "variant"


@dataclass
class YearMention:
    year: int
    line: int
    start: int
    end: int


#: web-page chrome before the title: breadcrumbs, accessibility links, page tools
_CHROME_RE = re.compile(r">|当前位置|所在位置|无障碍|长者|关怀版|【打印】|字体[:：]|浏览次数|访问次数|点击关闭")
#: a metadata line ("索引号: …", "• 发布机构:"); the title's own labels are read as a last resort
_META_RE = re.compile(r"^[\s•·*\-]*([\u4e00-\u9fff]{2,6})\s*[:：]")
_TITLE_LABELS = ("标题", "名称", "信息名称", "文件名称")
#: a page's metadata labels written alone on their line, their values on the next one
#: ("主题分类" / "区政府组成部门信息公开年度报告" is a category, not the title)
_META_LABELS = frozenset(("索引号", "主题分类", "体裁分类", "组配分类", "信息分类", "关键词", "关键字", "文号",
                          "发文字号", "发布机构", "发文机构", "发布日期", "发文日期", "成文日期", "生成日期",
                          "公开方式", "公开范围", "公开形式", "公开目录", "有效性", "是否有效", "服务对象",
                          "责任部门", "来源", "浏览量", "浏览次数", "分类"))
_REPORT_WORDS = ("报告", "年报")
#: a title ends with its 报告 ("…工作年度报告", "…年度报告（全文）"); "…工作报告如下：" is the preamble
_TITLE_END = re.compile(r"(?:报告|年报)(?!如下)[\u4e00-\u9fff]{0,4}[\s*#]*(?:[（(【\[][^）)】\]]{0,8}[）)】\]])?[\s*#]*$")
#: how many non-blank lines before the first heading may still hold the title (web pages
#: put their menus, breadcrumbs and metadata block first)
_TITLE_SEARCH = 40


def find_title(doc, template, first_heading: int, skip: set):
    """The title: the first non-blank lines before the first section heading that
    together mention a 报告 (or 年报), past the page's chrome and metadata block."""
    limit = first_heading if first_heading >= 0 else min(len(doc.lines), _TITLE_SEARCH)
    cands, meta = [], []
    value_next = False  # the line after "• 主题分类:" is that label's value
    for i in range(limit):
        ln = doc.lines[i]
        text = ln.text
        if i in skip or ln.cells is not None or not text.strip(" \t\u3000|"):
            continue  # blank, or only the pipes between cells written one per line
        if "".join(text.split()).rstrip(":：") in _META_LABELS:
            value_next = True
            continue
        if value_next:
            value_next = False
            continue
        if fold(text) in template.title_skip or _CHROME_RE.search(text):
            continue
        m = _META_RE.match(text)
        if m:
            if m.group(1) in _TITLE_LABELS:
                meta.append((i, m.end()))
            value_next = not text[m.end():].strip()
            continue
        cands.append(i)
        if len(cands) >= _TITLE_SEARCH:
            break
    for k in range(len(cands)):
        joined, used = "", []
        for i in cands[k: k + template.title_max_lines]:
            s, e = content_span(doc.lines[i].text)
            piece = fold(doc.lines[i].text[s:e])
            # a title is not a sentence: a line with sentence punctuation is the
            # preamble ("本报告根据……编制，……"), even when PDF wrapping cut its "。" off
            if len(joined) + len(piece) > 60 or any(p in piece for p in "。,;"):
                if not used:
                    head = _title_prefix(doc.lines[i].text, s)
                    if head:
                        return _title_info(doc, template, [i], fold(doc.lines[i].text[s:head]), (s, head))
                break
            if joined and piece.startswith(joined):
                joined, used = "", []  # the site's name above a title that starts with it again
            joined += piece
            used.append(i)
            if _TITLE_END.search(piece):
                y = _YEAR_IN_TITLE.search(piece)
                if len(used) > 1 and y is not None and y.start() >= 2:
                    used, joined = used[-1:], piece  # a whole title on its own line: the line above is not part of it
                return _title_info(doc, template, used, joined)
    for i, at in meta:  # "标题: 某某局2024年政府信息公开工作年度报告"
        text = doc.lines[i].text
        s = at + len(text[at:]) - len(text[at:].lstrip())
        e = len(text.rstrip())
        piece = fold(text[s:e])
        if piece and len(piece) <= 60 and any(w in piece for w in _REPORT_WORDS):
            return _title_info(doc, template, [i], piece, (s, e))
    return None


def _title_prefix(text: str, start: int) -> int:
    """End of a title that runs into the preamble on one line ("…工作年度报告 根据《条例》…"):
    the title's last "报告" followed by a space, with no sentence punctuation before it."""
    for word in _REPORT_WORDS:
        k = text.find(word, start)
        if k < 0:
            continue
        end = k + len(word)
        head = text[start:end]
        if 0 < len(fold(head)) <= 60 and not any(p in head for p in "。，,;；") \
                and end < len(text) and text[end].isspace():
            return end
    return 0


def _title_info(doc, template, used: list, joined: str, span=None) -> TitleInfo:
    s, e = span or content_span(doc.lines[used[0]].text)
    m = _YEAR_IN_TITLE.search(joined)
    year = int(m.group(1)) if m else 0
    wording, variant, suffix = "other", "", ""
    if template.title_text in joined:
        wording, suffix = "ok", template.title_text
    else:
        for v in sorted(template.title_variants, key=len, reverse=True):
            if fold(v) in joined:
                wording, variant, suffix = "variant", v, fold(v)
                break
    rest = joined
    if suffix:
        rest = rest[: rest.rfind(suffix)]
    if m:
        rest = rest.replace(m.group(0), "", 1)
    agency = rest.strip("()（）:：,，、 ")
    return TitleInfo(used[0], s, e, used[-1], joined, year, agency, wording, variant)


def find_period(doc, template):
    """The first statistical period "X年1月1日至12月31日" (it may wrap lines)."""
    m = template.period_re.search(doc.text)
    if not m:
        return None
    year = m.group(1)
    if not year or not year.isdecimal() or len(year) > 4:  # a pack's pattern may group anything
        return None
    li, col = doc.locate(m.start(1))
    return YearMention(int(year), li, col, col + len(year))


def body_years(doc, lines: range, skip: set) -> list:
    """Every "YYYY年" mentioned on ``lines`` (table rows excluded)."""
    out = []
    for i in lines:
        if i in skip:
            continue
        ln = doc.lines[i]
        if ln.cells is not None:
            continue
        for m in _YEAR_MENTION.finditer(ln.text):
            out.append(YearMention(int(m.group(1)), i, m.start(1), m.end(1)))
    return out


def dominant_year(mentions: list):
    """The most mentioned year (ties: the later year), or None."""
    if not mentions:
        return None
    counts = Counter(m.year for m in mentions)
    return max(counts, key=lambda y: (counts[y], y)), counts


def report_year(report) -> int:
    """The year the report is for: the title's year, else the statistical period's (0: unknown)."""
    if report.title and report.title.year:
        return report.title.year
    if report.period:
        return report.period.year
    return 0
