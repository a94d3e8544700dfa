"""Human output: ``path:line:column: severity CODE name message``, the source
line, and carets under the exact place, aligned under full-width characters."""

from __future__ import annotations

import unicodedata

from . import summary

_LABEL = {"error": "错误", "warning": "警告", "info": "提示"}
_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
TAB = "    "


def char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def text_width(s: str) -> int:
    return sum(char_width(c) for c in s)


def snippet(source: str, c0: int, c1: int) -> tuple:
    """(shown source line, caret line) with tabs expanded and carets aligned."""
    shown = source.replace("\t", TAB)
    prefix = source[:c0].replace("\t", TAB)
    marked = source[c0:c1].replace("\t", TAB)
    pad = " " * text_width(prefix)
    width = max(1, text_width(marked))
    return shown, pad + "^" * width


def _where(f) -> str:
    base = f"{f.path}:{f.start.line}:{f.start.column}"
    return f"{base}（{f.start.label}）" if f.start.label else base


def _lines_for(f) -> list:
    head = [(_where(f), "bold"), (": ", ""), (f"{_LABEL[f.severity]} ", _STYLE[f.severity]),
            (f"{f.rule} ", "bold"), (f"[{f.name}] ", "dim"), (f.message, "")]
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
    skipped = sum(1 for r in results if getattr(r, "skipped", None))
    if skipped:
        text += f"；{skipped} 个文件已跳过"
    return text


def render_human(results, color: bool = False) -> str:
    blocks = []
    for r in results:
        if r.error:
            blocks.append([[(f"{r.path}: ", "bold"), ("无法读取 ", "bold red"),
                            (f"[{r.error.code}] ", "dim"), (r.error.message, "")]])
        if getattr(r, "skipped", None):
            blocks.append([[(f"{r.path}: ", "bold"), ("已跳过 ", "bold cyan"),
                            (f"[{r.skipped.code}] ", "dim"), (r.skipped.message, "")]])
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
