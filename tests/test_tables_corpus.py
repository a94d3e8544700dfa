"""Every cell of tables 二, 三 and 四 of the real reports in ../shared/corpus, read exactly.

The expected values were written by reading each document (and checked with the
table arithmetic, which balances in these reports except where noted).  One
string per row: the cells in template column order, "_" for a blank cell, a
non-numeric token as written; "?" for a row whose figures cannot honestly be
placed in columns.  A row absent from a dict must be absent from the reading.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_tables_helpers import SHARED, findings_of, parse_text, read_shape  # noqa: E402

CORPUS = SHARED / "corpus"
pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not available")

Z7 = "0 0 0 0 0 0 0"


def _three(rows: str) -> dict:
    """"id: values" lines -> dict."""
    out = {}
    for line in rows.strip().splitlines():
        rid, vals = line.split(":", 1)
        out[rid.strip()] = vals.strip()
    return out


GUANTING = {
    "二": {"规章": "0 0 0", "行政规范性文件": "0 0 0", "行政许可": "0", "行政处罚": "0", "行政强制": "0"},
    "三": _three(f"""
        一: {Z7}
        二: {Z7}
        （一）: {Z7}
        （二）: {Z7}
        （三）1: {Z7}
        （三）2: _ 0 0 0 0 0 0
        （三）3: {Z7}
        （三）4: {Z7}
        （三）5: {Z7}
        （三）6: {Z7}
        （三）7: {Z7}
        （三）8: {Z7}
        （四）1: _ 0 0 0 0 0 0
        （四）2: _ 0 0 0 0 0 0
        （四）3: _ 0 0 0 0 0 0
        （五）1: {Z7}
        （五）2: {Z7}
        （五）3: {Z7}
        （五）4: _ 0 0 0 0 0 0
        （五）5: _ 0 0 0 0 0 0
        （六）1: {Z7}
        （六）2: _ 0 0 0 0 0 0
        （六）3: {Z7}
        （七）: _ _ _ 0 0 0 0
        四: _ _ 0 0 0 0 0
    """),
    "四": {"行政复议": "0 0 0 0 0", "未经复议直接起诉": "0 0 0 0 0", "复议后起诉": "0 0 0 0 0"},
}

SHANGHAI_GENERAL_OFFICE = {
    # 规章 and 行政规范性文件 print two of three figures in their pipe rows (the
    # 本年废止件数 cells, "22（其中修订 16 件）" and "55（含自然失效 29 件）", were
    # lifted out of the table by the conversion): which column is missing cannot be told.
    "二": {"规章": "?", "行政规范性文件": "?", "行政许可": "0", "行政处罚": "0", "行政强制": "0",
          "行政事业性收费": "0"},
    "三": _three(f"""
        一: 1259 36 0 0 0 0 1295
        二: 170 15 0 0 4 0 189
        （一）: 201 5 0 0 0 0 206
        （二）: 2 0 0 0 0 0 2
        （三）1: 4 0 0 0 0 0 4
        （三）2: {Z7}
        （三）3: 1 0 0 0 0 0 1
        （三）4: {Z7}
        （三）5: 8 0 0 0 1 0 9
        （三）6: 1 0 0 0 0 0 1
        （三）7: {Z7}
        （三）8: 5 0 0 0 0 0 5
        （四）1: 484 28 0 0 1 0 513
        （四）2: 47 1 0 0 0 0 48
        （四）3: 3 0 0 0 0 0 3
        （五）1: 61 1 0 0 0 0 62
        （五）2: 16 0 0 0 0 0 16
        （五）3: 1 0 0 0 0 0 1
        （五）4: 1 0 0 0 0 0 1
        （五）5: {Z7}
        （六）1: 40 1 0 0 2 0 43
        （六）2: {Z7}
        （六）3: 264 12 0 0 0 0 276
        （七）: 1139 48 0 0 4 0 1191
        四: 290 3 0 0 0 0 293
    """),
    "四": {"行政复议": "40 0 10 5 55", "未经复议直接起诉": "2 0 4 6 12", "复议后起诉": "6 0 9 7 22"},
}

SHANGHAI_SCIENCE = {
    "二": {"规章": "0 0 0", "行政规范性文件": "13 0 55", "行政许可": "97", "行政处罚": "0", "行政强制": "0",
          "行政事业性收费": "0"},
    "三": _three(f"""
        一: 32 2 0 0 0 0 34
        二: 2 0 0 0 0 0 2
        （一）: 9 0 0 0 0 0 9
        （二）: {Z7}
        （三）1: {Z7}
        （三）2: {Z7}
        （三）3: {Z7}
        （三）4: {Z7}
        （三）5: 1 0 0 0 0 0 1
        （三）6: 1 0 0 0 0 0 1
        （三）7: {Z7}
        （三）8: {Z7}
        （四）1: 4 0 0 0 0 0 4
        （四）2: 6 0 0 0 0 0 6
        （四）3: {Z7}
        （五）1: {Z7}
        （五）2: {Z7}
        （五）3: {Z7}
        （五）4: {Z7}
        （五）5: {Z7}
        （六）1: 8 2 0 0 0 0 10
        （六）2: {Z7}
        （六）3: 4 0 0 0 0 0 4
        （七）: 33 2 0 0 0 0 35
        四: 1 0 0 0 0 0 _
    """),
    "四": {"行政复议": "1 0 0 0 1", "未经复议直接起诉": "0 0 0 0 0", "复议后起诉": "0 0 0 0 0"},
}

SHUYANG = {
    "二": {"规章": "0 0 0", "行政规范性文件": "6 1 32", "行政许可": "517645", "行政处罚": "693957",
          "行政强制": "2154", "行政事业性收费": "4068.208"},
    "三": _three(f"""
        一: 705 3 0 0 5 0 713
        二: 36 0 0 0 0 0 36
        （一）: 290 1 0 0 3 0 294
        （二）: 99 0 0 0 2 0 101
        （三）1: {Z7}
        （三）2: {Z7}
        （三）3: 2 0 0 0 0 0 2
        （三）4: 2 0 0 0 0 0 2
        （三）5: 13 0 0 0 0 0 13
        （三）6: 2 0 0 0 0 0 2
        （三）7: 4 0 0 0 0 0 4
        （三）8: 9 0 0 0 0 0 9
        （四）1: 111 0 0 0 0 0 111
        （四）2: 2 0 0 0 0 0 2
        （四）3: {Z7}
        （五）1: 12 0 0 0 0 0 12
        （五）2: 6 1 0 0 0 0 7
        （五）3: {Z7}
        （五）4: {Z7}
        （五）5: {Z7}
        （六）1: 9 0 0 0 0 0 9
        （六）2: 7 0 0 0 0 0 7
        （六）3: 142 1 0 0 0 0 143
        （七）: 710 3 0 0 5 0 718
        四: 31 0 0 0 0 0 31
    """),
    "四": {"行政复议": "27 10 9 15 61", "未经复议直接起诉": "3 0 0 0 3", "复议后起诉": "8 0 1 1 10"},
}

HUAIAN_THREE = _three(f"""
    一: 3001 53 0 0 61 4 3119
    二: 34 0 0 0 0 0 34
    （一）: 1288 21 0 0 50 3 1362
    （二）: 447 7 0 0 0 0 454
    （三）1: 2 0 0 0 0 0 2
    （三）2: 30 1 0 0 0 0 31
    （三）3: 5 0 0 0 0 0 5
    （三）4: 6 0 0 0 0 0 6
    （三）5: 7 1 0 0 0 0 8
    （三）6: 12 0 0 0 0 0 12
    （三）7: 9 0 0 0 0 0 9
    （三）8: 105 0 0 0 0 0 105
    （四）1: 746 12 0 0 10 1 769
    （四）2: 11 0 0 0 0 0 11
    （四）3: 1 0 0 0 0 0 1
    （五）1: 56 6 0 0 0 0 62
    （五）2: 25 0 0 0 0 0 25
    （五）3: {Z7}
    （五）4: {Z7}
    （五）5: 1 0 0 0 0 0 1
    （六）1: 67 3 0 0 1 0 71
    （六）2: 6 0 0 0 0 0 6
    （六）3: 108 2 0 0 0 0 110
    （七）: 2932 53 0 0 61 4 3050
    四: 103 0 0 0 0 0 103
