"""The guards behind the hostile-input behaviour, one by one, in process."""

from __future__ import annotations

import os
import signal
import time

import pytest

from nianbao.load import InputError
from nianbao.load.isolate import LIMITS, run_isolated
from nianbao.parse.relations import RelationSyntaxError, parse_equation
from nianbao.ruleset import message_problem
from nianbao.userre import UserRegexError, compile_pattern, translate
from nianbao.yamlio import count_nodes, nesting_depth

fork_only = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


# -- the isolated worker ---------------------------------------------------------------

def _sleep(seconds):
    time.sleep(seconds)
    return "late"


def _abort():
    os.abort()


def _allocate():
    return b"x" * (4 * 1024 * 1024 * 1024)


def _input_error():
    raise InputError("pdf-broken", "x：坏了")


def _bug():
    return [][1]


@pytest.fixture
def limits():
    saved = (LIMITS.timeout, LIMITS.memory)
    yield LIMITS
    LIMITS.timeout, LIMITS.memory = saved


@fork_only
def test_worker_returns_the_value():
    assert run_isolated(sorted, ([3, 1, 2],), "x.pdf", "pdf") == [1, 2, 3]


@fork_only
def test_worker_overrun_is_too_complex_in_time(limits):
    limits.timeout = 0.5
    t = time.monotonic()
    with pytest.raises(InputError) as exc:
        run_isolated(_sleep, (30,), "x.pdf", "pdf")
    assert time.monotonic() - t < 10
    assert exc.value.code == "too-complex"
    assert "PDF 过于复杂，无法在限定时间内读取" in exc.value.message


@fork_only
def test_worker_that_aborts_is_an_input_error():
    with pytest.raises(InputError) as exc:
        run_isolated(_abort, (), "x.pdf", "pdf")
    assert exc.value.code == "too-complex"


@fork_only
def test_worker_out_of_memory_is_an_input_error(limits):
    limits.memory = 256 * 1024 * 1024
    with pytest.raises(InputError) as exc:
        run_isolated(_allocate, (), "x.docx", "docx")
    assert exc.value.code == "too-complex" and "内存" in exc.value.message


@fork_only
def test_worker_input_error_comes_back_as_is():
    with pytest.raises(InputError) as exc:
        run_isolated(_input_error, (), "x.pdf", "pdf")
    assert (exc.value.code, exc.value.message) == ("pdf-broken", "x：坏了")


@fork_only
def test_worker_bug_is_an_internal_error_not_a_crash():
    with pytest.raises(InputError) as exc:
        run_isolated(_bug, (), "x.pdf", "pdf")
    assert exc.value.code == "internal-error" and "IndexError" in exc.value.message


@fork_only
def test_overrun_worker_is_replaced(limits):
    from nianbao.load import isolate
    limits.timeout = 0.3
    with pytest.raises(InputError):
        run_isolated(_sleep, (30,), "x.pdf", "pdf")
    assert isolate._WORKER is None  # killed and reaped
    limits.timeout = 30
    assert run_isolated(len, (b"abc",), "x.pdf", "pdf") == 3  # a fresh worker
    first = isolate._WORKER.pid
    assert run_isolated(len, (b"ab",), "x.pdf", "pdf") == 2
    assert isolate._WORKER.pid == first  # kept for the next file


@fork_only
def test_worker_inherited_through_fork_is_not_used():
    from nianbao.load import isolate
    run_isolated(len, (b"x",), "x.pdf", "pdf")
    parent_worker = isolate._WORKER.pid
    pid = os.fork()
    if pid == 0:  # a --jobs pool process: must start its own worker
        ok = run_isolated(len, (b"xy",), "x.pdf", "pdf") == 2 and isolate._WORKER.pid != parent_worker
        os._exit(0 if ok else 1)
    assert os.waitpid(pid, 0)[1] == 0
    assert run_isolated(len, (b"xyz",), "x.pdf", "pdf") == 3 and isolate._WORKER.pid == parent_worker


# -- RE2 for user patterns ----------------------------------------------------------------

@pytest.mark.parametrize("pattern,text,found", [
    (r"第\s*\d+\s*页", "第\u3000３\u3000页", "第\u3000３\u3000页"),  # Unicode \s and \d, as in Python's re
    (r"[\d,]+元", "收取１,２００元", "１,２００元"),
    (r"\w+局", "某某局", "某某局"),
    (r"收取.*费", "收取了一些费用", "收取了一些费"),
    (r"a\Z", "ba", "a"),
])
def test_user_pattern_keeps_python_unicode_classes(pattern, text, found):
    m = compile_pattern(pattern).search(text)
    assert m is not None and m.group(0) == found


def test_translate_leaves_escaped_backslash_and_literal_bracket():
    assert translate(r"\\d") == r"\\d"
    assert translate(r"[]\d]") == r"[]\p{Nd}]"
    assert translate(r"[^\s]") .startswith("[^\\t")


