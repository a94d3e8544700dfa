"""Table rows of a page flattened to one line: the mechanisms behind the layout-invariance
cases (tests/test_layout_invariance.py), each on a small report written for it.

A consistent report is rendered with tables 三 and 四 one row per line, then the
whole report is run onto one line (as a web page's text extraction leaves it)
after the change that each test is about.  The reading of table 三 must then be
the written one, or the rows that cannot be told apart must be named as not
checked (NB205, info): never a guess, never an error.
"""

from __future__ import annotations

import random

from test_tables_helpers import LABEL3, consistent_tables, findings_of, parse_text, read_shape, render_report


def _report(seed: int = 1) -> tuple:
    data = consistent_tables(random.Random(seed))
    return data, render_report(data, "space").text()


def _flat(text: str) -> str:
    return " ".join(line for line in text.split("\n") if line.strip())


def _row(data, rid: str) -> str:
    return " ".join(data["三"][rid])


def _errors(text: str) -> list:
    return [f for f in findings_of(text) if f.severity == "error" and f.rule.startswith("NB2")]


def test_a_flattened_report_reads_as_written():
    data, text = _report()
    shape = read_shape(parse_text(_flat(text)), "三")
    assert all(shape[rid] == _row(data, rid) for rid in data["三"]), shape
    assert _errors(_flat(text)) == []


def test_a_label_cut_short_by_its_figures_still_starts_its_row():
    """"5.要求行政机关 1 0 1 13 13 1 29 确认或重新出具已获取信息": the label's words
    continue after the figures; the row is (五)5, and the words before it
    ("大量反复申请", the end of the row above) do not hide it."""
    data, text = _report()
    four, five = LABEL3["（五）4"], LABEL3["（五）5"]
    text = text.replace(f"{four} {_row(data, '（五）4')}", f"4.无正当理由 {_row(data, '（五）4')}\n大量反复申请")
    text = text.replace(f"{five} {_row(data, '（五）5')}", f"5.要求行政机关 {_row(data, '（五）5')}\n确认或重新出具已获取信息")
    flat = _flat(text)
    assert "大量反复申请 5.要求行政机关 " in flat
    shape = read_shape(parse_text(flat), "三")
    assert shape["（五）4"] == _row(data, "（五）4") and shape["（五）5"] == _row(data, "（五）5")
    assert _errors(flat) == []


def test_a_label_after_its_figures_does_not_swallow_them():
    """"年 0 0 0 0 0 0 0 2.其他法律行政法规禁止公开 度 3.危及…": the figures end their row
    before the next row's numbering, they are not a label's words."""
    data, text = _report()
    two = LABEL3["（三）2"]
    text = text.replace(f"{two} {_row(data, '（三）2')}", f"年 {_row(data, '（三）2')}\n{two}\n度")
    flat = _flat(text)
    shape = read_shape(parse_text(flat), "三")
    assert shape["（三）2"] == _row(data, "（三）2"), shape
    assert _errors(flat) == []


def test_two_rows_run_together_after_one_label_are_placed_by_the_rows_around():
    """"3.补正后申请内容仍不明确 <(四)2's figures> <(四)3's figures>": the label printed
    before both groups belongs to the second; the order of the rows decides."""
    data, text = _report()
    one, two, three = (LABEL3[f"（四）{k}"] for k in (1, 2, 3))
    text = text.replace(f"（四）无法提供 {one} {_row(data, '（四）1')}", f"（四）无法提供 {one} {_row(data, '（四）1')}")
    text = text.replace(f"{two} {_row(data, '（四）2')}\n{three} {_row(data, '（四）3')}",
                        f"{two}\n{three} {_row(data, '（四）2')} {_row(data, '（四）3')}")
    flat = _flat(text)
    shape = read_shape(parse_text(flat), "三")
    assert [shape[f"（四）{k}"] for k in (1, 2, 3)] == [_row(data, f"（四）{k}") for k in (1, 2, 3)], shape
    assert _errors(flat) == []


