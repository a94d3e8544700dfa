"""汇总.xlsx: 概览 (one row per file), 问题清单 (one row per finding), 数据
(every value of tables 二, 三, 四 of every report).

Written as SpreadsheetML directly, row by row into part files that are zipped
at the end: a big batch never sits in memory, the workbook costs a small
fraction of the checking, and the bytes never depend on the clock.  Excel,
WPS, LibreOffice and openpyxl read it as any .xlsx (header row frozen,
autofilter on, column widths set, numbers stored as numbers).
"""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from functools import lru_cache
from xml.sax.saxutils import escape

from .common import SEVERITY_CN, location
from .record import BLANK, NUMBER

OVERVIEW = ("序号", "文件", "格式", "机关", "机关识别自", "层级", "年度", "年度识别自", "上级", "状态",
            "错误", "警告", "提示", "原因", "整改清单")
OVERVIEW_W = (6, 40, 8, 30, 10, 12, 7, 10, 20, 9, 6, 6, 6, 40, 30)
FINDINGS = ("序号", "机关", "文件", "规则", "名称", "级别", "页", "行", "表", "表中行", "表中列", "位置", "问题", "如何修改")
FINDINGS_W = (6, 28, 36, 8, 20, 6, 5, 6, 5, 28, 18, 30, 60, 40)
DATA_FIXED = ("序号", "文件", "机关", "年度")
#: how a blank cell of the report is written in 数据 (a text, never 0)
BLANK_TEXT = "（空白）"

