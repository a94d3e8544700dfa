"""Hostile and broken inputs: every one ends in findings or a clear input or
configuration error (exit 0/1/2, no traceback, never ``internal-error``),
within 30 s and 1 GB, and the good report of the same batch is still checked.

Every input is generated here (tests/hostile/gen.py); each case runs
``nianbao check`` in a subprocess under an address-space limit.
"""

from __future__ import annotations

import codecs
import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gen  # noqa: E402
from runner import FAST, GOOD, assert_sane, nianbao  # noqa: E402

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and rlimits (POSIX)")


def _batch(tmp_path, name: str, data: bytes):
    """A folder with the hostile file and a good report next to it."""
    (tmp_path / name).write_bytes(data)
    shutil.copy(GOOD, tmp_path / "good.txt")
    return [name, "good.txt"]


def _check_batch(run, hostile: str, allowed=None):
    """The good report was checked; the hostile file has findings or an error
    that is not internal-error (one of ``allowed`` when given)."""
    assert_sane(run)
    files = run.by_path()
    good = files["good.txt"]
    assert good["error"] is None and good["findings"], good
    bad = files[hostile]
    if bad["error"] is not None:
        assert bad["error"]["code"] != "internal-error", bad["error"]
        if allowed is not None:
            assert bad["error"]["code"] in allowed, bad["error"]
        assert run.rc == 2
    return bad


# -- native crashes, hangs and memory in the PDF reader --------------------------------

PDF_CASES = {
    "nested-forms": lambda: gen.pdf_nested_forms(10, 10),
    "five-million-segments": lambda: gen.pdf_many_segments(5_000_000),
    "dense-grid-14400pt": lambda: gen.pdf_dense_grid(14400, 4),
}


@pytest.mark.parametrize("case", sorted(PDF_CASES))
def test_hostile_pdf_is_an_input_error_and_the_batch_goes_on(tmp_path, case):
    files = _batch(tmp_path, "x.pdf", PDF_CASES[case]())
    run = nianbao(files, tmp_path)
    bad = _check_batch(run, "x.pdf")
    if bad["error"]:
        assert bad["error"]["code"] == "too-complex"
        assert "PDF 过于复杂" in bad["error"]["message"]


def test_pdf_with_flipped_bytes_never_internal_error(tmp_path):
    pytest.importorskip("reportlab")
    base = gen.pdf_cjk_text(["某某县人民政府2024年政府信息公开工作年度报告", "一、总体情况", "本机关主动公开信息。"])
    names = []
    for seed in range(12):
        name = f"f{seed}.pdf"
        (tmp_path / name).write_bytes(gen.flip_bytes(base, seed, 6))
        names.append(name)
    shutil.copy(GOOD, tmp_path / "good.txt")
    run = nianbao(names + ["good.txt"], tmp_path)
    for name in names:
        _check_batch(run, name)


def test_owner_password_pdf_with_cjk_font_is_read(tmp_path):
    pytest.importorskip("reportlab")
    lines = ["某某县人民政府2024年政府信息公开工作年度报告", "一、总体情况"] + ["本机关认真贯彻落实条例，主动公开政府信息。"] * 30
    files = _batch(tmp_path, "owner.pdf", gen.pdf_cjk_text(lines, owner_password="owner-only"))
    run = nianbao(files, tmp_path)
    bad = _check_batch(run, "owner.pdf")
    assert bad["error"] is None, bad["error"]  # not "没有文字层"
    assert any(f["rule"] == "NB101" for f in bad["findings"])  # headings 二..六 missing: text was read


# -- HTML --------------------------------------------------------------------------------

HTML_CASES = {
    "spans-1000x1000": lambda: gen.html_spans(50, 1000),
    "tables-nested-20000": lambda: gen.html_nested_tables(20000),
    "divs-nested-1000": lambda: gen.html_nested_divs(1000),
    "divs-nested-30000": lambda: gen.html_nested_divs(30000),
    "colspan-superscript-two": lambda: gen.html_odd_span("²"),
    "colspan-5000-digits": lambda: gen.html_odd_span("9" * 5000),
}


@pytest.mark.parametrize("case", sorted(HTML_CASES))
def test_hostile_html(tmp_path, case):
    files = _batch(tmp_path, "x.html", HTML_CASES[case]())
    _check_batch(run := nianbao(files, tmp_path), "x.html", allowed={"table-too-large", "too-complex"})
    assert run.rc in (1, 2)


