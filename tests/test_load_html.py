"""HTML loader: generated samples (GBK page with site chrome and Word markup),
charset detection, source positions, tables, determinism."""

from __future__ import annotations

import pytest

from formats_util import (FORMATS, HEADINGS, SAMPLE_T2, SAMPLE_T3, SAMPLE_T4, SAMPLE_TITLE,
                          find_row, free_lines, grid_rows, t2, t3, t4)
from nianbao.load import load_bytes, load_path
from nianbao.load.html import decode_html, load_html

CLEAN = FORMATS / "report-clean.html"
BROKEN = FORMATS / "report-broken.html"


@pytest.fixture(scope="module")
def clean():
    return load_path(str(CLEAN))


@pytest.fixture(scope="module")
def broken():
    return load_path(str(BROKEN))


def _html(body: str, head: str = '<meta charset="utf-8">') -> bytes:
    return f"<html><head>{head}</head><body>{body}</body></html>".encode("utf-8")


def _texts(data: bytes) -> list:
    return [ln.text for ln in load_html(data, "t.html").lines]


def test_sample_format(clean):
    assert clean.format == "html"


def test_sample_title_is_first_line(clean):
    assert clean.lines[0].text == SAMPLE_TITLE


@pytest.mark.parametrize("heading", HEADINGS)
def test_sample_headings_are_lines(clean, heading):
    assert heading in free_lines(clean)


@pytest.mark.parametrize("chrome", ["网站首页", "当前位置", "政府信息公开指南", "分享到", "打印本页",
                                    "版权所有", "统计代码", "console.log", "WordDocument", "首页"])
def test_sample_site_chrome_dropped(clean, chrome):
    assert not any(chrome in ln.text for ln in clean.lines)


@pytest.mark.parametrize("label", sorted(SAMPLE_T3))
def test_sample_table3_rows(clean, label):
    assert t3(grid_rows(clean), label) == SAMPLE_T3[label]


def test_sample_table4(clean):
    assert t4(grid_rows(clean)) == SAMPLE_T4


@pytest.mark.parametrize("label", sorted(SAMPLE_T2))
def test_sample_table2(clean, label):
    assert t2(grid_rows(clean), label, len(SAMPLE_T2[label])) == SAMPLE_T2[label]


def test_sample_rowspan_label_once(clean):
    rows = grid_rows(clean)
    assert find_row(rows, "1.属于国家秘密")[:3] == ["", "（三）不予公开", "1.属于国家秘密"]


def test_sample_cell_paragraphs_joined(clean):
    assert find_row(grid_rows(clean), "商业企业") is not None  # 商业<p>企业 in the source


def test_sample_source_line_break_between_cjk_is_no_space(clean):
    assert not any(" " in t for t in free_lines(clean) if t.startswith("（二）依申请公开情况"))


def test_broken_sample_defects(broken):
    rows = grid_rows(broken)
    assert "五、存在的主要问题和改进措施" in free_lines(broken)
    assert t3(rows, "1.本机关不掌握相关政府信息")[1] == ""
    assert t3(rows, "（七）总计")[-1] == "95"


def test_every_character_maps_to_its_source(clean):
    src = decode_html(CLEAN.read_bytes(), "x").split("\n")
    for ln in clean.lines:
        for col, ch in enumerate(ln.text):
            p = ln.place(col)
            at = src[p.line - 1][p.column - 1:]
            assert at.startswith(ch) or at.startswith("&") or ch in " \t", (ln.text, col, at[:10])


def test_place_of_table_cell(clean):
    line = next(ln for ln in clean.lines if ln.cells and "（七）总计" in ln.text)
    # cells are counted as the page shows them: the label's colspan is one cell, the empty
    # cell left of it (under a rowspan from above) is one too
    p = line.place(line.cells[8][0])
    assert dict(p.extra) == {"cell": 9, "row": 27, "table": 2}
    assert p.label == "第2个表格第27行第9格"
    src = decode_html(CLEAN.read_bytes(), "x").split("\n")
    assert src[p.line - 1][p.column - 1:].startswith("92")


def test_deterministic():
    data = CLEAN.read_bytes()
    a, b = load_html(data, "x.html"), load_html(data, "x.html")
    assert [(ln.text, ln.cells, ln.place(0)) for ln in a.lines] == \
           [(ln.text, ln.cells, ln.place(0)) for ln in b.lines]


# -- charset --------------------------------------------------------------------------

def test_meta_charset_gb2312():
    data = '<html><head><meta charset="gb2312"></head><body><p>一、总体情况</p></body></html>'
    assert _texts(data.encode("gb18030")) == ["一、总体情况"]


def test_http_equiv_charset_gbk():
    data = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=GBK">'
            '</head><body><p>六、其他需要报告的事项</p></body></html>')
    assert _texts(data.encode("gbk")) == ["六、其他需要报告的事项"]


def test_utf8_bom():
    assert _texts(b"\xef\xbb\xbf" + "<p>二、主动公开政府信息情况</p>".encode("utf-8")) == ["二、主动公开政府信息情况"]


def test_no_declaration_gb18030_fallback():
    assert _texts("<p>三、收到和处理政府信息公开申请情况</p>".encode("gb18030")) == \
        ["三、收到和处理政府信息公开申请情况"]


