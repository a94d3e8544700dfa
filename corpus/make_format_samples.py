#!/usr/bin/env python3
"""Generate the DOCX, PDF and HTML samples in corpus/formats/.

Each format gets a CLEAN report (six canonical headings, tables 二/三/四
complete and consistent) and a BROKEN one with three known defects (see
corpus/formats/README.md).  The report is invented: agency, text and figures.

    python corpus/make_format_samples.py            # writes corpus/formats/*
    python corpus/make_format_samples.py --out DIR  # somewhere else
    python corpus/make_format_samples.py --data report.json

``--data`` takes a JSON object with the same keys as REPORT below (any key
left out keeps the built-in value), so other reports can be rendered too.

Needs python-docx and reportlab (pip install reportlab).  Output is
deterministic: fixed document dates and IDs, zip entries with a fixed
timestamp, so re-running gives identical bytes.
"""

from __future__ import annotations

import argparse
import copy
import datetime as _dt
import io
import json
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

# -- the report ----------------------------------------------------------------

COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]

#: table 三 result rows: (group label or "", item label, six applicant columns)
RESULTS = [
    ("", "（一）予以公开", [40, 3, 0, 0, 1, 0]),
    ("", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [8, 1, 0, 0, 0, 0]),
    ("（三）不予公开", "1.属于国家秘密", [0, 0, 0, 0, 0, 0]),
    ("（三）不予公开", "2.其他法律行政法规禁止公开", [1, 0, 0, 0, 0, 0]),
    ("（三）不予公开", "3.危及“三安全一稳定”", [0, 0, 0, 0, 0, 0]),
    ("（三）不予公开", "4.保护第三方合法权益", [2, 0, 0, 0, 0, 0]),
    ("（三）不予公开", "5.属于三类内部事务信息", [0, 0, 0, 0, 0, 0]),
    ("（三）不予公开", "6.属于四类过程性信息", [3, 1, 0, 0, 0, 0]),
    ("（三）不予公开", "7.属于行政执法案卷", [1, 0, 0, 0, 0, 0]),
    ("（三）不予公开", "8.属于行政查询事项", [2, 0, 0, 0, 0, 0]),
    ("（四）无法提供", "1.本机关不掌握相关政府信息", [12, 2, 0, 0, 0, 1]),
    ("（四）无法提供", "2.没有现成信息需要另行制作", [3, 0, 0, 0, 0, 0]),
    ("（四）无法提供", "3.补正后申请内容仍不明确", [1, 0, 0, 0, 0, 0]),
    ("（五）不予处理", "1.信访举报投诉类申请", [4, 0, 0, 0, 0, 0]),
    ("（五）不予处理", "2.重复申请", [2, 0, 0, 0, 0, 0]),
    ("（五）不予处理", "3.要求提供公开出版物", [0, 0, 0, 0, 0, 0]),
    ("（五）不予处理", "4.无正当理由大量反复申请", [0, 0, 0, 0, 0, 0]),
    ("（五）不予处理", "5.要求行政机关确认或重新出具已获取信息", [1, 0, 0, 0, 0, 0]),
    ("（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", [2, 0, 0, 0, 0, 0]),
    ("（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", [0, 0, 0, 0, 0, 0]),
    ("（六）其他处理", "3.其他", [1, 0, 0, 0, 0, 0]),
]