# -- Word --------------------------------------------------------------------------------

DOCX_CASES = {
    "gridspan-1000000": lambda: gen.docx_gridspan(30, 1_000_000),
    "gridbefore-100000000": lambda: gen.docx_gridbefore(100_000_000),
    "no-body": gen.docx_no_body,
    "inflates-to-1500-mb": lambda: gen.docx_inflating(1500),
    "tables-nested-3000": lambda: gen.docx_nested(3000),
}


@pytest.mark.parametrize("case", sorted(DOCX_CASES))
def test_hostile_docx(tmp_path, case):
    files = _batch(tmp_path, "x.docx", DOCX_CASES[case]())
    _check_batch(nianbao(files, tmp_path), "x.docx",
                 allowed={"docx-broken", "too-complex", "table-too-large"})


# -- text, sizes, devices, stdin ------------------------------------------------------------

@pytest.mark.parametrize("data", [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, b"\r\n\r\n"],
                         ids=["empty", "utf8-bom", "utf16-bom", "blank-lines"])
def test_empty_text_is_file_is_empty(tmp_path, data):
    files = _batch(tmp_path, "x.txt", data)
    bad = _check_batch(nianbao(files, tmp_path), "x.txt", allowed={"empty-file"})
    assert bad["error"] and "文件为空" in bad["error"]["message"]


def test_over_the_size_limit_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:  # sparse: 101 MB without writing them
        fh.truncate(101 * 1024 * 1024)
    shutil.copy(GOOD, tmp_path / "good.txt")
    run = nianbao(["big.txt", "good.txt"], tmp_path, extra=[])
    bad = _check_batch(run, "big.txt", allowed={"too-large"})
    assert "上限 100 MB" in bad["error"]["message"]


