"""--statistics, --output-file, --format csv and junit."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from nianbao.cli import main

from helpers import ROOT

WRONG = ROOT / "corpus" / "tables" / "tab-wrong-totals.txt"
CLEAN = ROOT / "corpus" / "tables" / "tab-clean.txt"
DOCX = ROOT / "corpus" / "formats" / "report-broken.docx"


def _json_findings(capsys, *paths, select=None):
    main(["check", "--format", "json", *(["--select", select] if select else []), *map(str, paths)])
    return [f for fr in json.loads(capsys.readouterr().out)["files"] for f in fr["findings"]]


def test_statistics_counts_per_rule(capsys):
    findings = _json_findings(capsys, WRONG, CLEAN)
    want = {}
    for f in findings:
        want[f["rule"]] = want.get(f["rule"], 0) + 1
    code = main(["check", "--statistics", str(WRONG), str(CLEAN)])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    rows = [ln.split() for ln in out[:-1]]
    assert {r[1]: int(r[0]) for r in rows} == want
    assert [int(r[0]) for r in rows] == sorted((int(r[0]) for r in rows), reverse=True)
    assert all(r[2] in ("错误", "警告", "提示") for r in rows)
    assert out[-1].startswith("检查了 2 个文件")
    main(["check", "--statistics", "--format", "json", str(WRONG)])
    stats = json.loads(capsys.readouterr().out)["statistics"]
    assert sum(s["count"] for s in stats) == len(_json_findings(capsys, WRONG))
    assert main(["check", "--statistics", "--format", "sarif", str(WRONG)]) == 2


def test_output_file(tmp_path, capsys):
    out = tmp_path / "结果.json"
    code = main(["check", "--format", "json", "--output-file", str(out), str(WRONG)])
    assert code == 1 and capsys.readouterr().out == ""
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["files"][0]["findings"]
    human = tmp_path / "h.txt"
    main(["check", "-o", str(human), "--color", "auto", str(WRONG)])
    text = human.read_text(encoding="utf-8")
    assert "\x1b[" not in text and "NB212" in text
    assert main(["check", "-o", str(tmp_path / "无此目录" / "x.txt"), str(WRONG)]) == 2
    assert "无法写入输出文件" in capsys.readouterr().err


def test_csv(capsys):
    pytest.importorskip("docx")
    findings = _json_findings(capsys, WRONG, DOCX, select="NB1,NB2")  # heading and table findings
    main(["check", "--format", "csv", "--select", "NB1,NB2", str(WRONG), str(DOCX), "absent.txt"])
    raw = capsys.readouterr().out
    assert raw.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(raw[1:])))
    assert len(rows) == len(findings) + 1
    assert [(r["rule"], r["message"]) for r in rows[:-1]] == [(f["rule"], f["message"]) for f in findings]
    docx_rows = [r for r in rows if r["path"] == str(DOCX)]
    assert docx_rows[0]["location"] == "第2个表格第16行第5格"
    assert docx_rows[0]["table"] == "三" and docx_rows[0]["cell_column"] == "商业企业"
    assert rows[-1]["path"] == "absent.txt" and rows[-1]["error"] == "not-found"


def test_junit(capsys):
    findings = _json_findings(capsys, WRONG, CLEAN)
    code = main(["check", "--format", "junit", str(WRONG), str(CLEAN), "absent.txt"])
    root = ET.fromstring(capsys.readouterr().out.encode("utf-8"))
    assert code == 2
    assert root.tag == "testsuites"
    assert int(root.get("failures")) == len(findings) and int(root.get("errors")) == 1
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [str(WRONG), str(CLEAN), "absent.txt"]
    assert len(suites[0].findall("testcase/failure")) == len(findings)
    assert suites[1].findall("testcase") and not suites[1].findall("testcase/failure")
    assert suites[2].find("testcase/error").get("type") == "not-found"
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in suites)
