"""All command-line text in Chinese, argparse's own messages included."""

from __future__ import annotations

import argparse
import re

import pytest

from nianbao.cli import build_parser, main

ENGLISH = re.compile(r"usage:|positional arguments|options:|show this help|unrecognized arguments|"
                     r"the following arguments are required|invalid choice|expected one argument|error:",
                     re.I)


def _run(capsys, *argv):
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code
    cap = capsys.readouterr()
    return code, cap.out, cap.err


@pytest.mark.parametrize("argv", [("--help",), ("check", "--help"), ("rules", "-h"), ("rule", "-h")])
def test_help_is_chinese_with_examples(capsys, argv):
    code, out, _err = _run(capsys, *argv)
    assert code == 0
    assert out.startswith("用法：nianbao")
    assert not ENGLISH.search(out), ENGLISH.search(out)
    assert "显示此帮助信息并退出" in out
    assert "示例：" in out


def test_every_option_has_a_description():
    parser = build_parser()
    subs = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in [("nianbao", parser)] + list(subs.choices.items()):
        for action in sub._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            assert action.help and re.search(r"[\u4e00-\u9fff]", action.help), (name, action.dest)


@pytest.mark.parametrize("argv,words", [
    (("check",), "缺少必需的参数：PATH"),
    (("check", "x.txt", "--bogus"), "无法识别的参数：--bogus"),
    (("check", "x.txt", "--format", "xml"), "参数 --format：无效的选择：'xml'"),
    (("check", "x.txt", "--select"), "参数 --select：需要一个值"),
    (("nope",), "无效的选择"),
])
def test_argparse_errors_are_chinese(capsys, argv, words):
    code, out, err = _run(capsys, *argv)
    assert code == 2
    assert err.startswith("用法：nianbao")
    assert words in err, err
    assert not ENGLISH.search(err), err


def test_argparse_stays_english_outside_nianbao():
    """The translation is scoped: other argparse users in the process are untouched."""
    build_parser()
    p = argparse.ArgumentParser(prog="other")
    assert "usage: other" in p.format_usage()


def test_rules_uses_the_same_level_words_as_check(capsys):
    code, out, _ = _run(capsys, "rules")
    assert code == 0
    rows = out.splitlines()[1:]
    levels = {r.split()[2] for r in rows}
    assert levels <= {"错误", "警告", "提示"} and "错误" in levels
    _c, out, _ = _run(capsys, "rule", "NB204")
    assert "级别：错误" in out
