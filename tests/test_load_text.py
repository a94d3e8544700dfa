"""Plain text and Markdown loading: encodings, line endings, positions."""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers import CORPUS, check_bytes, positions  # noqa: E402

from nianbao.load import load_bytes, load_path  # noqa: E402
from nianbao.load.errors import InputError  # noqa: E402
from nianbao.load.text import _has_cjk, decode, split_lines  # noqa: E402

SAMPLE = "某某县人民政府2024年政府信息公开工作年度报告\n一、总体情况\n本年度，XX镇推进公开工作。\n"


# -- encodings -----------------------------------------------------------------

@pytest.mark.parametrize("data,enc", [
    (SAMPLE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16"),
    (SAMPLE.encode("utf-16"), "utf-16"),  # Python writes its own BOM
    (SAMPLE.encode("gbk"), "gb18030"),
    (SAMPLE.encode("gb18030"), "gb18030"),
], ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16-native", "gbk", "gb18030"])
def test_decode_each_encoding(data, enc):
    text, got = decode(data, "报告.txt")
    assert got == enc
    assert text == SAMPLE  # the BOM is not part of the text


@pytest.mark.parametrize("encode", [
    lambda s: s.encode("utf-8"),
    lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
    lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le"),
    lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"),
    lambda s: s.encode("gbk"),
], ids=["utf8", "utf8-bom", "utf16le", "utf16be", "gbk"])
def test_same_findings_in_every_encoding(encode):
    """The placeholder sits after 4 characters on line 3: column 5, whatever the bytes."""
    found = check_bytes(encode(SAMPLE), "报告.txt", select=("NB302",))
    assert positions(found) == ["3:5 NB302"]
    assert found[0].end.column == 8  # "XX镇" is three characters, end exclusive


def test_gb18030_only_characters():
    """A character outside GBK (four-byte GB18030) still decodes as GB18030."""
    text = "某某县人民政府𬌗某同志负责政府信息公开工作，联系电话见门户网站。\n"
    data = text.encode("gb18030")
    with pytest.raises(UnicodeEncodeError):
        text.encode("gbk")
    assert decode(data, "x.txt") == (text, "gb18030")


def test_corpus_gbk_sample_is_not_read_as_anything_else():
    data = (CORPUS / "gbk.txt").read_bytes()
    text, enc = decode(data, "gbk.txt")
    assert enc == "gb18030"
    assert text == data.decode("gbk")


@pytest.mark.parametrize("text", ["一一一一一一一一一一", "一、总体情况", "卢卢卢卢卢卢卢卢卢卢", "某某县人民政府"])
def test_gbk_that_is_also_valid_utf8_is_read_as_gbk(text):
    """These GBK bytes are valid UTF-8 too ("一" is D2 BB, UTF-8 for "һ");
    the Chinese reading must win."""
    data = text.encode("gbk")
    if text.startswith(("一一", "卢")):
        assert not _has_cjk(data.decode("utf-8"))  # the trap is real
    assert decode(data, "x.txt") == (text, "gb18030")


def test_utf8_without_chinese_stays_utf8_when_gb18030_fails():
    assert decode("√ ★ ☆".encode("utf-8"), "x") == ("√ ★ ☆", "utf-8")
    assert decode("ASCII only".encode("utf-8"), "x") == ("ASCII only", "utf-8")


_HANZI = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5).filter(
    lambda c: len(c.encode("gbk", errors="ignore")) == 2)
_MIXED = st.one_of(_HANZI, st.sampled_from(list("，。、；：（）“”0123456789年月日 \n")))


@settings(max_examples=150, deadline=None)
@given(body=st.lists(_HANZI, min_size=10, max_size=40).map("".join),
       extra=st.lists(_MIXED, max_size=40).map("".join))
def test_gbk_text_is_never_misread(body, extra):
    """GBK text of report length is read back exactly, never as UTF-8 or noise.

    (Two or three GBK characters can by chance also be valid UTF-8; a report
    never is that short, so the property is stated for ten or more.)
    """
    text = body + extra
    assert decode(text.encode("gbk"), "x.txt") == (text, "gb18030")


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=_MIXED, max_size=60))
def test_utf8_and_utf16_round_trip(text):
    assert decode(text.encode("utf-8"), "x")[0] == text
    assert decode(codecs.BOM_UTF8 + text.encode("utf-8"), "x")[0] == text
    assert decode(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "x")[0] == text


# -- input errors ----------------------------------------------------------------