def test_a_row_with_the_figures_of_the_rows_after_it_names_them_as_not_checked():
    """Rows written without labels run into the row before them: that row has more
    figures than a row holds, and one more stray figure makes the count uneven.  The
    rows that may be in there are named in the NB205 (info) and no error is raised."""
    data, text = _report()
    rows = ("（五）5", "（六）1", "（六）2")
    for rid in rows:
        text = text.replace(f"{LABEL3[rid]} {_row(data, rid)}", f"{_row(data, rid)}")
    text = text.replace(f"（六）其他处理 {_row(data, '（六）1')}", f"{_row(data, '（六）1')} 2")
    flat = _flat(text)
    found = findings_of(flat)
    assert [f for f in found if f.severity == "error" and f.rule.startswith("NB2")] == []
    unread = [f for f in found if f.rule == "NB205"]
    assert len(unread) == 1
    assert all(LABEL3[rid] in unread[0].message for rid in ("（五）4", *rows)), unread[0].message


def test_header_cells_with_numbers_are_not_figures():
    """An OCR table per row with header cells "类别 数据1 … 数据6 总计", flattened or
    written one cell per line: the numbers in the header words are not figures."""
    data, text = _report()
    header = "类别 数据1 数据2 数据3 数据4 数据5 数据6 总计"
    for rid in ("一", "二"):
        label = LABEL3[rid]
        text = text.replace(f"{label} {_row(data, rid)}", f"{label}\n{header}\n{label} {_row(data, rid)}")
    for variant in (_flat(text), text.replace(header, header.replace(" ", "\n"))):
        shape = read_shape(parse_text(variant), "三")
        assert shape["一"] == _row(data, "一") and shape["二"] == _row(data, "二"), shape
        assert [f for f in findings_of(variant) if f.rule.startswith("NB2")] == []


def test_placeholder_dashes_under_a_header_are_not_a_row():
    """"申请人情况 商业企业 科研机构 社会公益 法律服务机构 其他 - - - - -" once flattened."""
    data, text = _report()
    text = text.replace("商业企业 科研机构 社会公益组织 法律服务机构 其他",
                        "商业企业 科研机构 社会公益组织 法律服务机构 其他\n- - - - -")
    flat = _flat(text)
    assert "其他 - - - - - " in flat
    assert [f for f in findings_of(flat) if f.rule.startswith("NB2")] == []


