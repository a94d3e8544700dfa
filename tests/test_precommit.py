"""The repository works as a pre-commit hook: a real ``pre-commit try-repo`` run.

pre-commit builds the hook's own virtualenv from this repository (pip needs the
package index), so this is the slowest test; it is skipped when git or
pre-commit is missing, or when the project is not a git checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

GOOD = (ROOT / "corpus" / "tables" / "tab-clean.txt").read_text(encoding="utf-8")


def _precommit():
    exe = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))
    return exe if os.path.exists(exe) else None


needs = pytest.mark.skipif(
    shutil.which("git") is None or _precommit() is None or not (ROOT / ".git").exists(),
    reason="needs git, pre-commit and a git checkout of nianbao")


def _git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"})


@needs
def test_try_repo_flags_broken_report_and_passes_clean_one(tmp_path):
    repo = tmp_path / "reports"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "good.txt").write_text(GOOD, encoding="utf-8")
    broken = GOOD.replace("五、存在的主要问题及改进情况", "存在的问题")
    assert broken != GOOD
    (repo / "bad.md").write_text(broken, encoding="utf-8")
    (repo / "notes.csv").write_text("不是报告\n", encoding="utf-8")
    _git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("PRE_COMMIT", None)

    def run(*files):
        return subprocess.run([_precommit(), "try-repo", str(ROOT), "nianbao", "--files", *files],
                              cwd=repo, env=env, capture_output=True, text=True, timeout=900)

    bad = run("bad.md", "notes.csv")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "bad.md:" in bad.stdout and "NB101" in bad.stdout
    assert "notes.csv" not in bad.stdout  # the hook only takes the formats nianbao reads
    good = run("good.txt")
    assert good.returncode == 0, good.stdout + good.stderr


@needs
def test_try_repo_reads_word_and_pdf(tmp_path):
    """The hook matches .docx and .pdf and its environment can read them."""
    repo = tmp_path / "reports"
    repo.mkdir()
    _git(repo, "init", "-q")
    formats = ROOT / "corpus" / "formats"
    shutil.copy(formats / "report-broken.docx", repo / "草稿.docx")
    shutil.copy(formats / "report-broken.pdf", repo / "定稿 v2.pdf")
    shutil.copy(formats / "report-clean.pdf", repo / "clean.pdf")
    shutil.copy(formats / "report-clean.docx", repo / "clean.docx")
    _git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("PRE_COMMIT", None)

    def run(*args):
        return subprocess.run([_precommit(), "try-repo", str(ROOT), "nianbao", *args],
                              cwd=repo, env=env, capture_output=True, text=True, timeout=900)

    bad = run("--all-files")
    out = bad.stdout + bad.stderr
    assert bad.returncode == 1, out
    assert "草稿.docx:第2个表格第16行第5格" in out, out
    assert "定稿 v2.pdf:第2页第1个表格第12行第5格" in out, out
    assert "NB204" in out and "NB212" in out
    assert "需要安装" not in out and "内部错误" not in out and "已损坏" not in out
    good = run("--files", "clean.pdf", "clean.docx")
    assert good.returncode == 0, good.stdout + good.stderr
