"""The reader keeps its readings when the report around the tables changes:
headings missing, prose with figures next to the tables, page markers, noise."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_tables_helpers import (  # noqa: E402
    SAMPLES, SHARED, consistent_tables, findings_of, parse_text, read_shape, render_report,
)

HEADINGS = {"二": "二、主动公开政府信息情况", "三": "三、收到和处理政府信息公开申请情况",
            "四": "四、政府信息公开行政复议、行政诉讼情况"}
CLEAN = sorted(p for p in SAMPLES.glob("*-clean.*") if p.suffix in (".txt", ".md")) + [SAMPLES / "tab-messy.txt", SAMPLES / "space-messy.txt",
                                                       SAMPLES / "pipe-broken.md"]
REAL = [SHARED / "corpus" / n for n in ("guanting-town-2024.txt", "shuyang-county-2025-ocr.txt",
                                          "shanghai-general-office-2025.md")]


def _shapes(text: str, name: str) -> dict:
    rep = parse_text(text, name)
    return {t: read_shape(rep, t) for t in "二三四"}


def _without(text: str, heading: str) -> str:
    return "\n".join(ln for ln in text.split("\n") if heading not in ln.replace(" ", "").replace("#", "")
                     or len(ln.strip("# ")) > len(heading) + 2)


@pytest.mark.parametrize("path", CLEAN + [p for p in REAL if p.exists()], ids=lambda p: p.name)
@pytest.mark.parametrize("table", ["二", "三", "四"])
def test_a_missing_heading_does_not_lose_a_table(path, table):
    text = path.read_text(encoding="utf-8")
    cut = _without(text, HEADINGS[table])
    assert cut != text
    assert _shapes(cut, path.name) == _shapes(text, path.name)


PROSE = {
    "二": "本年度，主动公开规章 0 件、行政规范性文件 3 件，行政许可决定 86 件；\n全年行政处罚决定数量为 5\n件，行政事业性收费 1.25 万元。\n",
    "三": "本年度共收到政府信息公开申请 5 件，上年结转 1 件，办结 5 件，结转下年度继续办理 1 件。\n其中予以公开 3 件，本年新收政府信息公开申请数量为 5\n件。\n",
    "四": "本年度发生政府信息公开行政复议 1 件，结果维持 1 件；行政诉讼 0 件。\n",
}


@pytest.mark.parametrize("shape", ["tab", "pipe", "space", "cell"])
@pytest.mark.parametrize("where", ["before", "after"])
def test_prose_with_figures_beside_the_tables_is_not_read(shape, where):
    data = consistent_tables(random.Random(7))
    text = render_report(data, shape).text()
    name = "r.md" if shape == "pipe" else "r.txt"
    clean = _shapes(text, name)
    lines = text.split("\n")
    out = []
    for ln in lines:
        if where == "before":
            out.append(ln)
        for t, h in HEADINGS.items():
            if ln == h and where == "before":
                out.append(PROSE[t].rstrip("\n"))
        if where == "after":
            nxt = {"三": "二", "四": "三", "五": "四"}
            key = next((v for k, v in nxt.items() if ln.startswith(k + "、")), None)
            if key:
                out.append(PROSE[key].rstrip("\n"))
            out.append(ln)
    noisy = "\n".join(out)
    assert _shapes(noisy, name) == clean
    assert [f for f in findings_of(noisy, name) if f.rule.startswith("NB2")] == []


@pytest.mark.parametrize("shape", ["tab", "space", "pipe"])
def test_page_markers_inside_tables_are_skipped(shape):
    data = consistent_tables(random.Random(8))
    text = render_report(data, shape).text()
    name = "r.md" if shape == "pipe" else "r.txt"
    lines = text.split("\n")
    marked = []
    for i, ln in enumerate(lines):
        marked.append(ln)
        if "2.重复申请" in ln or "行政处罚" in ln:
            marked.append(f"- {i % 9 + 1} -")
        if "（七）总计" in ln and shape != "pipe":
            marked.append(f"— {i % 9 + 1} —")
    assert _shapes("\n".join(marked), name) == _shapes(text, name)


WORDS = ["规章", "行政许可", "（七）总计", "1.属于国家秘密", "自然人", "行政复议", "结果维持", "总计", "三、",
         "第二十条第（五）项", "信息内容", "申请人情况", "0", "12", "3.5", "/", "—", "无", "- 3 -", "|", "\t",
         "四、结转下年度继续办理", "（六）其他处理", "本年新制作数量", "政府集中采购"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=12), max_size=60))
def test_any_jumble_of_table_words_reads_without_error(rows):
    body = "\n".join((" " if i % 3 else "\t").join(r) for i, r in enumerate(rows))
    text = ("某镇人民政府2024年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n" + body
            + "\n三、收到和处理政府信息公开申请情况\n" + body + "\n四、政府信息公开行政复议、行政诉讼情况\n" + body)
    for name in ("r.txt", "r.md"):
        findings_of(text, name)  # must not raise
