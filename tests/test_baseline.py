"""Baseline round trip: record today's findings, report only new ones; matching
survives edits above; fixed findings age out of a rewritten baseline."""

from __future__ import annotations

import json

from nianbao.cli import main

from helpers import ROOT

WRONG = (ROOT / "corpus" / "tables" / "tab-wrong-totals.txt").read_text(encoding="utf-8")


def _check(capsys, *args):
    code = main(["check", "--format", "json", *args])
    cap = capsys.readouterr()
    doc = json.loads(cap.out)
    return code, doc, cap.err


def test_baseline_round_trip(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rep = tmp_path / "各单位" / "报告.txt"
    rep.parent.mkdir()
    rep.write_text(WRONG, encoding="utf-8")
    code, doc, _ = _check(capsys, str(rep))
    before = [(f["rule"], f["message"]) for f in doc["files"][0]["findings"]]
    assert code == 1 and before

    code, doc, err = _check(capsys, "各单位", "--write-baseline", "基线.json")
    assert code == 0 and f"已把 {len(before)} 个问题写入基线" in err
    data = json.loads((tmp_path / "基线.json").read_text(encoding="utf-8"))
    assert {r["path"] for r in data["findings"]} == {"各单位/报告.txt"}
    assert all("line" not in r for r in data["findings"])

    # same report, run from another folder: nothing new
    monkeypatch.chdir(rep.parent)
    code, doc, err = _check(capsys, "报告.txt", "--baseline", str(tmp_path / "基线.json"))
    assert code == 0 and doc["files"][0]["findings"] == []
    assert doc["summary"]["baselined"] == len(before)

    # a paragraph added above moves every finding down: still nothing new
    lines = WRONG.splitlines(keepends=True)
    rep.write_text(lines[0] + "\n补充说明：本报告经单位负责人审定。\n\n" + "".join(lines[1:]), encoding="utf-8")
    code, doc, err = _check(capsys, "报告.txt", "--baseline", str(tmp_path / "基线.json"))
    assert code == 0 and doc["files"][0]["findings"] == [], doc["files"][0]["findings"]

    # a new problem is reported, the recorded ones stay hidden
    text = rep.read_text(encoding="utf-8")
    assert "五、存在的主要问题及改进情况" in text
    rep.write_text(text.replace("五、存在的主要问题及改进情况", "五、存在的主要问题和改进措施"), encoding="utf-8")
    code, doc, _ = _check(capsys, "报告.txt", "--baseline", str(tmp_path / "基线.json"))
    assert [f["rule"] for f in doc["files"][0]["findings"]] == ["NB104"]

    # ageing: fix one recorded finding; --baseline says one is gone; rewriting drops it
    fixed_text = rep.read_text(encoding="utf-8").replace("五、存在的主要问题和改进措施", "五、存在的主要问题及改进情况")
    rep.write_text(fixed_text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, doc, _ = _check(capsys, "各单位", "--write-baseline", "基线.json")
    n_all = len(json.loads((tmp_path / "基线.json").read_text(encoding="utf-8"))["findings"])
    assert n_all == len(before)


def test_baseline_ages_and_reports_gone_findings(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rep = tmp_path / "r.txt"
    rep.write_text(WRONG, encoding="utf-8")
    _check(capsys, "r.txt", "--write-baseline", "b.json")
    n0 = len(json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["findings"])
    # fix the heading problem(s) of the report: replace the whole text by a clean one
    clean = (ROOT / "corpus" / "tables" / "tab-clean.txt").read_text(encoding="utf-8")
    rep.write_text(clean, encoding="utf-8")
    code, doc, err = _check(capsys, "r.txt", "--baseline", "b.json")
    assert code == 0 and f"基线中有 {n0} 个问题已不再出现" in err
    _check(capsys, "r.txt", "--write-baseline", "b.json")
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["findings"] == []


def test_baseline_errors_exit_2(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.txt").write_text(WRONG, encoding="utf-8")
    assert main(["check", "r.txt", "--baseline", "none.json"]) == 2
    assert "基线文件不存在" in capsys.readouterr().err
    for bad in ("{}", "[1]", '{"baseline_version": 1, "findings": [3]}'):
        (tmp_path / "bad.json").write_text(bad, encoding="utf-8")
        assert main(["check", "r.txt", "--baseline", "bad.json"]) == 2
        assert "不是 nianbao 基线" in capsys.readouterr().err
