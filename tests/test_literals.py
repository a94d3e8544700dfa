"""The quick rejection of the prose rules' patterns (kinds/_literals.py) never
turns away a text the pattern matches."""

import re

import pytest

from nianbao.kinds._literals import may_match, needed_words


@pytest.mark.parametrize("pattern, text, matches", [
    ("行政复议(?:案件)?\\s*\\d+\\s*件", "本年度行政复议 2 件", True),
    ("行政复议(?:案件)?\\s*\\d+\\s*件", "本年度行政诉讼 2 件", False),
    ("(?:收到|受理|新收)申请\\s*\\d+", "新收申请 3", True),
    ("(?:收到|受理|新收)申请\\s*\\d+", "接到申请 3", False),
    ("(?:上一?年度?结转|结转上一?年度?)", "结转上一年度", True),
    ("无(?!论)[^，]{0,8}行政复议", "无行政复议", True),
    ("无(?!论)[^，]{0,8}行政复议", "没有行政复议", False),
])
def test_may_match(pattern, text, matches):
    rx = re.compile(pattern)
    assert bool(rx.search(text)) == matches
    assert may_match(needed_words(rx), text) == matches


@pytest.mark.parametrize("pattern, text", [
    ("(?:件|条|个)", "三条"),  # a character class: no word required
    ("(?i)abc", "ABC"),  # case-insensitive: nothing is required
    ("a(?i:bc)d", "aBCd"),
])
def test_no_requirement_never_rejects(pattern, text):
    rx = re.compile(pattern)
    assert rx.search(text)
    assert may_match(needed_words(rx), text)


def test_bundled_patterns_never_rejected_wrongly():
    """Every bundled figures/claims pattern, on every sentence-like fragment of the
    bundled sample reports: a text that matches is never rejected."""
    from pathlib import Path

    from nianbao.config import Config, resolve
    from nianbao.kinds import claims, figures
    rs = resolve(Config())
    pats = []
    for r in rs.rules:
        if r.kind == "figures":
            pats += [item[1] for item in figures._compiled(r.options)]
        if r.kind == "claims":
            pats += [item[1] for item in claims._compiled(r.options)]
    assert pats
    root = Path(__file__).resolve().parents[1] / "corpus"
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(root.rglob("*.txt"))]
    assert texts
    checked = rejected = 0
    for rx in pats:
        needs = needed_words(rx)
        for t in texts:
            for piece in re.split(r"[。\n]", t):
                ok = may_match(needs, piece)
                if rx.search(piece):
                    assert ok, (rx.pattern, piece)
                    checked += 1
                elif not ok:
                    rejected += 1
    assert checked > 0 and rejected > 0  # the test saw matches, and the filter does reject
