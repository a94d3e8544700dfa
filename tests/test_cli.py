"""Command line: exit codes, inputs, and every output format."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from types import SimpleNamespace

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers import CORPUS, ROOT, ruleset  # noqa: E402

from nianbao import __version__  # noqa: E402
from nianbao.cli import main  # noqa: E402
from nianbao.config import Config, resolve  # noqa: E402


ANSI = re.compile(r"\x1b\[")


def width(s: str) -> int:
    """Display width: East Asian wide and full-width characters take two cells."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in s)


def pos_of(text: str, needle: str) -> tuple:
    at = text.index(needle)
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def run(capsys, *args) -> tuple:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def run_json(capsys, *args) -> tuple:
    code, out, err = run(capsys, "check", "--format", "json", *args)
    return code, json.loads(out), err


@pytest.fixture
def s(tmp_path, monkeypatch):
    """Copies of the samples under a folder whose configuration selects NB1xx and
    NB3xx only, so that neither the table rules (NB2xx) nor a configuration of
    the checkout change what these tests see; the current folder is that folder."""
    work = tmp_path / "work"
    (work / "corpus").mkdir(parents=True)
    (work / ".nianbao.yaml").write_text("select: [NB1, NB3]\n", encoding="utf-8")
    for p in CORPUS.iterdir():
        if p.suffix in (".txt", ".md", ".expected"):
            (work / "corpus" / p.name).write_bytes(p.read_bytes())
    monkeypatch.chdir(work)
    monkeypatch.delenv("NO_COLOR", raising=False)
    c = work / "corpus"
    return SimpleNamespace(work=work, corpus=c,
                           placeholder=c / "placeholder.txt",  # two NB302 warnings
                           missing=c / "missing-heading.txt",  # one NB101 error
                           reworded=c / "reworded.txt",  # three NB104 warnings
                           clean=c / "clean.txt")


@pytest.fixture
def bare(tmp_path, monkeypatch):
    """An empty current folder with no configuration: the bundled rules as shipped."""
    d = tmp_path / "bare"
    d.mkdir()
    monkeypatch.chdir(d)
    return d


# -- exit codes ----------------------------------------------------------------------

def test_exit_codes(s, capsys, tmp_path):
    assert run(capsys, "check", str(s.clean))[0] == 0
    assert run(capsys, "check", str(s.reworded))[0] == 0  # warnings do not fail by default
    assert run(capsys, "check", str(s.missing))[0] == 1  # an error does
    assert run(capsys, "check", str(tmp_path / "absent.txt"))[0] == 2


def test_fail_on_and_exit_zero(s, capsys):
    assert run(capsys, "check", "--fail-on", "warning", str(s.reworded))[0] == 1
    assert run(capsys, "check", "--fail-on", "info", str(s.reworded))[0] == 1
    assert run(capsys, "check", "--fail-on", "error", str(s.reworded))[0] == 0
    assert run(capsys, "check", "--fail-on", "warning", str(s.clean))[0] == 0
    assert run(capsys, "check", "--exit-zero", str(s.missing))[0] == 0
    assert run(capsys, "check", "--exit-zero", "--fail-on", "info", str(s.reworded))[0] == 0


def test_usage_errors_exit_2(s, capsys):
    assert run(capsys, )[0] == 2  # no command
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "xml", str(s.clean)])
    assert exc.value.code == 2
    assert "参数错误" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["check"])  # no path
    assert exc.value.code == 2


# -- inputs --------------------------------------------------------------------------

def test_directory_recurses_in_sorted_order(s, capsys, tmp_path):
    d = tmp_path / "reports"
    for rel in ("b.txt", "a.md", "sub/c.txt", "sub/A.TXT", "z/.hidden.txt", ".git/x.txt", "notes.rst",
                "sub/deeper/d.markdown"):
        p = d / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(s.clean.read_text(encoding="utf-8"), encoding="utf-8")
    (d / ".nianbao.yaml").write_text("select: [NB1, NB3]\n", encoding="utf-8")
    code, doc, _ = run_json(capsys, str(d))
    assert code == 0
    rels = [os.path.relpath(f["path"], d) for f in doc["files"]]
    assert rels == ["a.md", "b.txt", "sub/A.TXT", "sub/c.txt", "sub/deeper/d.markdown"]
    assert doc["summary"]["files"] == 5
    # the same list twice, in the order given: a file and then its directory
    code, doc, _ = run_json(capsys, str(d / "b.txt"), str(d / "sub"))
    assert [os.path.relpath(f["path"], d) for f in doc["files"]] == [
        "b.txt", "sub/A.TXT", "sub/c.txt", "sub/deeper/d.markdown"]


