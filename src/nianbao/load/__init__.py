"""load: bytes -> Document.  One module per input format, chosen by file suffix.

Heavy libraries (PDF, Word) are imported only when a file of that format is read.
"""

from __future__ import annotations

import os

from ..model import Document
from .errors import InputError

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}
OTHER_SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html", ".doc": "doc"}
#: suffixes a directory walk picks up
CHECKED_SUFFIXES = tuple(sorted(set(TEXT_SUFFIXES) | (set(OTHER_SUFFIXES) - {".doc"})))


def format_of(path: str) -> str:
    ext = os.path.splitext(path)[1].lower()
    return TEXT_SUFFIXES.get(ext) or OTHER_SUFFIXES.get(ext) or "text"


def load_bytes(data: bytes, path: str, fmt: str | None = None) -> Document:
    """Read ``data`` (the content of ``path``) into a Document."""
    fmt = fmt or format_of(path)
    from .deps import require
    require(fmt, path)
    if fmt in ("text", "markdown"):
        from .text import load_text
        return load_text(data, path, fmt)
    if fmt == "pdf":
        from .pdf import load_pdf
        return load_pdf(data, path)
    if fmt == "docx":
        from .docx import load_docx
        return load_docx(data, path)
    if fmt == "html":
        from .html import load_html
        return load_html(data, path)
    if fmt == "doc":
        raise InputError("legacy-doc", f"{path}：不支持旧版 Word（.doc）文件，请用 Word 或 WPS 另存为 .docx 后再检查")
    raise InputError("unsupported-format", f"{path}：不支持的文件格式")


def load_path(path: str) -> Document:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise InputError("not-found", f"{path}：文件不存在") from None
    except IsADirectoryError:
        raise InputError("is-directory", f"{path}：是目录，不是文件") from None
    except OSError as exc:
        raise InputError("read-error", f"{path}：无法读取（{exc.strerror or exc}）") from None
    return load_bytes(data, path)


__all__ = ["InputError", "load_bytes", "load_path", "format_of", "CHECKED_SUFFIXES", "Document"]
