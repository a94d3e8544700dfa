"""load: bytes -> Document.  One module per input format, chosen by file suffix.

Heavy libraries (PDF, Word) are imported only when a file of that format is read.
"""

from __future__ import annotations

import os

from ..model import Document
from .errors import InputError
from .text import MAX_LINES
from .isolate import LIMITS, run_isolated, set_limits

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}
OTHER_SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html", ".doc": "doc"}
#: suffixes a directory walk picks up
CHECKED_SUFFIXES = tuple(sorted(set(TEXT_SUFFIXES) | (set(OTHER_SUFFIXES) - {".doc"})))


def format_of(path: str) -> str:
    ext = os.path.splitext(path)[1].lower()
    return TEXT_SUFFIXES.get(ext) or OTHER_SUFFIXES.get(ext) or "text"


def _load_bytes(data: bytes, path: str, fmt: str) -> Document:
    """Read ``data`` (the content of ``path``) into a Document, in this process."""
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


#: formats whose readers are native code, run in an isolated worker (isolate.py)
ISOLATED = ("pdf", "docx")
#: a text or web page larger than this (bytes) is read in the worker too: real
#: ones are far smaller, and a huge one must not take the process's memory
ISOLATE_ABOVE = 2 * 1024 * 1024


def _too_large(name: str, size: int | None = None) -> InputError:
    mb = LIMITS.max_size / (1024 * 1024)
    what = f"{size / (1024 * 1024):.1f} MB，" if size else ""
    return InputError("too-large", f"{name}：文件过大（{what}上限 {mb:g} MB；可用 --max-size 调整）")


def _read_limited(fh, name: str) -> bytes:
    """At most the size budget from ``fh``; more is an input error."""
    limit = LIMITS.max_size
    chunks, total = [], 0
    while True:
        block = fh.read(min(1 << 20, limit + 1 - total))
        if not block:
            break
        chunks.append(block)
        total += len(block)
        if total > limit:
            raise _too_large(name)
    return b"".join(chunks)


def read_stdin() -> bytes:
    """Standard input, bounded by the size budget (``/dev/zero`` cannot fill memory)."""
    import sys
    stream = getattr(sys.stdin, "buffer", None) if sys.stdin is not None else None
    if stream is None:
        raise InputError("stdin-closed", "-：标准输入已关闭，无法读取")
    try:
        return _read_limited(stream, "-")
    except (OSError, ValueError) as exc:  # closed or unreadable descriptor
        raise InputError("stdin-closed", f"-：无法读取标准输入（{getattr(exc, 'strerror', None) or exc}）") from None


def load_path(path: str) -> Document:
    """Read the file at ``path``: a regular file within the size budget; PDF and
    Word files are parsed in an isolated worker."""
    import stat
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError("not-found", f"{path}：文件不存在") from None
    except OSError as exc:
        raise InputError("read-error", f"{path}：无法读取（{exc.strerror or exc}）") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError("is-directory", f"{path}：是目录，不是文件")
    if not stat.S_ISREG(st.st_mode):
        what = ("管道（FIFO）" if stat.S_ISFIFO(st.st_mode) else "套接字" if stat.S_ISSOCK(st.st_mode)
                else "设备文件")
        raise InputError("not-regular-file", f"{path}：是{what}，不是普通文件，不检查")
    if st.st_size > LIMITS.max_size:
        raise _too_large(path, st.st_size)
    try:
        with open(path, "rb") as fh:
            data = _read_limited(fh, path)
    except IsADirectoryError:
        raise InputError("is-directory", f"{path}：是目录，不是文件") from None
    except OSError as exc:
        raise InputError("read-error", f"{path}：无法读取（{exc.strerror or exc}）") from None
    return load_bytes(data, path)


def load_bytes(data: bytes, path: str, fmt: str | None = None) -> Document:
    """Read ``data`` (the content of ``path``) into a Document; PDF and Word
    in an isolated worker (memory and time limits)."""
    fmt = fmt or format_of(path)
    from .deps import require
    require(fmt, path)  # a missing PDF/Word library is said as such, not as a broken file
    if fmt in ISOLATED or len(data) > ISOLATE_ABOVE:
        return run_isolated(_load_checked, (data, path, fmt), path, fmt)
    return _load_checked(data, path, fmt)


def _load_checked(data: bytes, path: str, fmt: str) -> Document:
    doc = _load_bytes(data, path, fmt)
    if len(doc.lines) > MAX_LINES:
        raise InputError("too-large", f"{path}：文件过大（超过 {MAX_LINES} 行），不像一份年度报告")
    return doc


__all__ = ["InputError", "load_bytes", "load_path", "read_stdin", "set_limits", "LIMITS", "format_of", "CHECKED_SUFFIXES", "Document"]
