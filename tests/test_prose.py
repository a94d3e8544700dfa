"""The prose rules (NB3xx, NB4xx) on the samples of corpus/prose, the pairing of
reports with last year's, and jieba loaded only when needed.

``NAME.expected`` lists every finding (all rules) as ``line:col CODE``.  The
samples at the top of corpus/prose are checked one by one; the three reports of
corpus/prose/series are checked as one batch, so each is compared with the
report of the year before.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers import ROOT, check_file, positions, sort_positions  # noqa: E402

from nianbao.cli import main  # noqa: E402
from nianbao.pairing import Identity, normalise_agency, pair  # noqa: E402

PROSE = ROOT / "corpus" / "prose"
SERIES = PROSE / "series"
SINGLE = sorted(PROSE.glob("*.txt"))
ALL = ("NB",)


def _expected(sample: Path) -> list:
    return [ln.strip() for ln in sample.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
            if ln.strip()]


def _run_json(capsys, *argv) -> dict:
    main(["check", "--format", "json", "--exit-zero", *argv])
    return json.loads(capsys.readouterr().out)


def test_samples_are_described():
    readme = (PROSE / "README.md").read_text(encoding="utf-8")
    for p in SINGLE + sorted(SERIES.glob("*.txt")):
        assert p.with_suffix(".expected").is_file(), p.name
        rel = p.relative_to(PROSE).as_posix()
        assert f"| {rel} |" in readme, rel
        assert _expected(p) == sort_positions(_expected(p))


@pytest.mark.parametrize("sample", SINGLE, ids=lambda p: p.name)
def test_sample_gives_exactly_its_sidecar(sample):
    assert positions(check_file(sample, select=ALL)) == _expected(sample)


def test_series_checked_as_a_batch(capsys):
    out = _run_json(capsys, str(SERIES))
    by_name = {Path(f["path"]).name: f for f in out["files"]}
    assert set(by_name) == {f"yunxi-wenlv-{y}.txt" for y in (2022, 2023, 2024)}
    # the pairing is in the output: each report names the one it was compared with
    assert "previous" not in by_name["yunxi-wenlv-2022.txt"]
    assert Path(by_name["yunxi-wenlv-2023.txt"]["previous"]).name == "yunxi-wenlv-2022.txt"
    assert Path(by_name["yunxi-wenlv-2024.txt"]["previous"]).name == "yunxi-wenlv-2023.txt"
    for name, f in by_name.items():
        got = sort_positions(f"{x['line']}:{x['column']} {x['rule']}" for x in f["findings"])
        assert got == _expected(SERIES / name), name


def test_series_messages_name_last_year_and_the_cells(capsys):
    out = _run_json(capsys, str(SERIES))
    f = next(x for x in out["files"] if x["path"].endswith("2024.txt"))
    carry = [x for x in f["findings"] if x["rule"] == "NB411"]
    assert [x["cell"]["column"] for x in carry] == ["自然人", "总计"]
    assert all("为 0" in x["message"] and "为 2" in x["message"] and "2023 年报告" in x["message"] for x in carry)
    in_force = next(x for x in f["findings"] if x["rule"] == "NB412")
    assert "应为 11 件" in in_force["message"] and "修订" in in_force["message"]


def test_previous_option_gives_the_batch_findings(capsys):
    out = _run_json(capsys, str(SERIES / "yunxi-wenlv-2024.txt"), "--previous", str(SERIES / "yunxi-wenlv-2023.txt"))
    (f,) = out["files"]
    assert Path(f["previous"]).name == "yunxi-wenlv-2023.txt"
    got = sort_positions(f"{x['line']}:{x['column']} {x['rule']}" for x in f["findings"])
    assert got == _expected(SERIES / "yunxi-wenlv-2024.txt")


def test_without_last_year_only_the_text_rules_speak():
    got = positions(check_file(SERIES / "yunxi-wenlv-2024.txt", select=ALL))
    assert got == ["6:161 NB313"]


def test_unreadable_previous_is_an_input_error(capsys, tmp_path):
    code = main(["check", "--format", "json", str(SERIES / "yunxi-wenlv-2024.txt"),
                 "--previous", str(tmp_path / "没有这个文件.txt")])
    assert code == 2
    (f,) = json.loads(capsys.readouterr().out)["files"]
    assert f["error"] is not None


def test_agency_names_are_normalised():
    assert normalise_agency("云溪县 文化和旅游局") == normalise_agency("云溪县文化和旅游局")
    assert normalise_agency("云溪县文化和旅游局（云溪县文物局）") == "云溪县文化和旅游局"
    assert normalise_agency("云溪县人民政府办公室") != normalise_agency("云溪县人民政府")


def test_pairing_needs_one_report_each_side():
    a = Identity("云溪县文化和旅游局", 2024)
    b = Identity("云溪县文化和旅游局", 2023)
    c = Identity("云溪县文化和旅游局", 2022)
    assert pair([("24", a), ("23", b), ("22", c)]) == {"24": "23", "23": "22"}
    # two reports for 2023: which one is last year's is not guessed
    assert pair([("24", a), ("23", b), ("23bis", b)]) == {}
    # a gap of two years, another agency, no year: no pair
    assert pair([("24", a), ("22", c)]) == {}
    assert pair([("24", a), ("x", Identity("云溪县教育局", 2023))]) == {}
    assert pair([("24", a), ("y", Identity("云溪县文化和旅游局", 0))]) == {}


def _modules_after_check(path: Path) -> str:
    code = ("import sys\nfrom nianbao.cli import main\n"
            f"main(['check', '--exit-zero', {str(path)!r}])\n"
            "print('JIEBA' if 'jieba' in sys.modules else 'NOJIEBA', file=sys.stderr)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    return proc.stderr.strip().splitlines()[-1]


def test_jieba_is_loaded_only_for_a_doubled_word_candidate():
    pytest.importorskip("jieba")
    assert _modules_after_check(PROSE / "clean.txt") == "NOJIEBA"
    assert _modules_after_check(PROSE / "text-quality.txt") == "JIEBA"


@pytest.mark.parametrize("code", [f"NB{n}" for n in (303, 304, 305, 306, 307, 308, 311, 312, 313, 314,
                                                      401, 402, 411, 412, 413, 414, 415)])
def test_new_rules_are_documented(code, capsys):
    assert main(["rule", code]) == 0
    out = capsys.readouterr().out
    for title in ("检查什么", "为什么", "错误示例", "正确示例", "如何修改", "规则类型"):
        assert title in out, (code, title)


# -- robustness: any mixture of report pieces, every finding on its own text ------------

_PIECES = [ln for p in sorted(PROSE.rglob("*.txt")) for ln in p.read_text(encoding="utf-8").splitlines()]
_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), _TEXT), max_size=40),
       st.lists(st.sampled_from(_PIECES), max_size=20))
def test_prose_rules_never_crash_and_point_inside_the_text(lines, previous):
    from nianbao.engine import check_document
    from nianbao.load import load_bytes
    from helpers import ruleset
    from hypothesis import assume
    blank = " \t\r\n\f\v\u3000\ufeff"
    text, prev_text = "\n".join(lines), "\n".join(previous)
    assume(text.strip(blank))  # an empty file is an input error ("文件为空"), not a report
    doc = load_bytes(text.encode("utf-8"), "随机.txt")
    prev = load_bytes(prev_text.encode("utf-8"), "上一年度.txt") if prev_text.strip(blank) else None
    for f in check_document(doc, ruleset(("NB3", "NB4")), prev):
        assert f.rule.startswith(("NB3", "NB4"))
        line = doc.lines[f.start.line - 1].text if doc.lines else ""
        assert 0 <= f.col0 <= f.col1 <= max(len(line), 0) or not doc.lines
        assert f.source == line or not doc.lines


def test_human_output_names_the_pairing(capsys):
    main(["check", "--exit-zero", "--color", "never", str(SERIES)])
    out = capsys.readouterr().out
    assert f"{SERIES / 'yunxi-wenlv-2024.txt'}: 与上一年度报告 {SERIES / 'yunxi-wenlv-2023.txt'} 比较" in out
    assert f"{SERIES / 'yunxi-wenlv-2023.txt'}: 与上一年度报告 {SERIES / 'yunxi-wenlv-2022.txt'} 比较" in out
    assert "yunxi-wenlv-2022.txt: 与上一年度报告" not in out


def test_previous_is_for_one_report(capsys):
    code = main(["check", str(SERIES), "--previous", str(SERIES / "yunxi-wenlv-2023.txt")])
    assert code == 2
    assert "--previous 只能与一份报告一起使用" in capsys.readouterr().err
