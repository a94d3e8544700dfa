"""Helpers and expected values for the PDF/DOCX/HTML loader tests (and the
format benchmark, which loads this file by path).

The expected figures of the real reports were read by eye from the rendered
pages of ../shared/corpus/*.pdf; they are test data, not part of nianbao.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
FORMATS = ROOT / "corpus" / "formats"

HEADINGS = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)


def cells(line) -> list:
    """The cell texts of a grid line."""
    return [line.text[a:b] for a, b in line.cells]


def grid_rows(doc) -> list:
    return [cells(ln) for ln in doc.lines if ln.cells is not None]


def free_lines(doc) -> list:
    return [ln.text for ln in doc.lines if ln.cells is None]


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s or "")


def find_row(rows, label: str):
    """The first row with a cell equal to ``label`` (whitespace ignored)."""
    want = _norm(label)
    for row in rows:
        if any(_norm(c) == want for c in row):
            return row
    return None


def t3(rows, label: str):
    """The seven cells of a table-三 row: those right after its label (a row may be
    padded with empty cells to the table's widest row)."""
    row = find_row(rows, label)
    if row is None:
        return None
    cells = [_norm(c) for c in row]
    k = cells.index(_norm(label))
    vals = cells[k + 1:]
    while len(vals) > 7 and not vals[0]:
        vals.pop(0)  # PDF: the columns a label spans are empty cells after it
    return vals[:7]


def t4(rows):
    """The fifteen numbers of table 四: the first row of 15 number cells."""
    for row in rows:
        vals = [_norm(c) for c in row]
        while vals and not vals[-1]:
            vals.pop()  # padding to the widest row
        if len(vals) == 15 and all(re.fullmatch(r"\d+", v) for v in vals):
            return vals
    return None


def t2(rows, label: str, n: int = 1):
    """The first ``n`` non-empty cells after a table-二 label."""
    row = find_row(rows, label)
    if row is None:
        return None
    k = [_norm(c) for c in row].index(_norm(label))
    return [_norm(c) for c in row[k + 1:] if _norm(c)][:n]


def _z(n):
    return ["0"] * n


def _r(*v):
    return [str(x) for x in v]


# -- expected tables of the real reports (read from the rendered pages) --------

T3_ROWS_2021 = (
    "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量",
    "（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
    "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
    "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
    "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
)

EXPECTED = {
    "huaian-city-2024.pdf": {
        "pages": 6,
        "t2": {"规章": _r(1, 0, 11), "行政规范性文件": _r(8, 26, 66), "行政许可": ["447228"],
               "行政处罚": ["3985758"], "行政强制": ["88283"], "行政事业性收费": ["96171.6"]},
        "t3": dict(zip(T3_ROWS_2021, [
            _r(3001, 53, 0, 0, 61, 4, 3119), _r(34, 0, 0, 0, 0, 0, 34),
            _r(1288, 21, 0, 0, 50, 3, 1362), _r(447, 7, 0, 0, 0, 0, 454),
            _r(2, 0, 0, 0, 0, 0, 2), _r(30, 1, 0, 0, 0, 0, 31), _r(5, 0, 0, 0, 0, 0, 5),
            _r(6, 0, 0, 0, 0, 0, 6), _r(7, 1, 0, 0, 0, 0, 8), _r(12, 0, 0, 0, 0, 0, 12),
            _r(9, 0, 0, 0, 0, 0, 9), _r(105, 0, 0, 0, 0, 0, 105),
            _r(746, 12, 0, 0, 10, 1, 769), _r(11, 0, 0, 0, 0, 0, 11), _r(1, 0, 0, 0, 0, 0, 1),
            _r(56, 6, 0, 0, 0, 0, 62), _r(25, 0, 0, 0, 0, 0, 25), _z(7), _z(7),
            _r(1, 0, 0, 0, 0, 0, 1),
        ])) | {
            "1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请": _r(67, 3, 0, 0, 1, 0, 71),
            "2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请": _r(6, 0, 0, 0, 0, 0, 6),
            "3、其他": _r(108, 2, 0, 0, 0, 0, 110),
            "（七）总计": _r(2932, 53, 0, 0, 61, 4, 3050),
            "四、结转下年度继续办理": _r(103, 0, 0, 0, 0, 0, 103),
        },
        "t4": _r(72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20),
    },
    "huaian-hongze-district-2023.pdf": {
        "pages": 5,
        "t2": {"规章": _z(3), "行政规范性文件": _r(0, 5, 5), "行政许可": ["550"],
               "行政处罚": ["4119"], "行政强制": ["195"], "行政事业性收费": ["7730.28"]},
        # the report itself misspells 2.其他法律行政法规禁止公开
        "t3": dict(zip([lbl.replace("2.其他法律行政法规禁止公开", "2.其他法律行政止公开")
                        for lbl in T3_ROWS_2021], [
            _r(21, 0, 0, 0, 0, 0, 21), _z(7), _z(7), _r(4, 0, 0, 0, 0, 0, 4),
            _r(1, 0, 0, 0, 0, 0, 1), _z(7), _z(7), _z(7), _z(7), _r(1, 0, 0, 0, 0, 0, 1),
            _r(1, 0, 0, 0, 0, 0, 1), _z(7),
            _r(10, 0, 0, 0, 0, 0, 10), _r(3, 0, 0, 0, 0, 0, 3), _z(7),
            _r(1, 0, 0, 0, 0, 0, 1), _z(7), _z(7), _z(7), _z(7),
        ])) | {
            "（六）其他处理": _z(7),  # old single-row form
            "（七）总计": _r(21, 0, 0, 0, 0, 0, 21),
            "四、结转下年度继续办理": _z(7),
        },
        "t4": _r(10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0),
    },
    "huaian-hongze-district-2024.pdf": {
        "pages": 5,
        "t2": {"规章": _z(3), "行政规范性文件": _r(3, 0, 8), "行政许可": ["9487"],
               "行政处罚": ["2776"], "行政强制": ["84"], "行政事业性收费": ["7545"]},
        "t3": dict(zip([lbl.replace("2.其他法律行政法规禁止公开", "2.其他法律行政止公开")
                        for lbl in T3_ROWS_2021], [
            _r(95, 0, 0, 0, 0, 0, 95), _z(7), _r(50, 0, 0, 0, 0, 0, 50), _r(9, 0, 0, 0, 0, 0, 9),
            _z(7), _z(7), _r(1, 0, 0, 0, 0, 0, 1), _z(7), _z(7), _r(1, 0, 0, 0, 0, 0, 1),
            _r(1, 0, 0, 0, 0, 0, 1), _z(7),
            _r(31, 0, 0, 0, 0, 0, 31), _r(1, 0, 0, 0, 0, 0, 1), _z(7),
            _r(1, 0, 0, 0, 0, 0, 1), _z(7), _z(7), _z(7), _z(7),
        ])) | {
            "（六）其他处理": _z(7),
            "（七）总计": _r(95, 0, 0, 0, 0, 0, 95),
            "四、结转下年度继续办理": _z(7),
        },
        "t4": _r(1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3),
    },
}


def score(rows, expected: dict) -> tuple:
    """(cells right, cells expected) of tables 二/三/四 in ``rows``."""
    right = total = 0
    for label, want in expected["t2"].items():
        got = t2(rows, label, len(want)) or []
        total += len(want)
        right += sum(1 for a, b in zip(got, want) if a == b)
    for label, want in expected["t3"].items():
        got = t3(rows, label) or []
        total += len(want)
        right += sum(1 for a, b in zip(got, want) if a == b)
    got = t4(rows) or []
    total += 15
    right += sum(1 for a, b in zip(got, expected["t4"]) if a == b)
    return right, total


# -- the generated samples ---------------------------------------------------------

#: table 三 of the clean sample: label -> seven numbers
SAMPLE_T3 = {
    "一、本年新收政府信息公开申请数量": _r(84, 8, 0, 0, 1, 1, 94),
    "二、上年结转政府信息公开申请数量": _r(4, 0, 0, 0, 0, 0, 4),
    "（一）予以公开": _r(40, 3, 0, 0, 1, 0, 44),
    "1.本机关不掌握相关政府信息": _r(12, 2, 0, 0, 0, 1, 15),
    "3.其他": _r(1, 0, 0, 0, 0, 0, 1),
    "（七）总计": _r(83, 7, 0, 0, 1, 1, 92),
    "四、结转下年度继续办理": _r(5, 1, 0, 0, 0, 0, 6),
}
SAMPLE_T4 = _r(2, 1, 0, 1, 4, 1, 0, 0, 1, 2, 0, 0, 1, 0, 1)
SAMPLE_T2 = {"规章": _r(0, 0, 2), "行政规范性文件": _r(5, 2, 31), "行政许可": ["1260"],
             "行政处罚": ["356"], "行政强制": ["12"], "行政事业性收费": ["85.6"]}
SAMPLE_TITLE = "某某县人民政府2024年政府信息公开工作年度报告"
