"""Helpers of the previous-year rules: the paired report and sentence keys."""

from __future__ import annotations

import re

from ..parse.normalize import fold
from ..parse.prose import prose
from ..parse.title import report_year

_STRIP = re.compile(r"[\W_]+")


def previous(report):
    """The parsed report of the previous year, or None when none was paired."""
    return getattr(report, "previous", None)


def prev_name(report) -> str:
    prev = previous(report)
    path = prev.doc.path if prev is not None else ""
    year = report_year(prev) if prev is not None else 0
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return f"{year} 年报告 {name}" if year else f"报告 {name}"


def key(text: str) -> str:
    """A sentence compared across years: folded, without punctuation."""
    return _STRIP.sub("", fold(text))


def sentence_keys(report, min_len: int) -> set:
    out = set()
    for block in prose(report).values():
        for s in block.sentences:
            k = key(s.text)
            if len(k) >= min_len:
                out.add(k)
    return out


def cached_keys(prev, min_len: int) -> set:
    cache = prev.__dict__.setdefault("_sentence_keys", {})
    if min_len not in cache:
        cache[min_len] = sentence_keys(prev, min_len)
    return cache[min_len]
