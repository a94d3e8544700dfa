"""Word (.docx): bytes -> lines, paragraphs and table rows in document order.

python-docx opens the package; the body is then walked on its XML elements so
paragraphs and tables come out interleaved exactly as in the document, and a
merged cell is seen once: a horizontal merge (``w:gridSpan``) is one cell, as
Word shows it, a vertical merge (``w:vMerge`` continue) leaves the positions
below the first row empty.  Rows are padded with empty cells to the widest row.

A paragraph with a Heading style is just a line of text (the heading finder
works from the text).  Deleted revisions, field instructions and text boxes
are not part of the text flow and are skipped.
"""

from __future__ import annotations

import io
import zipfile

from ..model import Document, Line, Place
from .errors import InputError
from .grid import cell_of, clean_cell, grid_text, join_wrapped

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC, _SDT, _SDTCONTENT = (_W + "p", _W + "tbl", _W + "tr", _W + "tc",
                                         _W + "sdt", _W + "sdtContent")
_T, _TAB, _BR, _CR = _W + "t", _W + "tab", _W + "br", _W + "cr"
_NBHYPHEN, _SOFTHYPHEN = _W + "noBreakHyphen", _W + "softHyphen"
#: subtrees whose text is not part of the paragraph as printed
_SKIP = {_W + "del", _W + "moveFrom", _W + "txbxContent", _MC + "Fallback",
         _W + "instrText", _W + "delText", _W + "pPr", _W + "rPr"}
_VAL = _W + "val"


class DocxLine(Line):
    """A paragraph (or one soft-broken part of it), or a table row."""

    __slots__ = ("paragraph", "offset", "table", "row")

    def __init__(self, text, number, paragraph=0, offset=0, cells=None, table=0, row=0):
        super().__init__(text, number, paragraph or row, cells)
        self.paragraph = paragraph
        self.offset = offset
        self.table = table
        self.row = row

    def place(self, col: int) -> Place:
        if self.cells is None:
            n = self.paragraph
            return Place(n, self.offset + col + 1, (("paragraph", n),), f"第{n}段")
        c = cell_of(self.cells, col)
        t, r = self.table, self.row
        return Place(r, col + 1, (("cell", c), ("row", r), ("table", t)),
                     f"第{t}个表格第{r}行第{c}格")


def _para_text(p) -> str:
    """The printed text of a ``w:p`` element (soft line breaks as "\\n")."""
    out = []

    def walk(el):
        for child in el:
            tag = child.tag
            if tag in _SKIP or not isinstance(tag, str):
                continue
            if tag == _T:
                if child.text:
                    out.append(child.text)
            elif tag == _TAB:
                if el.tag != _W + "tabs":
                    out.append("\t")
            elif tag == _BR:
                if child.get(_W + "type") in (None, "textWrapping"):
                    out.append("\n")
            elif tag == _CR:
                out.append("\n")
            elif tag == _NBHYPHEN:
                out.append("-")
            elif tag == _SOFTHYPHEN:
                continue
            elif tag == _P:  # a paragraph nested in an inline content control
                walk(child)
            else:
                walk(child)

    walk(p)
    return "".join(out)


def _tc_props(tc) -> tuple:
    """(grid span, vertical-merge state) of a ``w:tc``: state is None, "restart"
    or "continue"."""
    span, vmerge = 1, None
    pr = tc.find(_W + "tcPr")
    if pr is not None:
        gs = pr.find(_W + "gridSpan")
        if gs is not None:
            try:
                span = max(1, int(gs.get(_VAL, "1")))
            except ValueError:
                span = 1
        vm = pr.find(_W + "vMerge")
        if vm is not None:
            vmerge = vm.get(_VAL) or "continue"
    return span, vmerge


def _cell_text(tc) -> str:
    parts = []
    for el in tc.iter(_P):
        # nested tables' paragraphs are reached by iter() too; fine: they are
        # part of the printed cell
        parts.append(clean_cell(_para_text(el)))
    return join_wrapped(parts)