REPORT = {
    "agency": "某某县人民政府",
    "office": "某某县人民政府办公室",
    "year": 2024,
    "title": "某某县人民政府2024年政府信息公开工作年度报告",
    "running_header": "某某县人民政府信息公开",
    "preamble": [
        "本报告由某某县人民政府办公室根据《中华人民共和国政府信息公开条例》（以下简称《条例》）"
        "要求编制。报告所列数据统计期限自2024年1月1日至12月31日止。本报告电子版可在某某县人民政府"
        "门户网站下载。如对本报告有疑问，请与某某县人民政府办公室联系（电话：0000-1234567）。",
    ],
    "headings": ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                 "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                 "六、其他需要报告的事项"],
    "texts": {
        "一": [
            "2024年，某某县人民政府认真贯彻落实《条例》，围绕主动公开、依申请公开、政府信息管理、"
            "政府信息公开平台建设和监督保障等方面扎实推进政务公开工作。",
            "（一）主动公开情况。全年通过县政府门户网站主动公开政府信息2316条，发布政策解读46篇。",
            "（二）依申请公开情况。全年共收到政府信息公开申请94件，上年结转4件，办结92件，结转下年度6件。",
            "（三）政府信息管理情况。严格落实公开前审查制度，全年清理过时信息118条。",
            "（四）政府信息公开平台建设情况。优化门户网站政府信息公开专栏，新增专题栏目3个。",
            "（五）监督保障情况。将政务公开纳入年度工作考核，组织业务培训2次，未发生社会评议和责任追究事项。",
        ],
        "二": [],
        "三": [],
        "四": [],
        "五": [
            "上一年度年报所提问题已全部完成整改。本年度存在的主要问题是部分单位信息更新不够及时。"
            "下一步将加强日常巡查，健全信息发布审核机制。",
        ],
        "六": [
            "本年度未收取信息处理费。2024年政务公开工作要点任务均已完成。",
        ],
    },
    "table2": {
        "规章": [0, 0, 2],
        "行政规范性文件": [5, 2, 31],
        "行政许可": 1260,
        "行政处罚": 356,
        "行政强制": 12,
        "行政事业性收费": "85.6",
    },
    "new": [84, 8, 0, 0, 1, 1],        # 一、本年新收
    "carried_in": [4, 0, 0, 0, 0, 0],  # 二、上年结转
    "results": RESULTS,
    "carried_out": [5, 1, 0, 0, 0, 0],  # 四、结转下年度继续办理
    "table4": [2, 1, 0, 1, 4, 1, 0, 0, 1, 2, 0, 0, 1, 0, 1],
}

#: the three defects of the BROKEN samples
BROKEN_HEADING = ("五、存在的主要问题及改进情况", "五、存在的主要问题和改进措施")
BROKEN_BLANK = ("1.本机关不掌握相关政府信息", "商业企业")      # (row label, column) made blank
BROKEN_TOTAL = ("（七）总计", "总计", "95")                   # (row label, column, wrong value)


# -- the report as grids (text at the top-left of a merged cell) -----------------

class Grid:
    """A table: ``cells[r][c]`` text (covered positions ""), ``merges`` as
    (r0, c0, r1, c1) inclusive."""

    def __init__(self, nrows, ncols):
        self.cells = [[""] * ncols for _ in range(nrows)]
        self.merges = []

    def put(self, r, c, text, rows=1, cols=1):
        self.cells[r][c] = str(text)
        if rows > 1 or cols > 1:
            self.merges.append((r, c, r + rows - 1, c + cols - 1))

    def span_of(self, r, c):
        """(rowspan, colspan) when (r, c) starts a merge, (0, 0) when it is
        covered, (1, 1) otherwise."""
        for r0, c0, r1, c1 in self.merges:
            if (r0, c0) == (r, c):
                return r1 - r0 + 1, c1 - c0 + 1
            if r0 <= r <= r1 and c0 <= c <= c1:
                return 0, 0
        return 1, 1


def _row(values):
    vals = [int(v) for v in values]
    return vals + [sum(vals)]


def check_numbers(rep) -> None:
    """The clean report must satisfy the template's arithmetic."""
    results = [_row(v) for _g, _l, v in rep["results"]]
    total = [sum(col) for col in zip(*results)]
    new, cin, cout = _row(rep["new"]), _row(rep["carried_in"]), _row(rep["carried_out"])
    for k in range(7):
        assert new[k] + cin[k] == total[k] + cout[k], ("一+二 != 总计+四", COLUMNS[k])
    t4 = rep["table4"]
    for g in range(3):
        assert sum(t4[g * 5:g * 5 + 4]) == t4[g * 5 + 4], ("table 四 group", g)


