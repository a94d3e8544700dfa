"""Property tests: consistent tables in every text shape read cleanly, and one
changed figure fails exactly the relations that go through it, at the right cell.

The expected failures follow the cascade policy documented in kinds/relation.py,
restated independently in test_tables_helpers.relation_failures.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_tables_helpers import (  # noqa: E402
    COLS3, COLS4, GROUPS4, LABEL3, PATH4, ROWS3, consistent_tables, findings_of, parse_text,
    read_shape, relation_failures, render_report,
)

SHAPES = ("tab", "pipe", "space", "cell")
FAST = settings(max_examples=int(__import__("os").environ.get("NB_EXAMPLES", "50")), deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _path(shape: str) -> str:
    return "report.md" if shape == "pipe" else "report.txt"


def _table_findings(text: str, shape: str) -> list:
    return [f for f in findings_of(text, _path(shape)) if f.rule.startswith("NB2")]


def _all_cells():
    cells = [("三", r, c) for r, _g, _l in ROWS3 for c in COLS3]
    cells += [("四", g, c) for g in GROUPS4 for c in COLS4]
    return cells


CELLS = _all_cells()


@FAST
@given(seed=st.integers(0, 2 ** 32 - 1), shape=st.sampled_from(SHAPES), split=st.booleans())
def test_consistent_tables_read_exactly_and_raise_nothing(seed, shape, split):
    data = consistent_tables(random.Random(seed))
    page = render_report(data, shape, four_split=split)
    text = page.text()
    assert _table_findings(text, shape) == []
    report = parse_text(text, _path(shape))
    assert read_shape(report, "三") == {r: " ".join(v) for r, v in data["三"].items()}
    assert read_shape(report, "四") == {g: " ".join(v) for g, v in data["四"].items()}
    assert read_shape(report, "二") == {r: " ".join(v) for r, v in data["二"].items()}


@FAST
@given(seed=st.integers(0, 2 ** 32 - 1), shape=st.sampled_from(SHAPES), split=st.booleans(),
       which=st.integers(0, len(CELLS) - 1), delta=st.integers(1, 9), up=st.booleans())
def test_one_changed_figure_fails_exactly_its_relations(seed, shape, split, which, delta, up):
    data = consistent_tables(random.Random(seed))
    table, row, col = CELLS[which]
    cols = COLS3 if table == "三" else COLS4
    k = cols.index(col)
    old = int(data[table][row][k])
    new = old + delta if up or old < delta else old - delta
    data[table][row][k] = str(new)
    page = render_report(data, shape, four_split=split)
    got = {(f.rule, f.cell.table, f.cell.row, f.cell.column) for f in _table_findings(page.text(), shape)}
    assert got == relation_failures((table, row, col))
    # every finding sits at the cell that states the total it is about
    for f in _table_findings(page.text(), shape):
        if f.cell.table == "三":
            rid = next(r for r, lab in LABEL3.items() if lab == f.cell.row)
            key = ("三", rid, f.cell.column)
        else:
            group = next(g for g, p in PATH4.items() if f.cell.column == f"{p}·总计")
            key = ("四", group, "总计")
        assert (f.start.line, f.start.column) == page.pos[key]


@FAST
@given(seed=st.integers(0, 2 ** 32 - 1), shape=st.sampled_from(("tab", "pipe")),
       which=st.integers(0, len(CELLS) - 1), token=st.sampled_from(("", "/", "—", "无", "-")))
def test_a_cell_without_a_figure_is_named_and_blocks_only_its_relations(seed, shape, which, token):
    data = consistent_tables(random.Random(seed))
    table, row, col = CELLS[which]
    cols = COLS3 if table == "三" else COLS4
    data[table][row][cols.index(col)] = token
    page = render_report(data, shape)
    found = _table_findings(page.text(), shape)
    assert [f.rule for f in found] == ["NB204"]
    f = found[0]
    expected_row = LABEL3[row] if table == "三" else ""
    expected_col = col if table == "三" else f"{PATH4[row]}·{col}"
    assert (f.cell.table, f.cell.row, f.cell.column) == (table, expected_row, expected_col)
    assert (f.start.line, f.start.column) == page.pos[(table, row, col)]


CELLS2 = [("二", r, k) for r, n in (("规章", 3), ("行政规范性文件", 3)) for k in range(n)]


@FAST
@given(seed=st.integers(0, 2 ** 32 - 1), shape=st.sampled_from(("space", "cell")), split=st.booleans(),
       which=st.integers(0, len(CELLS) + len(CELLS2) - 1))
def test_a_lost_cell_in_loose_text_is_not_guessed(seed, shape, split, which):
    """Separated by spaces (or one per line), a blank leaves no trace: the row then
    has one figure too few.  It is reported as unchecked, never placed by guessing."""
    data = consistent_tables(random.Random(seed))
    table, row, col = (CELLS + CELLS2)[which]
    if table == "二":
        k = col
    else:
        k = (COLS3 if table == "三" else COLS4).index(col)
    del data[table][row][k]
    page = render_report(data, shape, four_split=split)
    found = _table_findings(page.text(), shape)
    assert [f.rule for f in found] == ["NB205"], [f.message for f in found]
    if table != "四":
        if shape == "space" or table == "二":
            where = page.pos[("label", table, row)]
        else:  # figures on lines of their own, after the label: the row starts at its first figure
            where = page.pos[(table, row, COLS3[0])]
        assert (found[0].start.line, found[0].start.column) == where
