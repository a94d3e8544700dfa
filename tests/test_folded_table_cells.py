"""Table cells of web pages and Word documents in traditional script with pinyin
glosses ("規(guī)章"): the parse view folds the row's text, and the cells must
move with it, so the row is read as it is read in plain simplified script."""

from __future__ import annotations

import io

import pytest

from helpers import ruleset
from nianbao.engine import check_document
from nianbao.load import load_bytes

ROWS_PLAIN = [("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
              ("规章", "0", "0", "3"),
              ("行政规范性文件", "2", "", "15")]  # one blank cell: the finding to keep
ROWS_GLOSSED = [("信息內(nèi)容", "本年制發(fā)件數(shù)", "本年廢止件數(shù)", "現(xiàn)行有效件數(shù)"),
                ("規(guī)章", "0", "0", "3"),
                ("行政規(guī)範(fàn)性文件", "2", "", "15")]


def _html(rows) -> bytes:
    trs = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return (f"<html><head><meta charset='utf-8'></head><body><p>二、主动公开政府信息情况</p>"
            f"<p>第二十条第（一）项</p><table>{trs}</table></body></html>").encode("utf-8")


def _docx(rows) -> bytes:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("二、主动公开政府信息情况")
    d.add_paragraph("第二十条第（一）项")
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for i, r in enumerate(rows):
        for j, c in enumerate(r):
            t.rows[i].cells[j].text = c
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _sub_table_findings(data: bytes, name: str) -> list:
    doc = load_bytes(data, name)
    return sorted((f.rule, f.cell and (f.cell.row, f.cell.column)) for f in check_document(doc, ruleset(("NB20",)))
                  if "第二十条第（一）项" in f.message or (f.cell and f.cell.table == "二"))


@pytest.mark.parametrize("make,name", [(_html, "page.html"), (_docx, "report.docx")])
def test_glossed_cells_read_like_plain_ones(make, name):
    plain = _sub_table_findings(make(ROWS_PLAIN), name)
    glossed = _sub_table_findings(make(ROWS_GLOSSED), name)
    assert ("NB204", ("行政规范性文件", "本年废止件数")) in plain
    assert glossed == plain
