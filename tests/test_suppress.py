"""Inline suppressions (text/Markdown) and per-file-ignores: round trips."""

from __future__ import annotations

import json

from nianbao.cli import main

from helpers import ROOT

WRONG = ROOT / "corpus" / "tables" / "tab-wrong-totals.txt"
REPORT = """XX镇人民政府2024年政府信息公开工作年度报告

一、总体情况
XX镇坚持依法公开。
二、主动公开政府信息情况
"""


def _json(capsys, *args):
    code = main(["check", "--format", "json", *args])
    doc = json.loads(capsys.readouterr().out)
    return code, [(f["rule"], f["line"]) for fr in doc["files"] for f in fr["findings"]]


def test_disable_next_line_round_trip(tmp_path, capsys):
    p = tmp_path / "r.md"
    p.write_text(REPORT, encoding="utf-8")
    _c, before = _json(capsys, "--select", "NB302,NB001", str(p))
    assert before == [("NB302", 1), ("NB302", 4)]
    # a blank line between the comment and its line is skipped
    p.write_text(REPORT.replace("XX镇坚持", "\n<!-- nianbao: disable=NB302 -->\n\nXX镇坚持"), encoding="utf-8")
    assert p.read_text(encoding="utf-8").splitlines()[4] == "<!-- nianbao: disable=NB302 -->"
    _c, after = _json(capsys, "--select", "NB302,NB001", str(p))
    assert after == [("NB302", 1)]  # the title's placeholder is still reported
    # the problem fixed: the comment is now reported as unused (info), at the comment
    p.write_text(p.read_text(encoding="utf-8").replace("XX镇坚持", "某镇坚持"), encoding="utf-8")
    code, fixed = _json(capsys, "--select", "NB302,NB001", str(p))
    assert fixed == [("NB302", 1), ("NB001", 5)]


def test_disable_file_and_unknown_codes(tmp_path, capsys):
    p = tmp_path / "r.md"
    p.write_text(REPORT + "<!-- nianbao: disable-file=NB302, NB777 -->\n", encoding="utf-8")
    code, got = _json(capsys, "--select", "NB302,NB001", str(p))
    assert got == [("NB001", 6)]
    assert code == 0  # info only
    p.write_text(REPORT + "<!-- nianbao: disable-file=NB302,NB001 -->\n", encoding="utf-8")
    _c, got = _json(capsys, "--select", "NB302,NB001", str(p))
    assert got == []


def test_comments_are_not_read_in_word_pdf_or_html(tmp_path, capsys):
    p = tmp_path / "r.html"
    p.write_text("<p>XX镇人民政府2024年政府信息公开工作年度报告</p>\n<p>XX镇坚持依法公开。</p>", encoding="utf-8")
    _c, got = _json(capsys, "--select", "NB302,NB001", str(p))
    assert [r for r, _l in got] == ["NB302", "NB302"]


def test_per_file_ignores_round_trip(tmp_path, capsys, monkeypatch):
    sh = tmp_path / "上海"
    sh.mkdir()
    (sh / "a.txt").write_text(WRONG.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(WRONG.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _c, before = _json(capsys, "上海/a.txt", "b.txt")
    assert any(r == "NB212" for r, _l in before)
    (tmp_path / ".nianbao.yaml").write_text('per-file-ignores:\n  "上海/*.txt": [NB212, NB21]\n',
                                            encoding="utf-8")
    code = main(["check", "--format", "json", "上海/a.txt", "b.txt"])
    doc = json.loads(capsys.readouterr().out)
    a, b = doc["files"]
    assert not any(f["rule"].startswith("NB21") for f in a["findings"])
    assert any(f["rule"] == "NB212" for f in b["findings"])
    assert code == 1


def test_per_file_ignores_unknown_code_is_a_config_error(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / ".nianbao.yaml").write_text('per-file-ignores:\n  "*.txt": [NB105, QQ100]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["check", "a.txt"])
    err = capsys.readouterr().err
    assert code == 2
    assert ".nianbao.yaml:2:" in err and "QQ100" in err
