"""Benchmark: the PDF, DOCX and HTML loaders next to the bare libraries.

Usage:  python bench/bench_formats.py [--runs 11]

For every sample in corpus/formats/ (and the real reports in ../shared/corpus
when present) it prints the median time of nianbao's loader and of the
library's own extraction of the same content from the same file, and the
overhead in percent.  The loader and its baselines run interleaved (one run
of each, N times over), so a machine busy with other work slows both alike.

* PDF:  load_pdf vs a bare pypdfium2 extraction of what load_pdf reads (see
  pdfium_extract), plus pdfminer's characters for the pages load_pdf reads
  with pdfminer; also the same pypdfium2 extraction through pypdfium2's own
  ctypes bindings, and pdfplumber's extract_text() + extract_tables();
  pages per second of load_pdf;
* DOCX: load_docx vs python-docx iterating paragraphs and table cells;
* HTML: load_html vs one html.parser pass collecting text with positions.

Then the library comparison behind docs/pdf-library.md: table cells right on
the real reports (expected values in tests/formats_util.py) and time, for
pdfplumber (stock settings and tuned) and for load_pdf (pypdfium2 + nianbao's
grid builder), and how many characters pypdfium2 alone keeps on the samples,
whose CJK font is not embedded.

Prints figures only; asserts nothing.  See docs/formats-bench.md.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import importlib.util
import io
import statistics
import sys
import time
from array import array
from html.parser import HTMLParser
from itertools import repeat
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
FORMATS = ROOT / "corpus" / "formats"
sys.path.insert(0, str(ROOT / "src"))

from nianbao.load.docx import load_docx  # noqa: E402
from nianbao.load.grid import clean_cell  # noqa: E402
from nianbao.load.html import decode_html, load_html  # noqa: E402
# the loader's own way of calling pdfium's C functions, so that the baseline is
# called the same way and the overhead counts nianbao's own work only
from nianbao.load.pdf import _direct, load_pdf  # noqa: E402


def _util():
    spec = importlib.util.spec_from_file_location("formats_util", ROOT / "tests" / "formats_util.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def interleaved(fns: dict, runs: int) -> dict:
    """Median seconds of each function, run in turn ``runs`` times over
    (after one warm-up call each: imports, caches).  The order rotates from
    round to round, and the garbage of the call before is collected before a
    call is timed, so no function pays for another one's garbage."""
    for fn in fns.values():
        fn()
    names = list(fns)
    times = {name: [] for name in names}
    for r in range(runs):
        for name in names[r % len(names):] + names[:r % len(names)]:
            fn = fns[name]
            gc.collect()
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
    return {name: statistics.median(ts) for name, ts in times.items()}


# -- bare library extractions --------------------------------------------------------
#
# Each baseline extracts the same content as the loader, the straightforward
# way, and nothing else: no layout, no grid, no filtering beyond what is said.