def test_stdin(s, capsys, monkeypatch):
    data = s.placeholder.read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code, doc, _ = run_json(capsys, "--select", "NB302", "-")
    assert code == 0
    assert doc["files"][0]["path"] == "-"
    text = data.decode("utf-8")
    assert [(f["line"], f["column"]) for f in doc["files"][0]["findings"]] == [
        pos_of(text, "XX镇"), pos_of(text, "××县")]


def test_stdin_in_gbk(s, capsys, monkeypatch):
    data = (s.corpus / "gbk.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="latin-1"))
    code, doc, _ = run_json(capsys, "--select", "NB1", "-")
    assert [(f["rule"], f["line"]) for f in doc["files"][0]["findings"]] == [
        ("NB104", 17), ("NB104", 21), ("NB104", 25)]


def test_unreadable_file_among_good_ones(s, capsys, tmp_path):
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    absent = tmp_path / "absent.md"
    code, doc, _ = run_json(capsys, str(s.placeholder), str(binary), str(absent), str(s.missing))
    assert code == 2  # unreadable input beats findings
    files = doc["files"]
    assert [f["path"] for f in files] == [str(s.placeholder), str(binary), str(absent), str(s.missing)]
    assert files[1]["error"]["code"] == "binary-file" and str(binary) in files[1]["error"]["message"]
    assert files[2]["error"]["code"] == "not-found" and set(files[2]["error"]) == {"code", "message"}
    assert files[1]["findings"] == [] and files[2]["findings"] == []
    # the good files around them are still checked
    assert files[0]["error"] is None and len(files[0]["findings"]) == 2
    assert files[3]["error"] is None and [f["rule"] for f in files[3]["findings"]] == ["NB101"]
    assert doc["summary"]["files"] == 4
    # --exit-zero does not hide an unreadable file
    assert run(capsys, "check", "--exit-zero", str(binary), str(s.clean))[0] == 2


def test_unreadable_file_in_human_output(s, capsys, tmp_path):
    code, out, _ = run(capsys, "check", str(tmp_path / "absent.txt"), str(s.clean))
    assert code == 2
    assert f"{tmp_path / 'absent.txt'}: 无法读取 [not-found]" in out
    assert out.rstrip().endswith("检查了 2 个文件：错误 0 个，警告 0 个，提示 0 个；1 个文件无法读取")


# -- JSON ------------------------------------------------------------------------------

FINDING_KEYS = {"rule", "name", "severity", "message", "line", "column", "end_line", "end_column", "tags",
                "location"}


def test_json_contract(s, capsys):
    code, doc, err = run_json(capsys, str(s.placeholder), str(s.missing))
    assert code == 1 and err == ""
    assert set(doc) == {"schema_version", "tool", "version", "files", "summary"}
    assert doc["schema_version"] == 1
    assert doc["tool"] == "nianbao" and doc["version"] == __version__
    assert set(doc["summary"]) == {"files", "unreadable", "error", "warning", "info", "baselined"}
    for f in doc["files"]:
        assert set(f) == {"path", "error", "findings"}
        for x in f["findings"]:
            assert set(x) == FINDING_KEYS or set(x) == FINDING_KEYS | {"cell"}
            assert isinstance(x["tags"], list) and x["severity"] in ("error", "warning", "info")
    rs = ruleset(("NB",))
    for f in doc["files"]:
        for x in f["findings"]:
            rule = rs.by_code(x["rule"])
            assert x["name"] == rule.name and list(rule.tags) == x["tags"]
    # positions: 1-based, columns in characters, end exclusive
    text = s.placeholder.read_text(encoding="utf-8")
    first = doc["files"][0]["findings"][0]
    line, col = pos_of(text, "XX镇")
    assert (first["rule"], first["line"], first["column"], first["end_line"], first["end_column"]) == (
        "NB302", line, col, line, col + 3)
    assert "XX镇" in first["message"]
    miss = doc["files"][1]["findings"]
    mtext = s.missing.read_text(encoding="utf-8")
    line, col = pos_of(mtext, "六、其他需要报告的事项")
    assert [(m["rule"], m["severity"], m["line"], m["column"], m["end_column"]) for m in miss] == [
        ("NB101", "error", line, col, col + len("六、其他需要报告的事项"))]
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in doc["files"]:
        for x in f["findings"]:
            counts[x["severity"]] += 1
    assert doc["summary"] == {"files": 2, "unreadable": 0, "baselined": 0, **counts} == {
        "files": 2, "unreadable": 0, "error": 1, "warning": 2, "info": 0, "baselined": 0}
    assert first["location"] == {"format": "text", "line": first["line"],
                                 "column": first["column"],
                                 "text": f"第{first['line']}行第{first['column']}列"}


def test_output_is_deterministic(s, capsys):
    paths = [str(p) for p in sorted(s.corpus.glob("*.txt"))]
    for fmt in ("json", "sarif", "github", "human"):
        main(["check", "--format", fmt, *paths])
        first = capsys.readouterr().out
        main(["check", "--format", fmt, *paths])
        assert capsys.readouterr().out == first
        assert first.strip()


def test_findings_are_in_document_order(s, capsys):
    code, doc, _ = run_json(capsys, str(s.corpus / "reworded.txt"), str(s.corpus / "renumbered.txt"))
    for f in doc["files"]:
        keys = [(x["line"], x["column"], x["rule"]) for x in f["findings"]]
        assert keys == sorted(keys) and keys


# -- SARIF and GitHub -------------------------------------------------------------------

def test_sarif(s, capsys):
    code, out, _ = run(capsys, "check", "--format", "sarif", str(s.placeholder), str(s.missing))
    assert code == 1
    doc = json.loads(out)
    assert doc["version"] == "2.1.0" and "sarif-2.1.0" in doc["$schema"]
    run0 = doc["runs"][0]
    driver = run0["tool"]["driver"]
    assert driver["name"] == "nianbao" and driver["version"] == __version__
    ids = [r["id"] for r in driver["rules"]]
    assert {"NB101", "NB302"} <= set(ids) and len(ids) == len(set(ids))
    assert run0["columnKind"] == "unicodeCodePoints"
    results = run0["results"]
    assert [r["ruleId"] for r in results] == ["NB302", "NB302", "NB101"]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    text = s.placeholder.read_text(encoding="utf-8")
    for r in results:
        assert driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
        assert r["level"] in levels.values() and r["message"]["text"]
        loc = r["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"]
        assert set(loc["region"]) <= {"startLine", "startColumn", "endLine", "endColumn", "snippet"}
    line, col = pos_of(text, "XX镇")
    region = dict(results[0]["locations"][0]["physicalLocation"]["region"])
    assert region.pop("snippet")["text"] == text.splitlines()[line - 1]
    assert region == {"startLine": line, "startColumn": col, "endLine": line, "endColumn": col + 3}
    assert results[2]["level"] == "error" and results[0]["level"] == "warning"


def test_sarif_reports_unreadable_files(s, capsys, tmp_path):
    code, out, _ = run(capsys, "check", "--format", "sarif", str(tmp_path / "absent.txt"))
    assert code == 2
    inv = json.loads(out)["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert inv["toolExecutionNotifications"][0]["properties"]["code"] == "not-found"


def test_github_annotations(s, capsys):
    code, out, _ = run(capsys, "check", "--format", "github", str(s.placeholder), str(s.missing))
    lines = out.splitlines()
    assert len(lines) == 3
    text = s.placeholder.read_text(encoding="utf-8")
    line, col = pos_of(text, "XX镇")
    assert lines[0] == (f"::warning file={s.placeholder},line={line},col={col},endLine={line},"
                        f"endColumn={col + 3},title=NB302 placeholder-text::出现占位符“XX镇”：请换成本机关的实际名称")
    assert lines[2].startswith(f"::error file={s.missing},line=")
    for ln in lines:
        assert re.match(r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,"
                        r"title=NB\d{3} [a-z0-9-]+::\S", ln)


def test_github_escapes_properties(s, capsys, tmp_path):
    odd = tmp_path / "a,b:c.txt"
    odd.write_text(s.placeholder.read_text(encoding="utf-8"), encoding="utf-8")
    out = run(capsys, "check", "--format", "github", "--select", "NB302", str(odd))[1]
    assert "file=" + str(odd).replace(":", "%3A").replace(",", "%2C") + ",line=" in out


# -- human output ---------------------------------------------------------------------------

def _blocks(out: str) -> list:
    return [b.splitlines() for b in out.strip().split("\n\n")]


def test_human_output_carets_under_wide_characters(s, capsys):
    code, out, _ = run(capsys, "check", "--select", "NB302", str(s.placeholder))
    assert not ANSI.search(out)  # captured output is not a terminal
    text = s.placeholder.read_text(encoding="utf-8").splitlines()
    blocks = _blocks(out)
    assert len(blocks) == 3  # two findings and the summary
    for block, needle in zip(blocks, ("XX镇", "××县")):
        head, src, carets = block
        line, col = pos_of("\n".join(text), needle)
        assert head.startswith(f"{s.placeholder}:{line}:{col}: 警告 NB302 [placeholder-text] ")
        gutter = f" {line} | "
        assert src == gutter + text[line - 1]
        assert carets.startswith(" " * len(str(line)) + "  | ")
        prefix = text[line - 1][:col - 1]
        assert carets.index("^") - len(gutter) == width(prefix)
        assert carets.count("^") == width(needle) and carets.rstrip().endswith("^")
        assert width(prefix) > len(prefix)  # the prefix really has wide characters
    assert blocks[-1] == ["检查了 1 个文件：错误 0 个，警告 2 个，提示 0 个"]


def test_human_output_expands_tabs(s, capsys, tmp_path):
    p = tmp_path / "t.txt"
    p.write_text("标题\n\t表格\tXX局\n", encoding="utf-8")
    out = run(capsys, "check", "--select", "NB302", str(p))[1]
    _head, src, carets = _blocks(out)[0]
    assert "\t" not in src and src == " 2 | " + "    表格    XX局"
    assert carets.index("^") - len(" 2 | ") == width("    表格    ")


def test_human_heading_finding_and_summary(s, capsys):
    code, out, _ = run(capsys, "check", str(s.missing), str(s.reworded))
    assert code == 1
    blocks = _blocks(out)
    head, src, carets = blocks[0]
    mtext = s.missing.read_text(encoding="utf-8")
    line, col = pos_of(mtext, "六、其他需要报告的事项")
    assert head.startswith(f"{s.missing}:{line}:{col}: 错误 NB101 [heading-missing] 缺少第五部分标题")
    assert carets.count("^") == width("六、其他需要报告的事项")
    assert blocks[-1] == ["检查了 2 个文件：错误 1 个，警告 3 个，提示 0 个"]


def test_color_only_when_asked(s, capsys, monkeypatch):
    out = run(capsys, "check", "--color", "always", str(s.placeholder))[1]
    assert ANSI.search(out)
    assert not ANSI.search(run(capsys, "check", "--color", "never", str(s.placeholder))[1])
    assert not ANSI.search(run(capsys, "check", str(s.placeholder))[1])  # auto, not a terminal
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert ANSI.search(run(capsys, "check", str(s.placeholder))[1])  # auto, a terminal
    monkeypatch.setenv("NO_COLOR", "1")
    assert not ANSI.search(run(capsys, "check", str(s.placeholder))[1])


# -- rules and rule -------------------------------------------------------------------------

def test_rules_lists_every_rule(bare, capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0
    rows = out.splitlines()
    assert rows[0].split()[:3] == ["代码", "名称", "级别"]
    listed = [r.split()[0] for r in rows[1:]]
    rs = ruleset(("NB",))
    assert listed == [r.code for r in rs.rules]
    assert {"NB101", "NB105", "NB111", "NB114", "NB301", "NB302"} <= set(listed)
    for r in rs.rules:
        row = next(x for x in rows if x.startswith(r.code + " "))
        level = {"error": "错误", "warning": "警告", "info": "提示"}[r.severity]
        assert r.name in row and level in row.split() and r.summary in row


def test_rules_json(bare, capsys):
    code, out, _ = run(capsys, "rules", "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["tool"] == "nianbao" and doc["version"] == __version__
    rs = resolve(Config())  # no configuration: the shipped defaults
    assert [r["rule"] for r in doc["rules"]] == [r.code for r in rs.rules]
    for row in doc["rules"]:
        assert set(row) == {"rule", "name", "severity", "tags", "summary", "kind", "enabled"}
        assert row["enabled"] is rs.by_code(row["rule"]).enabled


def test_rules_shows_pack_rules_and_disabled_ones(bare, capsys, tmp_path):
    (tmp_path / "pack.yaml").write_text(
        "rules:\n  NB901:\n    name: my-rule\n    kind: phrase-forbidden\n    severity: info\n"
        "    tags: [narrative]\n    summary: 自定义\n    message: m\n", encoding="utf-8")
    cfg = tmp_path / "c.yaml"
    cfg.write_text("packs: [pack.yaml]\nignore: [NB302]\n", encoding="utf-8")
    doc = json.loads(run(capsys, "rules", "--format", "json", "--config", str(cfg))[1])
    by = {r["rule"]: r for r in doc["rules"]}
    assert by["NB901"]["severity"] == "info" and by["NB302"]["enabled"] is False
    out = run(capsys, "rules", "--config", str(cfg))[1]
    assert "NB901" in out and "（已停用）" in next(x for x in out.splitlines() if x.startswith("NB302"))


SECTIONS = ("检查什么", "为什么", "错误示例", "正确示例", "如何修改")


@pytest.mark.parametrize("code", ["NB101", "NB102", "NB103", "NB104", "NB105", "NB111", "NB112",
                                  "NB113", "NB114", "NB301", "NB302"])
def test_rule_prints_its_documentation(bare, capsys, code):
    rc, out, _ = run(capsys, "rule", code)
    assert rc == 0
    rule = ruleset(("NB",)).by_code(code)
    lines = out.splitlines()
    assert lines[0] == f"{code} {rule.name}：{rule.summary}"
    at = [lines.index(title) for title in SECTIONS]
    assert at == sorted(at)  # all five, in this order, each on a line of its own
    for key, title in zip(("what", "why", "bad", "good", "fix"), SECTIONS):
        first = rule.doc[key].strip().splitlines()[0]
        assert lines[lines.index(title) + 1] == "    " + first


def test_rule_accepts_lowercase_and_name(bare, capsys):
    assert run(capsys, "rule", "nb104")[1].startswith("NB104 heading-wording")
    assert run(capsys, "rule", "heading-wording")[1].startswith("NB104 heading-wording")


def test_unknown_rule_exits_2(bare, capsys):
    code, out, err = run(capsys, "rule", "NB999")
    assert code == 2 and out == "" and "NB999" in err


# -- a real process ---------------------------------------------------------------------------

def _python_m(*args, cwd, stdin: bytes | None = None, env_extra=None):
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "nianbao", *args], input=stdin, capture_output=True,
                          cwd=cwd, env=env, timeout=60)


def test_python_m_nianbao(s):
    p = _python_m("check", "--format", "json", str(s.missing), str(s.clean), cwd=ROOT)
    assert p.returncode == 1, p.stderr.decode("utf-8", "replace")
    doc = json.loads(p.stdout.decode("utf-8"))
    assert [len(f["findings"]) for f in doc["files"]] == [1, 0]
    assert doc["files"][0]["findings"][0]["rule"] == "NB101"


def test_python_m_stdin_human_in_c_locale(s):
    p = _python_m("check", "--select", "NB302", "-", cwd=s.work, stdin=s.placeholder.read_bytes(),
                  env_extra={"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": ""})
    assert p.returncode == 0, p.stderr.decode("utf-8", "replace")
    out = p.stdout.decode("utf-8")
    assert not ANSI.search(out)
    assert out.startswith("-:7:7: 警告 NB302")
    assert out.rstrip().endswith("检查了 1 个文件：错误 0 个，警告 2 个，提示 0 个")


def test_python_m_version_and_config_error(s, tmp_path):
    p = _python_m("--version", cwd=s.work)
    assert p.returncode == 0 and p.stdout.decode().strip() == f"nianbao {__version__}"
    cfg = tmp_path / "bad.yaml"
    cfg.write_text("select: [NB1]\nfoo: 1\n", encoding="utf-8")
    p = _python_m("check", "--config", str(cfg), str(s.clean), cwd=s.work)
    assert p.returncode == 2 and p.stdout == b""
    assert f"{cfg}:2:1:" in p.stderr.decode("utf-8")


def test_rules_follow_the_configuration_of_the_current_folder(capsys, tmp_path, monkeypatch):
    (tmp_path / ".nianbao.yaml").write_text("ignore: [NB104]\nseverity: {NB105: error}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["rules", "--format", "json"]) == 0
    rules = {r["rule"]: r for r in json.loads(capsys.readouterr().out)["rules"]}
    assert rules["NB104"]["enabled"] is False and rules["NB101"]["enabled"] is True
    assert rules["NB105"]["severity"] == "error"
