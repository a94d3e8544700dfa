"""Where a finding is, said the way each format lets the user find it.

Text, Markdown and web pages: the source file's ``line:column``.  PDF: the
page and the line on that page (a table cell: page, table, row, cell).  Word:
the paragraph, or the table, row and cell.  Every output format leads with
this place; ``line``/``column`` of a PDF or Word finding are kept only as the
coordinates the place is made of.
"""

from __future__ import annotations

import os

#: formats whose ``line:column`` are not lines of the file the user opened
PAGED = ("pdf", "docx")


def file_format(path: str) -> str:
    from ..load import format_of
    return "markdown" if path == "-" else format_of(path)


def is_paged(f) -> bool:
    return bool(f.start.label) and file_format(f.path) in PAGED


def lead(f) -> str:
    """The place in the human header: ``path:line:col`` or ``path:第2页第3行``."""
    if is_paged(f):
        return f"{f.path}:{f.start.label}"
    base = f"{f.path}:{f.start.line}:{f.start.column}"
    return f"{base}（{f.start.label}）" if f.start.label else base


def location(f) -> dict:
    """The JSON ``location`` object (see docs/json-output.md)."""
    extra = dict(f.start.extra)
    fmt = file_format(f.path)
    out = {"format": fmt}
    if fmt == "pdf" and "page" in extra:
        out["page"] = extra["page"]
        if "row" in extra:
            out.update(table=extra["table"], row=extra["row"], cell=extra["cell"])
        out["line"], out["column"] = f.start.line, f.start.column
    elif fmt == "docx" and extra:
        if "paragraph" in extra:
            out["paragraph"], out["column"] = extra["paragraph"], f.start.column
        else:
            out.update(table=extra["table"], row=extra["row"], cell=extra["cell"])
    else:
        out["line"], out["column"] = f.start.line, f.start.column
        if "row" in extra:
            out.update(table=extra["table"], row=extra["row"], cell=extra["cell"])
    if f.start.label:
        out["text"] = f.start.label
    else:
        out["text"] = f"第{f.start.line}行第{f.start.column}列"
    return out


def uri(path: str) -> str:
    """A relative (or absolute ``file:``) URI for ``path``, percent-encoded."""
    from urllib.parse import quote
    p = path.replace(os.sep, "/")
    if os.path.isabs(path):
        return "file://" + quote(p, safe="/:")
    return quote(p, safe="/")
