"""The README stays true: its commands, its sample files and its rule list."""

from __future__ import annotations

import re
from pathlib import Path

from nianbao.config import Config, resolve

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_rule_is_listed_with_its_name_and_summary():
    for rule in resolve(Config()).rules:
        row = next((ln for ln in README.splitlines() if ln.startswith(f"| {rule.code} |")), None)
        assert row is not None, f"{rule.code} missing from the README rule table"
        assert f"| {rule.name} |" in row and rule.summary in row


def test_no_rule_listed_that_does_not_exist():
    codes = {r.code for r in resolve(Config()).rules}
    listed = set(re.findall(r"^\| (NB\d{3}) \|", README, re.M))
    assert listed == codes


def test_install_command_runs_on_bundled_samples():
    cmd = next(ln for ln in README.splitlines() if 'pip install ".[all]" && nianbao check' in ln)
    files = cmd.split("nianbao check", 1)[1].split()
    assert files
    for f in files:
        assert (ROOT / f.strip("`")).exists(), f


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_cmd = 'pip install ".[all,test]" && python -m pytest'
    assert test_cmd in README
    assert test_cmd in ci


def test_bundled_rules_use_the_tag_vocabulary():
    from nianbao.ruleset import TAGS
    for rule in resolve(Config()).rules:
        assert rule.tags, rule.code
        assert set(rule.tags) <= set(TAGS), (rule.code, rule.tags)