def _table_rows(tbl) -> list:
    """Rows of one ``w:tbl`` as lists of cell strings, merged positions empty."""
    grid = tbl.find(_W + "tblGrid")
    width = len(grid.findall(_W + "gridCol")) if grid is not None else 0
    rows = []
    for tr in _iter_rows(tbl):
        cells = []
        pr = tr.find(_W + "trPr")
        if pr is not None:
            gb = pr.find(_W + "gridBefore")
            if gb is not None:
                try:
                    cells.extend([""] * int(gb.get(_VAL, "0")))
                except ValueError:
                    pass
        for tc in _iter_cells(tr):
            # a cell merged across columns (w:gridSpan) is one cell of its row: no empty cells
            # for the columns it spans (they would push the row's figures right)
            _span, vmerge = _tc_props(tc)
            cells.append("" if vmerge == "continue" else _cell_text(tc))
        rows.append(cells)
        width = max(width, len(cells))
    for cells in rows:
        cells.extend([""] * (width - len(cells)))
    return rows


def _iter_rows(tbl):
    for child in tbl:
        if child.tag == _TR:
            yield child
        elif child.tag in (_SDT, _SDTCONTENT, _W + "customXml"):
            yield from _iter_rows(child)


def _iter_cells(tr):
    for child in tr:
        if child.tag == _TC:
            yield child
        elif child.tag in (_SDT, _SDTCONTENT, _W + "customXml"):
            yield from _iter_cells(child)


def _iter_body(el):
    """Paragraphs and tables of the body in order, looking inside content
    controls."""
    for child in el:
        tag = child.tag
        if tag in (_P, _TBL):
            yield child
        elif tag in (_SDT, _SDTCONTENT, _W + "customXml"):
            yield from _iter_body(child)


def _check_signature(data: bytes, path: str) -> None:
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise InputError("docx-encrypted", f"{path}：Word 文件已设置打开密码，请提供未加密的文件")
        raise InputError("legacy-doc",
                         f"{path}：这是旧版 Word（.doc）文件，请用 Word 或 WPS 另存为 .docx 后再检查")
    if not data.startswith(b"PK"):
        raise InputError("docx-broken", f"{path}：不是有效的 Word（.docx）文件（不是 ZIP 压缩包）")


def load_docx(data: bytes, path: str) -> Document:
    _check_signature(data, path)
    try:
        import docx  # python-docx
        doc = docx.Document(io.BytesIO(data))
        body = doc.element.body
    except ImportError as exc:  # python-docx (or lxml) is installed but cannot be imported
        raise InputError("missing-library", f"{path}：读取 Word（.docx） 需要安装 python-docx 和 lxml"
                         f"（{exc}；pip install --force-reinstall python-docx）") from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
        raise InputError("docx-broken", f"{path}：Word 文件已损坏，无法打开（{type(exc).__name__}）") from None
    except Exception as exc:  # python-docx / lxml raise a variety of errors on bad packages
        raise InputError("docx-broken", f"{path}：Word 文件已损坏，无法打开（{type(exc).__name__}）") from None
    lines = []
    para_no = 0
    table_no = 0

    def paragraph(p):
        nonlocal para_no
        text = _para_text(p)
        if not text.strip():
            return
        para_no += 1
        offset = 0
        for part in text.split("\n"):
            if part.strip():
                lines.append(DocxLine(part, len(lines) + 1, para_no, offset))
            offset += len(part) + 1

    for el in _iter_body(body):
        if el.tag == _P:
            paragraph(el)
            continue
        rows = _table_rows(el)
        if rows and len(rows[0]) < 2:
            # a one-column table is a frame around text, not a data table
            for p in el.iter(_P):
                paragraph(p)
            continue
        table_no += 1
        for r, cells in enumerate(rows, 1):
            text, spans = grid_text(cells)
            lines.append(DocxLine(text, len(lines) + 1, cells=spans, table=table_no, row=r))
    return Document(path=path, format="docx", lines=lines)
