"""The parse view (flattened pages, traditional script, glosses) and the digit-run splitter."""

from __future__ import annotations

import random
from pathlib import Path

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


# ---------------------------------------------------------------------------
# unseen real layouts (issue 7): families found on reports outside ../shared


def test_empty_sections_run_together_are_headings_not_a_table_of_contents():
    # a flattened page whose sections 二–四 are left empty (tables pasted as images):
    # the headings follow one another with nothing between, but nothing repeats them later
    text = ("某某县某某局2020年政府信息公开工作年度报告\n" + HEADINGS[0] + " 本局按要求编制本报告。 "
            + " ".join(HEADINGS[1:5]) + " 本年度问题已整改。 " + HEADINGS[5] + " 无。\n")
    found = check_text(text, select=("NB1", "NB2"))
    assert [f.rule for f in found] == ["NB201", "NB203", "NB203"]  # the tables are missing, not the headings


def test_a_list_of_parts_then_the_headings_on_the_same_line():
    toc = "本报告分为 " + " ".join(HEADINGS) + " 。"
    text = "某某县某某局2020年政府信息公开工作年度报告 " + toc + " ".join(h + " 内容略。" for h in HEADINGS) + "\n"
    assert [f.rule for f in check_text(text, select=("NB1",))] == []


def test_a_list_of_parts_on_its_own_line_is_still_not_the_headings():
    text = ("某某县某某局2024年政府信息公开工作年度报告\n本报告包括 " + " ".join(HEADINGS) + "\n"
            + "\n".join(h + "\n内容略。" for h in HEADINGS) + "\n")
    assert [f.rule for f in check_text(text, select=("NB1",))] == []


CELL_PER_LINE = Path(__file__).resolve().parents[1] / "corpus" / "tables" / "cell-per-line-clean.txt"


def _each_cell_closed_by_its_pipe(text: str) -> list:
    """The tables of a sample written one cell per line, each closed by its own pipe
    ("规章 |", "0 |"), with a spacer line of pipes after the first row, as web pages give them."""
    lines = text.split("\n")
    start = next(i for i, x in enumerate(lines) if x.startswith("二、"))
    end = next(i for i, x in enumerate(lines) if x.startswith("五、"))
    out = []
    for i, x in enumerate(lines):
        if start < i < end and x.strip() and not x.startswith(("三、收到", "四、政府")):
            x += " |"
        out.append(x)
        if x.startswith("一、本年新收"):
            out.append("||")
    return out


def test_one_cell_per_line_closed_by_pipes_reads_like_the_plain_layout():
    lines = _each_cell_closed_by_its_pipe(CELL_PER_LINE.read_text(encoding="utf-8"))
    assert [f.rule for f in check_text("\n".join(lines), select=("NB2",))] == []


def test_a_lone_pipe_among_cells_closed_by_pipes_is_a_blank_cell():
    lines = _each_cell_closed_by_its_pipe(CELL_PER_LINE.read_text(encoding="utf-8"))
    row = next(i for i, x in enumerate(lines) if x.startswith("（二）部分公开"))
    lines[row + 3] = "|"  # its 科研机构 left empty
    found = check_text("\n".join(lines), select=("NB2",))
    assert [(f.rule, f.start.line) for f in found if f.severity != "info"] == [("NB204", row + 4)]
    assert "科研机构" in found[0].message and "NB203" not in [f.rule for f in found]


def test_a_pipe_that_closes_a_label_written_without_one_is_not_a_cell():
    # "行政规范性文件" then "|" on the next line: the pipe closes the label (no cell is empty)
    lines = _each_cell_closed_by_its_pipe(CELL_PER_LINE.read_text(encoding="utf-8"))
    row = next(i for i, x in enumerate(lines) if x.startswith("一、本年新收"))
    lines[row:row + 1] = ["一、本年新收政府信息公开申请数量", "|"]
    assert [f.rule for f in check_text("\n".join(lines), select=("NB2",))] == []


def _without_sections_three_and_four(text: str) -> str:
    return text[:text.index("三、收到")] + text[text.index("五、"):]


def test_a_missing_table_three_is_not_looked_for_inside_table_two():
    # section 三's heading (and table 三) gone; table 二 keeps the 2019 columns, whose
    # header words ("本年新 制作数量") sound like table 三's rows: they are not table 三
    text = _without_sections_three_and_four(CELL_PER_LINE.read_text(encoding="utf-8"))
    text = (text.replace("本年制发件数", "本年新 制作数量").replace("本年废止件数", "本年新 公开数量")
            .replace("现行有效件数", "对外公开总数量"))
    assert sorted(f.rule for f in check_text(text, select=("NB1", "NB2"))) == ["NB101", "NB101", "NB202"]


