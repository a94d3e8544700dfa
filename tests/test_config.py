"""Configuration: discovery, selection, severity, rule packs and config errors.

Every expected error position is computed from the YAML/TOML text the test
itself writes (``pos_of``), so a test says "the error points at NB999", not a
number copied from the tool.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers import CORPUS  # noqa: E402

from nianbao.cli import main  # noqa: E402
from nianbao.config import Config, discover, read_config, resolve  # noqa: E402
from nianbao.engine import check_document  # noqa: E402
from nianbao.load import load_path  # noqa: E402
from nianbao.yamlio import ConfigError  # noqa: E402

CLEAN = (CORPUS / "clean.txt").read_text(encoding="utf-8")
REWORDED = (CORPUS / "reworded.txt").read_text(encoding="utf-8")  # three NB104 warnings


def pos_of(text: str, needle: str, nth: int = 1) -> tuple:
    """1-based (line, column) of the ``nth`` occurrence of ``needle`` in ``text``."""
    at = -1
    for _ in range(nth):
        at = text.index(needle, at + 1)
    line = text.count("\n", 0, at) + 1
    col = at - (text.rfind("\n", 0, at) + 1) + 1
    return line, col


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def enabled(ruleset) -> set:
    return {r.code for r in ruleset.rules if r.enabled}


def findings(ruleset, path) -> list:
    """(code, severity, line, column) of every finding except the table rules' (NB2xx):
    the samples have no tables and those rules are not what these tests are about."""
    return [(f.rule, f.severity, f.start.line, f.start.column)
            for f in check_document(load_path(str(path)), ruleset) if not f.rule.startswith("NB2")]


ALL_OWN = {"NB101", "NB102", "NB103", "NB104", "NB105", "NB111", "NB112", "NB113", "NB114",
           "NB301", "NB302"}


# -- discovery ---------------------------------------------------------------------

def test_discovery_walks_up_to_the_nearest_config(tmp_path):
    cfg = write(tmp_path / "a" / ".nianbao.yaml", "ignore: [NB104]\n")
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    assert discover(str(deep)) == str(cfg)
    # a nearer pyproject.toml with [tool.nianbao] wins
    pp = write(tmp_path / "a" / "b" / "pyproject.toml", '[tool.nianbao]\nselect = ["NB1"]\n')
    assert discover(str(deep)) == str(pp)
    # .nianbao.yaml beats pyproject.toml in the same folder
    yml = write(tmp_path / "a" / "b" / ".nianbao.yaml", "select: [NB3]\n")
    assert discover(str(deep)) == str(yml)


def test_pyproject_without_tool_nianbao_is_skipped(tmp_path):
    cfg = write(tmp_path / "q" / ".nianbao.yml", "ignore: [NB3]\n")
    write(tmp_path / "q" / "r" / "pyproject.toml", '[project]\nname = "demo"\n')
    (tmp_path / "q" / "r" / "s").mkdir()
    assert discover(str(tmp_path / "q" / "r" / "s")) == str(cfg)


def test_discovered_config_governs_each_file(tmp_path, capsys):
    """Two reports in one run, each under its own configuration."""
    write(tmp_path / "quiet" / ".nianbao.yaml", "select: [NB1, NB3]\nignore: [NB104]\n")
    a = write(tmp_path / "quiet" / "x" / "report.txt", REWORDED)
    write(tmp_path / "loud" / "pyproject.toml", '[tool.nianbao]\nselect = ["NB104"]\n')
    b = write(tmp_path / "loud" / "report.txt", REWORDED)
    assert main(["check", "--format", "json", "--fail-on", "warning", str(a), str(b)]) == 1
    import json
    files = json.loads(capsys.readouterr().out)["files"]
    assert [f["path"] for f in files] == [str(a), str(b)]
    assert files[0]["findings"] == []
    assert [x["rule"] for x in files[1]["findings"]] == ["NB104"] * 3


def test_config_option_replaces_discovery(tmp_path, capsys):
    write(tmp_path / "proj" / ".nianbao.yaml", "select: [NB1, NB3]\nignore: [NB1]\n")
    report = write(tmp_path / "proj" / "report.txt", REWORDED)
    other = write(tmp_path / "elsewhere.yaml", "select: [NB104]\nseverity: {NB104: error}\n")
    assert main(["check", str(report)]) == 0
    assert "NB104" not in capsys.readouterr().out
    assert main(["check", "--config", str(other), str(report)]) == 1
    out = capsys.readouterr().out
    assert out.count("NB104") == 3 and "错误 NB104" in out


def test_packs_are_relative_to_the_config_file(tmp_path, monkeypatch):
    write(tmp_path / "cfg" / "packs" / "extra.yaml", FORBIDDEN_PACK)
    cfg = write(tmp_path / "cfg" / ".nianbao.yaml", "packs: [packs/extra.yaml]\n")
    monkeypatch.chdir(tmp_path)  # not the config's folder
    rs = resolve(read_config(str(cfg)))
    assert rs.by_code("NB901") is not None


# -- selection and severity ------------------------------------------------------------

@pytest.mark.parametrize("select,ignore,expected", [
    (None, [], ALL_OWN),
    (["NB1"], [], ALL_OWN - {"NB301", "NB302"}),
    (["NB104"], [], {"NB104"}),
    (["NB10", "NB302"], [], {"NB101", "NB102", "NB103", "NB104", "NB105", "NB302"}),
    (None, ["NB1"], {"NB301", "NB302"}),
    (["NB1"], ["NB11", "NB105"], {"NB101", "NB102", "NB103", "NB104"}),
    (["ALL"], ["NB3"], ALL_OWN - {"NB301", "NB302"}),
])
def test_select_and_ignore(select, ignore, expected):
    rs = resolve(Config(select=select, ignore=ignore))
    assert enabled(rs) & ALL_OWN == expected


def test_cli_select_and_ignore_override_config(tmp_path):
    cfg = write(tmp_path / ".nianbao.yaml", "select: [NB3]\nignore: [NB302]\n")
    rs = resolve(read_config(str(cfg)), cli_select=["NB104", "NB105"], cli_ignore=["NB105"])
    assert enabled(rs) & ALL_OWN == {"NB104"}


def test_severity_override(tmp_path):
    report = write(tmp_path / "r.txt", REWORDED)
    base = resolve(Config())
    assert {s for _r, s, _l, _c in findings(base, report)} == {"warning"}
    cfg = write(tmp_path / ".nianbao.yaml", "select: [NB1, NB3]\nseverity:\n  NB104: error\n")
    rs = resolve(read_config(str(cfg)))
    got = findings(rs, report)
    assert [(r, s) for r, s, _l, _c in got] == [("NB104", "error")] * 3
    assert rs.by_code("NB105").severity == "warning"  # the others keep theirs


def test_severity_override_changes_the_exit_code(tmp_path):
    report = write(tmp_path / "r.txt", REWORDED)
    write(tmp_path / ".nianbao.yaml", "select: [NB1, NB3]\n")
    assert main(["check", str(report)]) == 0  # warnings only
    write(tmp_path / ".nianbao.yaml", "select: [NB1, NB3]\nseverity: {NB104: error}\n")
    assert main(["check", str(report)]) == 1


def test_fail_on_from_config(tmp_path):
    report = write(tmp_path / "r.txt", REWORDED)
    write(tmp_path / ".nianbao.yaml", "select: [NB1, NB3]\nfail-on: warning\n")
    assert main(["check", str(report)]) == 1
    assert main(["check", "--fail-on", "error", str(report)]) == 0  # the command line wins


def test_pyproject_config(tmp_path):
    write(tmp_path / "pyproject.toml",
          '[project]\nname = "x"\n\n[tool.nianbao]\nselect = ["NB1"]\n\n'
          '[tool.nianbao.severity]\nNB104 = "info"\n')
    report = write(tmp_path / "docs" / "r.txt", REWORDED)
    cfg = read_config(discover(str(report.parent)))
    rs = resolve(cfg)
    assert enabled(rs) & ALL_OWN == ALL_OWN - {"NB301", "NB302"}
    assert {s for _r, s, _l, _c in findings(rs, report)} == {"info"}


# -- rule packs -------------------------------------------------------------------------

FORBIDDEN_PACK = """\
rules:
  NB901:
    name: old-notice-cited
    kind: phrase-forbidden
    severity: error
    tags: [template-version]
    summary: 引用了已废止的 2019 年格式通知
    message: 引用了已废止的通知“{found}”
    options:
      patterns: ['国办公开办函〔2019〕60号']
