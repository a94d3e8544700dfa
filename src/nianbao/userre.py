"""Regular expressions written in YAML (rule packs, the template), run with RE2.

RE2 matches in time linear in the text, whatever the pattern: a pack's
``(.*)*x`` or ``^(a+)+$`` cannot hang a check.  What RE2 cannot express
(backreferences, look-around) is rejected when the pack is loaded, with the
position of the pattern in the user's file.

Python's ``re`` (which the patterns were first written for) treats ``\\d``,
``\\s`` and ``\\w`` as Unicode classes; RE2 as ASCII ones.  So those escapes
are rewritten to their Unicode equivalents before compiling: a full-width
"３" is still a digit and an ideographic space still a space.  ``\\Z`` is
written ``\\z`` in RE2.  ``\\b`` stays RE2's (ASCII word boundary).
"""

from __future__ import annotations

from functools import lru_cache

#: Python's Unicode whitespace (str.isspace), as the body of a character class
_SPACE = r"\t\n\x{0b}\f\r \x{1c}-\x{1f}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"
_DIGIT = r"\p{Nd}"
_WORD = r"\p{L}\p{N}\p{Mn}\p{Mc}_"
_IN_CLASS = {"d": _DIGIT, "s": _SPACE, "w": _WORD}
_OUTSIDE = {"d": _DIGIT, "s": f"[{_SPACE}]", "w": f"[{_WORD}]",
            "D": r"\P{Nd}", "S": f"[^{_SPACE}]", "W": f"[^{_WORD}]", "Z": r"\z"}
#: a pattern longer than this is not a phrase (RE2 bounds the memory anyway)
MAX_PATTERN = 10_000
#: RE2 runs in time proportional to text length times program size: a
#: phrase's program has tens to a few thousand instructions (\\w alone is 1,453)
MAX_PROGRAM = 50_000
#: capture groups a pattern that needs them (the period: group 1 is the year)
#: may have; the others are compiled without captures (RE2 is much faster so)
MAX_GROUPS = 9


class UserRegexError(ValueError):
    """A pattern RE2 cannot compile; ``message`` is Chinese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def translate(pattern: str) -> str:
    """``pattern`` with Python's Unicode ``\\d \\s \\w`` (and negations, ``\\Z``)
    spelled out for RE2.  Other escapes are copied as written."""
    out = []
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            if in_class and nxt in _IN_CLASS:
                out.append(_IN_CLASS[nxt])
            elif not in_class and nxt in _OUTSIDE:
                out.append(_OUTSIDE[nxt])
            else:
                out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
            elif ch == "[" and pattern.startswith("[:", i):  # [:alpha:] inside a class
                end = pattern.find(":]", i + 2)
                if end > 0:
                    out.append(pattern[i:end + 2])
                    i = end + 2
                    continue
        elif ch == "[":
            in_class = True
            out.append(ch)
            i += 1
            # a "]" (or "^]") right after "[" is a literal
            if pattern.startswith("^", i):
                out.append("^")
                i += 1
            if pattern.startswith("]", i):
                out.append("]")
                i += 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _message(exc: BaseException) -> str:
    arg = exc.args[0] if exc.args else exc
    if isinstance(arg, bytes):
        arg = arg.decode("utf-8", "replace")
    return str(arg) or type(exc).__name__


@lru_cache(maxsize=512)
def compile_pattern(pattern: str, lines: bool = False, multiline: bool = False, groups: bool = False):
    """The RE2 pattern for ``pattern`` (a compiled object with ``search``,
    ``match`` and ``finditer``; match positions are in characters).

    ``lines``: never match a newline (``.`` and classes stop at line ends)
    and ``^``/``$`` match at every line: searching a whole document's text
    then finds exactly what searching each of its lines would.
    ``multiline``: ``^``/``$`` at every line only.
    ``groups``: keep capture groups (at most MAX_GROUPS); otherwise every
    group is non-capturing and only the whole match is known.
    Raises UserRegexError for anything RE2 cannot compile.
    """
    if not isinstance(pattern, str):
        raise UserRegexError("正则表达式应为字符串")
    if len(pattern) > MAX_PATTERN:
        raise UserRegexError(f"正则表达式过长（{len(pattern)} 个字符，上限 {MAX_PATTERN}）")
    try:
        import re2
    except ImportError:  # pragma: no cover - google-re2 is a dependency
        raise UserRegexError("缺少 google-re2 库（pip install google-re2）") from None
    opts = re2.Options()
    opts.log_errors = False  # RE2 would print every rejected pattern on stderr
    if lines:
        opts.never_nl = True
    opts.never_capture = not groups
    text = translate(pattern)
    if lines or multiline:
        text = "(?m)" + text
    try:
        rx = re2.compile(text, opts)
    except Exception as exc:  # re2.error, and anything else a strange pattern raises
        raise UserRegexError(f"正则表达式 “{_short(pattern)}” 无效或 RE2 不支持：{_message(exc)}"
                             f"（不支持反向引用和前后查找 (?=…) (?<=…)）") from None
    try:
        size = rx._regexp.ProgramSize()
    except AttributeError:  # pragma: no cover - another binding version
        size = 0
    if size > MAX_PROGRAM:
        raise UserRegexError(f"正则表达式 “{_short(pattern)}” 过于复杂（RE2 程序 {size} 条指令，上限 {MAX_PROGRAM}）")
    if groups and rx.groups > MAX_GROUPS:
        raise UserRegexError(f"正则表达式 “{_short(pattern)}” 的分组过多（{rx.groups} 个，上限 {MAX_GROUPS}）")
    return rx


def _short(pattern: str) -> str:
    return pattern if len(pattern) <= 60 else pattern[:57] + "..."


def check_pattern(pattern, lines: bool = False, multiline: bool = False, groups: bool = False):
    """None when ``pattern`` compiles, else the Chinese message."""
    try:
        compile_pattern(pattern, lines, multiline, groups)
    except UserRegexError as exc:
        return exc.message
    except RecursionError:  # pragma: no cover - RE2 does not recurse in Python
        return "正则表达式嵌套过深"
    return None
