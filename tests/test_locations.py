"""Locations that mean something per format, led by in every output format,
and findings in document order."""

from __future__ import annotations

import json

import pytest

from nianbao.cli import main

from helpers import ROOT

FORMATS = ROOT / "corpus" / "formats"


def _run(capsys, *args):
    # headings and tables: the findings whose places these tests are about
    code = main(["check", "--select", "NB1,NB2", *args])
    return code, capsys.readouterr().out


def test_human_leads_with_page_and_line_for_pdf(capsys):
    pytest.importorskip("pypdfium2")
    code, out = _run(capsys, "--color", "never", str(FORMATS / "report-broken.pdf"))
    assert code == 1
    heads = [ln for ln in out.splitlines() if ": 错误 " in ln or ": 警告 " in ln]
    assert any(h.startswith(f"{FORMATS / 'report-broken.pdf'}:第2页第1个表格第12行第5格: 错误 NB204") for h in heads)
    assert any(h.startswith(f"{FORMATS / 'report-broken.pdf'}:第2页第30行: 警告 NB104") for h in heads)
    # no internal line:column counter before the place
    assert not any(h.split(": ")[0].split(":")[-1].isdigit() for h in heads)


def test_human_leads_with_paragraph_or_cell_for_word(capsys):
    pytest.importorskip("docx")
    code, out = _run(capsys, "--color", "never", str(FORMATS / "report-broken.docx"))
    heads = [ln.split(": ")[0] for ln in out.splitlines() if " NB" in ln and ": " in ln]
    p = str(FORMATS / "report-broken.docx")
    assert heads == [f"{p}:第2个表格第16行第5格", f"{p}:第2个表格第27行第9格",
                     f"{p}:第2个表格第27行第9格", f"{p}:第13段"]


def test_json_location_per_format(capsys):
    pytest.importorskip("pypdfium2")
    pytest.importorskip("docx")
    _c, out = _run(capsys, "--format", "json", str(FORMATS / "report-broken.pdf"),
                   str(FORMATS / "report-broken.docx"), str(ROOT / "corpus" / "headings" / "reworded.txt"))
    pdf, docx, txt = json.loads(out)["files"]
    assert pdf["findings"][0]["location"] == {"format": "pdf", "page": 2, "table": 1, "row": 12, "cell": 5,
                                              "line": 12, "column": 28, "text": "第2页第1个表格第12行第5格"}
    assert pdf["findings"][-1]["location"] == {"format": "pdf", "page": 2, "line": 30, "column": 1,
                                               "text": "第2页第30行"}
    assert docx["findings"][-1]["location"] == {"format": "docx", "paragraph": 13, "column": 1,
                                                "text": "第13段"}
    loc = txt["findings"][0]["location"]
    assert loc["format"] == "text" and set(loc) == {"format", "line", "column", "text"}
    assert (loc["line"], loc["column"]) == (txt["findings"][0]["line"], txt["findings"][0]["column"])


def test_findings_are_in_document_order_in_every_format(capsys):
    """The Word table (in section 三) precedes the reworded heading 五: its findings come first."""
    pytest.importorskip("docx")
    p = str(FORMATS / "report-broken.docx")
    _c, js = _run(capsys, "--format", "json", p)
    rules = [f["rule"] for f in json.loads(js)["files"][0]["findings"]]
    assert rules == ["NB204", "NB212", "NB213", "NB104"]
    _c, sarif = _run(capsys, "--format", "sarif", p)
    assert [r["ruleId"] for r in json.loads(sarif)["runs"][0]["results"]] == rules
    _c, gh = _run(capsys, "--format", "github", p)
    assert [ln.split("title=")[1].split(" ")[0] for ln in gh.splitlines()] == rules
    _c, human = _run(capsys, "--color", "never", p)
    assert [ln.split(" ")[2] for ln in human.splitlines() if " NB" in ln and ": " in ln] == rules


def test_github_title_names_the_page(capsys):
    pytest.importorskip("pypdfium2")
    _c, gh = _run(capsys, "--format", "github", str(FORMATS / "report-broken.pdf"))
    first = gh.splitlines()[0]
    assert first.startswith("::error file=")
    assert "title=NB204 zero-fill（第2页第1个表格第12行第5格）::" in first
    assert ",line=" not in first  # a PDF has no lines GitHub could point at
    _c, gh = _run(capsys, "--format", "github", str(ROOT / "corpus" / "headings" / "reworded.txt"))
    assert ",line=" in gh.splitlines()[0]
