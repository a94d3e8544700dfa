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
import unicodedata
from bisect import bisect_right

from ..model import Document, Line, Place
from .errors import InputError

# -- shared helpers for table rows (also used by the DOCX and HTML loaders) --

_WS_RUN = re.compile(r"[ \t\r\n\f\v\u00a0]+")


def is_wide(ch: str) -> bool:
    """True for CJK characters and full-width punctuation."""
    o = ord(ch)
    if o < 0x1100:
        return False
    if 0x2E80 <= o <= 0x9FFF or 0xFF01 <= o <= 0xFF60:
        return True
    return unicodedata.east_asian_width(ch) in ("W", "F")


def join_wrapped(parts) -> str:
    """Join the visual lines of one cell or paragraph: no space where the break
    touches a CJK character ("三\\n、\\n本" -> "三、本"), one space between two
    ASCII words."""
    out = ""
    for part in parts:
        part = _WS_RUN.sub(" ", part).strip()
        if not part:
            continue
        if out and not (is_wide(out[-1]) or is_wide(part[0])):
            out += " "
        out += part
    return out


def clean_cell(text: str) -> str:
    """A cell's text on one line: internal line breaks and tabs removed."""
    return join_wrapped(re.split(r"[\r\n\t\f\v\u2028\u2029]+", text))


def grid_text(cells) -> tuple:
    """(text, spans) of a table row whose cells are ``cells`` (strings)."""
    spans, pos = [], 0
    for i, cell in enumerate(cells):
        if i:
            pos += 1
        spans.append((pos, pos + len(cell)))
        pos += len(cell)
    return "\t".join(cells), tuple(spans)


