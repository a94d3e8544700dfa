"""整改清单/<机关名称>.docx: the formal list of problems sent to one agency."""

from __future__ import annotations

import re

from .common import TO_FIX, where_text

_BAD_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def safe_name(name: str) -> str:
    s = _BAD_NAME.sub("_", name).strip(" .")
    return s[:80] or "未识别机关"


def title_for(agency: str, year: int) -> str:
    y = f"{year}年" if year else ""
    return f"关于{agency}{y}政府信息公开工作年度报告的问题清单"


def to_fix(findings) -> list:
    return [f for f in findings if f.severity in TO_FIX]


def write_rectification(path: str, item, findings, fixes: dict) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "宋体"
    style.font.size = Pt(12)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    head = doc.add_paragraph()
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = head.add_run(title_for(item.display_name, item.year))
    run.bold = True
    run.font.size = Pt(16)
    doc.add_paragraph(f"{item.display_name}：")
    doc.add_paragraph(f"经审查，你单位报送的政府信息公开工作年度报告（文件：{item.path}）存在以下 "
                      f"{len(findings)} 个问题，请对照《中华人民共和国政府信息公开工作年度报告格式》"
                      "（国办公开办函〔2021〕30号）逐项整改，并重新报送。")
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("序号", "位置", "问题", "整改要求")):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for i, f in enumerate(findings, 1):
        cells = table.add_row().cells
        cells[0].text = str(i)
        cells[1].text = where_text(f)
        cells[2].text = f.message
        cells[3].text = fixes.get(f.rule, "")
    doc.add_paragraph("")
    doc.add_paragraph("整改期限：______年____月____日前")
    doc.add_paragraph("联系人：______________　联系电话：______________")
    doc.save(path)