def test_near_100_mb_of_text_within_budget(tmp_path):
    line = ("本机关2024年主动公开政府信息1234条，其中规范性文件12件。" * 24 + "\n").encode()
    with open(tmp_path / "big.txt", "wb") as fh:
        block = line * 1000
        for _ in range((99 * 1024 * 1024) // len(block)):
            fh.write(block)
    shutil.copy(GOOD, tmp_path / "good.txt")
    run = nianbao(["big.txt", "good.txt"], tmp_path, extra=["--timeout", "25"])
    _check_batch(run, "big.txt", allowed={"too-large", "too-complex"})


def test_one_line_of_10_mb_in_human_output(tmp_path):
    sentence = "本机关2024年主动公开政府信息1234条，其中规范性文件12件。"
    files = _batch(tmp_path, "x.txt", (sentence * (10 * 2**20 // len(sentence.encode()))).encode())
    run = nianbao(files, tmp_path, fmt="human")
    assert_sane(run)
    assert run.rc == 1 and "good.txt:" in run.out and "x.txt:1:1" in run.out
    assert max(len(line) for line in run.out.splitlines()) < 2000  # a window, not 10 MB per finding


def test_many_short_lines_are_refused(tmp_path):
    files = _batch(tmp_path, "x.txt", b"a\n" * 2_000_000)
    _check_batch(nianbao(files, tmp_path), "x.txt", allowed={"too-large"})


def test_dev_zero_as_a_path(tmp_path):
    shutil.copy(GOOD, tmp_path / "good.txt")
    run = nianbao(["/dev/zero", "good.txt"], tmp_path)
    _check_batch(run, "/dev/zero", allowed={"not-regular-file"})


def test_fifo_named_explicitly(tmp_path):
    os.mkfifo(tmp_path / "a.txt")
    shutil.copy(GOOD, tmp_path / "good.txt")
    run = nianbao(["a.txt", "good.txt"], tmp_path)
    _check_batch(run, "a.txt", allowed={"not-regular-file"})


def test_fifo_inside_a_checked_folder(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    os.mkfifo(folder / "a.txt")
    shutil.copy(GOOD, folder / "good.txt")
    run = nianbao(["reports"], tmp_path)
    assert_sane(run)
    files = run.by_path()
    good = files[str(Path("reports") / "good.txt")]
    assert good["error"] is None and good["findings"]
    fifo = files.get(str(Path("reports") / "a.txt"))
    # the walk notes it as not a regular file and never reads it (not an error: it was not named)
    assert fifo is not None and fifo["error"] is None and fifo["skipped"]["code"] == "not-regular-file"


def test_dev_zero_on_stdin_is_bounded(tmp_path):
    run = nianbao(["-"], tmp_path, stdin="/dev/zero", extra=["--max-size", "5"])
    assert_sane(run)
    err = run.by_path()["-"]["error"]
    assert err["code"] == "too-large"


def test_closed_stdin(tmp_path):
    run = nianbao(["-"], tmp_path, stdin="closed")
    assert_sane(run)
    err = run.by_path()["-"]["error"]
    assert err["code"] == "stdin-closed", err


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any folder")
def test_unreadable_subfolder_is_reported(tmp_path):
    (tmp_path / "locked").mkdir()
    shutil.copy(GOOD, tmp_path / "locked" / "r.txt")
    os.chmod(tmp_path / "locked", 0)
    try:
        run = nianbao(["."], tmp_path)
    finally:
        os.chmod(tmp_path / "locked", 0o755)
    assert_sane(run)
    assert run.rc == 2 and "locked" in run.out + run.err


def test_control_characters_in_names_and_text_are_escaped(tmp_path):
    name = "e\x1b[31mvil.txt"
    text = GOOD.read_text(encoding="utf-8").replace("二、主动公开政府信息情况", "二、主动\x1b[2J公开政府信息情况")
    (tmp_path / name).write_text(text, encoding="utf-8")
    run = nianbao([name], tmp_path, fmt="human")
    assert_sane(run)
    assert "\x1b" not in run.out
    assert "e\\x1b[31mvil.txt:" in run.out


# -- configuration and rule packs ------------------------------------------------------------

def _two_folders(tmp_path, config_name: str, config: bytes):
    """a/ has the broken configuration, b/ none: b's report is still checked."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / config_name).write_bytes(config)
    shutil.copy(GOOD, tmp_path / "a" / "r.txt")
    shutil.copy(GOOD, tmp_path / "b" / "good.txt")
    return nianbao(["a", "b"], tmp_path)


def _config_error_per_folder(run):
    assert_sane(run)
    assert run.rc == 2
    files = run.by_path()
    assert files[str(Path("a") / "r.txt")]["error"]["code"] == "config-error"
    good = files[str(Path("b") / "good.txt")]
    assert good["error"] is None and good["findings"]
    assert "nianbao: 配置错误：" in run.err


@pytest.mark.parametrize("name,data", [
    (".nianbao.yaml", gen.yaml_deep(30000)),
    (".nianbao.yaml", b"a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n" + b"".join(
        b"%s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n" % ((bytes([c]),) * 2 + (bytes([c - 1]),) * 10)
        for c in range(ord("b"), ord("k")))),
    (".nianbao.yaml", b"select: [NB1\n"),
    ("pyproject.toml", gen.toml_deep(100000)),
    ("pyproject.toml", '[tool.nianbao]\nselect = ["测试"]\n'.encode("gbk")),
], ids=["yaml-30000-deep", "yaml-alias-bomb", "yaml-syntax", "toml-100000-deep", "toml-gbk"])
def test_broken_config_in_one_folder(tmp_path, name, data):
    _config_error_per_folder(_two_folders(tmp_path, name, data))


PACK_RULE = """rules:
  XX001:
    name: my-rule
    kind: {kind}
    severity: warning
    tags: [narrative]
    summary: 测试
    message: {message}
    options:
{options}
"""


def _pack(kind="phrase-forbidden", message="'发现 {found}'", options="      patterns: ['XX']"):
    return PACK_RULE.format(kind=kind, message=message, options=options)


def _nested_parens(n):
    return "'" + "(" * n + "a" + ")" * n + "'"


BAD_PACKS = {
    "message-open-brace": _pack(message="'{'"),
    "message-positional": _pack(message="'{0}'"),
    "message-attribute": _pack(message="'{found.__init__.__globals__}'"),
    "message-format-spec": _pack(message="'{found:>100000000}'"),
    "message-unknown-name": _pack(message="'{nope}'"),
    "regex-backreference": _pack(options=r"      patterns: ['(a)\1']"),
    "regex-lookahead": _pack(options="      patterns: ['(?=a)b']"),
    "regex-nested-10000": _pack(options=f"      patterns: [{_nested_parens(10000)}]"),
    "regex-huge-program": _pack(options="      patterns: ['(?:\\w{30}){60}']"),
    "regex-huge-repeat": _pack(options="      patterns: ['(?:a{1000}){1000}']"),
    "relation-superscript": _pack("relation", "'{expr}'",
                                  "      table: 三\n      for_each: column\n      expr: '（七） = （一） + ²'\n"
                                  "      at: （七）"),
    "relation-5000-digits": _pack("relation", "'{expr}'",
                                  "      table: 三\n      for_each: column\n"
                                  f"      expr: '（七） = （一） + {'9' * 5000}'\n      at: （七）"),
    "relation-unknown-row": _pack("relation", "'{expr}'",
                                  "      table: 三\n      for_each: column\n      expr: '（七） = 鬼'\n      at: （七）"),
    "relation-unknown-table": _pack("relation", "'{expr}'",
                                    "      table: 九\n      for_each: column\n      expr: 'a = b'\n      at: a"),
    "relation-unknown-id": _pack("relation", "'{expr}'", "      relation: 没有这条"),
    "template-relation-unknown-row": "template:\n  relations:\n    - id: 我的\n      table: 三\n"
                                     "      for_each: column\n      expr: （七） = 鬼\n      at: （七）\n",
    "template-period-no-group": "template:\n  period:\n    pattern: '年度'\n",
    "template-page-marker-lookbehind": "template:\n  page_marker: '(?<=a)b'\n",
}


@pytest.mark.parametrize("case", sorted(BAD_PACKS))
def test_bad_pack_is_a_config_error_in_the_pack(tmp_path, case):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "pack.yaml").write_text(BAD_PACKS[case], encoding="utf-8")
    (tmp_path / "a" / ".nianbao.yaml").write_text("packs: [pack.yaml]\n", encoding="utf-8")
    shutil.copy(GOOD, tmp_path / "a" / "r.txt")
    shutil.copy(GOOD, tmp_path / "b" / "good.txt")
    run = nianbao(["a", "b"], tmp_path)
    _config_error_per_folder(run)
    # the error names the user's pack, with a line, not the bundled files
    assert "pack.yaml:" in run.err, run.err
    assert "tables-2021.yaml" not in run.err


SLOW_REGEXES = {
    "dot-star-star": "(.*)*x",
    "nested-plus": "^(a+)+$",
    "huge-counted-repeat": "a{99999999999}",
    "nested-3000": "(" * 3000 + "a" + ")" * 3000,
}


@pytest.mark.parametrize("case", sorted(SLOW_REGEXES))
def test_catastrophic_pack_regex_runs_in_linear_time(tmp_path, case):
    pattern = SLOW_REGEXES[case]
    text = GOOD.read_text(encoding="utf-8") + "\n" + "a" * 40 + "!\n" + ("a" * 5000 + "!") * 3 + "\n"
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    shutil.copy(GOOD, tmp_path / "good.txt")
    (tmp_path / "pack.yaml").write_text(_pack(options=f"      patterns: ['{pattern}']"), encoding="utf-8")
    (tmp_path / ".nianbao.yaml").write_text("packs: [pack.yaml]\n", encoding="utf-8")
    run = nianbao(["r.txt", "good.txt"], tmp_path)
    _check_batch(run, "r.txt")


@pytest.mark.parametrize("key", ["page_marker", "period"])
def test_catastrophic_template_regex_runs_in_linear_time(tmp_path, key):
    text = GOOD.read_text(encoding="utf-8") + "\n" + ("a" * 40 + "!\n") * 50
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    shutil.copy(GOOD, tmp_path / "good.txt")
    tmpl = ("template:\n  page_marker: '^(a+)+$'\n" if key == "page_marker"
            else "template:\n  period:\n    pattern: '((a+)+)$'\n")
    (tmp_path / "pack.yaml").write_text(tmpl, encoding="utf-8")
    (tmp_path / ".nianbao.yaml").write_text("packs: [pack.yaml]\n", encoding="utf-8")
    _check_batch(nianbao(["r.txt", "good.txt"], tmp_path), "r.txt")


def test_default_limits_are_documented_in_help():
    from nianbao.cli import build_parser
    text = build_parser()._subparsers._group_actions[0].choices["check"].format_help()
    for opt in ("--max-size", "--timeout", "--max-memory"):
        assert opt in text
    assert FAST  # the suite passes its own, shorter limits
