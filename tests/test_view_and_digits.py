"""The parse view (flattened pages, traditional script, glosses) and the digit-run splitter."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import check_text
from nianbao.parse.digits import MAX_DIGITS, Constraint, split

ROW3 = Constraint(7, 6, (0, 1, 2, 3, 4, 5))
ROW4 = Constraint(5, 4, (0, 1, 2, 3))


def cells(tokens, got):
    return [tokens[t][s:e] for t, s, e in got.cells]


# ---------------------------------------------------------------------------
# digits


@pytest.mark.parametrize("tokens, groups, rule, want", [
    (["13420000136"], 1, ROW3, ["134", "2", "0", "0", "0", "0", "136"]),
    (["230", "000023"], 1, ROW3, ["23", "0", "0", "0", "0", "0", "23"]),  # a space is always a boundary
    (["23", "0", "00", "0", "023"], 1, ROW3, ["23", "0", "0", "0", "0", "0", "23"]),
    (["310260000010001"], 3, ROW4, list("310260000010001")),
    (["000"], 1, Constraint(3), ["0", "0", "0"]),  # no leading zeros: the only split
    (["100"], 1, Constraint(3), ["1", "0", "0"]),
])
def test_unique_splits(tokens, groups, rule, want):
    got = split(tokens, groups, rule)
    assert got.status == "unique"
    assert cells(tokens, got) == want


@pytest.mark.parametrize("tokens, groups, rule, status", [
    (["0401201312176"], 1, ROW3, "many"),  # 0/40/120/1/3/12/176 and 0/40/120/13/1/2/176
    (["898989"], 1, Constraint(3), "many"),  # no sum to decide 89/89/89 from 8/98/989
    (["350"], 1, Constraint(2), "many"),  # 3/50 or 35/0
    (["12345678901234567890123"], 1, ROW3, "none"),
    (["12"], 1, ROW3, "none"),  # fewer digits than cells
    (["1" * (MAX_DIGITS + 1)], 1, ROW3, "too-long"),
])
def test_no_guess(tokens, groups, rule, status):
    got = split(tokens, groups, rule)
    assert got.cells is None and got.status == status


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 400), min_size=6, max_size=6))
def test_a_unique_split_is_the_written_row(parts):
    """Digits of a consistent row run together: when the split is unique it is the row."""
    row = [str(p) for p in parts] + [str(sum(parts))]
    got = split(["".join(row)], 1, ROW3)
    if got.status == "unique":
        assert cells(["".join(row)], got) == row
    else:
        assert got.status == "many"  # never "none": the written row itself fits


def test_search_is_bounded():
    """A long run of zeros and ones (many prefixes fit) is decided without enumerating."""
    rng = random.Random(7)
    for _ in range(50):
        digits = "".join(rng.choice("01") for _ in range(MAX_DIGITS))
        assert split([digits], 3, ROW4).status in ("unique", "many", "none")


# ---------------------------------------------------------------------------
# the view: findings on flattened and converted text keep the file's places

HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]


def flat_report(five="五、存在的主要问题及改进情况") -> str:
    body = [f"{h} 本部分内容略。" for h in HEADINGS]
    body[4] = f"{five} 本年度存在的问题已整改。"
    return ("某某县某某局2024年政府信息公开工作年度报告 根据《条例》编制。" + " ".join(body)
            + " 本年度未收取信息处理费。\n")


def test_flattened_headings_are_found_where_they_stand():
    text = flat_report()
    assert [f.rule for f in check_text(text, select=("NB1",))] == []


def test_a_typo_in_a_flattened_heading_is_wording_at_its_column():
    text = flat_report("五、存在的主要问题及整改措施")
    found = check_text(text, select=("NB1",))
    assert [f.rule for f in found] == ["NB104"]
    assert (found[0].start.line, found[0].start.column) == (1, text.index("五、存在的主要问题及整改措施") + 1)


def test_a_table_of_contents_is_not_the_headings():
    toc = "本报告分为：" + "；".join(HEADINGS) + "。\n"
    text = "某某县某某局2024年政府信息公开工作年度报告\n" + toc + "\n".join(HEADINGS) + "\n本年度未收取信息处理费。\n"
    assert [f.rule for f in check_text(text, select=("NB1",))] == []


def test_headings_of_empty_sections_in_a_row_are_headings_not_a_table_of_contents():
    """A flattened page whose sections 二–四 are empty ("二、主动公开政府信息情况 三、收到和处理…
    四、…"): the headings stand one after the other, as in a table of contents, but
    they are not written again later, so they are the report's headings (their tables
    are missing, not the headings); a table of contents on a flattened page still is one."""
    body = [f"{HEADINGS[0]} 本部分内容略。", *HEADINGS[1:4], f"{HEADINGS[4]} 本年度存在的问题已整改。",
            f"{HEADINGS[5]} 本年度未收取信息处理费。"]
    text = "某某县某某局2024年政府信息公开工作年度报告 根据《条例》编制。" + " ".join(body) + "\n"
    assert [f.rule for f in check_text(text, select=("NB1",))] == []
    toc = "本报告分为：" + " ".join(HEADINGS) + "。"
    text = "某某县某某局2024年政府信息公开工作年度报告 " + toc + " ".join(f"{h} 本部分内容略。" for h in HEADINGS) + "\n"
    assert [f.rule for f in check_text(text, select=("NB1",))] == []


def test_sub_items_inside_section_one_are_not_sections():
    items = "（一）主动公开政府信息情况\n(二)依申请公开情况\n（三）政府信息管理\n"
    lines = list(HEADINGS)
    lines.insert(1, items.rstrip())
    text = "某某县某某局2024年政府信息公开工作年度报告\n" + "\n".join(lines) + "\n本年度未收取信息处理费。\n"
    assert [f.rule for f in check_text(text, select=("NB1",))] == []


def test_traditional_script_is_read_and_quoted_as_written():
    trad = {"一、总体情况": "一、總體情況", "五、存在的主要问题及改进情况": "五、存在的主要問題及整改措施"}
    lines = [trad.get(h, h) for h in HEADINGS]
    text = "某某县某某局2024年政府信息公开工作年度报告\n" + "\n".join(lines) + "\n本年度未收取信息处理费。\n"
    found = check_text(text, select=("NB1",))
    assert [f.rule for f in found] == ["NB104"]  # 總體情況 is 总体情况; 整改措施 is a wording slip
    assert "問題" in found[0].message  # quoted as the report writes it
    assert found[0].source == "五、存在的主要問題及整改措施"


def test_pinyin_glosses_do_not_hide_a_heading_and_columns_map_back():
    line = "五、存在的主(zhǔ)要問(wèn)題(tí)及整改措施"
    text = ("某某县某某局2024年政府信息公开工作年度报告\n" + "\n".join(HEADINGS[:4]) + "\n" + line + "\n"
            + HEADINGS[5] + "\n本年度未收取信息处理费。\n")
    found = check_text(text, select=("NB1",))
    assert [f.rule for f in found] == ["NB104"]
    f = found[0]
    assert (f.start.line, f.start.column) == (6, 1)
    assert f.source == line and f.col1 == len(line)  # the carets cover the line as written