@pytest.mark.parametrize("data", [
    "中文".encode("gbk") + b"\x80\x80abc",  # not UTF-8, not GB18030
    b"\xff\xff\xff\xff\xff\xff",
    bytes(range(0x80, 0x100)) * 2,
], ids=["gbk-tail", "ff", "high-bytes"])
def test_undecodable_bytes_are_an_input_error_naming_the_file(data):
    with pytest.raises(InputError) as exc:
        load_bytes(data, "某某县/年报.txt")
    assert exc.value.code == "decode-error"
    assert "某某县/年报.txt" in exc.value.message


def test_gb18030_noise_is_rejected():
    """Bytes that happen to decode as GB18030 but are not text (here: Latin-1
    accented words) are an input error, not a report of mojibake."""
    data = ("Référence générale — résumé des données ÀÉÎÕÜ çà ëï " * 3).encode("cp1252")
    with pytest.raises(InputError) as exc:
        decode(data, "latin.txt")
    assert "latin.txt" in exc.value.message


def test_bom_with_broken_body_is_an_error():
    data = codecs.BOM_UTF16_LE + "一、总体情况".encode("utf-16-le") + b"\x00"  # odd length
    with pytest.raises(InputError) as exc:
        decode(data, "odd.txt")
    assert exc.value.code == "decode-error" and "odd.txt" in exc.value.message


def test_binary_file(tmp_path):
    png = tmp_path / "scan.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    with pytest.raises(InputError) as exc:
        load_path(str(png))
    assert exc.value.code == "binary-file"
    assert str(png) in exc.value.message


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError) as exc:
        load_path(str(tmp_path / "没有这个文件.txt"))
    assert exc.value.code == "not-found" and "没有这个文件.txt" in exc.value.message
    d = tmp_path / "目录.txt"
    d.mkdir()
    with pytest.raises(InputError) as exc:
        load_path(str(d))
    assert exc.value.code == "is-directory"


# -- lines and columns -------------------------------------------------------------

@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_line_endings_keep_line_numbers(eol):
    lines = ["某某县人民政府2024年政府信息公开工作年度报告", "", "一、总体情况", "正文。", "",
             "本年度由XX局负责。"]
    data = eol.join(lines).encode("utf-8") + eol.encode()
    doc = load_bytes(data, "r.txt")
    assert [ln.text for ln in doc.lines] == lines
    assert [ln.number for ln in doc.lines] == list(range(1, 7))
    found = check_bytes(data, "r.txt", select=("NB302",))
    assert positions(found) == ["6:5 NB302"]


def test_mixed_line_endings_and_form_feed():
    assert split_lines("a\r\nb\rc\nd\fe") == ["a", "b", "c", "d", "e"]
    doc = load_bytes("甲\r\n乙\r丙\n丁\n".encode("utf-8"), "m.txt")
    assert [(ln.number, ln.text) for ln in doc.lines] == [(1, "甲"), (2, "乙"), (3, "丙"), (4, "丁")]


def test_last_line_without_newline_and_blank_lines():
    doc = load_bytes("一\n\n\n二".encode("utf-8"), "x.txt")
    assert [ln.text for ln in doc.lines] == ["一", "", "", "二"]


@pytest.mark.parametrize("data", [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, b"\n \r\n\t", "\u3000\n".encode()])
def test_empty_or_bom_only_is_an_input_error(data):
    with pytest.raises(InputError) as exc:
        load_bytes(data, "empty.txt")
    assert exc.value.code == "empty-file" and "文件为空" in exc.value.message


def test_columns_are_characters_not_bytes():
    line = "２０２４年（全角）、ＸＸ县"  # full-width digits and brackets before the placeholder
    col = line.index("ＸＸ县") + 1
    assert col == 11
    for data in (line.encode("utf-8"), line.encode("gb18030"), codecs.BOM_UTF16_LE + line.encode("utf-16-le")):
        found = check_bytes(data, "c.txt", select=("NB302",))
        assert [(f.start.line, f.start.column, f.end.column) for f in found] == [(1, col, col + 3)]


def test_markdown_and_text_suffixes_read_the_same_lines():
    data = "## 一、总体情况\n正文\n".encode("utf-8")
    md, txt = load_bytes(data, "a.md"), load_bytes(data, "a.txt")
    assert md.format == "markdown" and txt.format == "text"
    assert [ln.text for ln in md.lines] == [ln.text for ln in txt.lines] == ["## 一、总体情况", "正文"]
