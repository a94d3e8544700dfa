"""The report's title, its statistical period and the years its body speaks of."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .normalize import content_span, fold

_YEAR_IN_TITLE = re.compile(r"((?:19|20)\d{2})年度?")
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


def find_title(doc, template, first_heading: int, skip: set):
    """The title: the first non-blank lines before the first section heading
    that together mention a 报告."""
    limit = first_heading if first_heading >= 0 else min(len(doc.lines), 12)
    cands = [i for i in range(limit) if i not in skip and doc.lines[i].text.strip()
             and doc.lines[i].cells is None]
    cands = [i for i in cands if fold(doc.lines[i].text) not in template.title_skip]
    for k, first in enumerate(cands[:4]):
        joined, used = "", []
        for i in cands[k: k + template.title_max_lines]:
            s, e = content_span(doc.lines[i].text)
            piece = fold(doc.lines[i].text[s:e])
            # a title is not a sentence: a line with sentence punctuation is the
            # preamble ("本报告根据……编制，……"), even when PDF wrapping cut its "。" off
            if len(joined) + len(piece) > 60 or any(p in piece for p in "。,;"):
                break
            joined += piece
            used.append(i)
            if "报告" in piece:
                return _title_info(doc, template, used, joined)
    return None


def _title_info(doc, template, used: list, joined: str) -> TitleInfo:
    s, e = content_span(doc.lines[used[0]].text)
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
