"""Run the per-rule YAML cases in tests/rules/ (format: tests/rules/README.md).

Each ``tests/rules/CODE.yaml`` is a list of cases for rule CODE.  A case runs the
engine with only that rule selected and compares the ``line:col`` of every
finding with ``expect`` (order does not matter, repeats do).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers import check_text, ruleset  # noqa: E402

RULES_DIR = Path(__file__).resolve().parent / "rules"
FILES = sorted(RULES_DIR.glob("*.yaml"))
REQUIRED = ("name", "text", "expect")
OPTIONAL = ("message_contains", "file", "previous")
POS = re.compile(r"^[1-9][0-9]*:[1-9][0-9]*$")


def _load(path: Path) -> list:
    """[(case id, case mapping or error text)] of one file."""
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except Exception as exc:  # reported as a failing case, not a collection crash
        return [(f"{path.name}::YAML", f"{path.name}: YAML 无法解析：{exc}")]
    if not isinstance(data, list) or not data:
        return [(f"{path.name}::顶层", f"{path.name}: 顶层应为非空的用例列表（每项以 “- name:” 开头）")]
    out = []
    for i, case in enumerate(data, 1):
        cid = f"{path.stem}::{i}"
        if not isinstance(case, dict):
            out.append((cid, f"{path.name} 第 {i} 个用例应为映射"))
            continue
        problems = [f"缺少 {k}" for k in REQUIRED if k not in case]
        problems += [f"未知的键 {k}" for k in case if k not in REQUIRED + OPTIONAL]
        if not problems:
            if not isinstance(case["name"], str) or not isinstance(case["text"], str):
                problems.append("name 和 text 应为文字")
            if not isinstance(case["expect"], list) or not all(
                    isinstance(p, str) and POS.match(p) for p in case["expect"]):
                problems.append('expect 应为 ["行:列", ...] 形式的列表')
        if problems:
            out.append((cid, f"{path.name} 第 {i} 个用例：" + "；".join(problems)))
        else:
            out.append((f"{cid} {case['name']}", case))
    return out


CASES = [(path.stem, cid, case) for path in FILES for cid, case in _load(path)]


def _numeric(positions) -> list:
    return sorted(positions, key=lambda p: tuple(int(x) for x in p.split(":")))


@pytest.mark.parametrize("code,case", [(c, k) for c, _i, k in CASES], ids=[i for _c, i, _k in CASES])
def test_rule_case(code, case):
    if isinstance(case, str):
        pytest.fail(case)
    assert ruleset((code,)).by_code(code) is not None, f"规则 {code} 不存在"
    if case.get("previous") is not None:
        findings = _check_with_previous(case, code)
    else:
        findings = check_text(case["text"], select=(code,), path=case.get("file", "报告.txt"))
    assert all(f.rule == code for f in findings)
    got = _numeric(f"{f.start.line}:{f.start.column}" for f in findings)
    assert got == _numeric(case["expect"]), "\n".join(f"{f.start.line}:{f.start.column} {f.message}"
                                                       for f in findings)
    if case.get("message_contains"):
        for f in findings:
            assert case["message_contains"] in f.message


def _check_with_previous(case, code):
    """Findings of rule ``code`` on ``text`` compared with ``previous`` (last year's report)."""
    from nianbao.engine import check_document
    from nianbao.load import load_bytes
    path = case.get("file", "报告.txt")
    doc = load_bytes(case["text"].encode("utf-8"), path)
    prev = load_bytes(case["previous"].encode("utf-8"), "上一年度" + path)
    return [f for f in check_document(doc, ruleset((code,)), prev) if f.rule == code]


def test_every_heading_and_text_rule_has_cases():
    """Each NB1xx / NB3xx / NB4xx rule has a case file with at least one passing and one failing case."""
    codes = [r.code for r in ruleset(("NB1", "NB3", "NB4")).rules if r.code.startswith(("NB1", "NB3", "NB4"))]
    assert codes, "no NB1xx/NB3xx/NB4xx rules found"
    have = {p.stem for p in FILES}
    assert set(codes) <= have, f"缺少用例文件：{sorted(set(codes) - have)}"
    for code in codes:
        cases = [k for c, _i, k in CASES if c == code and isinstance(k, dict)]
        assert any(not k["expect"] for k in cases), f"{code} 没有应通过的用例"
        assert any(k["expect"] for k in cases), f"{code} 没有应报告问题的用例"


def test_runner_rejects_a_malformed_case(tmp_path):
    bad = tmp_path / "NB101.yaml"
    bad.write_text("- name: 少了 expect\n  text: |\n    一、总体情况\n  expected: []\n", encoding="utf-8")
    (cid, err), = _load(bad)
    assert isinstance(err, str) and "缺少 expect" in err and "未知的键 expected" in err
    bad.write_text('- name: x\n  text: "a"\n  expect: ["12"]\n', encoding="utf-8")
    (cid, err), = _load(bad)
    assert isinstance(err, str) and "行:列" in err
