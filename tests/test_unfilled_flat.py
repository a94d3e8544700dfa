"""A report whose tables were left unfilled (row labels, no figures), flattened onto
one line as a web page's text extraction leaves it: the rows are there, empty, and
must be reported as such ("只写了行名"/"没有填写数字"), never as missing rows; a
sentence that names a few rows is not a table."""

from __future__ import annotations

import random

from test_tables_helpers import consistent_tables, findings_of, render_report


def _unfilled_report() -> str:
    data = consistent_tables(random.Random(3))
    for table in ("二", "三"):
        data[table] = {row: [] for row in data[table]}
    return render_report(data, "space").text()


def _flat(text: str) -> str:
    return " ".join(line for line in text.split("\n") if line.strip())


def _table_messages(text: str) -> list:
    return sorted(f.message for f in findings_of(text) if f.rule in ("NB201", "NB203"))


def test_an_unfilled_table_reads_the_same_flattened():
    text = _unfilled_report()
    lines = _table_messages(text)
    assert any("只写了行名" in m for m in lines) and any("没有填写数字" in m for m in lines)
    assert _table_messages(_flat(text)) == lines
    assert not any("缺少" in m or "只读到" in m for m in _table_messages(_flat(text)))


def test_two_row_names_in_a_sentence_are_not_rows():
    text = _flat(render_report(consistent_tables(random.Random(3)), "space").text())
    prose = "本年度（一）予以公开（二）部分公开的申请均按时办结。"
    assert _table_messages(text.replace("三、收到和处理政府信息公开申请情况",
                                        "三、收到和处理政府信息公开申请情况 " + prose)) == _table_messages(text)
