"""Chinese word segmentation (jieba), loaded only when a rule needs it.

jieba's dictionary takes about a second to load the first time in a process,
so nothing imports it at start-up: :func:`cut` loads it on its first call.
Only rules where word boundaries decide the answer call it (doubled words:
“公开开展” has two 开 side by side but no doubled word, “审核审核” does).
"""

from __future__ import annotations

_TOKENIZER = None


def _tokenizer():
    global _TOKENIZER
    if _TOKENIZER is None:
        import logging

        import jieba
        jieba.setLogLevel(logging.WARNING)
        tok = jieba.Tokenizer()
        tok.initialize()
        _TOKENIZER = tok
    return _TOKENIZER


def cut(text: str) -> list:
    """[(start, end), ...] of the words of ``text`` (jieba's precise mode, no HMM)."""
    out, pos = [], 0
    for w in _tokenizer().cut(text, HMM=False):
        out.append((pos, pos + len(w)))
        pos += len(w)
    return out
