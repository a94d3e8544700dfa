"""Human output fitted to the terminal: an 80-column capture."""

from __future__ import annotations

import shutil

import pytest

from nianbao.cli import main
from nianbao.report.human import fit_snippet, text_width

from helpers import ROOT

LONG = ("某某镇人民政府2024年政府信息公开工作年度报告\n一、总体情况\n"
        + "本年度，我镇认真贯彻落实《中华人民共和国政府信息公开条例》，" * 6
        + "XX镇坚持以公开为常态、不公开为例外。" + "持续推进决策、执行、管理、服务、结果公开。" * 4 + "\n")


def _capture(capsys, monkeypatch, cwd, *args, columns="80"):
    monkeypatch.chdir(cwd)
    monkeypatch.setenv("COLUMNS", columns)
    main(["check", "--color", "never", *args])
    return capsys.readouterr().out


def _caret_text(shown: str, carets: str) -> str:
    """The characters of ``shown`` above the carets."""
    start, n = text_width(carets[:carets.index("^")]), carets.count("^")
    col, out = 0, []
    for ch in shown:
        w = text_width(ch)
        if start <= col < start + n:
            out.append(ch)
        col += w
    return "".join(out)


def test_80_column_capture(tmp_path, capsys, monkeypatch):
    pytest.importorskip("pypdfium2")
    (tmp_path / "r.txt").write_text(LONG, encoding="utf-8")
    shutil.copy(ROOT / "corpus" / "formats" / "report-broken.pdf", tmp_path / "b.pdf")
    shutil.copy(ROOT / "corpus" / "tables" / "tab-wrong-totals.txt", tmp_path / "t.txt")
    out = _capture(capsys, monkeypatch, tmp_path, "r.txt", "b.pdf", "t.txt", "--select", "NB302,NB2,NB104")
    lines = out.splitlines()
    assert max(text_width(ln) for ln in lines) <= 80, max(lines, key=text_width)
    # every finding's header (place, level, rule) is one line
    heads = [ln for ln in lines if ln.startswith(("r.txt:", "b.pdf:", "t.txt:"))]
    assert len(heads) == out.count(" | ") // 2
    assert any(h.startswith("b.pdf:第2页第1个表格第12行第5格: 错误 NB204 [zero-fill]") for h in heads)
    # the placeholder far to the right: the line is cut with "…" and the caret is under it
    snippet_rows = [(lines[k], lines[k + 1]) for k in range(len(lines) - 1)
                    if lines[k].startswith(" 3 | ")]
    assert snippet_rows
    shown, carets = snippet_rows[0]
    assert shown.startswith(" 3 | …") and shown.endswith("…")
    assert _caret_text(shown, carets) == "XX镇"


def test_wide_terminal_keeps_the_header_and_line_whole(tmp_path, capsys, monkeypatch):
    (tmp_path / "r.txt").write_text(LONG, encoding="utf-8")
    out = _capture(capsys, monkeypatch, tmp_path, "r.txt", "--select", "NB302", columns="1000")
    assert "r.txt:3:" in out and "…" not in out
    assert LONG.splitlines()[2] in out


@pytest.mark.parametrize("avail", [10, 20, 33, 80])
def test_fit_snippet_keeps_the_caret_under_the_marked_text(avail):
    src = "\t表三\t" + "一二三四五六七八九十" * 5 + "（七）总计\t95\t" + "ab" * 30
    c0 = src.index("95")
    shown, carets = fit_snippet(src, c0, c0 + 2, avail)
    assert text_width(shown) <= max(avail, 4)
    assert _caret_text(shown, carets) == "95"
