"""The start-up cache (nianbao.cache): results never depend on it.

A run without cache, a first run that fills it, a run that reads it, and a
run over a damaged cache must print the same bytes; an edited configuration
is read again; an unwritable cache folder is no error."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from nianbao import cache

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = [str(ROOT / "corpus" / "headings" / "clean.txt"),
           *sorted(str(p) for p in (ROOT / "corpus" / "tables").glob("*.txt"))[:4],
           *sorted(str(p) for p in (ROOT / "corpus" / "prose").glob("*.txt"))[:3]]


def _run(cache_dir, *args, cwd=ROOT, no_cache=False) -> subprocess.CompletedProcess:
    env = dict(os.environ, NIANBAO_CACHE_DIR=str(cache_dir))
    env.pop("NIANBAO_NO_CACHE", None)
    if no_cache:
        env["NIANBAO_NO_CACHE"] = "1"
    return subprocess.run([sys.executable, "-m", "nianbao", *args], capture_output=True, env=env,
                          cwd=cwd, timeout=120)


def _check(cache_dir, **kw):
    out = _run(cache_dir, "check", "--format", "json", *SAMPLES, **kw)
    assert out.returncode in (0, 1), out.stderr.decode()
    return out.stdout


def test_results_do_not_depend_on_the_cache(tmp_path):
    folder = tmp_path / "cache"
    without = _check(folder, no_cache=True)
    assert not folder.exists()  # NIANBAO_NO_CACHE=1 writes nothing
    first = _check(folder)
    kept = sorted(p.name for p in folder.iterdir())
    assert any(n.startswith("yaml-") for n in kept) and any(n.startswith("re-") for n in kept)
    second = _check(folder)
    assert without == first == second
    assert b'"NB2' in without  # the samples do give findings to compare


def test_a_damaged_cache_is_read_again(tmp_path):
    folder = tmp_path / "cache"
    good = _check(folder)
    for p in folder.iterdir():
        data = p.read_bytes()
        p.write_bytes(data[: len(data) // 2])  # cut off half-way
    assert _check(folder) == good
    for p in folder.iterdir():
        p.write_bytes(b"\x00garbage" * 10)
    assert _check(folder) == good


@pytest.mark.parametrize("name,content", [
    (".nianbao.yaml", "select: [{code}]\n"),
    ("pyproject.toml", '[tool.nianbao]\nselect = ["{code}"]\n'),
])
def test_an_edited_configuration_is_read_again(tmp_path, name, content):
    folder = tmp_path / "cache"
    report = tmp_path / "报告.txt"
    report.write_bytes((ROOT / "corpus" / "headings" / "clean.txt").read_bytes())
    cfg = tmp_path / name
    cfg.write_text(content.format(code="NB2"), encoding="utf-8")
    first = _run(folder, "check", "--format", "json", str(report), cwd=tmp_path).stdout
    cfg.write_text(content.format(code="NB1"), encoding="utf-8")
    second = _run(folder, "check", "--format", "json", str(report), cwd=tmp_path).stdout
    assert b'"NB2' in first and b'"NB2' not in second
    cfg.write_text("[" + content.format(code="NB1"), encoding="utf-8")  # broken: still an error
    broken = _run(folder, "check", str(report), cwd=tmp_path)
    assert broken.returncode == 2 and "配置错误" in broken.stderr.decode()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write anywhere")
def test_an_unwritable_cache_folder_is_no_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        assert _check(folder) == _check(tmp_path / "other", no_cache=True)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_a_cache_path_that_is_a_file_is_no_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert _check(blocker) == _check(tmp_path / "other", no_cache=True)


PATTERNS = [
    (r"(?P<year>\d{4})年(?:度)?", 0, ["2024年度", "二〇二四年", "x1999年"]),
    (r"[\u4e00-\u9fff]+(?=\d)", 0, ["规章12", "abc", "行政规范性文件 3"]),
    (r"^\s*[一二三四五六]、(.+)$", re.M, ["一、总体情况\n二、主动公开", "x"]),
    (r"(?i)nb\d{3}", 0, ["NB101", "nb2", "Nb205"]),
    (r"(a)|(?P<b>b)\2?", 0, ["ab", "bb", "c"]),
    (rb"\xe4\xb8\x80+", 0, [b"\xe4\xb8\x80\xe4\xb8\x80", b"x"]),
]


@pytest.mark.parametrize("pattern,flags,texts", PATTERNS)
def test_a_pattern_built_from_kept_arguments_matches_like_re(pattern, flags, texts):
    args = cache._engine_arguments(pattern, int(flags))
    import _sre
    import marshal
    built = _sre.compile(pattern, *marshal.loads(marshal.dumps(args, 4)))  # through the file format
    plain = re.compile(pattern, flags)
    assert (built.groups, built.groupindex, built.flags) == (plain.groups, plain.groupindex, plain.flags)
    for t in texts:
        a, b = built.search(t), plain.search(t)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))
