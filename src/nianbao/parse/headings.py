"""Find the six section headings of the template in a document.

A line is a section heading when, after Markdown marks and the numbering are
taken off, what is left is exactly the template wording of a section or one of
its known variants (compared after :func:`fold`).  Numbering alone never makes a
heading: "三、本年度办理结果" and "四、结转下年度继续办理" are rows of table 三,
not sections 三 and 四.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import content_span, fold

_CN = "一二三四五六七八九十"
# numbering styles, tried on the folded text (NFKC: "（一）" is "(一)", "１" is "1")
_NUMBERING = re.compile(
    rf"^(?:第(?P<part>[{_CN}]{{1,2}})(?:部分|章|节)[、.,:]?"
    rf"|(?P<cn>[{_CN}]{{1,2}})(?P<cnsep>[、.,:]?)"
    rf"|\((?P<paren>[{_CN}]{{1,2}})\)[、.]?"
    r"|(?P<ar>\d{1,2})(?P<arsep>[、.,:)]|\s)?)"
)
#: "二、…": a numbered line that may be a heading worded unlike any known variant
_SECTION_START = re.compile(r"\s*(?:#{1,6}\s*)?(?:\*\*)?[一二三四五六]、")
_TRAILING = re.compile(r"[。.:;,、]+$")
#: longest line (folded) that can still be a heading: numbering + longest variant + slack
_MAX_LEN = 40


@dataclass
class HeadingHit:
    spec: object  # template.HeadingSpec
    line: int  # index into Document.lines
    start: int
    end: int
    written: str  # the heading as written (markup stripped)
    numbering: str  # numbering as written, "" when none
    numbering_ok: bool  # written exactly as the template's "一、"
    variant: str  # the known variant matched, "" when the template wording
    duplicate: bool = False  # a later repeat of a section already found
    out_of_order: bool = False


def split_numbering(folded: str) -> tuple:
    """(numbering as written, rest) of a folded line; ("", line) when unnumbered."""
    m = _NUMBERING.match(folded)
    if not m or m.end() == 0:
        return "", folded
    return folded[: m.end()], folded[m.end():]


def match_heading(text: str, specs) -> tuple:
    """Match one line against the heading specs: (spec, numbering, variant, span) or None.

    ``variant`` is "" for the template wording, the known variant matched, or the
    wording as written when only its number, and its likeness to the template
    wording, make it the section ("四、政府信息公开行政法复议、行政诉讼情况")."""
    start, end = content_span(text)
    if end - start <= 1:
        return None
    folded = fold(text[start:end])
    if len(folded) > _MAX_LEN:
        return None
    numbering, rest = split_numbering(folded)
    rest = _TRAILING.sub("", rest)
    for spec in specs:
        if rest == spec.folded or rest in spec.folded_variants:
            if not _top_level(numbering, spec):
                return None  # "（一）主动公开情况": a sub-item inside a section
            return spec, numbering, spec.folded_variants.get(rest, ""), (start, end)
    if numbering:  # the numbering may have eaten the first character ("二" of nothing): retry whole
        whole = _TRAILING.sub("", folded)
        for spec in specs:
            if whole == spec.folded:
                return spec, "", "", (start, end)
        m = _NUMBERING.match(numbering)
        if m.group("cn") and m.group("cnsep") == "、" and len(rest) >= 3:
            spec = next((x for x in specs if x.number == m.group("cn")), None)
            if spec is not None and near_heading(rest, spec, specs):
                return spec, numbering, text[start:end], (start, end)
    return None


_ARABIC = {str(k): n for k, n in enumerate("一二三四五六七八九", 1)}
#: how alike (bigram Dice) a numbered line must be to a heading's wording to be that heading
_LIKE = 0.5


def near_heading(rest: str, spec, specs, least: float = 0.0) -> float:
    """How alike ``rest`` (folded, numbering off) is to section ``spec``'s wording, when
    it is alike enough (``least``, at least the default bar) and more like it than like
    any other section; 0.0 otherwise."""
    like = _like(rest, spec)
    if like < _TYPO and _one_edit(rest, spec):
        like = _TYPO  # one character wrong in a short wording ("总休情况"): bigrams alone say too little
    if like >= max(_LIKE, least) and all(_like(rest, x) < like for x in specs if x is not spec):
        return like
    return 0.0


#: how alike a wording one character off its heading's counts (above the flattened-text bar)
_TYPO = 0.85


def _one_edit(rest: str, spec) -> bool:
    """Whether ``rest`` is a wording of ``spec`` (four characters or more) with one character
    replaced, added or dropped."""
    for w in (spec.folded, *spec.folded_variants):
        if len(w) < 4 or abs(len(w) - len(rest)) > 1:
            continue
        if len(w) == len(rest):
            if sum(a != b for a, b in zip(w, rest)) == 1:
                return True
            continue
        short, long_ = (w, rest) if len(w) < len(rest) else (rest, w)
        if any(long_[:k] + long_[k + 1:] == short for k in range(len(long_))):
            return True
    return False


def _top_level(numbering: str, spec) -> bool:
    """Whether the numbering can number a section: "一、", "第一部分", none at all, or a
    sub-item style ("（二）", "2.") whose number is the section's own."""
    if not numbering:
        return True
    m = _NUMBERING.match(numbering)
    if m.group("cn") or m.group("part"):
        return True
    if m.group("paren"):
        return m.group("paren") == spec.number
    return _ARABIC.get(m.group("ar") or "") == spec.number