"""


def test_pack_adds_a_phrase_rule(tmp_path):
    text = CLEAN.replace("第五十条编制，", "第五十条和国办公开办函〔2019〕60号编制，")
    report = write(tmp_path / "r.txt", text)
    write(tmp_path / "pack.yaml", FORBIDDEN_PACK)
    cfg = write(tmp_path / ".nianbao.yaml", "packs: [pack.yaml]\n")
    rs = resolve(read_config(str(cfg)))
    rule = rs.by_code("NB901")
    assert rule.enabled and rule.kind == "phrase-forbidden" and rule.source == str(tmp_path / "pack.yaml")
    line, col = pos_of(text, "国办公开办函〔2019〕60号")
    # the bundled NB307 (superseded-basis) says the same of a 2024 report, at the same place
    assert findings(rs, report) == [("NB307", "warning", line, col), ("NB901", "error", line, col)]
    # the bundled rules are still there, and an ignore by code switches the new one off
    rs2 = resolve(Config(packs=[str(tmp_path / "pack.yaml")], ignore=["NB9"]))
    assert not rs2.by_code("NB901").enabled and rs2.by_code("NB101").enabled


def test_pack_overrides_a_bundled_rule(tmp_path):
    write(tmp_path / "pack.yaml", "rules:\n  NB302:\n    severity: error\n"
                                  "    options:\n      patterns: ['某某县']\n")
    rs = resolve(Config(packs=[str(tmp_path / "pack.yaml")]))
    rule = rs.by_code("NB302")
    assert rule.severity == "error" and rule.options["patterns"] == ["某某县"]
    assert rule.name == "placeholder-text"  # fields not set in the pack are kept
    report = write(tmp_path / "r.txt", CLEAN)
    expected = sorted(pos_of(CLEAN, "某某县", n) for n in range(1, CLEAN.count("某某县") + 1))
    got = [(ln, col) for r, _s, ln, col in findings(rs, report) if r == "NB302"]
    assert got == expected and len(got) == 3


def test_bundled_false_runs_only_the_packs(tmp_path):
    write(tmp_path / "pack.yaml", FORBIDDEN_PACK)
    cfg = write(tmp_path / ".nianbao.yaml", "bundled: false\npacks: [pack.yaml]\n")
    rs = resolve(read_config(str(cfg)))
    assert [r.code for r in rs.rules] == ["NB901"]


PROVINCE = CLEAN.replace("六、其他需要报告的事项", "六、补充说明事项")


def test_pack_template_adds_a_heading_variant(tmp_path):
    """A province writes 六 as "补充说明事项": with the variant in its pack the
    section is found (no NB101) and only the wording is flagged (NB104, a warning)."""
    report = write(tmp_path / "r.txt", PROVINCE)
    line, col = pos_of(PROVINCE, "六、补充说明事项")
    without = [(r, ln) for r, _s, ln, _c in findings(resolve(Config(select=["NB1", "NB3"])), report)]
    assert ("NB101", PROVINCE.count("\n")) in without  # pointing at the last line
    assert ("NB301", line) not in without  # NB301 is silent: the section is missing
    write(tmp_path / "pack.yaml", "template:\n  headings:\n    - number: 六\n"
                                  "      variants: [补充说明事项]\n")
    rs = resolve(Config(select=["NB1", "NB3"], packs=[str(tmp_path / "pack.yaml")]))
    got = check_document(load_path(str(report)), rs)
    assert [(f.rule, f.severity, f.start.line, f.start.column) for f in got] == [
        ("NB104", "warning", line, col)]
    assert "应为「六、其他需要报告的事项」" in got[0].message
    # the variant is added to the others, not put in their place
    assert "其他需要汇报事项" in rs.template.headings[5].variants
    # the default template is not changed for later runs
    assert "补充说明事项" not in resolve(Config()).template.headings[5].variants


def test_pack_template_can_make_the_province_wording_canonical(tmp_path):
    write(tmp_path / "pack.yaml", "template:\n  headings:\n    - number: 六\n"
                                  "      text: 补充说明事项\n"
                                  "      variants: [其他需要报告的事项]\n")
    rs = resolve(Config(select=["NB1", "NB3"], packs=[str(tmp_path / "pack.yaml")]))
    assert findings(rs, write(tmp_path / "p.txt", PROVINCE)) == []
    national = findings(rs, write(tmp_path / "n.txt", CLEAN))
    line, col = pos_of(CLEAN, "六、其他需要报告的事项")
    assert national == [("NB104", "warning", line, col)]


# -- errors: each points at the offending line and column -----------------------------

GOOD_RULE = """\
rules:
  NB901:
    name: my-rule
    kind: phrase-forbidden
    severity: warning
    tags: [narrative]
    summary: 自定义规则
    message: 出现“{found}”
    options:
      patterns: ['样例']
