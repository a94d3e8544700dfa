"""``nianbao review`` end to end: a folder of every format, the outputs read back."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers import ROOT, interrupt_after  # noqa: E402

from nianbao.cli import main  # noqa: E402
from nianbao.config import Config, resolve  # noqa: E402
from nianbao.engine import check_parsed  # noqa: E402
from nianbao.load import load_path  # noqa: E402
from nianbao.parse import parse  # noqa: E402
from nianbao.report.review.record import data_columns  # noqa: E402

openpyxl = pytest.importorskip("openpyxl")
docx = pytest.importorskip("docx")

FORMATS = ROOT / "corpus" / "formats"
TABLES = ROOT / "corpus" / "tables"

MEETING_NOTES = """会议纪要

时间：3月5日下午
地点：三楼会议室
参会人员：办公室全体人员

会议讨论了春季植树活动的安排，确定由综合科负责联系苗木。
下次会议时间另行通知。
"""


def _text_report(agency: str) -> str:
    """A generated plain-text report: the clean pipe sample under another agency,
    written with tabs instead of pipes."""
    src = (TABLES / "pipe-clean.md").read_text(encoding="utf-8")
    old_agency = src.splitlines()[0].split("2024年")[0]
    out = []
    for line in src.replace(old_agency, agency).splitlines():
        if line.startswith("|---"):
            continue
        if line.startswith("|"):
            line = "\t".join(c.strip() for c in line.strip().strip("|").split("|"))
        out.append(line)
    text = "\n".join(out) + "\n"
    assert "\t0\t" in text
    return text.replace("\t0\t", "\t/\t", 1)  # one cell written "/" instead of 0


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    d = tmp_path_factory.mktemp("review") / "各单位年报"
    d.mkdir()
    for name in ("report-broken.pdf", "report-clean.docx", "report-broken.html"):
        shutil.copy(FORMATS / name, d / name)
    shutil.copy(TABLES / "pipe-wrong-totals.md", d / "松溪县统计局.md")
    (d / "乡镇").mkdir()
    shutil.copy(TABLES / "space-lost-cell.txt", d / "乡镇" / "space-lost-cell.txt")
    (d / "乡镇" / "清水镇.txt").write_text(_text_report("清水镇人民政府"), encoding="utf-8")
    (d / "会议纪要.txt").write_text(MEETING_NOTES, encoding="utf-8")
    (d / "旧格式.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    (d / "损坏.pdf").write_bytes(b"%PDF-1.7\nthis is not a real pdf\n")
    out = d.parent / "审查结果"
    code = main(["review", str(d), "-o", str(out), "--jobs", "2"])
    return d, out, code


def _expected(path: Path):
    rs = resolve(Config())
    report = parse(load_path(str(path)), rs.template)
    return report, check_parsed(report, rs)


def test_review_writes_every_output(batch, capsys):
    d, out, code = batch
    assert code == 2  # a file could not be read
    assert (out / "审查报告.html").is_file() and (out / "汇总.xlsx").is_file() and (out / "review.json").is_file()
    doc = json.loads((out / "review.json").read_text(encoding="utf-8"))
    assert doc["schema"] == "nianbao-review" and doc["schema_version"] == 1
    by_name = {Path(r["path"]).name: r for r in doc["reports"]}
    assert by_name["会议纪要.txt"]["status"] == "已跳过" and by_name["会议纪要.txt"]["findings"] == []
    assert by_name["旧格式.doc"]["status"] == "无法读取" and ".docx" in by_name["旧格式.doc"]["reason"]["message"]
    assert by_name["损坏.pdf"]["status"] == "无法读取"
    assert by_name["松溪县统计局.md"]["agency"] == "松溪县统计局"
    assert by_name["松溪县统计局.md"]["level"] == "部门" and by_name["松溪县统计局.md"]["year"] == 2024
    assert by_name["清水镇.txt"]["agency"] == "清水镇人民政府" and by_name["清水镇.txt"]["level"] == "乡镇"
    assert by_name["report-clean.docx"]["status"] == "通过"
    assert doc["summary"]["files"] == 9 and doc["summary"]["reviewed"] == 6


def _sheet_rows(ws):
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    return rows[0], rows[1:]


def test_workbook_values_equal_the_readings(batch):
    d, out, _code = batch
    wb = openpyxl.load_workbook(out / "汇总.xlsx")
    assert wb.sheetnames == ["概览", "问题清单", "数据"]
    for ws in wb.worksheets:
        from openpyxl.utils import get_column_letter
        assert ws.auto_filter.ref == f"A1:{get_column_letter(ws.max_column)}{ws.max_row}"
        assert ws.column_dimensions["B"].width >= 20  # the file column is wide enough to read
    assert wb["数据"].freeze_panes == "E2" and wb["概览"].freeze_panes == "A2"
    head, overview = _sheet_rows(wb["概览"])
    files = sorted(p for p in d.rglob("*") if p.is_file())
    assert len(overview) == len(files)
    col = {h: i for i, h in enumerate(head)}
    reviewed = [r for r in overview if r[col["状态"]] in ("有错误", "有警告", "通过")]
    assert len(reviewed) == 6
    fhead, frows = _sheet_rows(wb["问题清单"])
    dhead, drows = _sheet_rows(wb["数据"])
    columns = data_columns(resolve(Config()).template)
    assert dhead[4:] == [name for name, *_ in columns]
    assert len(drows) == len(reviewed)
    total = 0
    checked_numbers = 0
    for row in reviewed:
        path = Path(row[col["文件"]])
        report, findings = _expected(path)
        total += len(findings)
        assert row[col["错误"]] == sum(f.severity == "error" for f in findings)
        data = next(r for r in drows if r[1] == str(path))
        for (name, tid, rid, ci), got in zip(columns, data[4:]):
            cell = report.tables[tid].cell(rid, ci)
            if cell is None:
                assert got is None, name
            elif cell.kind == "number":
                assert isinstance(got, (int, float)) and not isinstance(got, bool), name
                assert got == float(cell.value), name
                checked_numbers += 1
            elif cell.kind == "blank":
                assert got == "（空白）", name
            else:
                assert got == cell.text and got != 0, name
        mine = [r for r in frows if r[2] == str(path)]
        assert [r[fhead.index("问题")] for r in mine] == [f.message for f in findings]
        assert [r[fhead.index("规则")] for r in mine] == [f.rule for f in findings]
    assert len(frows) == total > 0
    assert checked_numbers > 100


def test_rectification_lists_hold_exactly_each_agencys_problems(batch):
    d, out, _code = batch
    wb = openpyxl.load_workbook(out / "汇总.xlsx")
    head, overview = _sheet_rows(wb["概览"])
    col = {h: i for i, h in enumerate(head)}
    lists = 0
    for row in overview:
        if row[col["状态"]] not in ("有错误", "有警告", "通过"):
            continue
        _report, findings = _expected(Path(row[col["文件"]]))
        to_fix = [f for f in findings if f.severity in ("error", "warning")]
        rel = row[col["整改清单"]]
        if not to_fix:
            assert not rel
            continue
        lists += 1
        assert rel.startswith("整改清单/") and rel.endswith(".docx")
        document = docx.Document(str(out / rel))
        title = document.paragraphs[0].text
        assert title.startswith("关于") and title.endswith("政府信息公开工作年度报告的问题清单")
        assert row[col["机关"]] in title
        table = document.tables[0]
        assert [c.text for c in table.rows[0].cells] == ["序号", "位置", "问题", "整改要求"]
        body = [[c.text for c in r.cells] for r in table.rows[1:]]
        assert [r[2] for r in body] == [f.message for f in to_fix]
        assert [r[0] for r in body] == [str(i) for i in range(1, len(to_fix) + 1)]
        text = "\n".join(p.text for p in document.paragraphs)
        assert "整改期限" in text and "联系人" in text
    assert lists == len(list((out / "整改清单").glob("*.docx"))) >= 3


def test_outputs_do_not_depend_on_jobs(batch, tmp_path):
    d, out, _code = batch
    # the paths inside the outputs are those given, so give the same folder
    again = tmp_path / "again"
    assert main(["review", str(d), "-o", str(again), "--jobs", "1"]) == 2
    names = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert names == sorted(str(p.relative_to(again)) for p in again.rglob("*") if p.is_file())
    for n in names:
        assert (out / n).read_bytes() == (again / n).read_bytes(), n


def test_manifest_overrides_and_lists_missing_agencies(batch, tmp_path):
    d, _out, _code = batch
    m = tmp_path / "名单.csv"
    m.write_text("file,agency,level,parent\n松溪县统计局.md,松溪县统计局（试）,部门,松溪县人民政府\n"
                 ",溪口乡人民政府,乡镇,松溪县人民政府\n", encoding="utf-8-sig")
    out = tmp_path / "out"
    main(["review", str(d), "-o", str(out), "--manifest", str(m), "--jobs", "1"])
    doc = json.loads((out / "review.json").read_text(encoding="utf-8"))
    r = next(r for r in doc["reports"] if r["path"].endswith("松溪县统计局.md"))
    assert (r["agency"], r["agency_source"], r["parent"]) == ("松溪县统计局（试）", "名单", "松溪县人民政府")
    assert [x["agency"] for x in doc["missing"]] == ["溪口乡人民政府"]
    html = (out / "审查报告.html").read_text(encoding="utf-8")
    assert "溪口乡人民政府" in html and "未提交" in html
    wb = openpyxl.load_workbook(out / "汇总.xlsx")
    assert any(row[9] == "未提交" and row[3] == "溪口乡人民政府" for row in wb["概览"].iter_rows(values_only=True))


def test_html_is_self_contained(batch):
    _d, out, _code = batch
    html = (out / "审查报告.html").read_text(encoding="utf-8")
    assert "<svg" in html and "@media print" in html and "size:A4" in html
    for ref in ("http://", "https://", "<script src", "<link", "@import", "url("):
        assert ref not in html.replace('xmlns="http://www.w3.org/2000/svg"', ""), ref


@pytest.mark.parametrize("raw, name, level", [
    ("标题：【图文】松溪县统计局2024年", "松溪县统计局", "部门"),
    ("01-淮安市洪泽区人民政府", "淮安市洪泽区人民政府", "县级人民政府"),
    ("（淮安市人民政府）", "淮安市人民政府", "市级人民政府"),
    ("国家统计局", "国家统计局", "国务院部门"),
    ("教育部", "教育部", "国务院部门"),
    ("上海市人民政府", "上海市人民政府", "省级人民政府"),
    ("江苏省人民政府", "江苏省人民政府", "省级人民政府"),
    ("沭阳县人民政府", "沭阳县人民政府", "县级人民政府"),
    ("官亭镇人民政府", "官亭镇人民政府", "乡镇"),
    ("白沙街道办事处", "白沙街道办事处", "街道"),
    ("上海市人民政府办公厅", "上海市人民政府办公厅", "部门"),
    ("上海市科学技术委员会", "上海市科学技术委员会", "部门"),
    ("松溪县统计局（试）", "松溪县统计局（试）", "部门"),
    ("发布单位:杭州市卫生健康委员会主题分类:政务公开杭州市卫生健康委员会", "杭州市卫生健康委员会", "部门"),
    ("当前位置>首页>张家港市凤凰镇>政府信息公开年报凤凰镇", "凤凰镇", "乡镇"),
    ("无障碍阅读关怀版返回首页政府信息公开济南市章丘区人民政府办公室", "济南市章丘区人民政府办公室", "部门"),
    ("关区年报广州海关关区", "广州海关关区", "部门"),
    ("上海市政务公开办公室", "上海市政务公开办公室", "部门"),
])
def test_agency_names_and_levels(raw, name, level):
    from nianbao.report.review.identify import level_of, normalize_agency
    assert normalize_agency(raw) == name
    assert level_of(name) == level


def test_identity_from_opening_text_and_file_name():
    from nianbao.report.review.identify import identify
    from nianbao.report.review.record import Record
    rec = Record("text", "", "", 0, 2023, "本报告依据……编制。\n一、总体情况\n2023年，淮安市洪泽区人民政府认真贯彻落实……", {})
    ident = identify("x/报告.txt", rec)
    assert (ident.agency, ident.agency_source, ident.year, ident.year_source) == (
        "淮安市洪泽区人民政府", "正文", 2023, "统计期限")
    rec = Record("text", "", "", 0, 0, "", {})
    ident = identify("x/02-官亭镇人民政府2024年政府信息公开工作年度报告.pdf", rec)
    assert (ident.agency, ident.agency_source, ident.level, ident.year) == ("官亭镇人民政府", "文件名", "乡镇", 2024)
    for opening, name in (
            ("您的位置:首页 > 政府信息公开\n\n东风路街道2024年政府信息公开工作年度报告\n\n发表日期", "东风路街道"),
            ("根据……相关要求,结合来宾市卫生健康委员会政府信息公开工作实际,现编制2023年政府信息公开工作年度报告。",
             "来宾市卫生健康委员会"),
            ("本年度报告由宜兴市教育局编制，全文包括总体情况", "宜兴市教育局"),
            ("根据《条例》规定,现公布广东省人民政府2024年政府信息公开工作年度报告。", "广东省人民政府")):
        ident = identify("x/a.txt", Record("text", "", "", 0, 0, opening, {}))
        assert (ident.agency, ident.agency_source) == (name, "正文"), opening
    ident = identify("x/scan.pdf", rec)
    assert (ident.agency, ident.year, ident.level) == ("", 0, "")


def test_json_data_keeps_blank_text_and_numbers_apart(batch):
    _d, out, _code = batch
    doc = json.loads((out / "review.json").read_text(encoding="utf-8"))
    columns = data_columns(resolve(Config()).template)
    seen = set()
    for r in doc["reports"]:
        if r["data"] is None:
            continue
        report, _findings = _expected(Path(r["path"]))
        for name, tid, rid, ci in columns:
            cell = report.tables[tid].cell(rid, ci)
            if cell is None:
                assert name not in r["data"]
                continue
            got = r["data"][name]
            if cell.kind == "number":
                assert got == float(cell.value) and not isinstance(got, str)
            elif cell.kind == "blank":
                assert got is None
            else:
                assert got == cell.text
            seen.add(cell.kind)
    assert seen == {"number", "blank", "token"}


def test_output_folder_inside_the_input_is_not_reviewed(tmp_path, capsys):
    d = tmp_path / "reports"
    d.mkdir()
    shutil.copy(TABLES / "pipe-wrong-totals.md", d / "a.md")
    for _ in range(2):
        assert main(["review", str(d), "-o", str(d / "结果"), "--jobs", "1"]) == 1
        doc = json.loads((d / "结果" / "review.json").read_text(encoding="utf-8"))
        assert [Path(r["path"]).name for r in doc["reports"]] == ["a.md"]


def test_interrupted_review_writes_what_finished(tmp_path, capsys, monkeypatch):
    d = tmp_path / "reports"
    d.mkdir()
    for i in range(4):
        shutil.copy(TABLES / "pipe-wrong-totals.md", d / f"r{i}.md")
    seen = interrupt_after(monkeypatch, 2)
    out = tmp_path / "out"
    assert main(["review", str(d), "-o", str(out), "--jobs", "1"]) == 130
    assert "已中断" in capsys.readouterr().err
    doc = json.loads((out / "review.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in doc["reports"]] == seen
    wb = openpyxl.load_workbook(out / "汇总.xlsx")
    assert wb["概览"].max_row == 3 and wb["数据"].max_row == 3
    assert not list(out.glob(".*.part"))


def test_manifest_errors_are_usage_errors(tmp_path, capsys):
    d = tmp_path / "reports"
    d.mkdir()
    shutil.copy(TABLES / "pipe-wrong-totals.md", d / "a.md")
    m = tmp_path / "名单.csv"
    m.write_text("文件,备注\na.md,x\n", encoding="utf-8")
    assert main(["review", str(d), "-o", str(tmp_path / "o"), "--manifest", str(m)]) == 2
    assert "单位名单" in capsys.readouterr().err
    m.write_text("文件,机关名称,层级\na.md,某局,地市级\n", encoding="gbk")
    assert main(["review", str(d), "-o", str(tmp_path / "o"), "--manifest", str(m)]) == 2
    assert "层级" in capsys.readouterr().err
    assert main(["review", str(d), "-o", str(tmp_path / "o"), "--manifest", str(tmp_path / "none.csv")]) == 2