def _bigrams(text: str) -> set:
    return {text[i:i + 2] for i in range(len(text) - 1)}


#: the bigrams of the template's heading wordings (the same few strings, asked for
#: again and again)
_WORDING_GRAMS = {}


def _like(rest: str, spec) -> float:
    """The highest bigram Dice similarity of ``rest`` to the heading's wordings."""
    a = _bigrams(rest)
    best = 0.0
    for w in (spec.folded, *spec.folded_variants):
        b = _WORDING_GRAMS.get(w)
        if b is None:
            b = _bigrams(w)
            if len(_WORDING_GRAMS) < 1000:
                _WORDING_GRAMS[w] = b
        if a and b:
            best = max(best, 2 * len(a & b) / (len(a) + len(b)))
    return best


def _last_chars(specs) -> frozenset:
    """Last characters of every heading wording: a cheap filter before folding."""
    out = set()
    for spec in specs:
        for text in [spec.folded, *spec.folded_variants]:
            if text:
                out.add(text[-1])
    return frozenset(out)


_UNSEEN = object()
_TAIL_JUNK = " \t\u3000。.:：;；,，、#*_"


def find_headings(doc, template, skip: set) -> list:
    """All heading hits in document order, with duplicate / out-of-order marked."""
    specs = template.headings
    tails = template.cache.get("heading_tails")
    if tails is None:
        tails = template.cache["heading_tails"] = _last_chars(specs)
    # line text -> match_heading result: headings and the captions that end like
    # them are template wording, the same from report to report
    matches = template.cache.setdefault("heading_matches", {})
    hits = []
    for i, ln in enumerate(doc.lines):
        text = ln.text
        tail = text.rstrip(_TAIL_JUNK)
        if (not tail or tail[-1] not in tails) and not _SECTION_START.match(text):
            continue  # the cheapest test first: it turns away almost every line
        if ln.cells is not None or i in skip or "\t" in text or len(text) > 2 * _MAX_LEN:
            continue
        m = matches.get(text, _UNSEEN)
        if m is _UNSEEN:
            m = match_heading(text, specs)
            if len(matches) < 20000:
                matches[text] = m
        if m is None:
            continue
        spec, numbering, variant, (s, e) = m
        written = ln.original(s, e)
        hits.append(HeadingHit(spec, i, s, e, written.strip(), numbering,
                               numbering == f"{spec.number}、", variant))
    seen = set()
    for h in hits:
        if h.spec.index in seen:
            h.duplicate = True
        seen.add(h.spec.index)
    firsts = [h for h in hits if not h.duplicate]
    keep = _longest_increasing([h.spec.index for h in firsts])
    for pos, h in enumerate(firsts):
        h.out_of_order = pos not in keep
    return hits


def _longest_increasing(seq: list) -> set:
    """Positions of one longest strictly increasing subsequence (earliest on ties)."""
    n = len(seq)
    if not n:
        return set()
    best = [1] * n
    prev = [-1] * n
    for i in range(n):
        for j in range(i):
            if seq[j] < seq[i] and best[j] + 1 > best[i]:
                best[i], prev[i] = best[j] + 1, j
    end = max(range(n), key=lambda i: (best[i], -i))
    out = set()
    while end != -1:
        out.add(end)
        end = prev[end]
    return out
