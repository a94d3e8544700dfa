"""DOCX loader: generated samples, the blank national template, merged cells,
error cases, determinism."""

from __future__ import annotations

import io
import zipfile

import pytest

from formats_util import (CORPUS, FORMATS, HEADINGS, SAMPLE_T2, SAMPLE_T3, SAMPLE_T4, SAMPLE_TITLE,
                          find_row, free_lines, grid_rows, t2, t3, t4)
from nianbao.load import InputError, load_bytes, load_path
from nianbao.load.docx import load_docx

CLEAN = FORMATS / "report-clean.docx"
BROKEN = FORMATS / "report-broken.docx"
TEMPLATE = CORPUS / "template-2021-blank.docx"
HAS_TEMPLATE = pytest.mark.skipif(not TEMPLATE.is_file(), reason="../shared/corpus not present")


@pytest.fixture(scope="module")
def clean():
    return load_path(str(CLEAN))


@pytest.fixture(scope="module")
def broken():
    return load_path(str(BROKEN))


@pytest.fixture(scope="module")
def template():
    return load_path(str(TEMPLATE))


def test_sample_format(clean):
    assert clean.format == "docx"


def test_sample_title_is_first_line(clean):
    assert clean.lines[0].text == SAMPLE_TITLE


@pytest.mark.parametrize("heading", HEADINGS)
def test_sample_headings_are_lines(clean, heading):
    assert heading in free_lines(clean)  # Heading-styled paragraphs are plain lines


@pytest.mark.parametrize("label", sorted(SAMPLE_T3))
def test_sample_table3_rows(clean, label):
    assert t3(grid_rows(clean), label) == SAMPLE_T3[label]


def test_sample_table4(clean):
    assert t4(grid_rows(clean)) == SAMPLE_T4


@pytest.mark.parametrize("label", sorted(SAMPLE_T2))
def test_sample_table2(clean, label):
    assert t2(grid_rows(clean), label, len(SAMPLE_T2[label])) == SAMPLE_T2[label]


def test_sample_vmerge_label_once(clean):
    rows = grid_rows(clean)
    assert find_row(rows, "（一）予以公开")[0] == "三、本年度办理结果"
    assert find_row(rows, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")[0] == ""


def test_sample_gridspan_is_one_cell(clean):
    """A cell merged across three columns is one cell, as Word shows it; the row is
    padded to the widest row at its end."""
    rows = grid_rows(clean)
    assert find_row(rows, "申请人情况") == ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                                          "申请人情况", "", "", "", "", "", "", "", ""]


def test_sample_paragraphs_and_tables_interleaved(clean):
    texts = [ln.text for ln in clean.lines]
    h2, h3 = texts.index(HEADINGS[1]), texts.index(HEADINGS[2])
    first_t2 = next(i for i, ln in enumerate(clean.lines) if ln.cells and "规章" in ln.text)
    first_t3 = next(i for i, ln in enumerate(clean.lines) if ln.cells and "申请人情况" in ln.text)
    assert h2 < first_t2 < h3 < first_t3


def test_broken_sample_defects(broken):
    rows = grid_rows(broken)
    assert "五、存在的主要问题和改进措施" in free_lines(broken)
    assert t3(rows, "1.本机关不掌握相关政府信息")[1] == ""
    assert t3(rows, "（七）总计")[-1] == "95"


def test_place_of_paragraph(clean):
    p = clean.lines[0].place(2)
    assert (p.line, p.column, p.extra, p.label) == (1, 3, (("paragraph", 1),), "第1段")


def test_place_of_table_cell(clean):
    line = next(ln for ln in clean.lines if ln.cells and "（七）总计" in ln.text)
    p = line.place(line.cells[9][0])
    assert dict(p.extra) == {"cell": 10, "row": 27, "table": 2}
    assert p.label == "第2个表格第27行第10格"


def test_deterministic():
    data = CLEAN.read_bytes()
    a, b = load_docx(data, "x.docx"), load_docx(data, "x.docx")
    assert [(ln.text, ln.cells, ln.place(0)) for ln in a.lines] == \
           [(ln.text, ln.cells, ln.place(0)) for ln in b.lines]


# -- the blank national template -----------------------------------------------------

@HAS_TEMPLATE
@pytest.mark.parametrize("heading", HEADINGS)
def test_template_headings(template, heading):
    assert heading in free_lines(template)


@HAS_TEMPLATE
def test_template_three_tables(template):
    assert sorted({dict(ln.place(0).extra)["table"] for ln in template.lines if ln.cells}) == [1, 2, 3]


@HAS_TEMPLATE
@pytest.mark.parametrize("label", ["规章", "行政规范性文件", "（七）总计", "四、结转下年度继续办理",
                                   "结果维持", "3.危及“三安全一稳定”", "商业企业", "行政事业性收费"])
def test_template_labels(template, label):
    assert find_row(grid_rows(template), label) is not None


@HAS_TEMPLATE
def test_template_value_cells_empty(template):
    assert t3(grid_rows(template), "（七）总计") == [""] * 7
    assert t2(grid_rows(template), "规章", 3) == []


@HAS_TEMPLATE
def test_template_row_widths(template):
    widths = {}
    for ln in template.lines:
        if ln.cells:
            widths.setdefault(dict(ln.place(0).extra)["table"], set()).add(len(ln.cells))
    assert widths == {1: {4}, 2: {10}, 3: {15}}


# -- merged cells built here ----------------------------------------------------------

def test_merged_cells_from_python_docx():
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("前言")
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).merge(t.cell(0, 2)).text = "横向合并"
    t.cell(1, 0).merge(t.cell(2, 0)).text = "纵向合并"
    t.cell(1, 1).text = "商业\n企业"
    t.cell(2, 2).text = "7"
    d.add_paragraph("后记")
    buf = io.BytesIO()
    d.save(buf)
    doc = load_docx(buf.getvalue(), "m.docx")
    assert [ln.text for ln in doc.lines if not ln.cells] == ["前言", "后记"]
    assert grid_rows(doc) == [["横向合并", "", ""], ["纵向合并", "商业企业", ""], ["", "", "7"]]


# -- errors -----------------------------------------------------------------------------

def _code(data: bytes, name: str = "x.docx") -> str:
    with pytest.raises(InputError) as exc:
        load_bytes(data, name)
    assert name in exc.value.message
    return exc.value.code


def test_not_a_zip():
    assert _code(b"plain text, not a Word file") == "docx-broken"


def test_truncated_zip():
    assert _code(CLEAN.read_bytes()[:2000]) == "docx-broken"


def test_zip_without_document():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "hi")
    assert _code(buf.getvalue()) == "docx-broken"


def test_legacy_doc_suffix():
    assert _code(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old.doc") == "legacy-doc"


def test_legacy_doc_renamed_docx():
    assert _code(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600) == "legacy-doc"


def test_encrypted_docx():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64 + "EncryptedPackage".encode("utf-16-le")
    assert _code(data) == "docx-encrypted"


def test_one_column_table_is_a_text_frame():
    docx = pytest.importorskip("docx")
    d = docx.Document()
    t = d.add_table(rows=1, cols=1)
    t.cell(0, 0).text = "一、总体情况"
    t.cell(0, 0).add_paragraph("正文")
    buf = io.BytesIO()
    d.save(buf)
    doc = load_docx(buf.getvalue(), "f.docx")
    assert [(ln.text, ln.cells, ln.place(0).label) for ln in doc.lines] == \
        [("一、总体情况", None, "第1段"), ("正文", None, "第2段")]
