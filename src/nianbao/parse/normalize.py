"""Text folding for matching labels against the template.

Real reports write the same label many ways: full-width or half-width
parentheses and punctuation, straight or curly quotes, stray spaces from PDF
extraction ("商业 企业"), Markdown marks.  ``fold`` maps all of these to one
form.  It is used only to *compare*; positions are always taken from the
original text.
"""

from __future__ import annotations

import re
import unicodedata

_QUOTES = "\"'“”‘’「」『』《》〈〉"
_TABLE = str.maketrans({**{q: None for q in _QUOTES},
                        "—": "-", "－": "-", "–": "-", "―": "-", "─": "-", "．": ".", "｡": "。"})
_MD_PREFIX_RE = re.compile(r"^\s*(?:#{1,6}\s*|>\s*|[-*+]\s+(?=\S))?(?:\*\*|__)?")
_MD_SUFFIX_RE = re.compile(r"(?:\*\*|__)?\s*#*\s*$")
#: with whitespace, every character the prefix / suffix patterns can match
_PREFIX_CHARS = "#>-*+_"
_SUFFIX_CHARS = "*_#"


#: the compatibility characters Chinese text is full of (full-width ASCII forms, the
#: ideographic space, "…"), with their compatibility decompositions: replaced first, as
#: NFKC itself would, they leave the NFKC form unchanged, and the text then usually *is*
#: NFKC already, which is checked at C speed instead of normalising it character by
#: character (ten times slower)
_COMPAT = {c: unicodedata.normalize("NFKD", c)
           for c in [chr(x) for x in range(0xFF01, 0xFF5F)] + ["\u3000", "\u2026", "\u00a0"]}
_COMPAT_RE = re.compile("[" + "".join(map(re.escape, _COMPAT)) + "]")
#: _TABLE as (character, replacement) pairs, for str.replace (str.translate with a dict
#: looks up every character of the text; these characters are rare)
_TABLE_PAIRS = tuple((chr(k), v or "") for k, v in _TABLE.items())


def fold(text: str) -> str:
    """Fold ``text`` for comparison: NFKC, no whitespace, no quotes, one dash."""
    # (within each step no replacement holds a character the step replaces: its order
    # does not matter)
    for ch in set(_COMPAT_RE.findall(text)):
        text = text.replace(ch, _COMPAT[ch])
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    for ch, to in _TABLE_PAIRS:
        if ch in text:
            text = text.replace(ch, to)
    return "".join(text.split())  # no whitespace (str.split's is re's \s)


def content_span(text: str) -> tuple:
    """(start, end) of a line's content without Markdown heading/emphasis marks."""
    n = len(text)
    if not n:
        return 0, 0
    # the patterns are tried only where a mark or a space can be: most lines have
    # neither at their ends, and the suffix can only begin inside the trailing run
    # of marks and spaces (searching from every position of a long line is slow)
    first = text[0]
    start = _MD_PREFIX_RE.match(text).end() if first in _PREFIX_CHARS or first.isspace() else 0
    tail = n
    while tail > start and (text[tail - 1] in _SUFFIX_CHARS or text[tail - 1].isspace()):
        tail -= 1
    end = _MD_SUFFIX_RE.search(text, tail).start() if tail < n else n
    if end <= start:
        stripped = text.strip()
        if not stripped:
            return 0, 0
        start = text.index(stripped[0])
        end = start + len(stripped)
    return start, end
