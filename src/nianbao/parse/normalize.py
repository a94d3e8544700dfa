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


def fold(text: str) -> str:
    """Fold ``text`` for comparison: NFKC, no whitespace, no quotes, one dash."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(text.translate(_TABLE).split())  # no whitespace (str.split's is re's \s)


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