""")

HUAIAN_CITY = {
    "二": {"规章": "1 0 11", "行政规范性文件": "8 26 66", "行政许可": "447228", "行政处罚": "3985758",
          "行政强制": "88283", "行政事业性收费": "96171.6"},
    "三": HUAIAN_THREE,
    "四": {"行政复议": "72 64 178 37 351", "未经复议直接起诉": "13 4 8 1 26", "复议后起诉": "12 1 1 6 20"},
}

# the excerpt starts in the middle of table 二 and stops after （四）1
HUAIAN_EXCERPT = {
    "二": {"行政处罚": "3985758", "行政强制": "88283", "行政事业性收费": "96171.6"},
    "三": {k: v for k, v in HUAIAN_THREE.items() if k in (
        "一", "二", "（一）", "（二）", "（三）1", "（三）2", "（三）3", "（三）4", "（三）5", "（三）6",
        "（三）7", "（三）8", "（四）1")},
    "四": {},
}

# 洪泽区 uses the 2019 layout of table 三: one row （六）其他处理, no sub-rows
HONGZE_2023 = {
    "二": {"规章": "0 0 0", "行政规范性文件": "0 5 5", "行政许可": "550", "行政处罚": "4119", "行政强制": "195",
          "行政事业性收费": "7730.28"},
    "三": _three(f"""
        一: 21 0 0 0 0 0 21
        二: {Z7}
        （一）: {Z7}
        （二）: 4 0 0 0 0 0 4
        （三）1: 1 0 0 0 0 0 1
        （三）2: {Z7}
        （三）3: {Z7}
        （三）4: {Z7}
        （三）5: {Z7}
        （三）6: 1 0 0 0 0 0 1
        （三）7: 1 0 0 0 0 0 1
        （三）8: {Z7}
        （四）1: 10 0 0 0 0 0 10
        （四）2: 3 0 0 0 0 0 3
        （四）3: {Z7}
        （五）1: 1 0 0 0 0 0 1
        （五）2: {Z7}
        （五）3: {Z7}
        （五）4: {Z7}
        （五）5: {Z7}
        （六）: {Z7}
        （七）: 21 0 0 0 0 0 21
        四: {Z7}
    """),
    # as printed: 总计 0 over 10 + 1 (行政复议) and over 5 (复议后起诉)
    "四": {"行政复议": "10 1 0 0 0", "未经复议直接起诉": "0 0 0 0 0", "复议后起诉": "5 0 0 0 0"},
}

HONGZE_2024 = {
    "二": {"规章": "0 0 0", "行政规范性文件": "3 0 8", "行政许可": "9487", "行政处罚": "2776", "行政强制": "84",
          "行政事业性收费": "7545"},
    "三": _three(f"""
        一: 95 0 0 0 0 0 95
        二: {Z7}
        （一）: 50 0 0 0 0 0 50
        （二）: 9 0 0 0 0 0 9
        （三）1: {Z7}
        （三）2: {Z7}
        （三）3: 1 0 0 0 0 0 1
        （三）4: {Z7}
        （三）5: {Z7}
        （三）6: 1 0 0 0 0 0 1
        （三）7: 1 0 0 0 0 0 1
        （三）8: {Z7}
        （四）1: 31 0 0 0 0 0 31
        （四）2: 1 0 0 0 0 0 1
        （四）3: {Z7}
        （五）1: 1 0 0 0 0 0 1
        （五）2: {Z7}
        （五）3: {Z7}
        （五）4: {Z7}
        （五）5: {Z7}
        （六）: {Z7}
        （七）: 95 0 0 0 0 0 95
        四: {Z7}
    """),
    "四": {"行政复议": "1 1 0 0 2", "未经复议直接起诉": "1 0 0 0 1", "复议后起诉": "2 0 1 0 3"},
}

TEXT_REPORTS = {
    "guanting-town-2024.txt": GUANTING,
    "shanghai-general-office-2025.md": SHANGHAI_GENERAL_OFFICE,
    "shanghai-science-commission-2024.md": SHANGHAI_SCIENCE,
    "shuyang-county-2025-ocr.txt": SHUYANG,
    "huaian-city-2024-section3-excerpt.txt": HUAIAN_EXCERPT,
}
PDF_REPORTS = {
    "huaian-city-2024.pdf": HUAIAN_CITY,
    "huaian-hongze-district-2023.pdf": HONGZE_2023,
    "huaian-hongze-district-2024.pdf": HONGZE_2024,
}


def _pdf_text(name: str) -> str:
    pdfplumber = pytest.importorskip("pdfplumber")
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{name} is not available")
    with pdfplumber.open(str(path)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _report(name: str):
    if name.endswith(".pdf"):
        return parse_text(_pdf_text(name), name[:-4] + ".txt")
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{name} is not available")
    return parse_text(path.read_text(encoding="utf-8"), name)


CASES = [(n, t) for n, exp in {**TEXT_REPORTS, **PDF_REPORTS}.items() for t in exp]


@pytest.mark.parametrize("name,table", CASES, ids=[f"{n}-表{t}" for n, t in CASES])
def test_every_cell(name, table):
    expected = {**TEXT_REPORTS, **PDF_REPORTS}[name][table]
    got = read_shape(_report(name), table)
    assert got == expected


def _codes(name, prefix="NB2"):
    report_text = _pdf_text(name) if name.endswith(".pdf") else (CORPUS / name).read_text(encoding="utf-8")
    path = name[:-4] + ".txt" if name.endswith(".pdf") else name
    return sorted((f.start.line, f.start.column, f.rule) for f in findings_of(report_text, path)
                  if f.rule.startswith(prefix))


def test_guanting_findings_are_what_a_reviewer_finds():
    if not (CORPUS / "guanting-town-2024.txt").exists():
        pytest.skip("guanting is not available")
    got = _codes("guanting-town-2024.txt")
    assert got == sorted([
        (25, 3, "NB201"),  # 第二十条第（八）项: no 行政事业性收费 row, no amount
        (39, 28, "NB204"),  # （三）2 自然人
        (47, 19, "NB204"),  # （四）1 自然人
        (48, 26, "NB204"),  # （四）2 自然人
        (49, 17, "NB204"),  # （四）3 自然人
        (53, 17, "NB204"),  # （五）4 自然人
        (54, 25, "NB204"),  # （五）5 自然人
        (58, 41, "NB204"),  # （六）2 自然人
        (60, 12, "NB204"), (60, 13, "NB204"), (60, 14, "NB204"),  # （七）总计 自然人 商业企业 科研机构
        (61, 18, "NB204"), (61, 19, "NB204"),  # 四、结转下年度继续办理 自然人 商业企业
    ])


def test_guanting_blank_cells_name_their_template_cell():
    text = (CORPUS / "guanting-town-2024.txt").read_text(encoding="utf-8")
    cells = sorted((f.cell.row, f.cell.column) for f in findings_of(text, "guanting.txt") if f.rule == "NB204")
    assert ("（七）总计", "自然人") in cells
    assert ("（七）总计", "商业企业") in cells
    assert ("（七）总计", "科研机构") in cells
    assert ("四、结转下年度继续办理", "自然人") in cells
    assert ("四、结转下年度继续办理", "商业企业") in cells
    assert ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "自然人") not in cells
    assert ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "自然人") in cells


def test_guanting_missing_fee_row_points_at_its_caption():
    text = (CORPUS / "guanting-town-2024.txt").read_text(encoding="utf-8")
    f = next(f for f in findings_of(text, "guanting.txt") if f.rule == "NB201")
    assert "第二十条第（八）项" in f.message and "行政事业性收费" in f.message
    assert "十条第(八)项" in f.source


def test_hongze_2023_table_four_totals():
    got = _codes("huaian-hongze-district-2023.pdf")
    rules = [r for _l, _c, r in got]
    assert rules.count("NB214") == 2  # 行政复议 0 ≠ 10 + 1; 复议后起诉 0 ≠ 5
    assert rules.count("NB202") == 1  # single-row （六）其他处理
    assert set(rules) == {"NB214", "NB202"}


def test_hongze_2024_only_the_old_layout():
    assert [r for _l, _c, r in _codes("huaian-hongze-district-2024.pdf")] == ["NB202"]


def test_huaian_city_is_clean():
    assert _codes("huaian-city-2024.pdf") == []


def test_shuyang_is_clean():
    assert _codes("shuyang-county-2025-ocr.txt") == []


def test_shanghai_science_blank_total_of_carry_over():
    assert [r for _l, _c, r in _codes("shanghai-science-commission-2024.md")] == ["NB204"]


def test_shanghai_general_office_says_which_rows_it_did_not_check():
    got = _codes("shanghai-general-office-2025.md")
    assert got == [(97, 3, "NB205"), (100, 3, "NB205")]
