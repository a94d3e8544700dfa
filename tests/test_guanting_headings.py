"""Mutation tests on the heading rules.

Take a report that has all six headings and gives no NB1xx finding: the real
官亭镇 2024 report (test data in /work/shared, skipped when absent) and our own
corpus/headings/clean.txt.  Then delete, move, duplicate, reword or renumber
each of its six headings in turn and check that exactly the right NB1xx
finding appears at the right place.  Every expected position is computed here
from the mutated text itself, never copied from the tool's output.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers import CANONICAL, CORPUS, GUANTING, check_text, content_col, ruleset  # noqa: E402

from nianbao.parse.normalize import fold  # noqa: E402

SOURCES = {
    "guanting": GUANTING,
    "clean": CORPUS / "clean.txt",
}


def _lines(name: str) -> list:
    path = SOURCES[name]
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path.read_text(encoding="utf-8").splitlines()


def _heading_index(lines: list, k: int) -> int:
    """The one line that is heading ``k`` (0..5) written canonically, with any Markdown marks."""
    hits = [i for i, ln in enumerate(lines) if ln[content_col(ln) - 1:].strip().rstrip("*") == CANONICAL[k]]
    assert len(hits) == 1, (k, hits)
    return hits[0]


def _sections(lines: list) -> list:
    """[(first line, end line exclusive)] of the six sections, 0-based."""
    starts = [_heading_index(lines, k) for k in range(6)]
    assert starts == sorted(starts)
    return [(s, starts[k + 1] if k < 5 else len(lines)) for k, s in enumerate(starts)]


def _at(lines: list, index: int, code: str) -> tuple:
    return code, index + 1, content_col(lines[index])


def _last_line(lines: list, code: str) -> tuple:
    i = len(lines) - 1
    text = lines[i]
    col = len(text) - len(text.lstrip()) + 1 if text.strip() else 1
    return code, i + 1, col


def _nb1(text: str) -> list:
    return sorted((f.rule, f.start.line, f.start.column) for f in check_text(text, select=("NB1",)))


def _replace_heading(line: str, new: str) -> str:
    """``line`` with its heading text (after Markdown marks) replaced by ``new``."""
    c = content_col(line) - 1
    tail = line[c:]
    closing = "**" if tail.rstrip().endswith("**") else ""
    return line[:c] + new + closing


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_unmutated_report_has_no_heading_finding(name):
    lines = _lines(name)
    _sections(lines)  # all six headings are there, once, in order
    assert _nb1("\n".join(lines) + "\n") == []


K = range(6)


@pytest.mark.parametrize("name", sorted(SOURCES))
@pytest.mark.parametrize("k", K)
def test_delete_heading(name, k):
    lines = _lines(name)
    secs = _sections(lines)
    h = secs[k][0]
    mutated = lines[:h] + lines[h + 1:]
    if k < 5:
        nxt = secs[k + 1][0] - 1  # shifted up by the deletion
        assert mutated[nxt].endswith(CANONICAL[k + 1])
        expected = [_at(mutated, nxt, "NB101")]
    else:
        expected = [_last_line(mutated, "NB101")]
    assert _nb1("\n".join(mutated) + "\n") == expected


@pytest.mark.parametrize("name", sorted(SOURCES))
@pytest.mark.parametrize("k", K)
def test_move_section(name, k):
    """Move section k to the end (section 六: to before 一): only k is out of order."""
    lines = _lines(name)
    secs = _sections(lines)
    s, e = secs[k]
    block = lines[s:e]
    rest = lines[:s] + lines[e:]
    if k < 5:
        mutated = rest + block
        new_index = len(rest)
    else:
        first = secs[0][0]
        mutated = rest[:first] + block + rest[first:]
        new_index = first
    assert mutated[new_index].endswith(CANONICAL[k])
    assert _nb1("\n".join(mutated) + "\n") == [_at(mutated, new_index, "NB102")]


@pytest.mark.parametrize("name", sorted(SOURCES))
@pytest.mark.parametrize("k", K)
def test_duplicate_section(name, k):
    lines = _lines(name)
    s, e = _sections(lines)[k]
    block = lines[s:e]
    if block[-1].strip():
        block = block + [""]
    mutated = lines[:e] + block + lines[e:]
    copy = e
    assert mutated[copy] == lines[s]
    assert _nb1("\n".join(mutated) + "\n") == [_at(mutated, copy, "NB103")]


@pytest.mark.parametrize("name", sorted(SOURCES))
@pytest.mark.parametrize("k", K)
def test_reword_heading(name, k):
    lines = _lines(name)
    secs = _sections(lines)
    h = secs[k][0]
    spec = ruleset(("NB1",)).template.headings[k]
    mutated = list(lines)
    if spec.variants:
        mutated[h] = _replace_heading(lines[h], f"{spec.number}、{spec.variants[0]}")
        expected = [_at(mutated, h, "NB104")]
    else:
        # 总体情况 has no known variant: an unknown wording is not a heading at all
        assert k == 0
        mutated[h] = _replace_heading(lines[h], "一、总体工作开展情况")
        expected = [_at(mutated, secs[1][0], "NB101")]
    assert fold(mutated[h]) != fold(lines[h])
    assert _nb1("\n".join(mutated) + "\n") == expected


@pytest.mark.parametrize("name", sorted(SOURCES))
@pytest.mark.parametrize("k", K)
@pytest.mark.parametrize("style", ["{n}、", "（{cn}）", "第{cn}部分 ", ""])
def test_renumber_heading(name, k, style):
    lines = _lines(name)
    h = _sections(lines)[k][0]
    text = CANONICAL[k].split("、", 1)[1]
    numbering = style.format(n=k + 1, cn=CANONICAL[k][0])
    mutated = list(lines)
    mutated[h] = _replace_heading(lines[h], numbering + text)
    assert _nb1("\n".join(mutated) + "\n") == [_at(mutated, h, "NB105")]


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_wrong_position_number(name):
    """六 numbered "五、" (as when 五 was dropped): numbering finding at 六."""
    lines = _lines(name)
    h = _sections(lines)[5][0]
    mutated = list(lines)
    mutated[h] = _replace_heading(lines[h], "五、其他需要报告的事项")
    assert _nb1("\n".join(mutated) + "\n") == [_at(mutated, h, "NB105")]


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_two_mutations_at_once(name):
    """Delete 二 and duplicate 五: both findings, each at its own place."""
    lines = _lines(name)
    secs = _sections(lines)
    s5, e5 = secs[4]
    block = lines[s5:e5] + ([""] if lines[e5 - 1].strip() else [])
    mutated = lines[:e5] + block + lines[e5:]
    h2 = secs[1][0]
    mutated = mutated[:h2] + mutated[h2 + 1:]
    copy = e5 - 1
    three = secs[2][0] - 1
    assert mutated[copy] == lines[s5] and mutated[three] == lines[secs[2][0]]
    assert _nb1("\n".join(mutated) + "\n") == sorted([_at(mutated, three, "NB101"),
                                                      _at(mutated, copy, "NB103")])