"""

# (id, config text, pack text or None, needle in the offending file, nth, where: "config"/"pack")
CONFIG_ERRORS = [
    ("unknown-key", "select: [NB1]\nfoo: 1\n", None, "foo", 1, "config"),
    ("wrong-type-list", "select: NB1\n", None, "select", 1, "config"),
    ("wrong-type-bool", "select: [NB1]\nbundled: 'yes'\n", None, "bundled", 1, "config"),
    ("bad-severity-value", "severity:\n  NB104: fatal\n", None, "NB104", 1, "config"),
    ("bad-fail-on", "fail-on: warn\n", None, "fail-on", 1, "config"),
    ("unknown-select-code", "select:\n  - NB1\n  - NB9\n", None, "NB9", 1, "config"),
    ("unknown-ignore-code", "ignore: [NB104, XX1]\n", None, "XX1", 1, "config"),
    ("unknown-severity-code", "severity:\n  NB104: error\n  NB999: warning\n", None, "NB999", 1, "config"),
    ("yaml-syntax", "select: [NB1]\nignore: a: b\n", None, ": b", 1, "config"),
    ("yaml-tab", "select:\n  - NB1\n\t- NB3\n", None, "\t", 1, "config"),
    ("duplicate-key", "select: [NB1]\nselect: [NB3]\n", None, "select", 2, "config"),
    ("missing-pack", "select: [NB1]\npacks:\n  - nope.yaml\n", None, "nope.yaml", 1, "config"),
    ("unknown-kind", "packs: [pack.yaml]\n", GOOD_RULE.replace("phrase-forbidden", "phrase-banned"),
     "kind", 1, "pack"),
    ("unknown-option", "packs: [pack.yaml]\n", GOOD_RULE + "      bogus: 1\n", "bogus", 1, "pack"),
    ("option-wrong-type", "packs: [pack.yaml]\n", GOOD_RULE.replace("['样例']", "样例"),
     "patterns", 1, "pack"),
    ("option-bad-regex", "packs: [pack.yaml]\n", GOOD_RULE.replace("['样例']", "['样例', '(未闭合']"),
     "'(未闭合'", 1, "pack"),
    ("option-bad-section", "packs: [pack.yaml]\n", GOOD_RULE + "      section: 七\n", "section", 1, "pack"),
    ("option-bad-mode", "packs: [pack.yaml]\n", "rules:\n  NB301:\n    options:\n      mode: some\n",
     "mode", 1, "pack"),
    ("rule-missing-field", "packs: [pack.yaml]\n", GOOD_RULE.replace("    severity: warning\n", ""),
     "NB901", 1, "pack"),
    ("rule-bad-severity", "packs: [pack.yaml]\n", GOOD_RULE.replace("severity: warning", "severity: high"),
     "severity", 1, "pack"),
    ("rule-bad-code", "packs: [pack.yaml]\n", GOOD_RULE.replace("NB901", "nb91"), "nb91", 1, "pack"),
    ("rule-unknown-field", "packs: [pack.yaml]\n", GOOD_RULE + "    colour: red\n", "colour", 1, "pack"),
    ("pack-yaml-syntax", "packs: [pack.yaml]\n", "rules:\n  NB901: [\n", "", 0, "pack"),
    ("template-unknown-key", "packs: [pack.yaml]\n", "template:\n  heading:\n    - number: 六\n",
     "heading", 1, "pack"),
    ("template-wrong-type", "packs: [pack.yaml]\n",
     "template:\n  headings:\n    - number: 六\n      variants: 其他\n", "variants", 1, "pack"),
    ("template-new-number", "packs: [pack.yaml]\n",
     "template:\n  headings:\n    - number: 七\n      text: 附件\n", "number", 1, "pack"),
    ("template-bad-regex", "packs: [pack.yaml]\n", "template:\n  period:\n    pattern: '(('\n",
     "pattern", 1, "pack"),
    ("unknown-select-code-with-pack", "packs: [pack.yaml]\nselect: [NB901, NB902]\n", GOOD_RULE,
     "NB902", 1, "config"),
]


def _setup(tmp_path, cfg_text, pack_text):
    cfg = write(tmp_path / ".nianbao.yaml", cfg_text)
    pack = write(tmp_path / "pack.yaml", pack_text) if pack_text is not None else None
    return cfg, pack


def _expected_position(case, cfg, pack):
    _id, cfg_text, pack_text, needle, nth, where = case
    text, path = (cfg_text, cfg) if where == "config" else (pack_text, pack)
    if not needle:  # YAML syntax error at the end of the file: the line after the last
        return path, (text.count("\n") + 1, None)
    return path, pos_of(text, needle, nth)


@pytest.mark.parametrize("case", CONFIG_ERRORS, ids=[c[0] for c in CONFIG_ERRORS])
def test_config_error_points_at_the_yaml(tmp_path, case):
    cfg, pack = _setup(tmp_path, case[1], case[2])
    path, (line, col) = _expected_position(case, cfg, pack)
    with pytest.raises(ConfigError) as exc:
        resolve(read_config(str(cfg)))
    err = exc.value
    assert (err.path, err.line) == (str(path), line), str(err)
    if col is not None:
        assert err.column == col, str(err)
    assert err.message  # a Chinese explanation, not an empty error


@pytest.mark.parametrize("case", CONFIG_ERRORS, ids=[c[0] for c in CONFIG_ERRORS])
def test_config_error_via_cli_exits_2_with_position(tmp_path, case, capsys):
    cfg, pack = _setup(tmp_path, case[1], case[2])
    path, (line, col) = _expected_position(case, cfg, pack)
    report = write(tmp_path / "r.txt", CLEAN)
    assert main(["check", str(report)]) == 2
    captured = capsys.readouterr()
    where = f"{path}:{line}:{col}" if col is not None else f"{path}:{line}:"
    assert where in captured.err
    assert captured.err.startswith("nianbao: 配置错误：")
    # the file under the broken configuration is reported as not checked
    assert "[config-error]" in captured.out and "错误 0 个" in captured.out


TOML_ERRORS = [
    ("toml-wrong-type", '[tool.nianbao]\nselect = "NB1"\n', "select", 1),
    ("toml-unknown-key", '[tool.nianbao]\nselect = ["NB1"]\nbogus = 1\n', "bogus", 1),
    ("toml-unknown-code", '[tool.nianbao]\nselect = ["NB1", "NB9"]\n', '"NB9"', 1),
    ("toml-unknown-code-multiline", '[tool.nianbao]\nselect = [\n  "NB1",\n  "NB9",\n]\n', '"NB9"', 1),
    ("toml-subtable", '[tool.nianbao]\nignore = ["NB104"]\n\n[tool.nianbao.severity]\n'
                      'NB101 = "warning"\nNB999 = "error"\n', "NB999", 1),
    ("toml-inline-table", '[tool.nianbao]\nseverity = { NB104 = "error", NB999 = "error" }\n', "NB999", 1),
    ("toml-syntax", '[tool.nianbao]\nselect = [NB1]\n', "NB1", 1),
]


@pytest.mark.parametrize("case", TOML_ERRORS, ids=[c[0] for c in TOML_ERRORS])
def test_pyproject_errors_point_at_the_toml(tmp_path, case, capsys):
    _id, text, needle, nth = case
    pp = write(tmp_path / "pyproject.toml", text)
    line, col = pos_of(text, needle, nth)
    with pytest.raises(ConfigError) as exc:
        resolve(read_config(discover(str(tmp_path))))
    assert (exc.value.path, exc.value.line, exc.value.column) == (str(pp), line, col), str(exc.value)
    report = write(tmp_path / "r.txt", CLEAN)
    assert main(["check", str(report)]) == 2
    assert f"{pp}:{line}:{col}" in capsys.readouterr().err


def test_cli_select_unknown_code_is_a_usage_error(tmp_path, capsys):
    report = write(tmp_path / "r.txt", CLEAN)
    assert main(["check", "--select", "NB1,NB999", str(report)]) == 2
    err = capsys.readouterr().err
    assert "NB999" in err and "--select" in err


def test_config_file_that_does_not_exist(tmp_path, capsys):
    report = write(tmp_path / "r.txt", CLEAN)
    missing = tmp_path / "none.yaml"
    assert main(["check", "--config", str(missing), str(report)]) == 2
    assert str(missing) in capsys.readouterr().err


def test_empty_config_means_defaults(tmp_path):
    cfg = write(tmp_path / ".nianbao.yaml", "# nothing configured\n")
    c = read_config(str(cfg))
    assert c.select is None and c.ignore == [] and c.packs == [] and c.bundled
    assert enabled(resolve(c)) >= ALL_OWN


def test_no_config_found(tmp_path):
    above = [tmp_path, *tmp_path.parents]
    if any((p / n).exists() for p in above for n in (".nianbao.yaml", ".nianbao.yml", "pyproject.toml")):
        pytest.skip("a configuration file exists above the temporary folder")
    assert discover(str(tmp_path)) == ""
