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
from .grid import MAX_SPAN, MAX_TABLE_CELLS, cell_of, clean_cell, grid_text, join_wrapped, table_too_large

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
    """The printed text of a ``w:p`` element (soft line breaks as "\\n").

    An explicit stack, not recursion: nesting depth costs nothing."""
    out = []
    stack = [iter(p)]
    parents = [p]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            parents.pop()
            continue
        tag = child.tag
        if tag in _SKIP or not isinstance(tag, str):
            continue
        if tag == _T:
            if child.text:
                out.append(child.text)
        elif tag == _TAB:
            if parents[-1].tag != _W + "tabs":
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
        else:  # runs, hyperlinks, content controls, a paragraph nested in one
            stack.append(iter(child))
            parents.append(child)
    return "".join(out)


def _tc_props(tc) -> tuple:
    """(grid span, vertical-merge state) of a ``w:tc``: state is None, "restart"
    or "continue"."""
    span, vmerge = 1, None
    pr = tc.find(_W + "tcPr")
    if pr is not None:
        gs = pr.find(_W + "gridSpan")
        if gs is not None:
            span = max(1, _int_attr(gs, 1))
        vm = pr.find(_W + "vMerge")
        if vm is not None:
            vmerge = vm.get(_VAL) or "continue"
    return span, vmerge


def _int_attr(el, default: int) -> int:
    """``w:val`` of ``el`` as an int in 0..MAX_SPAN (``default`` when not a number)."""
    try:
        value = int(el.get(_VAL, str(default)))
    except ValueError:
        return default
    return max(0, min(value, MAX_SPAN))


def _cell_text(tc) -> str:
    parts = []
    for el in tc.iter(_P):
        # nested tables' paragraphs are reached by iter() too; fine: they are
        # part of the printed cell
        parts.append(clean_cell(_para_text(el)))
    return join_wrapped(parts)


def _table_rows(tbl, path: str = "", number: int = 0) -> list:
    """Rows of one ``w:tbl`` as lists of cell strings, merged positions empty."""
    grid = tbl.find(_W + "tblGrid")
    width = min(len(grid.findall(_W + "gridCol")), MAX_SPAN) if grid is not None else 0
    rows = []
    total = 0
    for tr in _iter_rows(tbl):
        cells = []
        pr = tr.find(_W + "trPr")
        if pr is not None:
            gb = pr.find(_W + "gridBefore")
            if gb is not None:
                cells.extend([""] * _int_attr(gb, 0))
        for tc in _iter_cells(tr):
            # a cell merged across columns (w:gridSpan) is one cell of its row: no empty cells
            # for the columns it spans (they would push the row's figures right)
            _span, vmerge = _tc_props(tc)
            cells.append("" if vmerge == "continue" else _cell_text(tc))
            if len(cells) > MAX_TABLE_CELLS:
                raise table_too_large(path, number)
        rows.append(cells)
        width = max(width, len(cells))
        total += width
        if total > MAX_TABLE_CELLS or len(rows) * width > MAX_TABLE_CELLS:
            raise table_too_large(path, number)
    for cells in rows:
        cells.extend([""] * (width - len(cells)))
    return rows


_WRAPPERS = (_SDT, _SDTCONTENT, _W + "customXml")


def _iter_wrapped(el, wanted):
    """Children of ``el`` whose tag is in ``wanted``, in order, looking inside
    content controls and custom XML (an explicit stack, not recursion)."""
    stack = [iter(el)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if tag in wanted:
            yield child
        elif tag in _WRAPPERS:
            stack.append(iter(child))


def _iter_rows(tbl):
    return _iter_wrapped(tbl, (_TR,))


def _iter_cells(tr):
    return _iter_wrapped(tr, (_TC,))


def _iter_body(el):
    """Paragraphs and tables of the body in order, looking inside content controls."""
    return _iter_wrapped(el, (_P, _TBL))


#: budgets for the unpacked package: one XML part, and all parts together
MAX_XML_PART = 128 * 1024 * 1024
MAX_UNPACKED = 512 * 1024 * 1024


def _check_package(data: bytes, path: str) -> None:
    """Refuse a package whose parts would inflate beyond the budgets, before
    anything is decompressed (the sizes in the ZIP directory bound what
    zipfile will produce)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise InputError("docx-broken", f"{path}：Word 文件已损坏，无法打开（{type(exc).__name__}）") from None
    total = 0
    for info in infos:
        total += info.file_size
        if info.filename.lower().endswith((".xml", ".rels")) and info.file_size > MAX_XML_PART:
            raise InputError("too-complex", f"{path}：Word 文件过于复杂（{info.filename} 解压后 "
                                            f"{info.file_size // (1024 * 1024)} MB，上限 {MAX_XML_PART // (1024 * 1024)} MB）")
    if total > MAX_UNPACKED:
        raise InputError("too-complex", f"{path}：Word 文件过于复杂（解压后共 {total // (1024 * 1024)} MB，"
                                        f"上限 {MAX_UNPACKED // (1024 * 1024)} MB）")


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
    _check_package(data, path)
    try:
        import docx  # python-docx
        doc = docx.Document(io.BytesIO(data))
        body = doc.element.body
        if body is None:
            raise InputError("docx-broken", f"{path}：Word 文件缺少正文（document.xml 中没有 w:body）")
    except ImportError as exc:  # python-docx (or lxml) is installed but cannot be imported
        raise InputError("missing-library", f"{path}：读取 Word（.docx） 需要安装 python-docx 和 lxml"
                         f"（{exc}；pip install --force-reinstall python-docx）") from None
    except InputError:
        raise
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
        rows = _table_rows(el, path, table_no + 1)
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
