"""Unit tests of the table reader's parts and of the table rule kinds."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_tables_helpers import SHARED, findings_of, parse_text, read_shape  # noqa: E402

from nianbao.config import Config, resolve  # noqa: E402
from nianbao.engine import check_document  # noqa: E402
from nianbao.load import load_bytes  # noqa: E402
from nianbao.model import Line  # noqa: E402
from nianbao.parse.cells import BLANK, NUM, TOKEN, split_line  # noqa: E402
from nianbao.parse.relations import RelationSyntaxError, parse_equation  # noqa: E402
from nianbao.yamlio import ConfigError  # noqa: E402


def _split(text, cells=None):
    return split_line(Line(text, 1, 1, cells), 0)


# ---------------------------------------------------------------- cells

def test_tab_row_keeps_empty_cells_with_their_gap():
    it = _split("\t2. 其他法律行政法规禁止\t\t0\t0")
    assert it.exact and it.label == "2. 其他法律行政法规禁止"
    assert [c.kind for c in it.values] == [BLANK, NUM, NUM]
    assert (it.values[0].start, it.values[0].end) == (15, 15)  # the gap between the two tabs


def test_tab_row_group_label_and_sub_label_are_both_label():
    it = _split("(四)无法提供\t2. 没有现成信息需要另行 制作\t\t0")
    assert it.label == "(四)无法提供 2. 没有现成信息需要另行 制作"
    assert it.label_span == (0, 24)


def test_pipe_row_and_separator():
    it = _split("| 1.属于国家秘密 | 4 | 0 |  |")
    assert it.label == "1.属于国家秘密"
    assert [c.text for c in it.values] == ["4", "0", ""]
    assert (it.values[2].start, it.values[2].end) == (20, 22)  # the gap after its "|"
    assert _split("|---|---|:---:|").separator


def test_loose_row_takes_the_trailing_figures():
    it = _split("（四）无 1.本机关不掌握相关政府信息 746 12 0 0 10 1 769")
    assert not it.exact
    assert it.label == "（四）无 1.本机关不掌握相关政府信息"
    assert [c.value for c in it.values] == [Decimal(x) for x in (746, 12, 0, 0, 10, 1, 769)]


def test_loose_row_tokens_and_decimals():
    it = _split("行政事业性收费 96171.6")
    assert it.values[0].value == Decimal("96171.6")
    it = _split("行政强制 /")
    assert [c.kind for c in it.values] == [TOKEN]
    assert _split("（四）无").values == []  # "无" glued to the label is a word, not a token
    assert _split("（其中修订 16 件）").values == []


def test_full_width_digits_and_thousands():
    it = _split("行政许可\t１２\t1,234")
    assert [c.value for c in it.values] == [Decimal(12), Decimal(1234)]


def test_real_table_row_cells():
    text = "规章\t\t3"
    it = _split(text, cells=((0, 2), (3, 3), (4, 5)))
    assert it.label == "规章" and [c.kind for c in it.values] == [BLANK, NUM]


def test_text_among_figures_is_a_token():
    it = _split("| 规章 | 0 | 零 | 0 |")
    assert [c.kind for c in it.values] == [NUM, TOKEN, NUM]


# ---------------------------------------------------------------- relations

def test_equation_parses_names_as_written():
    eq = parse_equation("一 + 二 = （七） + 四")
    assert eq.names() == ["一", "二", "（七）", "四"]
    assert [t.name for t in eq.left] == ["一", "二"]
    eq = parse_equation("（七） - 4 = （三）1")
    assert eq.right[0].name == "（三）1" and eq.left[1].const == 4 and eq.left[1].sign == -1


@pytest.mark.parametrize("bad,pos", [("一 + 二", 5), ("一 = 二 = 三", 6), ("一 + = 二", 4), ("= 二", 0),
                                     ("一 二 = 三", 2), ("一 = 二 +", 7)])
def test_equation_errors_say_where(bad, pos):
    with pytest.raises(RelationSyntaxError) as exc:
        parse_equation(bad)
    assert exc.value.pos == pos


def _pack(tmp_path, body: str) -> Path:
    p = tmp_path / "pack.yaml"
    p.write_text(body, encoding="utf-8")
    return p


PACK = """rules:
  XY201:
    name: my-carry-over
    kind: relation
    severity: warning
    tags: [totals, table]
    summary: 结转下年度等于新收加上年结转减办结
    message: 表三「{column}」列：结转下年度为 {stated}，按新收加上年结转减办结应为 {computed}
    options:
      table: 三
      for_each: column
      expr: "四 = 一 + 二 - （七）"
      at: 四