@pytest.mark.parametrize("pattern", [r"(a)\1", "(?=a)b", "(?<!a)b", "(", "a{2,1}", "(?:a{1000}){1000}",
                                     "(" * 10000 + ")" * 10000, r"(?:\w{30}){60}"])
def test_patterns_re2_cannot_run_are_rejected(pattern):
    with pytest.raises(UserRegexError) as exc:
        compile_pattern(pattern)
    assert exc.value.message


def test_catastrophic_pattern_is_linear():
    rx = compile_pattern("^(a+)+$", lines=True)
    text = ("a" * 40 + "!\n") * 2000
    t = time.monotonic()
    assert list(rx.finditer(text)) == []
    assert time.monotonic() - t < 5  # Python's re takes longer than the age of the universe


def test_line_patterns_never_cross_lines():
    rx = compile_pattern(r"一\s*二", lines=True)
    assert [m.group(0) for m in rx.finditer("一\n二\n一 二")] == ["一 二"]


# -- message templates, equations, YAML --------------------------------------------------

@pytest.mark.parametrize("text,ok", [
    ("发现 {found}", True), ("字面 {{found}}", True), ("{", False), ("}", False), ("{0}", False),
    ("{}", False), ("{found.__class__}", False), ("{found[0]}", False), ("{found:>100000000}", False),
    ("{found!r}", False), ("{other}", False),
])
def test_message_templates(text, ok):
    assert (message_problem(text, ("found", "describe")) == "") is ok


@pytest.mark.parametrize("expr", ["a = b + ²", "a = " + "9" * 5000, "a = b + ⅕"])
def test_equation_constants_are_plain_numbers(expr):
    try:
        eq = parse_equation(expr)
    except RelationSyntaxError as exc:
        assert exc.message
    else:  # "²" and "⅕" are names (then unknown to the template), never int()
        assert all(t.name or t.const < 10 ** 15 for t in eq.left + eq.right)


def test_yaml_nesting_estimate():
    assert nesting_depth("select: [NB1, NB2]\nseverity:\n  NB101: error\n") < 10
    assert nesting_depth("a: " + "[" * 500 + "]" * 500) > 400
    assert nesting_depth("- " * 300 + "x") > 250
    assert nesting_depth("doc: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['\n") < 10


def test_alias_bomb_is_counted_expanded():
    level = [1] * 10
    for _ in range(8):
        level = [level] * 10
    assert count_nodes(level, 200_000) > 200_000


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="POSIX")
def test_html_span_attribute_is_ascii_digits_only():
    from nianbao.load.html import _El, _span
    assert _span(_El("td", {"colspan": "²"}, None, (1, 0)), "colspan") == 1
    assert _span(_El("td", {"colspan": "9" * 5000}, None, (1, 0)), "colspan") == 1000
    assert _span(_El("td", {"colspan": "３"}, None, (1, 0)), "colspan") == 1
    assert _span(_El("td", {"colspan": "2"}, None, (1, 0)), "colspan") == 2


def test_pdfminer_reading_of_unmapped_codes_keeps_pdfium_text(monkeypatch):
    """A page whose font pdfium cannot measure is re-read with pdfminer; when
    pdfminer only has (cid:N) codes for it (a non-embedded CJK font behind an
    owner password), pdfium's characters stay."""
    pytest.importorskip("pdfplumber")
    import pdfplumber
    from nianbao.load import pdf as pdf_loader

    geom = pdf_loader.PageGeom(1, 595, 842)
    geom.set_chars(list("一、总体情况"), [0.0] * 6, [0.0] * 6, [1.0] * 6, [1.0] * 6, [12.0] * 6)

    class Page:
        rotation = 0
        bbox = (0, 0, 595, 842)
        chars = [{"text": f"(cid:{i})", "x0": 0, "top": 0, "x1": 1, "bottom": 1, "size": 12} for i in range(6)]

    class Pdf:
        pages = [Page()]

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr(pdfplumber, "open", lambda _f: Pdf())
    pdf_loader._pdfminer_chars(b"%PDF", [geom])
    assert "".join(geom.text) == "一、总体情况"
    Page.chars = [{"text": ch, "x0": 0, "top": 0, "x1": 1, "bottom": 1, "size": 12} for ch in "一、总体情况"]
    geom.set_chars(list("一、总体情况"), [9.0] * 6, [0.0] * 6, [1.0] * 6, [1.0] * 6, [12.0] * 6)
    pdf_loader._pdfminer_chars(b"%PDF", [geom])
    assert geom.x0 == [0] * 6  # a good pdfminer reading still replaces the page


def test_human_snippet_of_a_huge_line_is_a_window_with_aligned_carets():
    from nianbao.report.human import SNIPPET_MAX, snippet, text_width
    source = "甲" * 500_000 + "错字" + "乙" * 500_000
    c0 = 500_000
    shown, carets = snippet(source, c0, c0 + 2)
    assert len(shown) <= SNIPPET_MAX + 2
    at = shown.index("错字")
    assert carets == " " * text_width(shown[:at]) + "^^^^"
