"""Small helpers shared by the heading/title/config/CLI tests."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from nianbao.config import Config, resolve
from nianbao.engine import check_document
from nianbao.load import load_bytes, load_path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = ROOT / "corpus" / "headings"
GUANTING = SHARED / "corpus" / "guanting-town-2024.txt"

#: the rule families these tests own; table rules (NB2xx) are left out
OWN = ("NB1", "NB3")

CANONICAL = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)


@lru_cache(maxsize=None)
def _ruleset(select: tuple):
    return resolve(Config(select=list(select)))


def ruleset(select=OWN):
    """The bundled rules with only ``select`` (codes or prefixes) enabled."""
    return _ruleset(tuple(select))


def check_text(text: str, select=OWN, path: str = "sample.txt") -> list:
    """Findings of the selected rules on ``text`` (UTF-8 encoded, read as ``path``)."""
    return check_bytes(text.encode("utf-8"), path, select)


def check_bytes(data: bytes, path: str = "sample.txt", select=OWN) -> list:
    doc = load_bytes(data, path)
    return own(check_document(doc, ruleset(select)), select)


def check_file(path, select=OWN) -> list:
    return own(check_document(load_path(str(path)), ruleset(select)), select)


def own(findings, prefixes=OWN) -> list:
    """Only the findings whose code starts with one of ``prefixes``."""
    return [f for f in findings if f.rule.startswith(tuple(prefixes))]


def positions(findings) -> list:
    """["line:col CODE", ...] sorted by line, column, code."""
    keyed = sorted((f.start.line, f.start.column, f.rule) for f in findings)
    return [f"{ln}:{col} {code}" for ln, col, code in keyed]


def sort_positions(items) -> list:
    """Sort "line:col CODE" strings numerically."""
    def key(s):
        pos, code = s.split()
        ln, col = pos.split(":")
        return int(ln), int(col), code
    return sorted(items, key=key)


_MARKUP = re.compile(r"^\s*(?:#{1,6}\s*)?(?:\*\*)?")


def content_col(line: str) -> int:
    """1-based column where a line's text starts after Markdown marks and indent."""
    return _MARKUP.match(line).end() + 1


def interrupt_after(monkeypatch, n: int) -> list:
    """Make the batch runner's ``check_one`` raise KeyboardInterrupt (Ctrl-C) when
    asked for the file after the first ``n``; returns the list of paths it checked."""
    from nianbao import batch
    real, seen = batch.check_one, []

    def check_one(path, *a, **kw):
        if len(seen) == n:
            raise KeyboardInterrupt
        seen.append(path)
        return real(path, *a, **kw)
    monkeypatch.setattr(batch, "check_one", check_one)
    return seen
