"""The libraries each input format needs, and the message when one is missing.

A plain ``pip install nianbao`` installs them all; this guards installs made
with ``--no-deps`` or environments that lost a package, so that the user reads
"读取 PDF 需要安装 …" instead of "文件已损坏" or "内部错误".
"""

from __future__ import annotations

import importlib.util

from .errors import InputError

#: format -> (Chinese format name, extra, ((module, distribution), ...))
NEEDS = {
    "pdf": ("PDF", "pdf", (("pypdfium2", "pypdfium2"), ("pdfplumber", "pdfplumber"))),
    "docx": ("Word（.docx）", "docx", (("docx", "python-docx"),)),
}
_OK = set()


def missing(fmt: str) -> list:
    """Distributions needed for ``fmt`` that cannot be imported."""
    out = []
    for module, dist in NEEDS.get(fmt, ("", "", ()))[2]:
        if module in _OK:
            continue
        try:  # found without importing it (the reader imports it when it runs)
            found = importlib.util.find_spec(module) is not None
        except (ImportError, ValueError):
            found = False
        if found:
            _OK.add(module)
        else:
            out.append(dist)
    return out


def require(fmt: str, path: str) -> None:
    """Raise ``InputError("missing-library")`` when ``fmt`` cannot be read here."""
    if fmt not in NEEDS:
        return
    lost = missing(fmt)
    if lost:
        name, extra, _ = NEEDS[fmt]
        raise InputError("missing-library",
                         f"{path}：读取 {name} 需要安装 {'、'.join(lost)}"
                         f"（pip install {' '.join(lost)}，或重新安装 nianbao：pip install 'nianbao[{extra}]'）")
