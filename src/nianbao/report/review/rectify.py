"""整改清单/<机关名称>.docx: the formal list of problems sent to one agency.

The document is a small WordprocessingML package written directly (a few
kilobytes of XML): thousands of lists are written in the time python-docx
takes to open its template a few hundred times, and the bytes never depend on
the clock.  Word, WPS and python-docx read it as any .docx.
"""

from __future__ import annotations

import re
import zipfile
from xml.sax.saxutils import escape

from .common import TO_FIX, where_text

_BAD_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FIXED_TIME = (2000, 1, 1, 0, 0, 0)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

CONTENT_TYPES = _HEAD + (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>')
ROOT_RELS = _HEAD + (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
    'core-properties" Target="docProps/core.xml"/></Relationships>')
DOC_RELS = _HEAD + (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/></Relationships>')
STYLES = _HEAD + (
    f'<w:styles xmlns:w="{_W}"><w:docDefaults><w:rPrDefault><w:rPr>'
    '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman"/>'
    '<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
    '</w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    '</w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    '<w:tblPr><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
    '</w:tblPr></w:style></w:styles>')
_WIDTHS = (700, 2600, 3300, 2400)  # twips: 序号, 位置, 问题, 整改要求 (A4 text width ~9000)


def safe_name(name: str) -> str:
    s = _BAD_NAME.sub("_", name).strip(" .")
    return s[:80] or "未识别机关"


def title_for(agency: str, year: int) -> str:
    y = f"{year}年" if year else ""
    return f"关于{agency}{y}政府信息公开工作年度报告的问题清单"


def to_fix(findings) -> list:
    return [f for f in findings if f.severity in TO_FIX]


def _t(text: str) -> str:
    return escape(_XML_BAD.sub("", text))


def _run(text: str, bold: bool = False, size: int = 0) -> str:
    rpr = ("<w:b/>" if bold else "") + (f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>' if size else "")
    return f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{_t(text)}</w:t></w:r>'


def _para(text: str = "", bold: bool = False, size: int = 0, center: bool = False) -> str:
    ppr = '<w:pPr><w:jc w:val="center"/></w:pPr>' if center else ""
    return f"<w:p>{ppr}{_run(text, bold, size) if text else ''}</w:p>"


def _cell(text: str, width: int, bold: bool = False) -> str:
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
            + "".join(_para(line, bold) for line in (text.split("\n") if text else [""])) + "</w:tc>")


def _table_start() -> str:
    border = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                     for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return ('<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/>'
            f'<w:tblBorders>{border}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>'
            + "".join(f'<w:gridCol w:w="{w}"/>' for w in _WIDTHS) + "</w:tblGrid>")


def _row(cells, head: bool = False) -> str:
    pr = "<w:trPr><w:tblHeader/></w:trPr>" if head else ""
    return f"<w:tr>{pr}" + "".join(_cell(c, w, head) for c, w in zip(cells, _WIDTHS)) + "</w:tr>"


def table_rows(findings, fixes: dict, wheres=None) -> str:
    """The rows of the problem table (rendered by the worker that checked the report)."""
    wheres = wheres or [where_text(f) for f in findings]
    return "".join(_row((str(i), w, f.message, fixes.get(f.rule, "")))
                   for i, (f, w) in enumerate(zip(findings, wheres), 1))


def document_xml(item, count: int, rows: str) -> str:
    body = [
        _para(title_for(item.display_name, item.year), bold=True, size=32, center=True),
        _para(f"{item.display_name}："),
        _para(f"经审查，你单位报送的政府信息公开工作年度报告（文件：{item.path}）存在以下 {count} 个问题，"
              "请对照《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）逐项整改，并重新报送。"),
        _table_start() + _row(("序号", "位置", "问题", "整改要求"), head=True) + rows + "</w:tbl>",
        _para(),
        _para("整改期限：______年____月____日前"),
        _para("联系人：______________　联系电话：______________"),
    ]
    sect = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" '
            'w:left="1440" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>')
    return _HEAD + f'<w:document xmlns:w="{_W}"><w:body>' + "".join(body) + sect + "</w:body></w:document>"


def _core(title: str) -> str:
    return _HEAD + ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
                    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                    f"<dc:title>{_t(title)}</dc:title><dc:creator>nianbao</dc:creator></cp:coreProperties>")


def rectification_bytes(item, count: int, rows: str) -> bytes:
    """The .docx of the list: ``count`` problems whose table rows are ``rows`` (:func:`table_rows`)."""
    import io
    fixed = (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
             ("word/_rels/document.xml.rels", DOC_RELS), ("word/styles.xml", STYLES))  # always the same
    own = (("docProps/core.xml", _core(title_for(item.display_name, item.year))),
           ("word/document.xml", document_xml(item, count, rows)))
    # stored, not deflated: a list is a few dozen kilobytes, and compressing
    # thousands of them would cost more than writing them
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in fixed + own:
            z.writestr(zipfile.ZipInfo(name, _FIXED_TIME), text.encode("utf-8"))
    return buf.getvalue()
