"""Fuzzy matching of written labels against template labels.

Real labels arrive broken: split over lines ("（二）部分公开（区分处理的，只计这一情"
… "形，不计其他情形）"), interleaved with a merged group label ("2. 其他法律行政法规
禁止 (三)不 公开 予公开"), with typos ("2.其他法律行政止公开") or characters lost
("、本年新收…").  Labels are compared as sets of character bigrams, after
:func:`norm`:

* coverage   how much of the template label is present in the text;
* precision  how much of the text is explained by the template label (or by
  the words that may surround it: its group label, the table's vocabulary);
* score      their harmonic mean (F1).

The per-row computation over a whole table lives in ``tables._RowIndex`` (an
inverted bigram index); set operations keep it fast (no edit distance, no
backtracking).
"""

from __future__ import annotations

import re

from .normalize import fold

_NUMBERING_SEP = re.compile(r"(\d)[、,:]")
_DROP = str.maketrans("", "", "|#*`")
_CACHE = {}


def norm(text: str) -> str:
    """Fold for label comparison: NFKC, no spaces or quotes, "1、" -> "1."."""
    out = _CACHE.get(text)
    if out is None:
        s = fold(text).translate(_DROP)
        if "、" in s or "," in s or ":" in s:
            s = _NUMBERING_SEP.sub(r"\1.", s)
        out = s
        if len(_CACHE) < 20000:
            _CACHE[text] = out
    return out


def grams(s: str) -> frozenset:
    """Character bigrams of a normalised string (the string itself when short)."""
    if len(s) < 2:
        return frozenset((s,)) if s else frozenset()
    return frozenset(s[i:i + 2] for i in range(len(s) - 1))


def precision(text_grams: frozenset, context: frozenset) -> float:
    """The share of a written label's bigrams that ``context`` explains."""
    if not text_grams:
        return 0.0
    return len(text_grams & context) / len(text_grams)


_CJK_RE = re.compile("[\u4e00-\u9fff]")


def cjk_len(s: str) -> int:
    """Number of CJK ideographs in ``s``: how much real label text there is."""
    return len(_CJK_RE.findall(s))


#: characters written in either width (or form), as a pattern that accepts each form
_FORMS = {}
for _group, _pattern in (("（(", r"[（(]"), ("）)", r"[）)]"), (".．、", r"[.．、]"), ("“”\"", r"[“”\"]?"),
                         ("，,", r"[，,]"), ("：:", r"[：:]"), ("；;", r"[；;]"), ("/／", r"[/／]")):
    for _ch in _group:
        _FORMS[_ch] = _pattern


def loose_pattern(label: str) -> str:
    """A regex for ``label`` as reports write it: spaces anywhere, brackets, dots, commas,
    colons and slashes in either width, quotes optional."""
    return r"\s*".join(_FORMS.get(ch) or re.escape(ch) for ch in label)