def test_figures_of_several_rows_whose_labels_were_lost_are_not_given_a_row():
    # the eight rows of （三）不予公开 lost their labels: 56 figures one per line under the group
    lines = CELL_PER_LINE.read_text(encoding="utf-8").split("\n")
    start = lines.index("（三）不予公开")
    lines = lines[:start + 1] + [x for x in lines[start + 1:start + 65] if not x[:1].isdigit() or x[1:2] != "."] \
        + lines[start + 65:]
    found = [f for f in check_text("\n".join(lines), select=("NB2",)) if f.rule == "NB205"]
    assert len(found) == 1 and "56 个数字" in found[0].message and "「" not in found[0].message


def test_a_table_three_written_with_its_row_names_but_no_figure_is_unfilled_not_missing():
    lines = CELL_PER_LINE.read_text(encoding="utf-8").split("\n")
    start = next(i for i, x in enumerate(lines) if x.startswith("三、收到"))
    end = next(i for i, x in enumerate(lines) if x.startswith("四、政府"))
    lines = lines[:start] + [x for x in lines[start:end] if not x.strip().isdigit()] + lines[end:]
    found = check_text("\n".join(lines), select=("NB2",))
    assert [f.rule for f in found] == ["NB203"]
    assert "有 25 行只写了行名" in found[0].message and found[0].source.startswith("一、本年新收")


def test_the_site_name_above_a_title_that_repeats_it_is_not_part_of_the_title():
    text = ("  某某县人民政府\n        某某县人民政府\n\n    某某县人民政府2024年度\n信息公开年度报告\n"
            + "\n".join(h + "\n内容略。" for h in HEADINGS) + "\n")
    found = [f for f in check_text(text, select=("NB1",)) if f.rule == "NB112"]
    assert len(found) == 1 and "「某某县人民政府2024年度信息公开年度报告」" in found[0].message


def test_active_disclosure_said_as_zhudong_gongshi_is_the_topic():
    one = ("一、总体情况\n2024年，本街道按要求主动公示了财政预决算等信息；依申请公开方面收到申请2件；"
           "政府信息管理方面落实三审制度；依托政府网站平台发布信息；加强监督考核。\n")
    text = "某某街道办事处2024年政府信息公开工作年度报告\n" + one + "\n".join(h + "\n内容略。" for h in HEADINGS[1:]) + "\n"
    assert [f.message for f in check_text(text, select=("NB303",)) if "主动公开" in f.message] == []


def test_information_management_said_with_words_between_is_the_topic():
    one = ("一、总体情况\n本年度，我局做好主动公开，规范依申请公开办理流程，健全政府信息全链条管理，"
           "提升信息公开平台建设，加大监督保障力度。\n")
    text = "某某县某某局2024年政府信息公开工作年度报告\n" + one + "\n".join(h + "\n内容略。" for h in HEADINGS[1:]) + "\n"
    assert [f.message for f in check_text(text, select=("NB303",))] == []


def test_an_unfilled_table_three_in_the_2019_layout_has_its_single_other_row():
    # the 2019 layout's one "（六）其他处理" row, written like every other row without figures
    lines = CELL_PER_LINE.read_text(encoding="utf-8").split("\n")
    start = next(i for i, x in enumerate(lines) if x.startswith("三、收到"))
    end = next(i for i, x in enumerate(lines) if x.startswith("四、政府"))
    six = lines.index("（六）其他处理")
    subrows = {lines[six + 1], lines[six + 9], lines[six + 17]}
    lines = lines[:start] + [x for x in lines[start:end] if not x.strip().isdigit() and x not in subrows] + lines[end:]
    found = check_text("\n".join(lines), select=("NB203",))
    assert len(found) == 1 and "有 22 行只写了行名" in found[0].message and "（六）" not in found[0].message


def test_a_row_left_without_figures_in_a_2019_layout_sub_table_is_still_reported():
    sample = Path(__file__).resolve().parents[1] / "corpus" / "tables" / "legacy-2019.txt"
    text = sample.read_text(encoding="utf-8").replace("行政许可\t12\t0\t356", "行政许可")
    found = [f for f in check_text(text, select=("NB201",))]
    assert [(f.rule, f.start.line) for f in found] == [("NB201", 12)]
    assert "「行政许可」行没有填写数字" in found[0].message and "上一年项目数量" in found[0].message


@pytest.mark.parametrize("written", ["一、总休情况", "一、总体况", "一、总体的情况"])
def test_one_character_off_a_short_heading_is_wording_not_missing(written):
    # one character replaced, dropped or added in "总体情况": only two of its three
    # bigrams survive, so the likeness of the bigrams alone cannot tell
    for sep in ("\n", " "):
        text = "某某县某某局2024年政府信息公开工作年度报告" + sep + sep.join(
            [written + sep + "2024年，本局做了工作。"] + [h + sep + "内容略。" for h in HEADINGS[1:]]) + "\n"
        found = check_text(text, select=("NB1",))
        assert [f.rule for f in found] == ["NB104"], (sep, [f.message for f in found])