def table2_grid(rep) -> Grid:
    t = rep["table2"]
    g = Grid(14, 4)
    g.put(0, 0, "第二十条第（一）项", cols=4)
    for c, h in enumerate(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]):
        g.put(1, c, h)
    for r, name in ((2, "规章"), (3, "行政规范性文件")):
        g.put(r, 0, name)
        for c, v in enumerate(t[name], 1):
            g.put(r, c, v)
    r = 4
    for caption, header, names in (("第二十条第（五）项", "本年处理决定数量", ["行政许可"]),
                                   ("第二十条第（六）项", "本年处理决定数量", ["行政处罚", "行政强制"]),
                                   ("第二十条第（八）项", "本年收费金额（单位：万元）", ["行政事业性收费"])):
        g.put(r, 0, caption, cols=4)
        g.put(r + 1, 0, "信息内容")
        g.put(r + 1, 1, header, cols=3)
        for k, name in enumerate(names):
            g.put(r + 2 + k, 0, name)
            g.put(r + 2 + k, 1, t[name], cols=3)
        r += 2 + len(names)
    return g


def table3_grid(rep, broken=False) -> Grid:
    results = rep["results"]
    g = Grid(7 + len(results), 10)
    g.put(0, 0, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rows=3, cols=3)
    g.put(0, 3, "申请人情况", cols=7)
    g.put(1, 3, "自然人", rows=2)
    g.put(1, 4, "法人或其他组织", cols=5)
    g.put(1, 9, "总计", rows=2)
    for k, name in enumerate(COLUMNS[1:6]):
        g.put(2, 4 + k, name)

    def numbers(r, values):
        for k, v in enumerate(_row(values)):
            g.put(r, 3 + k, v)

    g.put(3, 0, "一、本年新收政府信息公开申请数量", cols=3)
    numbers(3, rep["new"])
    g.put(4, 0, "二、上年结转政府信息公开申请数量", cols=3)
    numbers(4, rep["carried_in"])
    first = 5
    g.put(first, 0, "三、本年度办理结果", rows=len(results) + 1)
    r = first
    k = 0
    while k < len(results):
        group, label, values = results[k]
        if not group:
            g.put(r, 1, label, cols=2)
            numbers(r, values)
            r += 1
            k += 1
            continue
        n = sum(1 for gr, _l, _v in results[k:] if gr == group)
        g.put(r, 1, group, rows=n)
        for gr, label, values in results[k:k + n]:
            g.put(r, 2, label)
            numbers(r, values)
            r += 1
        k += n
    g.put(r, 1, "（七）总计", cols=2)
    total = [sum(col) for col in zip(*[v for _g, _l, v in results])]
    numbers(r, total)
    g.put(r + 1, 0, "四、结转下年度继续办理", cols=3)
    numbers(r + 1, rep["carried_out"])
    if broken:
        for row in g.cells:
            if BROKEN_BLANK[0] in row:
                row[3 + COLUMNS.index(BROKEN_BLANK[1])] = ""
            if BROKEN_TOTAL[0] in row:
                row[3 + COLUMNS.index(BROKEN_TOTAL[1])] = BROKEN_TOTAL[2]
    return g


def table4_grid(rep) -> Grid:
    g = Grid(4, 15)
    g.put(0, 0, "行政复议", cols=5)
    g.put(0, 5, "行政诉讼", cols=10)
    parts = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    for k, p in enumerate(parts):
        g.put(1, k, p, rows=2)
    g.put(1, 5, "未经复议直接起诉", cols=5)
    g.put(1, 10, "复议后起诉", cols=5)
    for k in range(10):
        g.put(2, 5 + k, parts[k % 5])
    for k, v in enumerate(rep["table4"]):
        g.put(3, k, v)
    return g