def pdfium_extract(data: bytes, direct: bool = True) -> tuple:
    """What load_pdf reads from pypdfium2, as a bare extraction: for every page,
    the page and its text page; every character's code (as text) and, for every
    character that is not a space or line break, its loose box as four floats;
    every page object's type, into form XObjects; for every path object its
    matrix and every segment's type, point and close flag.  Returns (characters,
    segments).  ``direct=False`` calls the functions through pypdfium2's ctypes
    bindings (with argument conversion) instead."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
    f = {name: (_direct(getattr(raw, name)) if direct else getattr(raw, name)) for name in (
        "FPDFText_CountChars", "FPDFText_GetUnicode", "FPDFText_GetLooseCharBox",
        "FPDFPage_CountObjects", "FPDFPage_GetObject", "FPDFFormObj_CountObjects",
        "FPDFFormObj_GetObject", "FPDFPageObj_GetType", "FPDFPageObj_GetMatrix",
        "FPDFPath_CountSegments", "FPDFPath_GetPathSegment", "FPDFPathSegment_GetType",
        "FPDFPathSegment_GetPoint", "FPDFPathSegment_GetClose")}
    byref = ctypes.byref
    mat = raw.FS_MATRIX()
    p_mat = byref(mat)
    x, y = ctypes.c_float(), ctypes.c_float()
    p_x, p_y = byref(x), byref(y)
    PATH, FORM = raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM
    n_chars = n_segs = 0

    def walk(count, get, parent):
        nonlocal n_segs
        n = count(parent)
        objs = list(map(get, repeat(parent, n), range(n)))
        for obj, typ in zip(objs, map(f["FPDFPageObj_GetType"], objs)):
            if typ == FORM:
                f["FPDFPageObj_GetMatrix"](obj, p_mat)
                walk(f["FPDFFormObj_CountObjects"], f["FPDFFormObj_GetObject"], obj)
            elif typ == PATH:
                f["FPDFPageObj_GetMatrix"](obj, p_mat)
                segs = []
                for k in range(f["FPDFPath_CountSegments"](obj)):
                    seg = f["FPDFPath_GetPathSegment"](obj, k)
                    f["FPDFPathSegment_GetPoint"](seg, p_x, p_y)
                    segs.append((f["FPDFPathSegment_GetType"](seg), x.value, y.value,
                                 f["FPDFPathSegment_GetClose"](seg)))
                n_segs += len(segs)

    pdf = pdfium.PdfDocument(data)
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            tpr = tp.raw
            n = f["FPDFText_CountChars"](tpr)
            codes = list(map(f["FPDFText_GetUnicode"], repeat(tpr, n), range(n)))
            text = "".join(map(chr, codes))
            keep = [k for k, c in enumerate(codes) if c > 0x20]
            boxes = (raw.FS_RECTF * len(keep))()
            list(map(f["FPDFText_GetLooseCharBox"], repeat(tpr, len(keep)), keep, map(byref, boxes)))
            vals = array("f")
            vals.frombytes(bytes(boxes))
            vals = vals.tolist()
            n_chars += len(text)
            tp.close()
            walk(f["FPDFPage_CountObjects"], f["FPDFPage_GetObject"], page.raw)
            page.close()
    finally:
        pdf.close()
    return n_chars, n_segs


def fallback_pages(data: bytes) -> list:
    """0-based pages with a text object whose box has zero height: the pages
    load_pdf reads with pdfminer (its test, done here independently)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
    f = [ctypes.c_float() for _ in range(4)]
    out = []

    def flagged(count, get, parent) -> bool:
        for k in range(count(parent)):
            obj = get(parent, k)
            typ = raw.FPDFPageObj_GetType(obj)
            if typ == raw.FPDF_PAGEOBJ_FORM and flagged(raw.FPDFFormObj_CountObjects,
                                                        raw.FPDFFormObj_GetObject, obj):
                return True
            if (typ == raw.FPDF_PAGEOBJ_TEXT and raw.FPDFPageObj_GetBounds(obj, *map(ctypes.byref, f))
                    and f[3].value - f[1].value < 0.01):
                return True
        return False

    pdf = pdfium.PdfDocument(data)
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            if flagged(raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, page.raw):
                out.append(i)
            page.close()
    finally:
        pdf.close()
    return out


def pdfminer_chars(data: bytes, pages: list) -> int:
    """pdfminer's characters (through pdfplumber, as load_pdf reads them) of
    ``pages``."""
    import pdfplumber
    n = 0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for i in pages:
            n += len(pdf.pages[i].chars)
    return n


def plumber_text_tables(data: bytes, tuned: bool = False) -> list:
    """pdfplumber's own text + table extraction; returns the table rows."""
    import pdfplumber
    rows = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            if tuned:  # drop filled-only areas (white cell backgrounds, page frames)
                page = page.filter(lambda o: not (o.get("object_type") == "rect" and not o.get("stroke")
                                                  and min(o["width"], o["height"]) > 2.5))
            page.extract_text()
            for table in page.extract_tables():
                if table and max(len(r) for r in table) >= 2:
                    rows += [[clean_cell(c or "") for c in r] for r in table]
    return rows