def test_metadata_labels_written_one_per_line_are_not_the_title():
    head = "索引号\n114100/2026-00010\n关键词\n主题分类\n区政府组成部门信息公开年度报告\n体裁分类\n服务对象\n"
    text = head + "\n".join(h + "\n内容略。" for h in HEADINGS) + "\n"
    found = check_text(text, select=("NB11",))
    assert [f.rule for f in found] == ["NB111"]  # no title, rather than the category taken for one
    barred = "".join(x + "\n|\n" for x in head.splitlines())  # each followed by a line "|"
    found = check_text(barred + "\n".join(h + "\n内容略。" for h in HEADINGS) + "\n", select=("NB11",))
    assert [f.rule for f in found] == ["NB111"]


def test_counts_in_a_flattened_paragraph_are_not_table_rows():
    # a page flattened onto one line whose preamble names 行政复议 and 行政诉讼 (the words that
    # start table 四's groups): the counts of its sentences are not cells of table 三 or 四
    text = ("某某市人民政府2022年政府信息公开工作年度报告 本报告包括总体情况、政府信息公开行政复议和行政诉讼情况等六个部分。"
            "一、总体情况 （二）依申请公开情况。2022年，共收到12件依申请公开请求，2021年结转政府信息公开申请3件，"
            "共办结13件，结转2023年度继续办理2件；发生政府信息公开行政复议案件1起，行政诉讼案件0起。\n")
    assert [f.message for f in check_text(text, select=("NB2",))] == []


def test_table_four_header_broken_into_characters_with_its_figures_on_one_line():
    # a PDF page flattened: the groups' names, the column words broken into single characters
    # ("结 结 其 尚 / 果 果 他 未 …"), then the 15 figures, all on one line
    four = ("行政复议 行政诉讼 未经复议直接起诉 复议后起诉 结 结 其 尚 结 结 其 尚 果 果 他 未 总计 果 果 他 未 总 "
            "维 纠 结 审 维 纠 结 审 计 持 正 果 结 持 正 果 结 " + " ".join(["0"] * 15))
    body = [h + "\n内容略。" for h in HEADINGS]
    body[3] = HEADINGS[3] + "\n本年度未发生行政复议、行政诉讼。\n" + four
    text = "某某县某某局2020年政府信息公开工作年度报告\n" + "\n".join(body) + "\n"
    assert [f.message for f in check_text(text, select=("NB203",)) if "表四" in f.message] == []


def test_figures_of_several_rows_under_their_group_label_are_not_given_a_row():
    # the eight rows of （三）不予公开 lost their labels and one figure; the 55 left follow the
    # group's label (56 would be read as eight rows in order: see collect_rows)
    lines = (Path(__file__).resolve().parents[1] / "corpus" / "tables" / "space-clean.txt").read_text(
        encoding="utf-8").split("\n")
    start = next(i for i, x in enumerate(lines) if x.startswith("（三）不予公开"))
    figures = [f for x in lines[start:start + 8] for f in x.split()[-7:]][:-1]
    lines[start:start + 8] = ["（三）不予公开 " + " ".join(figures)]
    found = [f for f in check_text("\n".join(lines), select=("NB2",)) if f.rule == "NB205"]
    assert len(found) == 1 and "55 个数字" in found[0].message and "「" not in found[0].message


def test_a_flattened_title_broken_before_its_second_half_is_still_the_title():
    text = ("某某县人民政府 某某县人民政府2021年度 信息公开年度报告 （2022年1月） 根据《条例》编制本报告。 "
            + " ".join(h + " 本部分写明本年度的工作情况，内容从略，以下各部分同样从略。" * 3 for h in HEADINGS) + "\n")
    assert len(text) > 400  # a page flattened onto one line
    found = check_text(text, select=("NB11",))
    assert [f.rule for f in found] == ["NB112"] and "「某某县人民政府2021年度信息公开年度报告」" in found[0].message


def test_a_lone_row_run_into_a_flattened_page_is_read_as_in_lines():
    # a flip-book page that starts with the last row of table 三, flattened onto one line
    lines = ["Page 9 - 2020年报_某某局 P. 9", "四、结转下年度继续办理 0 0 0 0 0 0 0", HEADINGS[3],
             "本年度未发生因政府信息公开引起的行政复议、行政诉讼。" * 8,
             "行政复议 未经复议直接起诉 复议后起诉 " + " ".join(["0"] * 15),
             HEADINGS[4], "本年度存在的问题已在上年度整改的基础上继续改进，具体情况如下所述。" * 3,
             HEADINGS[5], "本年度未收取信息处理费。"]
    by_line = check_text("\n".join(lines) + "\n", select=("NB2",))
    flat = check_text(" ".join(lines) + "\n", select=("NB2",))
    assert len(" ".join(lines)) > 400
    assert [f.message for f in flat] == [f.message for f in by_line] and by_line