def blocks(rep, broken=False) -> list:
    """The report as a list of ("title"|"para"|"heading", text) and ("table", Grid)."""
    out = [("title", rep["title"])]
    out += [("para", p) for p in rep["preamble"]]
    keys = ["一", "二", "三", "四", "五", "六"]
    tables = {"二": table2_grid(rep), "三": table3_grid(rep, broken), "四": table4_grid(rep)}
    for key, heading in zip(keys, rep["headings"]):
        if broken and heading == BROKEN_HEADING[0]:
            heading = BROKEN_HEADING[1]
        out.append(("heading", heading))
        out += [("para", p) for p in rep["texts"].get(key, [])]
        if key in tables:
            out.append(("table", tables[key]))
    return out


# -- DOCX ------------------------------------------------------------------------

FIXED_TIME = _dt.datetime(2025, 1, 20, 9, 0, 0)
ZIP_TIME = (2025, 1, 20, 9, 0, 0)


def _normalize_zip(blob: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps so identical content gives identical bytes."""
    src = zipfile.ZipFile(io.BytesIO(blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def make_docx(rep, broken=False) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    d = docx.Document()
    cp = d.core_properties
    cp.author = cp.last_modified_by = "nianbao"
    cp.title = rep["title"]
    cp.created = cp.modified = FIXED_TIME
    cp.last_printed = FIXED_TIME
    cp.revision = 1
    style = d.styles["Normal"]
    style.font.size = Pt(12)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")
    for kind, value in blocks(rep, broken):
        if kind == "title":
            p = d.add_paragraph(value)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "heading":
            d.add_heading(value, level=1)  # a Heading style: still just a line of text
        elif kind == "para":
            d.add_paragraph(value)
        else:
            grid = value
            t = d.add_table(rows=len(grid.cells), cols=len(grid.cells[0]))
            t.style = "Table Grid"
            for r, row in enumerate(grid.cells):
                for c, text in enumerate(row):
                    if text:
                        t.cell(r, c).text = text
            for r0, c0, r1, c1 in grid.merges:
                text = grid.cells[r0][c0]
                merged = t.cell(r0, c0).merge(t.cell(r1, c1))
                merged.text = text  # merge() concatenates paragraphs; keep one
            d.add_paragraph("")
    buf = io.BytesIO()
    d.save(buf)
    return _normalize_zip(buf.getvalue())


# -- PDF -------------------------------------------------------------------------

def make_pdf(rep, broken=False) -> bytes:
    from reportlab import rl_config
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    rl_config.invariant = 1  # fixed dates and document ID
    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    body = ParagraphStyle("body", fontName=font, fontSize=12, leading=17, firstLineIndent=24,
                          wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=16, leading=26, alignment=1,
                           firstLineIndent=0, spaceAfter=10)
    heading = ParagraphStyle("heading", parent=body, fontSize=13, leading=22, firstLineIndent=24,
                             spaceBefore=6)
    cell = ParagraphStyle("cell", fontName=font, fontSize=7.5, leading=9.5, wordWrap="CJK",
                          alignment=1)
    cell_left = ParagraphStyle("cell_left", parent=cell, alignment=0)

    def page_marks(canvas, doc):
        canvas.saveState()
        canvas.setFont(font, 9)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 12 * mm, rep["running_header"])
        canvas.setFont("Times-Roman", 10)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"- {doc.page} -")
        canvas.restoreState()

    widths = {10: [22, 52, 150] + [31] * 7, 4: [130, 105, 105, 105], 15: [30] * 15}
    story = []
    for kind, value in blocks(rep, broken):
        if kind == "title":
            story.append(Paragraph(value, title))
        elif kind == "heading":
            story.append(Paragraph(value, heading))
        elif kind == "para":
            story.append(Paragraph(value, body))
        else:
            grid = value
            ncols = len(grid.cells[0])
            data = []
            for r, row in enumerate(grid.cells):
                out = []
                for c, text in enumerate(row):
                    is_label = ncols == 10 and c < 3 and r > 2 or ncols == 4 and c == 0 and r > 1
                    out.append(Paragraph(text, cell_left if is_label else cell) if text else "")
                data.append(out)
            style = [("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                     ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                     ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
            for r0, c0, r1, c1 in grid.merges:
                style.append(("SPAN", (c0, r0), (c1, r1)))
            story.append(Spacer(1, 4))
            story.append(Table(data, colWidths=widths[ncols], style=TableStyle(style),
                               repeatRows=0, splitInRow=0))
            story.append(Spacer(1, 8))
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm,
                            topMargin=25 * mm, bottomMargin=22 * mm, title=rep["title"],
                            author="nianbao", creator="nianbao make_format_samples.py",
                            producer="ReportLab", subject="", keywords="")
    doc.build(story, onFirstPage=page_marks, onLaterPages=page_marks)
    return buf.getvalue()


# -- HTML ------------------------------------------------------------------------

def _esc(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("“", "&ldquo;").replace("”", "&rdquo;"))


def _word_p(text: str, align: str = "", indent: bool = True, size: str = "16.0pt") -> str:
    """A paragraph as Word's "save as web page" writes it."""
    style = ("style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;"
             "mso-line-height-rule:exactly'" if indent else "")
    al = f" align={align}" if align else ""
    # Word breaks long source lines; the break falls between CJK characters
    body = _esc(text)
    for k in range(38, len(body) - 1):  # Word breaks long source lines between CJK characters
        if "\u4e00" <= body[k - 1] <= "\u9fff" and "\u4e00" <= body[k] <= "\u9fff":
            body = body[:k] + "\r\n" + body[k:]
            break
    return (f"<p class=MsoNormal{al} {style}><span style='font-size:{size};"
            f"font-family:仿宋_GB2312;mso-hansi-font-family:&quot;Times New Roman&quot;'>"
            f"{body}<span lang=EN-US><o:p></o:p></span></span></p>")


def _html_table(grid) -> str:
    rows = []
    for r, row in enumerate(grid.cells):
        tds = []
        for c, text in enumerate(row):
            rs, cs = grid.span_of(r, c)
            if rs == 0:
                continue
            attrs = ""
            if rs > 1:
                attrs += f" rowspan={rs}"
            if cs > 1:
                attrs += f" colspan={cs}"
            inner = _esc(text) if text else "&nbsp;"
            if text.isdigit() or not text:  # Word's markup for a number cell, kept short
                tds.append(f"  <td{attrs} style='border:solid windowtext 1.0pt'><p class=MsoNormal "
                           f"align=center><span lang=EN-US>{inner}<o:p></o:p></span></p></td>")
                continue
            # a wrapped label split over two Word paragraphs inside the cell
            if text in ("商业企业", "科研机构"):
                inner = (f"{text[:2]}</span></p><p class=MsoNormal align=center style='text-align:center'>"
                         f"<span style='font-size:9.0pt'>{text[2:]}")
            tds.append(f"  <td{attrs} valign=middle style='border:solid windowtext 1.0pt;"
                       f"mso-border-alt:solid windowtext .5pt'>"
                       f"<p class=MsoNormal align=center style='text-align:center'>"
                       f"<span style='font-size:9.0pt;font-family:宋体'>{inner}</span>"
                       f"<span lang=EN-US style='font-size:9.0pt'><o:p></o:p></span></p></td>")
        rows.append(" <tr style='mso-yfti-irow:%d'>\r\n%s\r\n </tr>" % (r, "\r\n".join(tds)))
    return ("<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 "
            "style='border-collapse:collapse;mso-table-layout-alt:fixed;mso-border-alt:solid windowtext .5pt'>\r\n"
            + "\r\n".join(rows) + "\r\n</table>")


def make_html(rep, broken=False) -> bytes:
    parts = []
    for kind, value in blocks(rep, broken):
        if kind == "title":
            continue  # the page shows it above the body
        if kind == "heading":
            parts.append(f"<p class=MsoNormal style='text-indent:32.0pt'><b><span "
                         f"style='font-size:16.0pt;font-family:黑体;mso-bidi-font-weight:normal'>"
                         f"{_esc(value)}</span></b><o:p></o:p></p>")
        elif kind == "para":
            parts.append(_word_p(value))
        else:
            parts.append(_html_table(value))
            parts.append("<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>")
    body = "\r\n".join(parts)
    title = _esc(rep["title"])
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head>
<meta charset="gb2312">
<title>{title}_{_esc(rep["agency"])}门户网站</title>
<meta name="keywords" content="政府信息公开,年度报告">
<link rel="stylesheet" href="/css/common.css">
<style type="text/css">
.nav li {{ float:left; }} p.MsoNormal {{ margin:0cm; mso-pagination:widow-orphan; }}
</style>
<script type="text/javascript">var _hmt = _hmt || []; document.write("<div>统计代码</div>");</script>
</head>
<body>
<div class="top-bar"><a href="/">网站首页</a> | <a href="/wza">无障碍</a> | <a href="/en">English</a></div>
<div class="header"><img src="/images/logo.png" alt="{_esc(rep["agency"])}"><h1 class="site-name">{_esc(rep["agency"])}门户网站</h1></div>
<div id="nav" class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/bsfw">办事服务</a></li><li><a href="/hdjl">互动交流</a></li></ul></div>
<div class="main">
  <div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 政府信息公开年报</div>
  <div class="sidebar"><h3>政府信息公开</h3><ul><li>政府信息公开指南</li><li>政府信息公开制度</li><li>政府信息公开年报</li></ul></div>
  <div class="article">
    <div class="article-title"><h2>{title}</h2></div>
    <div class="article-info">发布时间：2025-01-20&nbsp;&nbsp;来源：{_esc(rep["office"])}&nbsp;&nbsp;字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></div>
    <div class="article-content TRS_Editor">
<!--[if gte mso 9]><xml>
 <w:WordDocument><w:View>Normal</w:View><w:Zoom>0</w:Zoom></w:WordDocument>
</xml><![endif]-->
<div class=WordSection1 style='layout-grid:15.6pt'>
{body}
</div>
    </div>
    <div class="share-bar">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
    <div class="print-close"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
  </div>
</div>
<div class="footer"><p>主办：{_esc(rep["office"])}　　网站标识码：0000000000</p><p>版权所有 &copy; {_esc(rep["agency"])}</p></div>
<script type="text/javascript">if (a < b && c > d) {{ console.log("</p>"); }}</script>
</body>
</html>
"""
    return page.replace("\r\n", "\n").replace("\n", "\r\n").encode("gb18030")


# -- main ------------------------------------------------------------------------

def build(rep) -> dict:
    """{file name: bytes} for all samples."""
    check_numbers(rep)
    out = {}
    for broken in (False, True):
        name = "broken" if broken else "clean"
        out[f"report-{name}.docx"] = make_docx(rep, broken)
        out[f"report-{name}.pdf"] = make_pdf(rep, broken)
        out[f"report-{name}.html"] = make_html(rep, broken)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=HERE / "formats")
    ap.add_argument("--data", type=Path, help="JSON report data (keys as REPORT)")
    args = ap.parse_args(argv)
    rep = copy.deepcopy(REPORT)
    if args.data:
        rep.update(json.loads(args.data.read_text(encoding="utf-8")))
    args.out.mkdir(parents=True, exist_ok=True)
    for name, blob in sorted(build(rep).items()):
        (args.out / name).write_bytes(blob)
        print(f"{args.out / name}  {len(blob)} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
