"""Benchmark: the PDF, DOCX and HTML loaders next to the bare libraries.

Usage:  python bench/bench_formats.py [--runs 5]

For every sample in corpus/formats/ (and the real reports in ../shared/corpus
when present) it prints the best-of-N time of nianbao's loader, the time of the
library's own extraction on the same file, and the overhead in percent:

* PDF:  load_pdf vs pypdfium2's raw extraction (text, character boxes, page
  objects: what load_pdf reads) and vs pdfplumber's extract_text() +
  extract_tables(); plus pages per second of load_pdf;
* DOCX: load_docx vs python-docx iterating paragraphs and table cells;
* HTML: load_html vs one html.parser pass over the decoded page.

Then the library comparison behind docs/pdf-library.md: table cells right on
the real reports (expected values in tests/formats_util.py) and time, for
pdfplumber (stock settings and tuned) and for load_pdf (pypdfium2 + nianbao's
grid builder), and how many characters pypdfium2 alone keeps on the samples,
whose CJK font is not embedded.

Prints figures only; asserts nothing.
"""

from __future__ import annotations

import argparse
import ctypes
import importlib.util
import io
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
FORMATS = ROOT / "corpus" / "formats"
sys.path.insert(0, str(ROOT / "src"))

from nianbao.load.docx import load_docx  # noqa: E402
from nianbao.load.html import decode_html, load_html  # noqa: E402
from nianbao.load.pdf import clean_cell, load_pdf  # noqa: E402


def _util():
    spec = importlib.util.spec_from_file_location("formats_util", ROOT / "tests" / "formats_util.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def best(fn, runs: int) -> float:
    fn()  # warm up (imports, caches)
    t = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        t = min(t, time.perf_counter() - t0)
    return t


# -- bare library extractions --------------------------------------------------------

def pdfium_raw(data: bytes) -> None:
    """What load_pdf asks pypdfium2 for, without any of nianbao's work."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
    pdf = pdfium.PdfDocument(data)
    rect = raw.FS_RECTF()
    x, y = ctypes.c_float(), ctypes.c_float()
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            for k in range(raw.FPDFText_CountChars(tp.raw)):
                raw.FPDFText_GetUnicode(tp.raw, k)
                raw.FPDFText_GetLooseCharBox(tp.raw, k, ctypes.byref(rect))
            for k in range(raw.FPDFPage_CountObjects(page.raw)):
                obj = raw.FPDFPage_GetObject(page.raw, k)
                if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_PATH:
                    for s in range(raw.FPDFPath_CountSegments(obj)):
                        seg = raw.FPDFPath_GetPathSegment(obj, s)
                        raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
            tp.close()
            page.close()
    finally:
        pdf.close()


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
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def html_bare(data: bytes) -> None:
    p = _Collect()
    p.feed(decode_html(data, "x"))
    p.close()


# -- report ----------------------------------------------------------------------------

def pct(ours: float, bare: float) -> str:
    return f"{(ours - bare) / bare * 100:+.0f}%"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="loader benchmark")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    util = _util()
    real = [SHARED / n for n in sorted(util.EXPECTED)] if SHARED.is_dir() else []
    pdfs = [p for p in real if p.is_file()] + sorted(FORMATS.glob("*.pdf"))
    docxs = sorted(FORMATS.glob("*.docx"))
    if (SHARED / "template-2021-blank.docx").is_file():
        docxs.append(SHARED / "template-2021-blank.docx")
    htmls = sorted(FORMATS.glob("*.html"))

    print(f"best of {args.runs} runs, one core\n")
    print(f"{'file':<36}{'pages':>6}{'nianbao':>10}{'pages/s':>9}{'pdfium raw':>12}{'overhead':>10}"
          f"{'pdfplumber':>12}{'vs plumber':>11}")
    total_pages = total_t = 0.0
    for path in pdfs:
        data = path.read_bytes()
        doc = load_pdf(data, path.name)
        pages = max(dict(ln.place(0).extra)["page"] for ln in doc.lines)
        ours = best(lambda: load_pdf(data, path.name), args.runs)
        raw = best(lambda: pdfium_raw(data), args.runs)
        plumb = best(lambda: plumber_text_tables(data), max(1, args.runs // 2))
        total_pages += pages
        total_t += ours
        print(f"{path.name:<36}{pages:>6}{ours * 1000:>8.1f}ms{pages / ours:>9.0f}{raw * 1000:>10.1f}ms"
              f"{pct(ours, raw):>10}{plumb * 1000:>10.1f}ms{pct(ours, plumb):>11}")
    if total_t:
        print(f"{'all PDFs':<36}{int(total_pages):>6}{total_t * 1000:>8.1f}ms{total_pages / total_t:>9.0f}")

    print(f"\n{'file':<36}{'nianbao':>10}{'python-docx':>13}{'overhead':>10}")
    for path in docxs:
        data = path.read_bytes()
        ours = best(lambda: load_docx(data, path.name), args.runs)
        bare = best(lambda: docx_bare(data), args.runs)
        print(f"{path.name:<36}{ours * 1000:>8.1f}ms{bare * 1000:>11.1f}ms{pct(ours, bare):>10}")

    print(f"\n{'file':<36}{'nianbao':>10}{'html.parser':>13}{'overhead':>10}")
    for path in htmls:
        data = path.read_bytes()
        ours = best(lambda: load_html(data, path.name), args.runs)
        bare = best(lambda: html_bare(data), args.runs)
        print(f"{path.name:<36}{ours * 1000:>8.1f}ms{bare * 1000:>11.1f}ms{pct(ours, bare):>10}")

    if real:
        print("\nPDF library comparison: table cells right (tables 二/三/四), prose rows taken"
              " for table rows, time")
        print(f"{'file':<36}{'pdfplumber stock':>22}{'pdfplumber tuned':>22}{'nianbao (pypdfium2)':>22}")
        for path in real:
            data = path.read_bytes()
            exp = util.EXPECTED[path.name]
            cols = []
            for fn in (lambda: plumber_text_tables(data), lambda: plumber_text_tables(data, True),
                       lambda: util.grid_rows(load_pdf(data, path.name))):
                t = best(fn, max(1, args.runs // 2))
                rows = fn()
                right, total = util.score(rows, exp)
                cols.append(f"{right}/{total} {prose_rows(rows):>2} {t * 1000:>4.0f}ms")
            print(f"{path.name:<36}{cols[0]:>22}{cols[1]:>22}{cols[2]:>22}")

    samples = sorted(FORMATS.glob("*.pdf"))
    if samples:
        import pdfplumber
        import pypdfium2 as pdfium
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
            print(f"{path.name:<36} pypdfium2 alone {n_pdfium}, pdfminer {n_miner}, "
                  f"load_pdf {n_ours} (page headers/markers dropped)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
