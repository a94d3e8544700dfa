"""A missing PDF/Word library is named, with the install command: never
"文件已损坏" or "内部错误"."""

from __future__ import annotations

import subprocess
import sys

import pytest

from helpers import ROOT

FORMATS = ROOT / "corpus" / "formats"
SCRIPT = ("import sys\n"
          "for m in sys.argv[1].split(','):\n"
          "    sys.modules[m] = None  # makes `import m` raise ImportError\n"
          "from nianbao.cli import main\n"
          "sys.exit(main(['check', sys.argv[2]]))\n")


def _run(blocked: str, path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", SCRIPT, blocked, str(path)],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("blocked,sample,needs", [
    ("docx", "report-broken.docx", "读取 Word（.docx） 需要安装 python-docx"),
    ("pypdfium2,pypdfium2.raw", "report-broken.pdf", "读取 PDF 需要安装 pypdfium2"),
    ("pdfplumber", "report-broken.pdf", "读取 PDF 需要安装 pdfplumber"),
    ("lxml,lxml.etree", "report-broken.docx", "读取 Word（.docx） 需要安装 python-docx 和 lxml"),
])
def test_missing_library_is_named(blocked, sample, needs):
    r = _run(blocked, FORMATS / sample)
    assert r.returncode == 2, r.stdout + r.stderr
    assert needs in r.stdout, r.stdout
    assert "[missing-library]" in r.stdout
    assert "pip install" in r.stdout
    for wrong in ("已损坏", "内部错误", "Traceback"):
        assert wrong not in r.stdout + r.stderr


def test_plain_install_declares_every_reader():
    """pip install nianbao (no extra) brings the PDF and Word libraries."""
    tomllib = pytest.importorskip("tomllib")
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    base = {d.split(">")[0].split(";")[0].strip() for d in meta["dependencies"]}
    assert {"pypdfium2", "pdfplumber", "python-docx"} <= base
    for extra in ("pdf", "docx", "all"):  # kept as aliases
        assert extra in meta["optional-dependencies"]
