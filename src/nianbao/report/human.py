"""Human output: ``path:line:column: severity CODE name message``, the source
line, and carets under the exact place, aligned under full-width characters."""

from __future__ import annotations

import unicodedata

from . import summary

LABELS = _LABEL = {"error": "错误", "warning": "警告", "info": "提示"}
_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
TAB = "    "


def _escapes() -> dict:
    """Control characters (C0 but tab, DEL, C1) and bidirectional overrides,
    shown as escapes: a file name or a report line must not drive the terminal
    (an ESC sequence) or reorder what is shown."""
    table = {}
    for o in list(range(0x00, 0x20)) + list(range(0x7F, 0xA0)):
        if o != 0x09:
            table[o] = f"\\x{o:02x}"
    for o in list(range(0x202A, 0x202F)) + list(range(0x2066, 0x206A)) + [0x200E, 0x200F, 0x061C]:
        table[o] = f"\\u{o:04x}"
    return table


_ESCAPES = _escapes()


def safe(text: str) -> str:
    """``text`` with control characters escaped (see _escapes)."""
    return text.translate(_ESCAPES)


def char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def text_width(s: str) -> int:
    return sum(char_width(c) for c in s)


#: a source line longer than this is shown as a window around the finding
#: (a whole report flattened into one line, or a hostile one of megabytes)
SNIPPET_MAX = 400
_CONTEXT = 120


def snippet(source: str, c0: int, c1: int) -> tuple:
    """(shown source line, caret line) with tabs expanded and carets aligned."""
    if len(source) > SNIPPET_MAX:
        c1 = min(max(c1, c0), c0 + SNIPPET_MAX - 2 * _CONTEXT)
        start, end = max(0, c0 - _CONTEXT), min(len(source), c1 + _CONTEXT)
        head = "…" if start else ""
        source = head + source[start:end] + ("…" if end < len(source) else "")
        c0, c1 = c0 - start + len(head), c1 - start + len(head)
    shown = safe(source).replace("\t", TAB)
    prefix = safe(source[:c0]).replace("\t", TAB)
    marked = safe(source[c0:c1]).replace("\t", TAB)
    pad = " " * text_width(prefix)
    width = max(1, text_width(marked))
    return shown, pad + "^" * width


ELLIPSIS = "…"


def fit_snippet(source: str, c0: int, c1: int, avail: int) -> tuple:
    """Like :func:`snippet`, but cut to ``avail`` display columns around the
    marked range, with "…" where text was cut; the carets stay on one line."""
    shown, carets = snippet(source, c0, c1)
    if avail <= 0 or text_width(shown) <= avail:
        return shown, carets
    e0 = len(source[:c0].replace("\t", TAB))
    e1 = max(e0 + 1, e0 + len(source[c0:c1].replace("\t", TAB)))
    e1 = min(e1, len(shown)) if shown else e0
    widths = [char_width(ch) for ch in shown]
    budget = max(4, avail - 2 * text_width(ELLIPSIS))
    a, b = e0, e0
    used = 0
    while b < e1 and used + widths[b] <= budget:  # the marked text first (cut at its end if too long)
        used += widths[b]
        b += 1
    if b == a and b < len(shown):  # at least one character to point at
        used += widths[b]
        b += 1
    grow_left = True
    while True:
        moved = False
        for side in ((0, 1) if grow_left else (1, 0)):
            if side == 0 and a > 0 and used + widths[a - 1] <= budget:
                a -= 1
                used += widths[a]
                moved = True
            elif side == 1 and b < len(shown) and used + widths[b] <= budget:
                used += widths[b]
                b += 1
                moved = True
        grow_left = not grow_left
        if not moved:
            break
    left = ELLIPSIS if a > 0 else ""
    right = ELLIPSIS if b < len(shown) else ""
    cut = left + shown[a:b] + right
    mark_end = min(e1, b)
    pad = " " * (text_width(left) + text_width(shown[a:e0]))
    return cut, pad + "^" * max(1, text_width(shown[e0:mark_end]))


