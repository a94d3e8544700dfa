"""Born-digital PDF: bytes -> lines of text and ruled-table rows.

The PDF library (pypdfium2, chosen by measurement: see docs/pdf-library.md;
pdfminer through pdfplumber reads the characters of the rare page whose CJK
font pdfium cannot measure) is used only by :func:`_read_pages`, which turns
every page into plain geometry: characters with their boxes, and the
horizontal and vertical rulings drawn on the page.  Everything after that is
our own code and works on that geometry alone:

* rulings that touch each other form a grid; a grid with at least two columns
  is a table (a lone frame around a paragraph is not);
* a grid cell whose separating ruling is missing is merged with its
  neighbour, so row and column spans come out exactly as drawn: the text sits
  at the top-left position of the merged cell, the positions it covers are
  empty;
* characters outside every table are clustered into visual lines;
* page numbers ("- 3 -", "— 2 —", "第 3 页") and running headers/footers are
  dropped, so a table broken over a page continues with its next rows.

Everything is sorted on explicit keys, so the output depends on the bytes only.
"""

from __future__ import annotations

import io
import re
from array import array
from bisect import bisect_right
from itertools import compress, islice, repeat
from operator import eq as _eq, lt as _lt, sub as _sub

from ..model import Document, Line, Place
from .errors import InputError
from .grid import cell_of, grid_text, is_wide, join_wrapped

# -- the lines a PDF produces --------------------------------------------------

class PdfLine(Line):
    """A line on a PDF page; a table row also knows its table and row."""

    __slots__ = ("page", "page_line", "table", "row", "tables_on_page")

    def __init__(self, text, number, page, page_line, cells=None, table=0, row=0):
        super().__init__(text, number, page_line, cells)
        self.page = page
        self.page_line = page_line
        self.table = table
        self.row = row
        self.tables_on_page = 1

    def place(self, col: int) -> Place:
        p, n = self.page, self.page_line
        if self.cells is None:
            return Place(n, col + 1, (("page", p),), f"第{p}页第{n}行")
        c = cell_of(self.cells, col)
        which = "表格" if self.tables_on_page == 1 else f"第{self.table}个表格"
        return Place(n, col + 1,
                     (("cell", c), ("page", p), ("row", self.row), ("table", self.table)),
                     f"第{p}页{which}第{self.row}行第{c}格")


# -- page geometry (library-independent) --------------------------------------

class PageGeom:
    """One page in top-down coordinates (points, y grows downwards).

    The characters are stored column by column, character ``k`` being
    ``text[k]`` (a str) with the box ``x0[k]``, ``top[k]``, ``x1[k]``,
    ``bottom[k]`` and the size ``size[k]`` (floats): lists filled in bulk,
    no tuple per character.  ``hsegs``: (y, x0, x1); ``vsegs``: (x, y0, y1).
    """

    __slots__ = ("number", "width", "height", "text", "x0", "top", "x1", "bottom", "size",
                 "hsegs", "vsegs", "to_view")

    def __init__(self, number, width, height):
        self.number = number
        self.width = width
        self.height = height
        self.set_chars([], [], [], [], [], [])
        self.hsegs = []
        self.vsegs = []
        self.to_view = None

    def set_chars(self, text, x0, top, x1, bottom, size) -> None:
        self.text, self.x0, self.top, self.x1, self.bottom, self.size = text, x0, top, x1, bottom, size


#: a path this thin (points) is a ruling, whatever its fill
_THIN = 2.5
#: coordinates closer than this (points) are the same grid line
_SNAP = 2.0


