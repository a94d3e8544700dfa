"""Plain text and Markdown: bytes -> lines, keeping every character's place.

Encodings real government files use: UTF-8 with or without BOM, UTF-16 with
BOM, and GB18030 (a superset of GBK and GB2312).  We never guess silently: a
file that is valid UTF-8 is UTF-8, unless that reading has no Chinese character
while the GB18030 one is Chinese text (short GBK files can be valid UTF-8 by
chance); otherwise it must decode as GB18030 *and* look like text, or it is an
input error.
"""

from __future__ import annotations

import codecs

from ..model import Document, Line
from .errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _plausible(text: str) -> bool:
    """True when a GB18030 decode looks like Chinese or ASCII text, not noise."""
    if not text:
        return True
    odd = 0
    for ch in text:
        o = ord(ch)
        if ch in "\t\n\r\f" or 0x20 <= o < 0x7F:
            continue
        if 0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF:
            continue
        if 0x2000 <= o <= 0x206F or 0x00A0 <= o <= 0x00FF or 0x2460 <= o <= 0x25FF:
            continue
        odd += 1
    return odd <= max(2, len(text) // 50)


def _has_cjk(text: str) -> bool:
    """True when ``text`` has a Chinese character or Chinese punctuation."""
    return any("\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"
               for ch in text)


def decode(data: bytes, name: str) -> tuple:
    """Return (text, encoding name) or raise InputError."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise InputError("decode-error",
                                 f"{name}：文件以 {enc} 字节序标记开头，但第 {exc.start} 字节处无法按该编码解码") from None
    if b"\x00" in data:
        raise InputError("binary-file", f"{name}：不是文本文件（含有 NUL 字节），无法作为报告读取")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if text.isascii() or _has_cjk(text):
            return text, "utf-8"
        # Many GBK characters are also valid UTF-8 byte pairs ("一" is D2 BB,
        # UTF-8 for Cyrillic "һ"), so a short GBK file can be valid UTF-8.
        # A report is Chinese: when the UTF-8 reading has no Chinese character
        # or punctuation and the GB18030 reading is Chinese text, the file is GBK.
        try:
            gb = data.decode("gb18030")
        except UnicodeDecodeError:
            return text, "utf-8"
        if _has_cjk(gb) and _plausible(gb):
            return gb, "gb18030"
        return text, "utf-8"
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise InputError("decode-error",
                         f"{name}：无法识别文件编码（不是 UTF-8、UTF-16 或 GB18030/GBK，第 {exc.start} 字节处出错）") from None
    if not _plausible(text):
        raise InputError("decode-error",
                         f"{name}：无法识别文件编码（不是 UTF-8、UTF-16，按 GB18030/GBK 解码得到的不是正常文字）")
    return text, "gb18030"


def split_lines(text: str) -> list:
    """Split on CRLF, CR, LF (and form feed, which PDF-to-text tools emit between pages)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return text.split("\n")


def lines_from_text(text: str) -> list:
    parts = split_lines(text)
    if parts and parts[-1] == "":
        parts.pop()
    return [Line(t, i + 1, i + 1) for i, t in enumerate(parts)]


#: a report has a few thousand lines; past this many it is not one, and reading
#: it would only cost memory (the check is made on the bytes, before decoding)
MAX_LINES = 100_000
#: the same for characters (a report's text is a few hundred thousand characters; long
#: lines are not a way around the line limit)
MAX_CHARS = 10_000_000


def load_text(data: bytes, path: str, fmt: str = "text") -> Document:
    if max(data.count(b"\n"), data.count(b"\r")) > MAX_LINES:
        raise InputError("too-large", f"{path}：文件过大（超过 {MAX_LINES} 行），不像一份年度报告")
    text, _enc = decode(data, path)
    if len(text) > MAX_CHARS:
        raise InputError("too-large", f"{path}：文件过大（超过 {MAX_CHARS // 10000} 万字），不像一份年度报告")
    if not text.strip(" \t\r\n\f\v\u3000\ufeff"):
        raise InputError("empty-file", f"{path}：文件为空")
    return Document(path=path, format=fmt, lines=lines_from_text(text))