def test_wrong_declaration_utf8_bytes():
    data = '<meta charset="gbk"><p>一、总体情况</p>'.encode("utf-8")
    assert _texts(data) == ["一、总体情况"]


# -- markup ---------------------------------------------------------------------------

def test_br_and_blocks_break_lines():
    assert _texts(_html("<div>甲<br>乙<p>丙</p>丁</div>")) == ["甲", "乙", "丙", "丁"]


def test_word_markup():
    body = ("<p class=MsoNormal><span style='mso-bidi-font-size:10.5pt'>2024</span>"
            "<span style='font-family:仿宋'>年</span><o:p></o:p></p>"
            "<p class=MsoNormal>&nbsp;<o:p></o:p></p><![if !supportLists]><p>a&nbsp;b</p>")
    assert _texts(_html(body)) == ["2024年", "a b"]


def test_hidden_and_script_skipped():
    body = "<p>正文</p><div style='display:none'>隐藏</div><script>var x='<p>脚本</p>';</script>"
    assert _texts(_html(body)) == ["正文"]


def test_rowspan_colspan_grid():
    body = ("<table><tr><td rowspan=2>甲</td><td colspan=2>乙</td></tr>"
            "<tr><td>1</td><td>2</td></tr><tr><td>丙</td><td>3</td><td>4</td></tr></table>")
    doc = load_html(_html(body), "t.html")
    # "乙" spans two columns: one cell, not "乙" and an empty cell; "甲" spans two rows:
    # the row below has an empty cell where it stands
    assert grid_rows(doc) == [["甲", "乙"], ["", "1", "2"], ["丙", "3", "4"]]


def test_layout_table_read_as_text():
    body = "<table><tr><td><p>一、总体情况</p><p>正文</p></td></tr></table>"
    doc = load_html(_html(body), "t.html")
    assert [(ln.text, ln.cells) for ln in doc.lines] == [("一、总体情况", None), ("正文", None)]


def test_article_chosen_without_headings():
    body = ("<div class='nav'><a>首页</a><a>新闻</a></div>"
            "<div id='content'><p>这是正文第一段，内容较长，说明情况。</p><p>这是正文第二段。</p></div>"
            "<div class='footer'>版权所有</div>")
    assert _texts(_html(body)) == ["这是正文第一段，内容较长，说明情况。", "这是正文第二段。"]


def test_load_bytes_dispatch():
    assert load_bytes(_html("<p>x</p>"), "a.htm").format == "html"


# -- the sample generator ----------------------------------------------------------------

def _generator():
    import importlib.util
    path = FORMATS.parent / "make_format_samples.py"
    spec = importlib.util.spec_from_file_location("make_format_samples", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_generator_numbers_consistent():
    gen = _generator()
    gen.check_numbers(gen.REPORT)


@pytest.mark.parametrize("broken", [False, True])
def test_generator_html_matches_committed_sample(broken):
    gen = _generator()
    name = "report-broken.html" if broken else "report-clean.html"
    assert gen.make_html(gen.REPORT, broken) == (FORMATS / name).read_bytes()


SHIFT = """<html><head><meta charset="utf-8"></head><body><table border="1">
<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>
<td colspan="7">申请人情况</td><td></td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td colspan="3">二、上年结转政府信息公开申请数量</td><td>1</td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
</table></body></html>"""


def test_colspan_of_a_label_does_not_push_the_figures_right():
    """A label with colspan="3", a header wider than the data rows, and the row's last
    cells empty: the figure stays in 自然人 (it was read as blank and shifted)."""
    doc = load_html(SHIFT.encode("utf-8"), "x.html")
    row = next(ln for ln in doc.lines if ln.cells and "上年结转" in ln.text)
    texts = [row.text[s:e] for s, e in row.cells]
    assert texts[:8] == ["二、上年结转政府信息公开申请数量", "1", "", "", "", "", "", ""]
    assert not any(texts[8:])  # the header's extra column: empty, after the row's own cells


TITLE_ONLY = """<html><head><meta charset="utf-8">
<title>某某县某某局2024年政府信息公开工作年度报告_某某县人民政府</title></head><body>
<div class="nav"><a>首页</a><a>政务公开</a></div>
<div id="content">
<p>根据《中华人民共和国政府信息公开条例》规定，现发布本报告。</p>
<p>一、总体情况</p><p>略。</p>
</div></body></html>"""


def test_title_only_in_the_page_title_counts():
    """The body has no title line: the <title> (without the site's name) is the first line,
    placed at its source position."""
    doc = load_html(TITLE_ONLY.encode("utf-8"), "x.html")
    first = doc.lines[0]
    assert first.text == "某某县某某局2024年政府信息公开工作年度报告"
    assert first.place(0).line == 2


def test_title_in_the_body_is_not_doubled():
    body = TITLE_ONLY.replace("<p>根据", "<h2>某某县某某局2024年政府信息公开工作年度报告</h2><p>根据")
    doc = load_html(body.encode("utf-8"), "x.html")
    assert [ln.text for ln in doc.lines].count("某某县某某局2024年政府信息公开工作年度报告") == 1