def _read_pages(data: bytes, path: str) -> list:
    """Open the PDF with pypdfium2 and return one PageGeom per page."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    if b"%PDF" not in data[:1024]:
        raise InputError("pdf-broken", f"{path}：不是有效的 PDF 文件（缺少 PDF 文件头）")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
            raise InputError("pdf-encrypted", f"{path}：PDF 已加密，需要密码才能打开，请提供未加密的文件") from None
        raise InputError("pdf-broken", f"{path}：PDF 文件已损坏，无法打开") from None
    reader = _PdfiumReader(raw)
    pages, no_metrics = [], []
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                geom, flagged = reader.page(page, index + 1)
            finally:
                page.close()
            pages.append(geom)
            if flagged:
                no_metrics.append(geom)
    except pdfium.PdfiumError:
        raise InputError("pdf-broken", f"{path}：PDF 文件已损坏，无法读取页面内容") from None
    finally:
        pdf.close()
    if no_metrics:
        _pdfminer_chars(data, no_metrics)
    return pages


def _direct(fn):
    """The C function behind ``fn`` (a pypdfium2.raw function), without
    ctypes' per-call argument conversion.

    pypdfium2's bindings declare ``argtypes``, so ctypes checks and converts
    every argument of every call: that is most of the cost of the small calls
    made per character and per object (measured: FPDFText_GetUnicode 0.64 ->
    0.25 µs, FPDFText_GetLooseCharBox 0.87 -> 0.28 µs, FPDFPageObj_GetBounds
    1.41 -> 0.54 µs).  We pass
    only handles returned by pdfium, pointers made with ``byref`` to objects of
    the declared types and Python ints for C ``int`` parameters, which ctypes
    passes the same way without ``argtypes``; so the same C function, with the
    library's calling convention and return type, is called directly.  Every
    call site also works with ``fn`` itself, which is returned if the direct
    function cannot be made or takes a parameter that ctypes would pass
    differently without ``argtypes`` (anything but pointers and C ``int``:
    FPDFFormObj_GetObject's ``unsigned long``, for one).
    """
    import ctypes
    pointer = type(ctypes.POINTER(ctypes.c_int))
    if not all(a is ctypes.c_int or isinstance(a, pointer) for a in getattr(fn, "argtypes", None) or ()):
        return fn
    try:
        direct = type(fn)(ctypes.cast(fn, ctypes.c_void_p).value)
        direct.restype = fn.restype
    except Exception:  # noqa: BLE001 - not a plain ctypes function: use it as it is
        return fn
    return direct


#: pdfium functions called per character, object or path segment
_HOT = ("FPDFText_CountChars", "FPDFText_GetUnicode", "FPDFText_GetLooseCharBox",
        "FPDFText_GetCharBox", "FPDFPage_CountObjects", "FPDFPage_GetObject",
        "FPDFFormObj_CountObjects", "FPDFFormObj_GetObject", "FPDFPageObj_GetType",
        "FPDFPageObj_GetBounds", "FPDFPageObj_GetMatrix", "FPDFPath_GetDrawMode",
        "FPDFPageObj_GetStrokeColor", "FPDFPageObj_GetFillColor", "FPDFPath_CountSegments",
        "FPDFPath_GetPathSegment", "FPDFPathSegment_GetType", "FPDFPathSegment_GetPoint",
        "FPDFPathSegment_GetClose")
_FUNCS = {}


def _functions(raw) -> dict:
    if not _FUNCS:
        _FUNCS.update((name, _direct(getattr(raw, name))) for name in _HOT)
    return _FUNCS


#: character codes left out: controls, spaces and line breaks (most of them
#: generated by pdfium; spacing is worked out from the character positions),
#: non-characters, BOM, no-break and ideographic space
_DROP = frozenset(range(0x21)) | {0xFFFE, 0xFFFF, 0xFEFF, 0xA0, 0x3000}
_SURROGATES = frozenset(range(0xD800, 0xE000))


class _PdfiumReader:
    """Characters and rulings of pypdfium2 pages (ctypes buffers made once)."""

    def __init__(self, raw):
        import ctypes
        self.raw = raw
        self.fn = _functions(raw)
        byref = ctypes.byref
        self.byref = byref
        self.rect = raw.FS_RECTF()
        self.p_rect = byref(self.rect)
        self.mat = raw.FS_MATRIX()
        self.p_mat = byref(self.mat)
        self.f = [ctypes.c_float() for _ in range(4)]
        self.p_f = [byref(v) for v in self.f]
        self.d = [ctypes.c_double() for _ in range(4)]
        self.p_d = [byref(v) for v in self.d]
        self.i = [ctypes.c_int() for _ in range(2)]
        self.p_i = [byref(v) for v in self.i]
        self.u = [ctypes.c_uint() for _ in range(4)]
        self.p_u = [byref(v) for v in self.u]

    def page(self, page, number: int):
        raw = self.raw
        raw.FPDF_GetPageBoundingBox(page.raw, self.p_rect)
        r = self.rect
        left, bottom, right, top = r.left, r.bottom, r.right, r.top
        rot = raw.FPDFPage_GetRotation(page.raw) % 4
        w0, h0 = right - left, top - bottom

        def to_view(x, y):
            u, v = x - left, top - y  # unrotated, top-down
            if rot == 0:
                return u, v
            if rot == 1:
                return h0 - v, u
            if rot == 2:
                return w0 - u, h0 - v
            return v, w0 - u

        to_view.origin = (left, top)
        to_view.rot = rot
        geom = PageGeom(number, *((h0, w0) if rot % 2 else (w0, h0)))
        geom.to_view = to_view
        tp = page.get_textpage()
        try:
            self._chars(tp.raw, to_view, geom)
        finally:
            tp.close()
        self.flagged = False
        fn = self.fn
        self._walk(fn["FPDFPage_CountObjects"], fn["FPDFPage_GetObject"], page.raw, None, geom)
        return geom, self.flagged

    def _codes(self, tpr, n):
        """(index, code) of the characters to keep: the original loop, for a
        page whose text has UTF-16 surrogates."""
        get_uni = self.fn["FPDFText_GetUnicode"]
        k = 0
        while k < n:
            code = get_uni(tpr, k)
            idx = k
            k += 1
            if code in _DROP:
                continue
            if 0xD800 <= code < 0xE000:
                if code < 0xDC00 and k < n:
                    low = get_uni(tpr, k)
                    if 0xDC00 <= low < 0xE000:
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        k += 1
                    else:
                        continue
                else:
                    continue
            yield idx, code

    def _chars(self, tpr, to_view, geom) -> None:
        fn = self.fn
        n = fn["FPDFText_CountChars"](tpr)
        if n <= 0:
            return
        # one call per character for its code and one for its box: pdfium has
        # no bulk call; the loops run in C (map) and the boxes land in one array
        codes = list(map(fn["FPDFText_GetUnicode"], repeat(tpr, n), range(n)))
        if _SURROGATES.isdisjoint(codes):
            keep = [k for k, code in enumerate(codes) if code not in _DROP]
            codes = [codes[k] for k in keep]
        else:
            keep, codes = [], []
            for k, code in self._codes(tpr, n):
                keep.append(k)
                codes.append(code)
        m = len(keep)
        if not m:
            return
        raw = self.raw
        boxes = (raw.FS_RECTF * m)()
        ok = list(map(fn["FPDFText_GetLooseCharBox"], repeat(tpr, m), keep, map(self.byref, boxes)))
        vals = array("f")
        vals.frombytes(bytes(boxes))
        vals = vals.tolist()
        L, T, R, B = vals[0::4], vals[1::4], vals[2::4], vals[3::4]
        if not all(ok):
            keep, codes = list(compress(keep, ok)), list(compress(codes, ok))
            L, T, R, B = (list(compress(v, ok)) for v in (L, T, R, B))
            if not keep:
                return
        heights = [t - b for t, b in zip(T, B)]
        typical = sorted(heights)[len(heights) // 2] or 1.0
        limit = 3 * typical
        # pdfium's font-based box is wrong for some fonts (vertical CID fonts):
        # use the glyph's own box for a character far larger than the others
        odd = [i for i, h, x0, x1 in zip(range(len(keep)), heights, L, R) if h > limit or x1 - x0 > limit]
        if odd:
            get_box, d, p_d = fn["FPDFText_GetCharBox"], self.d, self.p_d
            for i in odd:
                get_box(tpr, keep[i], *p_d)
                if d[1].value > d[0].value and d[3].value > d[2].value:
                    L[i], R[i], B[i], T[i] = d[0].value, d[1].value, d[2].value, d[3].value
                    heights[i] = T[i] - B[i]
        text = list(map(chr, codes))
        left, top = to_view.origin
        if to_view.rot == 0:
            geom.set_chars(text, [v - left for v in L], [top - v for v in T],
                           [v - left for v in R], [top - v for v in B], heights)
            return
        cols = ([], [], [], [], [])
        x0s, t0s, x1s, t1s, sizes = cols
        for bl, bt, br, bb in zip(L, T, R, B):
            xa, ya = to_view(bl, bt)
            xb, yb = to_view(br, bb)
            x0, x1 = (xa, xb) if xa <= xb else (xb, xa)
            t0, t1 = (ya, yb) if ya <= yb else (yb, ya)
            x0s.append(x0)
            t0s.append(t0)
            x1s.append(x1)
            t1s.append(t1)
            sizes.append(t1 - t0)
        geom.set_chars(text, *cols)

    def _walk(self, count, get, parent, m, geom) -> None:
        """Rulings of a page or form XObject (and the non-embedded font test)."""
        raw, fn = self.raw, self.fn
        PATH, FORM, TEXT = raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM, raw.FPDF_PAGEOBJ_TEXT
        n = count(parent)
        objs = list(map(get, repeat(parent, n), range(n)))
        types = list(map(fn["FPDFPageObj_GetType"], objs))
        if not self.flagged and TEXT in types:
            # a text object with a zero-height box: its font is not embedded
            # and no system font stands in, so pdfium drops some of its
            # characters
            bounds, p_f = fn["FPDFPageObj_GetBounds"], self.p_f
            lo, hi = self.f[1], self.f[3]
            for obj, typ in zip(objs, types):
                if typ == TEXT and bounds(obj, *p_f) and hi.value - lo.value < 0.01:
                    self.flagged = True
                    break
        mat = self.mat
        for obj, typ in zip(objs, types):
            if typ != PATH and typ != FORM:
                continue
            fn["FPDFPageObj_GetMatrix"](obj, self.p_mat)
            a, b, c, d, e, g = mat.a, mat.b, mat.c, mat.d, mat.e, mat.f
            if m is not None:  # compose with the enclosing form's matrix
                A, B, C, D, E, F = m
                a, b, c, d, e, g = (a * A + b * C, a * B + b * D, c * A + d * C,
                                    c * B + d * D, e * A + g * C + E, e * B + g * D + F)
            if typ == FORM:
                self._walk(fn["FPDFFormObj_CountObjects"], fn["FPDFFormObj_GetObject"], obj,
                           (a, b, c, d, e, g), geom)
            else:
                self._path(obj, (a, b, c, d, e, g), geom)

    def _visible(self, getter, obj) -> bool:
        u = self.u
        if not getter(obj, *self.p_u):
            return True
        return u[3].value != 0 and not (u[0].value > 240 and u[1].value > 240 and u[2].value > 240)

    def _path(self, obj, m, geom) -> None:
        """Add the horizontal/vertical rulings a path object draws."""
        raw, fn = self.raw, self.fn
        fn["FPDFPath_GetDrawMode"](obj, *self.p_i)
        filled, stroked = self.i[0].value != 0, bool(self.i[1].value)
        if stroked:
            stroked = self._visible(fn["FPDFPageObj_GetStrokeColor"], obj)
        if filled:
            filled = self._visible(fn["FPDFPageObj_GetFillColor"], obj)
        if not stroked and not filled:
            return
        a, b, c, d, e, g = m
        to_view = geom.to_view
        f, p_f = self.f, self.p_f
        LINETO, MOVETO = raw.FPDF_SEGMENT_LINETO, raw.FPDF_SEGMENT_MOVETO
        get_seg, seg_type = fn["FPDFPath_GetPathSegment"], fn["FPDFPathSegment_GetType"]
        seg_point, seg_close = fn["FPDFPathSegment_GetPoint"], fn["FPDFPathSegment_GetClose"]
        subpaths, cur = [], None
        for k in range(fn["FPDFPath_CountSegments"](obj)):
            seg = get_seg(obj, k)
            typ = seg_type(seg)
            seg_point(seg, p_f[0], p_f[1])
            x, y = f[0].value, f[1].value
            pt = to_view(a * x + c * y + e, b * x + d * y + g)
            if typ == MOVETO or cur is None or typ != LINETO:
                # a curve is not a ruling: it only starts a new run of lines
                cur = [pt]
                subpaths.append(cur)
                continue
            cur.append(pt)
            if seg_close(seg) and cur[0] != cur[-1]:
                cur.append(cur[0])
        for sub in subpaths:
            if len(sub) < 2:
                continue
            xs = [p[0] for p in sub]
            ys = [p[1] for p in sub]
            x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
            if (x1 - x0) <= _THIN and (y1 - y0) > _THIN:
                geom.vsegs.append(((x0 + x1) / 2, y0, y1))  # a thin bar or a vertical line
                continue
            if (y1 - y0) <= _THIN and (x1 - x0) > _THIN:
                geom.hsegs.append(((y0 + y1) / 2, x0, x1))
                continue
            if not stroked:
                continue  # a filled area (cell shading, a page background): no ruling
            for (xa, ya), (xb, yb) in zip(sub, sub[1:]):
                if abs(ya - yb) <= 0.5 and abs(xa - xb) > _THIN:
                    geom.hsegs.append(((ya + yb) / 2, min(xa, xb), max(xa, xb)))
                elif abs(xa - xb) <= 0.5 and abs(ya - yb) > _THIN:
                    geom.vsegs.append(((xa + xb) / 2, min(ya, yb), max(ya, yb)))


def _keep_pdfium(geom, mapped: int, unmapped: int) -> bool:
    """True when pdfminer's reading of a page is worse than pdfium's: fewer
    than half of pdfium's visible characters, or mostly ``(cid:N)`` codes it
    could not map to text (a non-embedded CJK font with no usable CMap for
    pdfminer, which pdfium still maps)."""
    have = sum(1 for t in geom.text if t.strip())
    return mapped < unmapped or (have and mapped * 2 < have)


def _quiet_pdfminer() -> None:
    """pdfminer logs warnings about odd PDFs on stderr (through logging's
    last-resort handler); they are not nianbao's output."""
    import logging
    for name in ("pdfminer", "pdfplumber"):
        log = logging.getLogger(name)
        log.setLevel(logging.CRITICAL + 1)
        log.propagate = False
        if not log.handlers:
            log.addHandler(logging.NullHandler())


def _pdfminer_chars(data: bytes, pages: list) -> None:
    """Replace the characters of ``pages`` with pdfminer's (through pdfplumber),
    which maps CIDs to text from the CMap alone and needs no font file."""
    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - pdfplumber is the pdf extra
        return
    _quiet_pdfminer()
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for geom in pages:
                page = pdf.pages[geom.number - 1]
                if (page.rotation or 0) % 360:
                    continue  # keep pdfium's (rotated) coordinates
                x_off, y_off = page.bbox[0], page.bbox[1]
                cols = ([], [], [], [], [], [])
                unmapped = 0
                for c in page.chars:
                    t = c["text"]
                    if t.startswith("(cid:"):
                        unmapped += 1
                        continue
                    if not t or not t.strip():
                        continue
                    for col, value in zip(cols, (t, c["x0"] - x_off, c["top"] - y_off, c["x1"] - x_off,
                                                 c["bottom"] - y_off, c["size"])):
                        col.append(value)
                if _keep_pdfium(geom, len(cols[0]), unmapped):
                    continue
                geom.set_chars(*cols)
    except Exception:  # noqa: BLE001 - keep pdfium's text if pdfminer cannot read it
        return


# -- grids ----------------------------------------------------------------------

def _cluster(values) -> list:
    """Sorted values -> list of (lo, hi, mean) groups of values closer than _SNAP."""
    groups = []
    for v in sorted(values):
        if groups and v - groups[-1][1] <= _SNAP:
            g = groups[-1]
            g[1] = v
            g[2] += v
            g[3] += 1
        else:
            groups.append([v, v, v, 1])
    return [(lo, hi, s / k) for lo, hi, s, k in groups]


def _merge_segments(segs) -> list:
    """Join collinear rulings that overlap or touch."""
    out = []
    for pos, a, b in sorted(segs):
        for o in reversed(out[-8:]):
            if abs(o[0] - pos) <= 0.5 and a <= o[2] + _SNAP and b >= o[1] - _SNAP:
                o[1], o[2] = min(o[1], a), max(o[2], b)
                break
        else:
            out.append([pos, a, b])
    return out


def _close_ends(groups, spans) -> list:
    """Add a grid line where at least two crossing rulings end beyond the
    first/last grid line (a table whose top or bottom border is not drawn)."""
    lo_line, hi_line = groups[0][0], groups[-1][1]
    out = list(groups)
    starts = [a for a, _b in spans if a < lo_line - _SNAP]
    if len(starts) >= 2:
        first = min(starts)
        if sum(1 for a in starts if a - first <= _SNAP) >= 2:
            out.insert(0, (first, first, first))
    ends = [b for _a, b in spans if b > hi_line + _SNAP]
    if len(ends) >= 2:
        last = max(ends)
        if sum(1 for b in ends if last - b <= _SNAP) >= 2:
            out.append((last, last, last))
    return out


def _covered(spans, edges) -> list:
    """For each pair of neighbouring grid lines (a, b): True when one of the
    rulings ``spans`` covers at least half of a..b."""
    out = []
    for a, b in zip(edges, edges[1:]):
        need = (b - a) * 0.5
        for s0, s1 in spans:
            if min(b, s1) - max(a, s0) >= need:
                out.append(True)
                break
        else:
            out.append(False)
    return out


class Grid:
    """A ruled table on one page: grid lines, merged regions, cell texts."""

    __slots__ = ("xs", "ys", "region", "anchor", "texts", "bbox")

    def __init__(self, xs, ys, region):
        self.xs, self.ys, self.region = xs, ys, region
        nr, nc = len(ys) - 1, len(xs) - 1
        # anchor: the top-left position of each region
        anchor = {}
        for i in range(nr):
            for j in range(nc):
                anchor.setdefault(region[i * nc + j], (i, j))
        self.anchor = anchor
        self.texts = {}
        self.bbox = (xs[0], ys[0], xs[-1], ys[-1])

    def expand(self, xs) -> None:
        """Re-grid on the finer column lines ``xs`` (a superset of ours): a new
        column inside an old one belongs to the same merged cell."""
        old, nc_old = self.xs, len(self.xs) - 1
        cols = []
        for a, b in zip(xs, xs[1:]):
            mid = (a + b) / 2
            cols.append(min(max(bisect_right(old, mid) - 1, 0), nc_old - 1))
        nr, nc = len(self.ys) - 1, len(cols)
        region = [self.region[i * nc_old + cols[j]] for i in range(nr) for j in range(nc)]
        self.__init__(list(xs), self.ys, region)

    @property
    def ncols(self):
        return len(self.xs) - 1

    def locate(self, x, y):
        """Region id of point (x, y) or None when outside."""
        if not (self.xs[0] <= x <= self.xs[-1] and self.ys[0] <= y <= self.ys[-1]):
            return None
        j = min(max(bisect_right(self.xs, x) - 1, 0), len(self.xs) - 2)
        i = min(max(bisect_right(self.ys, y) - 1, 0), len(self.ys) - 2)
        return self.region[i * (len(self.xs) - 1) + j]


def _find_grids(hsegs, vsegs) -> list:
    """Group rulings into grids and work out their merged cells."""
    H = _merge_segments(hsegs)
    V = _merge_segments(vsegs)
    if len(H) < 2 or len(V) < 2:
        return []
    parent = list(range(len(H) + len(V)))

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    t = _SNAP
    V_sorted = sorted(range(len(V)), key=lambda k: V[k][0])
    vx = [V[k][0] for k in V_sorted]
    for hi, (y, x0, x1) in enumerate(H):
        lo_k = bisect_right(vx, x0 - t - 1e-9)
        for pos in range(lo_k, len(vx)):
            if vx[pos] > x1 + t:
                break
            k = V_sorted[pos]
            _x, y0, y1 = V[k]
            if y0 - t <= y <= y1 + t:
                ra, rb = find(hi), find(len(H) + k)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    comps = {}
    for idx in range(len(H) + len(V)):
        comps.setdefault(find(idx), []).append(idx)
    grids = []
    for root in sorted(comps):
        members = comps[root]
        hs = [H[i] for i in members if i < len(H)]
        vs = [V[i - len(H)] for i in members if i >= len(H)]
        if len(hs) < 2 or len(vs) < 2:
            continue
        xg = _cluster(v[0] for v in vs)
        yg = _cluster(h[0] for h in hs)
        if len(xg) < 2 or len(yg) < 2:
            continue
        # close a frame left open at a page break: when several rulings run on
        # past the outermost crossing line, their common end is a grid line
        yg = _close_ends(yg, [(v[1], v[2]) for v in vs])
        xg = _close_ends(xg, [(h[1], h[2]) for h in hs])
        xs = [g[2] for g in xg]
        ys = [g[2] for g in yg]
        nr, nc = len(ys) - 1, len(xs) - 1
        if nc < 2:
            continue  # a single column of cells is a frame around text

        def index_of(groups, value):
            for gi, (lo, hi, _m) in enumerate(groups):
                if lo - 1e-6 <= value <= hi + 1e-6:
                    return gi
            return None

        vby = [[] for _ in xg]
        for x, y0, y1 in vs:
            vby[index_of(xg, x)].append((y0, y1))
        hby = [[] for _ in yg]
        for y, x0, x1 in hs:
            hby[index_of(yg, y)].append((x0, x1))

        # vcov[j][i]: row i is closed on its left by column line j (a ruling
        # covers at least half of it); hcov[i][j]: column j is closed above by
        # row line i
        vcov = [_covered(spans, ys) for spans in vby]
        hcov = [_covered(spans, xs) for spans in hby]
        reg = list(range(nr * nc))

        def rfind(a):
            while reg[a] != a:
                reg[a] = reg[reg[a]]
                a = reg[a]
            return a

        def join(a, b):
            ra, rb = rfind(a), rfind(b)
            if ra != rb:
                reg[max(ra, rb)] = min(ra, rb)

        for i in range(nr):
            for j in range(nc):
                if j + 1 < nc and not vcov[j + 1][i]:
                    join(i * nc + j, i * nc + j + 1)
                if i + 1 < nr and not hcov[i + 1][j]:
                    join(i * nc + j, (i + 1) * nc + j)
        grid = Grid(xs, ys, [rfind(k) for k in range(nr * nc)])
        # a single column of cells is a frame around text, not a table
        cols_used = {grid.anchor[r][1] for r in grid.anchor}
        if nc < 2 or len(cols_used) < 2:
            continue
        grids.append(grid)
    grids.sort(key=lambda g: (g.bbox[1], g.bbox[0]))
    return grids


# -- text lines ----------------------------------------------------------------
#
# Characters are handled as indices into the page's columns (PageGeom);
# sorting uses the columns' own __getitem__ as key, and the per-character
# rules of _line_text are applied only where a pair of neighbours could need
# them, so most characters cost a few C-level list operations.

class _Cols:
    """The columns of one page, plus the centre and height of each character."""

    __slots__ = ("text", "x0", "top", "x1", "bottom", "size", "cy", "h")

    def __init__(self, geom: PageGeom):
        self.text, self.x0, self.top = geom.text, geom.x0, geom.top
        self.x1, self.bottom, self.size = geom.x1, geom.bottom, geom.size
        self.cy = [(t + b) / 2 for t, b in zip(geom.top, geom.bottom)]
        self.h = [b - t for t, b in zip(geom.top, geom.bottom)]


def _line_text(idx, p: _Cols) -> str:
    """The text of one visual line from its characters (any order)."""
    if len(idx) == 1:
        return p.text[idx[0]]
    x0 = p.x0
    xs = list(map(x0.__getitem__, idx))
    if all(map(_lt, xs, islice(xs, 1, None))):
        order = idx  # already in (x0, top) order: x0 strictly increasing
    else:
        order = sorted(idx, key=p.top.__getitem__)
        order.sort(key=x0.__getitem__)  # by (x0, top), ties in page order
        xs = list(map(x0.__getitem__, order))
    ts = list(map(p.text.__getitem__, order))
    n = len(ts)
    following = range(1, n)
    if " " in ts or "\u00a0" in ts or any(
            abs(xs[k] - xs[k - 1]) < 1.0 and abs(p.top[order[k]] - p.top[order[k - 1]]) < 1.0
            for k in compress(following, map(_eq, ts, islice(ts, 1, None)))):
        return _line_text_slow(order, p)
    # no spaces and no glyph painted twice: each character follows the one
    # before it.  A gap needs a separator only when wider than 0.2 x the
    # larger size of the pair (at least 1): look only at gaps wider than 0.2 x
    # the smallest size of the line
    size = p.size
    floor = 0.2 * max(min(map(size.__getitem__, order)), 1.0)
    x1s = list(map(p.x1.__getitem__, order))
    wide = list(compress(following, map(floor.__lt__, map(_sub, islice(xs, 1, None), x1s))))
    if not wide:
        return "".join(ts)
    out, last = [], 0
    for k in wide:
        gap = xs[k] - x1s[k - 1]
        s = max(size[order[k]], size[order[k - 1]], 1.0)
        if gap > s * 2.0:
            sep = "\t"  # a column gap (a table drawn without rulings)
        elif gap > s * 1.5 or (gap > s * 0.2 and not is_wide(ts[k]) and not is_wide(ts[k - 1])):
            sep = " "
        else:
            continue
        out.append("".join(ts[last:k]))
        out.append(sep)
        last = k
    out.append("".join(ts[last:]))
    return "".join(out)


def _line_text_slow(order, p: _Cols) -> str:
    """_line_text, character by character (spaces or doubled glyphs)."""
    text, x0, top, x1, size = p.text, p.x0, p.top, p.x1, p.size
    out = []
    prev = None
    pending_space = False
    for c in order:
        ch = text[c]
        if ch == " " or ch == "\u00a0":
            pending_space = True
            continue
        if prev is not None:
            if ch == text[prev] and abs(x0[c] - x0[prev]) < 1.0 and abs(top[c] - top[prev]) < 1.0:
                continue  # the same glyph painted twice (fake bold)
            gap = x0[c] - x1[prev]
            s = max(size[c], size[prev], 1.0)
            narrow = not is_wide(ch) and not is_wide(text[prev])
            if gap > s * 2.0:
                out.append("\t")  # a column gap (a table drawn without rulings)
            elif pending_space and narrow:
                out.append(" ")
            elif gap > s * 1.5 or (narrow and gap > s * 0.2):
                out.append(" ")
        pending_space = False
        out.append(ch)
        prev = c
    return "".join(out)


def _group_lines(idx, p: _Cols) -> list:
    """Group characters into visual lines (lists of characters).

    Sorted by centre, a line is the run of characters whose centre is at most
    half a character height (the larger of the line's first character's and
    its own) below the centre of the line's first character.  The run is
    found with bisect up to just below half the first character's height
    (all of which qualify), the rest is checked one by one."""
    if len(idx) <= 1:
        return [idx] if idx else []
    cy, h = p.cy, p.h
    order = sorted(idx, key=p.x0.__getitem__)
    order.sort(key=cy.__getitem__)  # by (centre, x0), ties in page order
    cys = list(map(cy.__getitem__, order))
    n = len(order)
    lines = []
    start = 0
    while start < n:
        first = order[start]
        ref, ref_h = cys[start], h[first]
        half = ref_h * 0.5
        # surely inside: centre below ref + half by more than rounding
        k = bisect_right(cys, ref + half - 1e-9 * (abs(ref) + abs(half) + 1.0), start + 1)
        while k < n:
            hk = h[order[k]]
            if cys[k] - ref <= (ref_h if ref_h >= hk else hk) * 0.5:
                k += 1
            else:
                break
        lines.append(order[start:k])
        start = k
    return lines


def _cluster_lines(idx, p: _Cols) -> list:
    """Visual lines with their extent: [(top, bottom, x0, chars)]."""
    top, bottom, x0 = p.top.__getitem__, p.bottom.__getitem__, p.x0.__getitem__
    return [(min(map(top, ln)), max(map(bottom, ln)), min(map(x0, ln)), ln)
            for ln in _group_lines(idx, p)]


_PAGE_MARK = re.compile(
    r"^[\s\-—–－_·•~～]*(?:第\s*[0-9０-９]+\s*页(?:\s*[,，/／]?\s*共\s*[0-9０-９]+\s*页)?"
    r"|[0-9０-９]+\s*(?:[/／]\s*[0-9０-９]+)?)[\s\-—–－_·•~～]*$")
_DECORATED = re.compile(r"[\-—–－第页]")


def _is_page_marker(text: str, in_margin: bool) -> bool:
    t = text.strip()
    if not t or not _PAGE_MARK.match(t):
        return False
    return in_margin or bool(_DECORATED.search(t))


def _body_chars_between(geom: PageGeom, y0: float, y1: float) -> bool:
    """True when text outside the page margins lies between y0 and y1."""
    margin = geom.height * 0.08
    lo, hi = max(y0, margin), min(y1, geom.height - margin)
    return any(lo < (t + b) / 2 < hi and s.strip() for s, t, b in zip(geom.text, geom.top, geom.bottom))


def _stitch(pages: list, grids: list) -> None:
    """A table broken over a page: when the last table of a page and the first
    of the next have the same outer edges, nothing but margins between them,
    and one's column lines include the other's, give both the finer columns, so
    every row of the table has the same grid width."""
    for k in range(len(pages) - 1):
        if not grids[k] or not grids[k + 1]:
            continue
        a = max(grids[k], key=lambda g: g.bbox[3])
        b = min(grids[k + 1], key=lambda g: g.bbox[1])
        if abs(a.xs[0] - b.xs[0]) > 3 or abs(a.xs[-1] - b.xs[-1]) > 3:
            continue
        if len(a.xs) == len(b.xs):
            continue
        if (_body_chars_between(pages[k], a.bbox[3], pages[k].height)
                or _body_chars_between(pages[k + 1], 0, b.bbox[1])):
            continue
        fine, coarse = (a, b) if len(a.xs) > len(b.xs) else (b, a)
        if not all(any(abs(x - y) <= 2.5 for y in fine.xs) for x in coarse.xs):
            continue
        xs = list(fine.xs)
        xs[0], xs[-1] = coarse.xs[0], coarse.xs[-1]
        coarse.expand(xs)


def _layout_page(geom: PageGeom, grids: list) -> list:
    """Items of one page in reading order: ("text", text, in_margin) or
    ("row", cells, grid_index)."""
    p = _Cols(geom)
    free = list(range(len(p.text)))
    per_grid = []
    if grids:
        # each character goes to the first grid holding its centre
        cy = p.cy
        cx = [(a + b) / 2 for a, b in zip(geom.x0, geom.x1)]
        for g in grids:
            x0, y0, x1, y1 = g.bbox
            inside = [i for i in free if x0 <= cx[i] <= x1 and y0 <= cy[i] <= y1]
            cells = {}
            if inside:
                free = [i for i in free if not (x0 <= cx[i] <= x1 and y0 <= cy[i] <= y1)]
                # the centre is inside the grid, so bisect_right gives 1..len;
                # len (on the last line) belongs to the last row/column
                xs, ys, region = g.xs, g.ys, g.region
                nc, nr = len(xs) - 1, len(ys) - 1
                js = [bisect_right(xs, v) for v in map(cx.__getitem__, inside)]
                ks = [bisect_right(ys, v) for v in map(cy.__getitem__, inside)]
                for i, k, j in zip(inside, ks, js):
                    r = region[((k if k <= nr else nr) - 1) * nc + (j if j <= nc else nc) - 1]
                    cells.setdefault(r, []).append(i)
            per_grid.append(cells)
    items = []
    margin = geom.height * 0.08
    for top, bottom, x0, chs in _cluster_lines(free, p):
        text = _line_text(chs, p).strip()
        if text:
            in_margin = top < margin or bottom > geom.height - margin
            items.append((top, 0, x0, 0, ("text", text, in_margin)))
    for gi, g in enumerate(grids):
        texts = {}
        for r, chs in per_grid[gi].items():
            texts[r] = join_wrapped(_line_text(ln, p) for ln in _group_lines(chs, p))
        nc = g.ncols
        rows = []
        for i in range(len(g.ys) - 1):
            cells = []
            anchored = False
            for j in range(nc):
                r = g.region[i * nc + j]
                if g.anchor[r] == (i, j):
                    anchored = True
                    cells.append(texts.get(r, ""))
                else:
                    cells.append("")
            if anchored:
                rows.append(cells)
        for ri, cells in enumerate(rows):
            items.append((g.bbox[1], 1, gi, ri, ("row", cells, gi)))
    items.sort(key=lambda it: it[:4])
    return [it[4] for it in items]


def _norm_repeat(text: str) -> str:
    return re.sub(r"[0-9０-９]+", "#", re.sub(r"\s+", "", text))


def load_pdf(data: bytes, path: str) -> Document:
    pages = _read_pages(data, path)
    if not any(t.strip() for g in pages for t in g.text):
        raise InputError("pdf-no-text", f"{path}：该 PDF 没有文字层，请先进行 OCR")
    grids = [_find_grids(g.hsegs, g.vsegs) for g in pages]
    _stitch(pages, grids)
    layouts = [_layout_page(g, gr) for g, gr in zip(pages, grids)]
    # running headers/footers: the same margin line on at least half the pages
    counts = {}
    if len(pages) >= 2:
        for items in layouts:
            seen = {_norm_repeat(it[1]) for it in items if it[0] == "text" and it[2]}
            for key in seen:
                counts[key] = counts.get(key, 0) + 1
    repeated = {k for k, n in counts.items() if n >= 2 and n * 2 >= len(pages)}
    lines = []
    for geom, items in zip(pages, layouts):
        page_line = 0
        tables = {}
        row_no = {}
        page_rows = []
        for it in items:
            if it[0] == "text":
                _k, text, in_margin = it
                if _is_page_marker(text, in_margin):
                    continue
                if in_margin and _norm_repeat(text) in repeated:
                    continue
                page_line += 1
                lines.append(PdfLine(text, len(lines) + 1, geom.number, page_line))
            else:
                _k, cells, gi = it
                t = tables.setdefault(gi, len(tables) + 1)
                row_no[gi] = row_no.get(gi, 0) + 1
                text, spans = grid_text(cells)
                page_line += 1
                lines.append(PdfLine(text, len(lines) + 1, geom.number, page_line,
                                     spans, t, row_no[gi]))
                page_rows.append(lines[-1])
        for ln in page_rows:
            ln.tables_on_page = len(tables)
    return Document(path=path, format="pdf", lines=lines)