_FIXED_TIME = (2000, 1, 1, 0, 0, 0)
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_STYLES = _HEAD + (
    f'<styleSheet xmlns="{_MAIN}"><fonts count="2"><font><sz val="11"/><name val="等线"/></font>'
    '<font><b/><sz val="11"/><name val="等线"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def col_letter(i: int) -> str:
    """1 -> A, 27 -> AA."""
    s = ""
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def cell_value(v):
    """The value of one reading in 数据: a number, "（空白）", the text written, or None (not read)."""
    if v is None:
        return None
    kind, text, number = v
    if kind == NUMBER:
        return number
    if kind == BLANK:
        return BLANK_TEXT
    return text


#: stands for the row number in cells rendered before the row is known (never in XML text)
ROW = "\x00"


def cells_xml(letters, values, style: int = 0) -> str:
    """``<c>`` elements for ``values`` in the columns ``letters`` (empty values
    written as no cell); the row number is left as :data:`ROW`."""
    s = f' s="{style}"' if style else ""
    out = []
    for letter, v in zip(letters, values):
        if v is None or v == "":
            continue
        if isinstance(v, bool):
            v = str(v)
        if isinstance(v, (int, float)):
            out.append(f'<c r="{letter}{ROW}"{s}><v>{v!r}</v></c>')
        else:
            text = _XML_BAD.sub("", str(v))
            space = ' xml:space="preserve"' if text != text.strip() else ""
            out.append(f'<c r="{letter}{ROW}"{s} t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>')
    return "".join(out)


@lru_cache(maxsize=64)
def _letters(first: int, n: int) -> tuple:
    return tuple(col_letter(i) for i in range(first, first + n))


def finding_cells(findings, fixes: dict, locs=None) -> list:
    """Per finding, its 问题清单 cells from column D (rule) on: they do not depend on
    who wrote the report, so a worker renders them."""
    letters = _letters(4, len(FINDINGS) - 3)
    out = []
    for f, loc in zip(findings, locs or [location(f) for f in findings]):
        out.append(cells_xml(letters, [f.rule, f.name, SEVERITY_CN[f.severity], loc["page"], loc["line"],
                                       loc["table"], loc["row"], loc["cell_column"], loc["where"], f.message,
                                       fixes.get(f.rule, "")]))
    return out


def _text_cell(letter: str, text: str) -> str:
    text = _XML_BAD.sub("", text)
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<c r="{letter}{ROW}" t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>'


def data_cells(record, columns: list) -> str:
    """The 数据 cells of one report from column E on (every template cell read)."""
    get = record.data.get
    out = []
    for (name, *_r), letter in zip(columns, _letters(len(DATA_FIXED) + 1, len(columns))):
        v = get(name)
        if v is None:
            continue
        kind, text, number = v
        if kind == NUMBER:
            out.append(f'<c r="{letter}{ROW}"><v>{number!r}</v></c>')
        else:
            out.append(_text_cell(letter, BLANK_TEXT if kind == BLANK else text))
    return "".join(out)


class _Sheet:
    def __init__(self, folder: str, index: int, title: str, head: tuple, widths: tuple, freeze: str):
        self.title, self.head, self.widths, self.freeze = title, head, widths, freeze
        self.letters = [col_letter(i) for i in range(1, len(head) + 1)]
        self.part = os.path.join(folder, f".sheet{index}.part")
        self.fh = open(self.part, "w", encoding="utf-8", buffering=1 << 20)
        self.rows = 0
        self.append(list(head), style=1)

    def append(self, values, style: int = 0, tail: str = "") -> None:
        """One row: ``values`` from column A, then ``tail`` (cells rendered by
        :func:`cells_xml` with the row number left as ``ROW``)."""
        self.rows += 1
        r = str(self.rows)
        head = cells_xml(self.letters, values, style).replace(ROW, r)
        self.fh.write(f'<row r="{r}">{head}{tail.replace(ROW, r) if tail else ""}</row>')

    def head_xml(self) -> str:
        col, row = re.match(r"([A-Z]+)(\d+)", self.freeze).groups()
        xs, ys = col_letter_index(col) - 1, int(row) - 1
        name = "bottomRight" if xs else "bottomLeft"
        xsplit = f' xSplit="{xs}"' if xs else ""
        pane = (f'<pane{xsplit} ySplit="{ys}" topLeftCell="{self.freeze}" activePane="{name}" state="frozen"/>'
                f'<selection pane="{name}"/>')
        cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
                       for i, w in enumerate(self.widths, 1))
        selected = ' tabSelected="1"' if self.title == "概览" else ""
        return (_HEAD + f'<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}"><sheetViews><sheetView{selected} '
                f'workbookViewId="0">{pane}</sheetView></sheetViews>'
                f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>')

    def ref(self) -> str:
        return f"A1:{self.letters[-1]}{self.rows}"

    def tail_xml(self) -> str:
        return f'</sheetData><autoFilter ref="{self.ref()}"/></worksheet>'


def col_letter_index(col: str) -> int:
    n = 0
    for ch in col:
        n = n * 26 + ord(ch) - 64
    return n


class Workbook3:
    def __init__(self, folder: str, columns: list):
        self.folder = folder
        self.columns = columns
        data_head = DATA_FIXED + tuple(name for name, *_ in columns)
        data_w = (6, 36, 28, 7) + tuple(14 for _ in columns)
        self.sheets = [_Sheet(folder, 1, "概览", OVERVIEW, OVERVIEW_W, "A2"),
                       _Sheet(folder, 2, "问题清单", FINDINGS, FINDINGS_W, "A2"),
                       _Sheet(folder, 3, "数据", data_head, data_w, "E2")]
        self.overview_sheet, self.findings_sheet, self.data_sheet = self.sheets

    def overview(self, it) -> None:
        self.overview_sheet.append([it.n, it.path, it.format, it.agency, it.agency_source, it.level,
                                    it.year or None, it.year_source, it.parent, it.status, it.counts["error"],
                                    it.counts["warning"], it.counts["info"], it.reason, it.rectification])

    def missing(self, m) -> None:
        self.overview_sheet.append([None, m.file, "", m.agency, "名单", m.level, None, "", m.parent, "未提交",
                                    0, 0, 0, "单位名单中有此单位，但没有收到其报告", ""])

    def findings(self, it, rendered: list) -> None:
        """Rows of 问题清单 for one report (``rendered``: :func:`finding_cells`)."""
        for tail in rendered:
            self.findings_sheet.append([it.n, it.agency, it.path], tail=tail)

    def data(self, it, rendered: str) -> None:
        """The 数据 row of one report (``rendered``: :func:`data_cells`)."""
        self.data_sheet.append([it.n, it.path, it.agency, it.year or None], tail=rendered)

    def save(self, path: str) -> None:
        n = len(self.sheets)
        ctypes = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                         'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, n + 1))
        content_types = _HEAD + (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            + ctypes + "</Types>")
        root_rels = _HEAD + (f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
                             f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        wb_rels = _HEAD + (f'<Relationships xmlns="{_PKG_REL}">' + "".join(
            f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, n + 1)) + f'<Relationship Id="rId{n + 1}" Type="{_REL}/styles" '
            'Target="styles.xml"/></Relationships>')
        sheets = "".join(f'<sheet name="{s.title}" sheetId="{i}" r:id="rId{i}"/>'
                         for i, s in enumerate(self.sheets, 1))
        names = "".join(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
                        f"'{s.title}'!$A$1:${s.letters[-1]}${s.rows}</definedName>"
                        for i, s in enumerate(self.sheets))
        workbook = _HEAD + (f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><bookViews><workbookView/></bookViews>'
                            f"<sheets>{sheets}</sheets><definedNames>{names}</definedNames></workbook>")
        for s in self.sheets:
            s.fh.close()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            def put(name: str, text: str) -> None:
                z.writestr(_info(name), text.encode("utf-8"))
            put("[Content_Types].xml", content_types)
            put("_rels/.rels", root_rels)
            put("xl/workbook.xml", workbook)
            put("xl/_rels/workbook.xml.rels", wb_rels)
            put("xl/styles.xml", _STYLES)
            for i, s in enumerate(self.sheets, 1):
                with z.open(_info(f"xl/worksheets/sheet{i}.xml"), "w") as out:
                    out.write(s.head_xml().encode("utf-8"))
                    with open(s.part, "rb") as fh:
                        shutil.copyfileobj(fh, out, 1 << 20)
                    out.write(s.tail_xml().encode("utf-8"))
        for s in self.sheets:
            os.remove(s.part)


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, _FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info