def test_a_padded_header_row_is_not_a_row_left_blank():
    """Table 四 as pipes, its header words split over two rows as a PDF leaves them and
    the last padded with empty cells ("| 维持 | 纠正 | 结果 | 审结 | 结果 | … |||||", as in a real report): that is a
    header, not the data row left blank, and the 15 figures below it are read."""
    data = consistent_tables(random.Random(3))
    text = render_report(data, "pipe").text()
    lines = text.split("\n")
    k = next(i for i, ln in enumerate(lines) if ln.startswith("|") and "结果维持" in ln)
    lines[k - 2:k + 1] = ["行政复议行政诉讼", "未经复议直接起诉复议后起诉", "结果结果其他尚未",
                          "总计", "总计总计", "| 维持 | 纠正 | 结果 | 审结 | 结果 | 结果 | 其他 | 尚未 | 结果 | 结果 | 其他 | 尚未 |||||",
                          "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    lines[k + 5] += "|"  # the row of figures padded too
    text = "\n".join(lines)
    report = parse_text(text, "report.md")
    four = report.tables["四"]
    assert len(four.rows) == 3 and all(r.placed for r in four.rows.values()), four.unplaced
    assert [f for f in findings_of(text, "report.md") if f.rule.startswith("NB2")] == []


# ---------------------------------------------------------------------------
# the prose rules on a flattened page


def _prose_findings(text: str, rule: str) -> list:
    return [f for f in findings_of(text) if f.rule == rule]


def test_a_table_header_run_onto_one_line_is_not_prose():
    """Table 四's header as a PDF leaves it ("结果结果其他尚未", words of two header rows run
    together) and a note ("注：…"): on lines of their own, or with the whole page on one
    line, the header is not read as a sentence with a doubled word (NB311)."""
    data, text = _report()
    lines = text.split("\n")
    k = next(i for i, ln in enumerate(lines) if ln.startswith("结果维持 结果纠正"))
    lines[k:k + 1] = ["结果结果其他尚未", "总计结果结果其他尚未结果结果其他尚未", "维持纠正结果审结维持纠正结果审结",
                      "注：行政复议、行政诉讼数量含上年度结转数量。"]
    text = "\n".join(lines)
    assert _prose_findings(text, "NB311") == []
    flat = _flat(text)
    assert "维持纠正结果审结 注：" in flat
    assert _prose_findings(flat, "NB311") == []


def test_sub_headings_run_into_the_line_before_keep_their_numbers():
    """"…更新政府信息27次 （二）依申请公开情况。…（三）政府信息管理情况…": once the page
    is one line, "（二）" stands after a space, not at a line start; the numbering
    （一）（二）（三） is still read in order (no NB312)."""
    data, text = _report()
    items = ["（一）主动公开政府信息情况：本机关通过门户网站主动公开政府信息27条",
             "（二）依申请公开情况。本年度依法办理政府信息公开申请。",
             "（三）政府信息管理情况。本年度规范开展政府信息管理工作。"]
    text = text.replace("一、总体情况\n", "一、总体情况\n" + "\n".join(items) + "\n", 1)
    assert _prose_findings(text, "NB312") == []
    flat = _flat(text)
    assert "27条 （二）" in flat
    assert _prose_findings(flat, "NB312") == []


def test_a_share_is_not_checked_against_other_bases_when_its_base_was_not_read():
    """"办结 N 件，其中予以公开 x 件（p%）" with p the share of （七）总计: when the row
    （七）总计 could not be read (NB205), the share may well be of it, so it is not
    reported against 本年新收 or 新收加上年结转; with the row read, a wrong share is."""
    data, text = _report()
    seven, one = data["三"]["（七）"], data["三"]["（一）"]
    share = 100 * int(one[6]) / int(seven[6])
    lines = text.split("\n")
    k = lines.index("三、收到和处理政府信息公开申请情况")
    wrong = lines[:k + 1] + [f"本年度共办结{seven[6]}件，其中予以公开{one[6]}件（{share + 3:.2f}%）。"] + lines[k + 1:]
    assert [f for f in _prose_findings("\n".join(wrong), "NB401") if "%" in f.message]
    right = lines[:k + 1] + [f"本年度共办结{seven[6]}件，其中予以公开{one[6]}件（{share:.2f}%）。"] + lines[k + 1:]
    row = f"{LABEL3['（七）']} {' '.join(seven)}"
    m = right.index(row)
    right[m] = f"{LABEL3['（七）']} {' '.join(seven[:5] + seven[6:])}"  # one figure lost: not read
    text = "\n".join(right)
    assert [f for f in findings_of(text) if f.rule == "NB205"]
    assert _prose_findings(text, "NB401") == []


def test_a_header_line_before_the_table_is_not_prose():
    """A page run onto one line leaves table 三's header (with a stray traditional character
    from the OCR: "本列導数据") as one long line before the rows: it is the table's, not
    the report's text (no NB314 on it, no other prose finding from it)."""
    data, text = _report()
    text = text.replace("（本列数据的勾稽关系为", "（本列導 数据的勾稽关系为")
    assert _prose_findings(text, "NB314") == []
    assert _prose_findings(_flat(text), "NB314") == []


def test_a_sub_heading_on_a_flattened_page_does_not_hide_the_sentence_after_it():
    """"…（五）监督保障方面 2023年，本机关…": the sub-heading stood on a line of its own, so the
    sentence still starts with the stale year (NB313) once the page is one line; and a
    year is not a table row's figure ("2023 年" is never cut as the end of a group)."""
    data, text = _report()
    items = ["（一）主动公开方面", "本机关通过门户网站主动公开政府信息。",
             "（二）监督保障方面", "2023年，本机关将政务公开工作纳入年度考核，开展社会评议。"]
    text = text.replace("一、总体情况\n", "一、总体情况\n" + "\n".join(items) + "\n", 1)
    assert len(_prose_findings(text, "NB313")) == 1
    flat = _flat(text)
    assert "（二）监督保障方面 2023年，" in flat
    assert len(_prose_findings(flat, "NB313")) == 1
