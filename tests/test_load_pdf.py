"""PDF loader: generated samples, real reports, error cases, determinism."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest

from formats_util import (CORPUS, EXPECTED, FORMATS, HEADINGS, SAMPLE_T2, SAMPLE_T3, SAMPLE_T4,
                          SAMPLE_TITLE, find_row, free_lines, grid_rows, score, t2, t3, t4)
from nianbao.load import InputError, load_bytes, load_path
from nianbao.load.pdf import load_pdf

sys.path.insert(0, str(Path(__file__).resolve().parent / "hostile"))
import gen as hostile_gen  # noqa: E402  (its PDF writer: objects -> a file with a valid xref)

CLEAN = FORMATS / "report-clean.pdf"
BROKEN = FORMATS / "report-broken.pdf"
REAL = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus not present")


def _doc(path):
    return load_path(str(path))


def _minimal_pdf(content: bytes) -> bytes:
    """A one-page PDF whose page draws ``content`` (no fonts)."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R "
            b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]
    return hostile_gen.pdf(objs)


# -- generated samples ---------------------------------------------------------------

@pytest.fixture(scope="module")
def clean():
    return _doc(CLEAN)


@pytest.fixture(scope="module")
def broken():
    return _doc(BROKEN)


def test_sample_format(clean):
    assert clean.format == "pdf"


def test_sample_title_is_first_line(clean):
    assert clean.lines[0].text == SAMPLE_TITLE


@pytest.mark.parametrize("heading", HEADINGS)
def test_sample_headings_are_lines(clean, heading):
    assert heading in free_lines(clean)


@pytest.mark.parametrize("label", sorted(SAMPLE_T3))
def test_sample_table3_rows(clean, label):
    assert t3(grid_rows(clean), label) == SAMPLE_T3[label]


def test_sample_table4(clean):
    assert t4(grid_rows(clean)) == SAMPLE_T4


@pytest.mark.parametrize("label", sorted(SAMPLE_T2))
def test_sample_table2(clean, label):
    assert t2(grid_rows(clean), label, len(SAMPLE_T2[label])) == SAMPLE_T2[label]


def test_sample_table3_broken_over_page_keeps_width(clean):
    # the sample's table 三 breaks after row 一; both parts are 10 cells wide
    rows = [r for r in grid_rows(clean) if len(r) == 10]
    assert len(rows) == 28


def test_sample_table3_group_label_only_on_first_row(clean):
    rows = grid_rows(clean)
    assert find_row(rows, "1.属于国家秘密")[:3] == ["", "（三）不予公开", "1.属于国家秘密"]
    assert find_row(rows, "2.其他法律行政法规禁止公开")[:2] == ["", ""]


def test_sample_merged_header_once(clean):
    assert sum(r.count("申请人情况") for r in grid_rows(clean)) == 1


def test_sample_page_marks_and_running_header_dropped(clean):
    texts = [ln.text for ln in clean.lines]
    assert not any(re.fullmatch(r"-\s*\d+\s*-", t) for t in texts)
    assert "某某县人民政府信息公开" not in texts


def test_sample_table_text_not_repeated_as_free_text(clean):
    assert not any("本列数据的勾稽关系" in t for t in free_lines(clean))


def test_broken_sample_heading(broken):
    assert "五、存在的主要问题和改进措施" in free_lines(broken)


def test_broken_sample_blank_cell(broken):
    assert t3(grid_rows(broken), "1.本机关不掌握相关政府信息") == ["12", "", "0", "0", "0", "1", "15"]


def test_broken_sample_wrong_total(broken):
    assert t3(grid_rows(broken), "（七）总计")[-1] == "95"


def test_place_of_free_line(clean):
    p = clean.lines[0].place(3)
    assert (p.line, p.column, p.extra, p.label) == (1, 4, (("page", 1),), "第1页第1行")


def test_place_of_table_cell(clean):
    line = next(ln for ln in clean.lines if ln.cells and "（七）总计" in ln.text)
    col = line.cells[9][0]
    p = line.place(col)
    assert dict(p.extra)["page"] == 2 and dict(p.extra)["cell"] == 10
    assert p.label.startswith("第2页") and p.label.endswith("第10格")