def wrap(text: str, width: int) -> list:
    """``text`` broken into pieces of at most ``width`` display columns."""
    out, cur, w = [], [], 0
    for ch in text:
        cw = char_width(ch)
        if cur and w + cw > width:
            out.append("".join(cur))
            cur, w = [], 0
        cur.append(ch)
        w += cw
    if cur:
        out.append("".join(cur))
    return out or [""]


def _where(f) -> str:
    from .location import lead
    return safe(lead(f))


MESSAGE_INDENT = "    "


def _lines_for(f, width=None) -> list:
    head = [(_where(f), "bold"), (": ", ""), (f"{_LABEL[f.severity]} ", _STYLE[f.severity]),
            (f"{f.rule} ", "bold"), (f"[{f.name}]", "dim")]
    out = [head + [(" " + safe(f.message), "")]]
    if width and text_width("".join(t for t, _ in out[0])) > width:
        # keep the place, level and rule on one line; the message follows, wrapped
        if text_width("".join(t for t, _ in head)) > width:
            head = head[:-1]
            head[-1] = (head[-1][0].rstrip(), head[-1][1])
        out = [head]
        for piece in wrap(safe(f.message), max(20, width - len(MESSAGE_INDENT))):
            out.append([(MESSAGE_INDENT + piece, "")])
    if f.source.strip():
        num = str(f.start.line)
        gutter = " " * len(num)
        if width:
            shown, carets = fit_snippet(f.source, f.col0, f.col1, width - len(f" {num} | "))
        else:
            shown, carets = snippet(f.source, f.col0, f.col1)
        out.append([(f" {num} | ", "blue"), (shown, "")])
        out.append([(f" {gutter} | ", "blue"), (carets, _STYLE[f.severity])])
    return out


def _summary_line(results) -> str:
    s = summary(results)
    bad = sum(1 for r in results if r.error)
    text = f"检查了 {s['files']} 个文件：错误 {s['error']} 个，警告 {s['warning']} 个，提示 {s['info']} 个"
    if bad:
        text += f"；{bad} 个文件无法读取"
    if s["baselined"]:
        text += f"；基线中已有的 {s['baselined']} 个问题未显示"
    skipped = sum(1 for r in results if getattr(r, "skipped", None))
    if skipped:
        text += f"；{skipped} 个文件已跳过"
    return text


def render_human(results, color: bool = False, width=None) -> str:
    """``width``: display columns of the terminal (None: no limit, as in a pipe)."""
    blocks = []
    for r in results:
        if r.error:
            blocks.append([[(f"{safe(r.path)}: ", "bold"), ("无法读取 ", "bold red"),
                            (f"[{r.error.code}] ", "dim"), (safe(r.error.message), "")]])
        if getattr(r, "previous", None):
            blocks.append([[(f"{safe(r.path)}: ", "bold"), (f"与上一年度报告 {safe(r.previous)} 比较", "dim")]])
        if getattr(r, "skipped", None):
            blocks.append([[(f"{safe(r.path)}: ", "bold"), ("已跳过 ", "bold cyan"),
                            (f"[{r.skipped.code}] ", "dim"), (safe(r.skipped.message), "")]])
        for f in r.findings:
            blocks.append(_lines_for(f, width))
    tail = [[(_summary_line(results), "bold")]]
    if not color:
        out = []
        for block in blocks:
            out.extend("".join(t for t, _ in line) for line in block)
            out.append("")
        out.extend("".join(t for t, _ in line) for line in tail)
        return "\n".join(out) + "\n"
    from rich.text import Text
    from io import StringIO
    from rich.console import Console
    buf = StringIO()
    console = Console(file=buf, force_terminal=True, color_system="standard", width=10000,
                      highlight=False, soft_wrap=True)
    for block in blocks + [tail]:
        for line in block:
            t = Text()
            for s, style in line:
                t.append(s, style=style or None)
            console.print(t)
        if block is not tail:  # a blank line after each finding, as in plain output
            console.print()
    return buf.getvalue()