def prose_rows(rows) -> int:
    """Rows that are a paragraph of prose read as a table row (a page frame
    taken for a table): one non-empty cell of 20+ characters."""
    n = 0
    for row in rows:
        full = [c for c in row if c.strip()]
        if len(full) == 1 and len(full[0]) >= 20 and "勾稽关系" not in full[0]:
            n += 1
    return n


def docx_bare(data: bytes) -> None:
    import docx
    d = docx.Document(io.BytesIO(data))
    for p in d.paragraphs:
        p.text
    for t in d.tables:
        for row in t.rows:
            for c in row.cells:
                c.text


class _Collect(HTMLParser):
    """Text with the source position (line, column) of every piece: entities
    and character references are reported on their own (convert_charrefs
    off), as load_html needs them to place every character."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.parts = []

    def handle_data(self, data):
        self.parts.append((data, self.getpos()))

    def handle_entityref(self, name):
        self.parts.append(("&" + name, self.getpos()))

    def handle_charref(self, name):
        self.parts.append(("&#" + name, self.getpos()))


def html_bare(data: bytes) -> list:
    """One html.parser pass over the decoded page (decode_html: the same
    charset detection as load_html) collecting text with positions."""
    p = _Collect()
    p.feed(decode_html(data, "x"))
    p.close()
    return p.parts


# -- report ----------------------------------------------------------------------------

def pct(ours: float, bare: float) -> str:
    return f"{(ours - bare) / bare * 100:+.0f}%"


PDF_SIDES = """\
  load_pdf   nianbao: pypdfium2 geometry, then rulings -> grids, merged cells, lines, reading
             order, page headers/footers dropped; pdfminer characters for fallback pages
  bare       pypdfium2 alone, the same C functions called the same way (ctypes, no argument
             conversion): per page the page and its text page, every character's code (as
             text) and, unless a space or line break, its loose box as floats, every page
             object's type (into form XObjects), each path's matrix and every segment's type,
             point and close flag; plus pdfminer's characters (pdfplumber page.chars) of the
             fallback pages, the pages load_pdf reads with pdfminer
  bound      the same, with pypdfium2 called through its ctypes bindings (argtypes:
             arguments converted on every call)
  pdfplumber pdfplumber's extract_text() + extract_tables() on every page
  not in bare (load_pdf's own pdfium calls): page box and rotation, bounds of every text
  object (the fallback test), a glyph box for characters far larger than the rest, draw
  mode and colours of path objects"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="loader benchmark")
    ap.add_argument("--runs", type=int, default=11)
    args = ap.parse_args(argv)
    runs = args.runs
    util = _util()
    real = [SHARED / n for n in sorted(util.EXPECTED)] if SHARED.is_dir() else []
    pdfs = [p for p in real if p.is_file()] + sorted(FORMATS.glob("*.pdf"))
    docxs = sorted(FORMATS.glob("*.docx"))
    if (SHARED / "template-2021-blank.docx").is_file():
        docxs.append(SHARED / "template-2021-blank.docx")
    htmls = sorted(FORMATS.glob("*.html"))

    print(f"median of {runs} interleaved runs, one core, times in ms\n")
    print("PDF\n" + PDF_SIDES + "\n")
    print(f"{'file':<34}{'pages':>6}{'fallbk':>7}{'load_pdf':>9}{'pages/s':>8}{'bare':>7}{'overhead':>9}"
          f"{'bound':>7}{'vs bound':>9}{'plumber':>8}{'vs plumber':>11}")
    import pypdfium2 as pdfium
    total_pages = total_t = 0.0
    for path in pdfs:
        data = path.read_bytes()
        pdf = pdfium.PdfDocument(data)
        pages = len(pdf)
        pdf.close()
        fb = fallback_pages(data)

        def bare(data=data, fb=fb, direct=True):
            pdfium_extract(data, direct)
            if fb:
                pdfminer_chars(data, fb)

        med = interleaved({"ours": lambda: load_pdf(data, path.name), "bare": bare,
                           "bound": lambda: bare(direct=False)}, runs)
        plumb = interleaved({"p": lambda: plumber_text_tables(data)}, max(1, runs // 4))["p"]
        ours = med["ours"]
        total_pages += pages
        total_t += ours
        print(f"{path.name:<34}{pages:>6}{len(fb):>7}{ours * 1000:>9.1f}{pages / ours:>8.0f}"
              f"{med['bare'] * 1000:>7.1f}{pct(ours, med['bare']):>9}{med['bound'] * 1000:>7.1f}"
              f"{pct(ours, med['bound']):>9}{plumb * 1000:>8.0f}{pct(ours, plumb):>11}")
    if total_t:
        print(f"{'all PDFs':<34}{int(total_pages):>6}{'':>7}{total_t * 1000:>9.1f}{total_pages / total_t:>8.0f}")

    print("\nDOCX\n  load_docx    nianbao: python-docx opens the package, the body XML is walked for"
          " paragraphs and\n               table rows (merged cells resolved)\n"
          "  python-docx  the library's own iteration: Document(), .text of every paragraph and of"
          " every\n               cell of every row of every table")
    print(f"{'file':<34}{'load_docx':>10}{'python-docx':>12}{'overhead':>9}")
    for path in docxs:
        data = path.read_bytes()
        med = interleaved({"ours": lambda: load_docx(data, path.name), "bare": lambda: docx_bare(data)}, runs)
        print(f"{path.name:<34}{med['ours'] * 1000:>10.1f}{med['bare'] * 1000:>12.1f}"
              f"{pct(med['ours'], med['bare']):>9}")

    print("\nHTML\n  load_html    nianbao: decode, html.parser builds an element tree with source"
          " positions, the\n               article is found, chrome dropped, lines and table rows laid"
          " out\n  html.parser  one pass over the decoded page (decode_html) collecting every piece"
          " of text,\n               entity and character reference with its (line, column)")
    print(f"{'file':<34}{'load_html':>10}{'html.parser':>12}{'overhead':>9}")
    for path in htmls:
        data = path.read_bytes()
        med = interleaved({"ours": lambda: load_html(data, path.name), "bare": lambda: html_bare(data)}, runs)
        print(f"{path.name:<34}{med['ours'] * 1000:>10.1f}{med['bare'] * 1000:>12.1f}"
              f"{pct(med['ours'], med['bare']):>9}")

    if real:
        print("\nPDF library comparison: table cells right (tables 二/三/四), prose rows taken"
              " for table rows, time")
        print(f"{'file':<34}{'pdfplumber stock':>22}{'pdfplumber tuned':>22}{'nianbao (pypdfium2)':>22}")
        for path in real:
            data = path.read_bytes()
            exp = util.EXPECTED[path.name]
            cols = []
            for fn in (lambda: plumber_text_tables(data), lambda: plumber_text_tables(data, True),
                       lambda: util.grid_rows(load_pdf(data, path.name))):
                t = interleaved({"f": fn}, max(1, runs // 4))["f"]
                rows = fn()
                right, total = util.score(rows, exp)
                cols.append(f"{right}/{total} {prose_rows(rows):>2} {t * 1000:>4.0f}ms")
            print(f"{path.name:<34}{cols[0]:>22}{cols[1]:>22}{cols[2]:>22}")

    samples = sorted(FORMATS.glob("*.pdf"))
    if samples:
        import pdfplumber
        print("\nnon-embedded CJK font (the samples): characters kept")
        for path in samples:
            pdf = pdfium.PdfDocument(path.read_bytes())
            n_pdfium = 0
            for i in range(len(pdf)):
                tp = pdf[i].get_textpage()
                n_pdfium += sum(1 for ch in tp.get_text_range() if not ch.isspace())
            pdf.close()
            with pdfplumber.open(path) as p:
                n_miner = sum(1 for page in p.pages for c in page.chars if not c["text"].isspace())
            doc = load_pdf(path.read_bytes(), path.name)
            n_ours = sum(1 for ln in doc.lines for ch in ln.text if not ch.isspace())
            print(f"{path.name:<34} pypdfium2 alone {n_pdfium}, pdfminer {n_miner}, "
                  f"load_pdf {n_ours} (page headers/markers dropped)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