"""


def test_a_relation_can_be_added_in_yaml(tmp_path):
    rules = resolve(Config(packs=[str(_pack(tmp_path, PACK))], select=["XY201"]))
    text = (Path(__file__).resolve().parents[1] / "corpus" / "tables" / "pipe-wrong-totals.md").read_text(
        encoding="utf-8")
    found = check_document(load_bytes(text.encode(), "r.md"), rules)
    assert len(found) == 1
    f = found[0]
    assert f.rule == "XY201" and f.cell.row == "四、结转下年度继续办理" and f.cell.column == "自然人"
    assert "应为" in f.message


def test_a_bad_relation_in_a_pack_is_a_config_error_with_its_place(tmp_path):
    bad = PACK.replace('expr: "四 = 一 + 二 - （七）"', 'expr: "四 = 一 + + 二"')
    with pytest.raises(ConfigError) as exc:
        resolve(Config(packs=[str(_pack(tmp_path, bad))]))
    assert exc.value.line == 12 and "表达式" in exc.value.message


def test_a_relation_naming_an_unknown_row_is_reported(tmp_path):
    bad = PACK.replace('expr: "四 = 一 + 二 - （七）"', 'expr: "四 = 一 + 二 - （八）"')
    pack = _pack(tmp_path, bad)
    with pytest.raises(ConfigError) as exc:  # when the pack is loaded, not at the first check
        resolve(Config(packs=[str(pack)], select=["XY201"]))
    assert "（八）" in exc.value.message
    assert exc.value.path == str(pack) and exc.value.line  # in the user's pack, not tables-2021.yaml


# ---------------------------------------------------------------- template version

LEGACY_FIVE = """{title}
一、总体情况
二、主动公开政府信息情况
第二十条第（五）项
信息内容\t上一年项目数量\t本年增/减\t处理决定数量
行政许可\t12\t0\t356
三、收到和处理政府信息公开申请情况
"""


@pytest.mark.parametrize("title,fires", [
    ("某镇人民政府2020年政府信息公开工作年度报告", False),
    ("某镇人民政府2021年政府信息公开工作年度报告", True),
    ("某镇人民政府政府信息公开工作年度报告", True),  # no year: checked
])
def test_the_2019_layout_is_an_error_from_2021_on(title, fires):
    text = LEGACY_FIVE.format(title=title)
    codes = [f.rule for f in findings_of(text) if f.rule == "NB202"]
    assert codes == (["NB202"] if fires else [])


def test_a_year_in_the_2021_header_is_not_the_2019_layout():
    text = LEGACY_FIVE.format(title="某镇人民政府2024年政府信息公开工作年度报告").replace(
        "上一年项目数量\t本年增/减\t处理决定数量", "本年(2024)处理决定数量").replace("\t12\t0\t356", "\t356")
    assert [f for f in findings_of(text) if f.rule == "NB202"] == []
    assert read_shape(parse_text(text), "二") == {"行政许可": "356"}


# ---------------------------------------------------------------- cell references

def test_cell_references_name_template_labels():
    text = (Path(__file__).resolve().parents[1] / "corpus" / "tables" / "tab-no-figure.txt").read_text(
        encoding="utf-8")
    refs = {(f.cell.table, f.cell.row, f.cell.column) for f in findings_of(text) if f.rule == "NB204"}
    assert refs == {
        ("三", "3.要求提供公开出版物", "其他"),
        ("三", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "科研机构"),
        ("二", "行政强制", "本年处理决定数量"),
        ("四", "", "行政诉讼·复议后起诉·尚未审结"),
    }


def test_a_decimal_count_is_reported_but_a_decimal_amount_is_not():
    text = """某镇人民政府2024年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第（五）项
信息内容\t本年处理决定数量
行政许可\t2.5
第二十条第（八）项
信息内容\t本年收费金额（单位：万元）
行政事业性收费\t2.5
"""
    found = [f for f in findings_of(text) if f.rule == "NB204"]
    assert [(f.cell.row, "整数" in f.message) for f in found] == [("行政许可", True)]


# ---------------------------------------------------------------- real table rows (Word)

BLANK_TEMPLATE = SHARED / "corpus" / "template-2021-blank.docx"


@pytest.mark.skipif(not BLANK_TEMPLATE.exists(), reason="the blank template is not available")
def test_the_blank_template_has_every_cell_blank():
    pytest.importorskip("docx")
    from nianbao.load import load_path
    rules = resolve(Config(select=["NB2"]))
    found = check_document(load_path(str(BLANK_TEMPLATE)), rules)
    assert {f.rule for f in found} == {"NB204"}
    assert len(found) == 10 + 25 * 7 + 15
    assert len({(f.cell.table, f.cell.row, f.cell.column) for f in found}) == len(found)


def test_a_pack_can_teach_a_local_row_label(tmp_path):
    """A province's own wording of a label is added in YAML, without code."""
    text = """某镇人民政府2024年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第（一）项
信息内容\t本年制发件数\t本年废止件数\t现行有效件数
规章\t0\t0\t0
政府文件（行政规范性）\t1\t0\t4
三、收到和处理政府信息公开申请情况
"""
    plain = resolve(Config(select=["NB201"]))
    assert [f.rule for f in check_document(load_bytes(text.encode(), "r.txt"), plain)][:1] == ["NB201"]
    pack = _pack(tmp_path, """template:
  tables:
    二:
      subtables:
        - id: （一）
          rows:
            - id: 行政规范性文件
              variants: [政府文件（行政规范性）]
""")
    taught = resolve(Config(packs=[str(pack)], select=["NB201"]))
    rep_rows = check_document(load_bytes(text.encode(), "r.txt"), taught)
    assert not any("行政规范性文件" in f.message for f in rep_rows)
