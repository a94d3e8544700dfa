"""PDF, Word and HTML through the whole pipeline: loader -> parser -> rules.

* the three real PDFs (../shared/corpus): every cell of tables 二, 三 and 四,
  read by nianbao's own PDF loader, equals the values written down by reading
  the documents (the same expectations as the text tests in test_tables_corpus);
  all six headings are found; the 洪泽区 2023 table 四 defect is reported;
* the blank national template (.docx) reads as a report with all headings and
  empty tables: zero-fill findings only, nothing wrong with its structure;
* the generated samples in corpus/formats give exactly their sidecar findings.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_tables_corpus import PDF_REPORTS  # noqa: E402
from test_tables_helpers import SHARED, read_shape  # noqa: E402

from nianbao.cli import main
from nianbao.config import Config, resolve
from nianbao.engine import check_document
from nianbao.load import load_path
from nianbao.parse import parse

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ROOT / "corpus" / "formats"
CORPUS = SHARED / "corpus"
RULES = resolve(Config())


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path.name} is not available")
    return path


def _pdf_report(name: str):
    pytest.importorskip("pypdfium2")
    return parse(load_path(str(_need(CORPUS / name))), RULES.template)


PDF_CASES = [(n, t) for n, exp in PDF_REPORTS.items() for t in exp]


@pytest.mark.parametrize("name,table", PDF_CASES, ids=[f"{n}-表{t}" for n, t in PDF_CASES])
def test_pdf_loader_reads_every_cell(name, table):
    assert read_shape(_pdf_report(name), table) == PDF_REPORTS[name][table]


@pytest.mark.parametrize("name", sorted(PDF_REPORTS))
def test_pdf_all_six_headings(name):
    report = _pdf_report(name)
    assert sorted(h.spec.number for h in report.accepted_headings()) == sorted("一二三四五六")
    assert not [h for h in report.headings if h.duplicate or h.out_of_order]


def _findings(path: Path) -> list:
    return check_document(load_path(str(path)), RULES)


def test_hongze_2023_table_four_defect():
    pytest.importorskip("pypdfium2")
    got = [(f.rule, f.cell.column, f.message) for f in _findings(_need(CORPUS / "huaian-hongze-district-2023.pdf"))
           if f.rule == "NB214"]
    assert [(r, c) for r, c, _ in got] == [("NB214", "行政复议·总计"), ("NB214", "行政诉讼·复议后起诉·总计")]
    assert "总计为 0" in got[0][2] and "11" in got[0][2]
    assert "总计为 0" in got[1][2] and "5" in got[1][2]


def test_pdf_finding_says_page():
    pytest.importorskip("pypdfium2")
    f = next(f for f in _findings(_need(CORPUS / "huaian-hongze-district-2023.pdf")) if f.rule == "NB214")
    extra = dict(f.start.extra)
    assert extra["page"] == 4 and "第4页" in f.start.label


def test_blank_word_template_reads_as_an_empty_report():
    pytest.importorskip("docx")
    path = _need(CORPUS / "template-2021-blank.docx")
    report = parse(load_path(str(path)), RULES.template)
    assert [h.spec.number for h in report.headings] == list("一二三四五六")
    assert all(not h.duplicate and not h.out_of_order and h.numbering_ok and not h.variant
               for h in report.headings)
    for t in ("二", "三", "四"):
        assert report.tables[t].found
    findings = _findings(path)
    structure = [f for f in findings if f.rule.startswith("NB1") and f.rule != "NB113"]
    assert structure == []
    # the template has no agency and no year in its title: NB113 says so, twice
    assert sorted(f.message for f in findings if f.rule == "NB113") == sorted(
        ["标题「政府信息公开工作年度报告格式模板」缺少年份", "标题「政府信息公开工作年度报告格式模板」缺少机关名称"])
    zero = [f for f in findings if f.rule == "NB204"]
    # 10 cells in table 二, 25 x 7 in table 三, 15 in table 四: every one is empty
    assert len(zero) == 10 + 175 + 15
    assert {f.cell.table for f in zero} == {"二", "三", "四"}
    assert len({(f.cell.table, f.cell.row, f.cell.column) for f in zero}) == 200
    # the narrative sections hold only the placeholder "（文字描述）": 总体情况 names no topic
    # (NB303) and section 五 has no content (NB304)
    assert {f.rule for f in findings} == {"NB113", "NB204", "NB303", "NB304"}


SAMPLES = sorted(p for p in FORMATS.glob("report-*") if p.suffix in (".pdf", ".docx", ".html"))


def _key(f) -> str:
    return f"{f.start.label} {f.rule}" if f.start.label else f"{f.start.line}:{f.start.column} {f.rule}"


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name for p in SAMPLES])
def test_format_samples_give_exactly_their_findings(sample):
    pytest.importorskip({"pdf": "pypdfium2", "docx": "docx", "html": "html.parser"}[sample.suffix[1:]])
    want = [ln.strip() for ln in Path(f"{sample}.expected").read_text(encoding="utf-8").splitlines() if ln.strip()]
    assert sorted(_key(f) for f in _findings(sample)) == sorted(want)


def test_every_format_sample_has_a_sidecar():
    assert len(SAMPLES) == 6
    for p in SAMPLES:
        assert Path(f"{p}.expected").is_file(), p.name


def test_json_location_of_a_word_table_cell(capsys):
    pytest.importorskip("docx")
    code = main(["check", "--format", "json", "--select", "NB204", str(FORMATS / "report-broken.docx")])
    doc = json.loads(capsys.readouterr().out)
    assert code == 1
    [f] = doc["files"][0]["findings"]
    assert f["location"] == {"format": "docx", "table": 2, "row": 16, "cell": 5,
                             "text": "第2个表格第16行第5格"}
    assert f["cell"] == {"table": "三", "row": "1.本机关不掌握相关政府信息", "column": "商业企业"}


def test_html_blank_cell_points_at_its_td_in_the_source():
    path = FORMATS / "report-broken.html"
    [f] = [f for f in _findings(path) if f.rule == "NB204"]
    source = path.read_bytes().decode("gb18030").split("\n")[f.start.line - 1]
    assert source[f.start.column - 1:].startswith("<td")
    assert "&nbsp;" in source  # the empty cell itself, not its neighbour


def test_html_figure_points_at_the_figure_in_the_source():
    path = FORMATS / "report-broken.html"
    f = next(f for f in _findings(path) if f.rule == "NB212")
    source = path.read_bytes().decode("gb18030").split("\n")[f.start.line - 1]
    assert source[f.start.column - 1:f.start.column + 1] == "95"