def cell_of(spans, col: int) -> int:
    """The 1-based cell holding character ``col`` of a row (a tab belongs to
    the cell before it)."""
    starts = [s for s, _e in spans]
    return max(1, bisect_right(starts, col))


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

    ``chars``: (text, x0, top, x1, bottom, size) per character;
    ``hsegs``: (y, x0, x1); ``vsegs``: (x, y0, y1); ``images``: image count.
    """

    __slots__ = ("number", "width", "height", "chars", "hsegs", "vsegs", "images", "to_view")

    def __init__(self, number, width, height):
        self.number = number
        self.width = width
        self.height = height
        self.chars = []
        self.hsegs = []
        self.vsegs = []
        self.images = 0
        self.to_view = None


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


class _PdfiumReader:
    """Characters and rulings of pypdfium2 pages (ctypes buffers made once)."""

    def __init__(self, raw):
        import ctypes
        self.raw = raw
        byref = ctypes.byref
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
            geom.chars = self._chars(tp.raw, to_view)
        finally:
            tp.close()
        self.flagged = False
        self._walk(raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, page.raw, None, geom)
        return geom, self.flagged

    def _chars(self, tpr, to_view) -> list:
        raw = self.raw
        get_uni, get_box = raw.FPDFText_GetUnicode, raw.FPDFText_GetLooseCharBox
        rect, p_rect = self.rect, self.p_rect
        found = []
        n = raw.FPDFText_CountChars(tpr)
        k = 0
        while k < n:
            code = get_uni(tpr, k)
            idx = k
            k += 1
            # spaces and line breaks (most of them generated by pdfium) are
            # left out: spacing is worked out from the character positions
            if code <= 0x20 or code in (0xFFFE, 0xFFFF, 0xFEFF, 0xA0, 0x3000):
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
            if get_box(tpr, idx, p_rect):
                found.append((code, idx, rect.left, rect.top, rect.right, rect.bottom))
        if not found:
            return []
        heights = sorted(t - b for _c, _i, _l, t, _r, b in found)
        typical = heights[len(heights) // 2] or 1.0
        out = []
        d, p_d = self.d, self.p_d
        limit = 3 * typical
        left, top = to_view.origin
        plain = to_view.rot == 0
        for code, idx, bl, bt, br, bb in found:
            if bt - bb > limit or br - bl > limit:
                # pdfium's font-based box is wrong for some fonts (vertical
                # CID fonts): use the glyph's own box
                raw.FPDFText_GetCharBox(tpr, idx, *p_d)
                if d[1].value > d[0].value and d[3].value > d[2].value:
                    bl, br, bb, bt = d[0].value, d[1].value, d[2].value, d[3].value
            if plain:
                out.append((chr(code), bl - left, top - bt, br - left, top - bb, bt - bb))
                continue
            xa, ya = to_view(bl, bt)
            xb, yb = to_view(br, bb)
            x0, x1 = (xa, xb) if xa <= xb else (xb, xa)
            t0, t1 = (ya, yb) if ya <= yb else (yb, ya)
            out.append((chr(code), x0, t0, x1, t1, t1 - t0))
        return out

    def _walk(self, count, get, parent, m, geom) -> None:
        """Rulings and images of a page or form XObject."""
        raw = self.raw
        get_type = raw.FPDFPageObj_GetType
        PATH, FORM, IMAGE, TEXT = (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM,
                                   raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_TEXT)
        f, p_f = self.f, self.p_f
        mat = self.mat
        for j in range(count(parent)):
            obj = get(parent, j)
            typ = get_type(obj)
            if typ == TEXT:
                # a text object with a zero-height box: its font is not embedded
                # and no system font stands in, so pdfium drops some of its
                # characters
                if (not self.flagged and raw.FPDFPageObj_GetBounds(obj, *p_f)
                        and f[3].value - f[1].value < 0.01):
                    self.flagged = True
                continue
            if typ == IMAGE:
                geom.images += 1
                continue
            if typ != PATH and typ != FORM:
                continue
            raw.FPDFPageObj_GetMatrix(obj, self.p_mat)
            a, b, c, d, e, g = mat.a, mat.b, mat.c, mat.d, mat.e, mat.f
            if m is not None:  # compose with the enclosing form's matrix
                A, B, C, D, E, F = m
                a, b, c, d, e, g = (a * A + b * C, a * B + b * D, c * A + d * C,
                                    c * B + d * D, e * A + g * C + E, e * B + g * D + F)
            if typ == FORM:
                self._walk(raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject, obj,
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
        raw = self.raw
        raw.FPDFPath_GetDrawMode(obj, *self.p_i)
        filled, stroked = self.i[0].value != 0, bool(self.i[1].value)
        if stroked:
            stroked = self._visible(raw.FPDFPageObj_GetStrokeColor, obj)
        if filled:
            filled = self._visible(raw.FPDFPageObj_GetFillColor, obj)
        if not stroked and not filled:
            return
        a, b, c, d, e, g = m
        to_view = geom.to_view
        f, p_f = self.f, self.p_f
        LINETO, MOVETO = raw.FPDF_SEGMENT_LINETO, raw.FPDF_SEGMENT_MOVETO
        subpaths, cur = [], None
        for k in range(raw.FPDFPath_CountSegments(obj)):
            seg = raw.FPDFPath_GetPathSegment(obj, k)
            typ = raw.FPDFPathSegment_GetType(seg)
            raw.FPDFPathSegment_GetPoint(seg, p_f[0], p_f[1])
            x, y = f[0].value, f[1].value
            pt = to_view(a * x + c * y + e, b * x + d * y + g)
            if typ == MOVETO or cur is None or typ != LINETO:
                # a curve is not a ruling: it only starts a new run of lines
                cur = [pt]
                subpaths.append(cur)
                continue
            cur.append(pt)
            if raw.FPDFPathSegment_GetClose(seg) and cur[0] != cur[-1]:
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


def _pdfminer_chars(data: bytes, pages: list) -> None:
    """Replace the characters of ``pages`` with pdfminer's (through pdfplumber),
    which maps CIDs to text from the CMap alone and needs no font file."""
    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - pdfplumber is the pdf extra
        return
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for geom in pages:
                page = pdf.pages[geom.number - 1]
                if (page.rotation or 0) % 360:
                    continue  # keep pdfium's (rotated) coordinates
                x_off, y_off = page.bbox[0], page.bbox[1]
                chars = []
                for c in page.chars:
                    t = c["text"]
                    if not t or t.startswith("(cid:") or not t.strip():
                        continue
                    chars.append((t, c["x0"] - x_off, c["top"] - y_off, c["x1"] - x_off,
                                  c["bottom"] - y_off, c["size"]))
                geom.chars = chars
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

        def covered(spans, a, b):
            need = (b - a) * 0.5
            return any(min(b, s1) - max(a, s0) >= need for s0, s1 in spans)

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
                if j + 1 < nc and not covered(vby[j + 1], ys[i], ys[i + 1]):
                    join(i * nc + j, i * nc + j + 1)
                if i + 1 < nr and not covered(hby[i + 1], xs[j], xs[j + 1]):
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

def _line_text(chars) -> str:
    """The text of one visual line from its characters (any order)."""
    chars = sorted(chars, key=lambda c: (c[1], c[2]))
    out = []
    prev = None
    pending_space = False
    for c in chars:
        ch = c[0]
        if ch == " " or ch == "\u00a0":
            pending_space = True
            continue
        if prev is not None:
            if ch == prev[0] and abs(c[1] - prev[1]) < 1.0 and abs(c[2] - prev[2]) < 1.0:
                continue  # the same glyph painted twice (fake bold)
            gap = c[1] - prev[3]
            size = max(c[5], prev[5], 1.0)
            narrow = not is_wide(ch) and not is_wide(prev[0])
            if gap > size * 2.0:
                out.append("\t")  # a column gap (a table drawn without rulings)
            elif pending_space and narrow:
                out.append(" ")
            elif gap > size * 1.5 or (narrow and gap > size * 0.2):
                out.append(" ")
        pending_space = False
        out.append(ch)
        prev = c
    return "".join(out)


def _cluster_lines(chars) -> list:
    """Group characters into visual lines; return [(top, bottom, x0, chars)]."""
    if not chars:
        return []
    order = sorted(chars, key=lambda c: ((c[2] + c[4]) / 2, c[1]))
    lines = []
    cur = [order[0]]
    ref = (order[0][2] + order[0][4]) / 2
    ref_h = order[0][4] - order[0][2]
    for c in order[1:]:
        cy = (c[2] + c[4]) / 2
        h = c[4] - c[2]
        if cy - ref <= max(ref_h, h) * 0.5:
            cur.append(c)
            continue
        lines.append(cur)
        cur, ref, ref_h = [c], cy, h
    lines.append(cur)
    return [(min(c[2] for c in ln), max(c[4] for c in ln), min(c[1] for c in ln), ln)
            for ln in lines]


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
    return any(lo < (c[2] + c[4]) / 2 < hi and c[0].strip() for c in geom.chars)


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
    free = []
    per_grid = [dict() for _ in grids]
    boxes = [(gi, g, g.bbox[0], g.bbox[1], g.bbox[2], g.bbox[3]) for gi, g in enumerate(grids)]
    for c in geom.chars:
        cx, cy = (c[1] + c[3]) / 2, (c[2] + c[4]) / 2
        for gi, g, x0, y0, x1, y1 in boxes:
            if x0 <= cx <= x1 and y0 <= cy <= y1:
                per_grid[gi].setdefault(g.locate(cx, cy), []).append(c)
                break
        else:
            free.append(c)
    items = []
    margin = geom.height * 0.08
    for top, bottom, x0, chs in _cluster_lines(free):
        text = _line_text(chs).strip()
        if text:
            in_margin = top < margin or bottom > geom.height - margin
            items.append((top, 0, x0, 0, ("text", text, in_margin)))
    for gi, g in enumerate(grids):
        texts = {}
        for r, chs in per_grid[gi].items():
            texts[r] = join_wrapped(_line_text(ln[3]) for ln in _cluster_lines(chs))
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
    if not any(ch[0].strip() for g in pages for ch in g.chars):
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
