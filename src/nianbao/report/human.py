"""Human output: ``path:line:column: severity CODE name message``, the source
line, and carets under the exact place, aligned under full-width characters."""

from __future__ import annotations

import unicodedata

from . import summary

_LABEL = {"error": "错误", "warning": "警告", "info": "提示"}
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


def _where(f) -> str:
    base = f"{safe(f.path)}:{f.start.line}:{f.start.column}"
    return f"{base}（{f.start.label}）" if f.start.label else base


def _lines_for(f) -> list:
    head = [(_where(f), "bold"), (": ", ""), (f"{_LABEL[f.severity]} ", _STYLE[f.severity]),
            (f"{f.rule} ", "bold"), (f"[{f.name}] ", "dim"), (safe(f.message), "")]
    out = [head]
    if f.source.strip():
        shown, carets = snippet(f.source, f.col0, f.col1)
        num = str(f.start.line)
        gutter = " " * len(num)
        out.append([(f" {num} | ", "blue"), (shown, "")])
        out.append([(f" {gutter} | ", "blue"), (carets, _STYLE[f.severity])])
    return out


def _summary_line(results) -> str:
    s = summary(results)
    bad = sum(1 for r in results if r.error)
    text = f"检查了 {s['files']} 个文件：错误 {s['error']} 个，警告 {s['warning']} 个，提示 {s['info']} 个"
    if bad:
        text += f"；{bad} 个文件无法读取"
    return text


def render_human(results, color: bool = False) -> str:
    blocks = []
    for r in results:
        if r.error:
            blocks.append([[(f"{safe(r.path)}: ", "bold"), ("无法读取 ", "bold red"),
                            (f"[{r.error.code}] ", "dim"), (safe(r.error.message), "")]])
        for f in r.findings:
            blocks.append(_lines_for(f))
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