def test_cells_spans_match_text(clean):
    for ln in clean.lines:
        if ln.cells:
            assert "\t".join(ln.text[a:b] for a, b in ln.cells) == ln.text


def test_deterministic():
    data = CLEAN.read_bytes()
    a, b = load_pdf(data, "x.pdf"), load_pdf(data, "x.pdf")
    assert [(ln.text, ln.cells, ln.place(0)) for ln in a.lines] == \
           [(ln.text, ln.cells, ln.place(0)) for ln in b.lines]


# -- errors --------------------------------------------------------------------------

def _code(data: bytes, name: str = "x.pdf") -> str:
    with pytest.raises(InputError) as exc:
        load_bytes(data, name)
    assert name in exc.value.message
    return exc.value.code


def test_not_a_pdf():
    assert _code(b"hello, this is text") == "pdf-broken"


def test_truncated_pdf():
    assert _code(CLEAN.read_bytes()[:300]) == "pdf-broken"


def test_no_text_layer():
    data = _minimal_pdf(b"0 0 0 rg 10 10 100 100 re f")
    with pytest.raises(InputError) as exc:
        load_bytes(data, "scan.pdf")
    assert exc.value.code == "pdf-no-text" and "没有文字层" in exc.value.message


def test_scanned_image_only():
    pytest.importorskip("reportlab")
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawImage(ImageReader(Image.new("L", (40, 40), 128)), 50, 50, 200, 200)
    c.save()
    assert _code(buf.getvalue(), "scan.pdf") == "pdf-no-text"


def test_encrypted():
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt="secret")
    c.drawString(100, 700, "report")
    c.save()
    assert _code(buf.getvalue()) == "pdf-encrypted"


def test_word_gap_and_column_gap():
    data = _minimal_pdf(b"BT /F1 10 Tf 20 100 Td (ab) Tj 14 0 Td (cd) Tj 100 0 Td (123) Tj ET")
    assert [ln.text for ln in load_bytes(data, "t.pdf").lines] == ["ab cd\t123"]


# -- the real reports ------------------------------------------------------------------

@pytest.fixture(scope="module")
def real():
    return {name: _doc(CORPUS / name) for name in EXPECTED}


@REAL
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_all_table_cells(real, name):
    right, total = score(grid_rows(real[name]), EXPECTED[name])
    assert right == total


@REAL
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_headings(real, name):
    assert [h for h in HEADINGS if h not in free_lines(real[name])] == []


@REAL
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_table4(real, name):
    assert t4(grid_rows(real[name])) == EXPECTED[name]["t4"]


@REAL
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_table3_total(real, name):
    assert t3(grid_rows(real[name]), "（七）总计") == EXPECTED[name]["t3"]["（七）总计"]


@REAL
def test_real_hongze_2023_table4():
    assert t4(grid_rows(_doc(CORPUS / "huaian-hongze-district-2023.pdf"))) == \
        ["10", "1", "0", "0", "0", "0", "0", "0", "0", "0", "5", "0", "0", "0", "0"]


@REAL
@pytest.mark.parametrize("name", ["huaian-hongze-district-2023.pdf", "huaian-hongze-district-2024.pdf"])
def test_real_hongze_single_row_other(real, name):
    # the older template: （六）其他处理 is one data row with no sub-items
    assert find_row(grid_rows(real[name]), "（六）其他处理")[1:3] == ["（六）其他处理", ""]


@REAL
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_table3_rows_full_width(real, name):
    rows = grid_rows(real[name])
    labels = EXPECTED[name]["t3"]
    assert all(len(find_row(rows, lbl)) == 10 for lbl in labels)


@REAL
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_no_page_markers(real, name):
    assert not any(re.fullmatch(r"[-—\s]*\d+[-—\s]*", ln.text) for ln in real[name].lines)


@REAL
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_page_count(real, name):
    assert max(dict(ln.place(0).extra)["page"] for ln in real[name].lines) == EXPECTED[name]["pages"]


@REAL
def test_real_vertical_group_label_joined(real):
    rows = grid_rows(real["huaian-hongze-district-2023.pdf"])
    assert find_row(rows, "（一）予以公开")[0] == "三、本年度办理结果"


@REAL
def test_real_statistical_period_without_spaces(real):
    assert any("2024年1月1日至2024年12月31日" in t for t in free_lines(real["huaian-city-2024.pdf"]))
