"""汇总.xlsx: 概览 (one row per file), 问题清单 (one row per finding), 数据
(every value of tables 二, 三, 四 of every report).  Written row by row
(openpyxl write-only mode), so a big batch never sits in memory."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from .common import SEVERITY_CN, location, where_text
from .record import BLANK, NUMBER

OVERVIEW = ("序号", "文件", "格式", "机关", "机关识别自", "层级", "年度", "年度识别自", "上级", "状态",
            "错误", "警告", "提示", "原因", "整改清单")
OVERVIEW_W = (6, 40, 8, 30, 10, 12, 7, 10, 20, 9, 6, 6, 6, 40, 30)
FINDINGS = ("序号", "机关", "文件", "规则", "名称", "级别", "页", "行", "表", "表中行", "表中列", "位置", "问题", "如何修改")
FINDINGS_W = (6, 28, 36, 8, 20, 6, 5, 6, 5, 28, 18, 30, 60, 40)
DATA_FIXED = ("序号", "文件", "机关", "年度")
#: how a blank cell of the report is written in 数据 (a text, never 0)
BLANK_TEXT = "（空白）"


def cell_value(v):
    """The XLSX value of one reading: a number, "（空白）", the text written, or None (not read)."""
    if v is None:
        return None
    kind, text, number = v
    if kind == NUMBER:
        return number
    if kind == BLANK:
        return BLANK_TEXT
    return text


class Workbook3:
    def __init__(self, columns: list):
        self.wb = Workbook(write_only=True)
        self.columns = columns
        self.sheets = {}
        self.rows = {}
        data_head = DATA_FIXED + tuple(name for name, *_ in columns)
        data_w = (6, 36, 28, 7) + tuple(14 for _ in columns)
        for title, head, widths in (("概览", OVERVIEW, OVERVIEW_W), ("问题清单", FINDINGS, FINDINGS_W),
                                    ("数据", data_head, data_w)):
            ws = self.wb.create_sheet(title)
            ws.freeze_panes = "A2" if title != "数据" else "E2"
            for i, w in enumerate(widths, 1):
                ws.column_dimensions[get_column_letter(i)].width = w
            ws.append(list(head))
            self.sheets[title] = ws
            self.rows[title] = 1

    def _append(self, title: str, row: list) -> None:
        self.sheets[title].append(row)
        self.rows[title] += 1

    def overview(self, it, fmt: str = "") -> None:
        self._append("概览", [it.n, it.path, it.format or fmt, it.agency, it.agency_source, it.level,
                            it.year or None, it.year_source, it.parent, it.status, it.counts["error"],
                            it.counts["warning"], it.counts["info"], it.reason, it.rectification])

    def missing(self, m) -> None:
        self._append("概览", [None, m.file, "", m.agency, "名单", m.level, None, "", m.parent, "未提交",
                            0, 0, 0, "单位名单中有此单位，但没有收到其报告", ""])

    def findings(self, it, findings, fixes: dict) -> None:
        for f in findings:
            loc = location(f)
            self._append("问题清单", [it.n, it.agency, it.path, f.rule, f.name, SEVERITY_CN[f.severity],
                                   loc["page"], loc["line"], loc["table"], loc["row"], loc["cell_column"],
                                   where_text(f), f.message, fixes.get(f.rule, "")])

    def data(self, it, record) -> None:
        row = [it.n, it.path, it.agency, it.year or None]
        row.extend(cell_value(record.data.get(name)) for name, *_ in self.columns)
        self._append("数据", row)

    def save(self, path: str) -> None:
        for title, ws in self.sheets.items():
            ncols = len(OVERVIEW) if title == "概览" else len(FINDINGS) if title == "问题清单" else \
                len(DATA_FIXED) + len(self.columns)
            ws.auto_filter.ref = f"A1:{get_column_letter(ncols)}{max(1, self.rows[title])}"
        self.wb.save(path)
