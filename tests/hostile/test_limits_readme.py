"""The README's table of limits states the limits the code has."""

from __future__ import annotations

from pathlib import Path

from nianbao.load import grid, isolate, text
from nianbao.load import docx as docx_loader
from nianbao.load import html as html_loader
from nianbao import yamlio

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
SECTION = README.split("### 限额与异常输入", 1)[1].split("\n## ", 1)[0]


def _n(value: int) -> str:
    return f"{value // 10000} 万" if value % 10000 == 0 and value >= 10000 else str(value)


def test_readme_states_the_limits_in_the_code():
    assert f"| {isolate.DEFAULT_MAX_SIZE_MB} MB |" in SECTION
    assert f"| {isolate.DEFAULT_TIMEOUT_S:g} 秒 |" in SECTION
    assert f"| {isolate.DEFAULT_MEMORY_MB} MB |" in SECTION
    assert f"{_n(text.MAX_LINES)}行 / {_n(text.MAX_CHARS)}字" in SECTION
    assert f"{grid.MAX_SPAN} / {_n(grid.MAX_TABLE_CELLS)}格" in SECTION
    assert f"{docx_loader.MAX_XML_PART // 2**20} MB / {docx_loader.MAX_UNPACKED // 2**20} MB" in SECTION
    assert f"{html_loader.MAX_DEPTH} 层" in SECTION
    assert f"{yamlio.MAX_DEPTH} 层 / {_n(yamlio.MAX_NODES)}个" in SECTION
