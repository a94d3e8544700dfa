"""The review's HTML page in a real headless Chromium (Debian's ``chromium``),
driven by Playwright's Python package without downloading a browser.

Outside CI the test is skipped when chromium or Playwright is absent; in CI
(``CI`` set, ``.ci/run`` installs chromium) their absence is a failure.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers import ROOT  # noqa: E402

from nianbao.cli import main  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def _need(ok: bool, why: str):
    if not ok:
        if os.environ.get("CI"):
            pytest.fail(f"{why} (CI installs it: see .ci/run)")
        pytest.skip(why)


@pytest.fixture(scope="module")
def page_path(tmp_path_factory):
    _need(os.path.exists(CHROMIUM), "chromium is not installed")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _need(False, "playwright is not installed")
    d = tmp_path_factory.mktemp("browser") / "reports"
    d.mkdir()
    for name in ("report-broken.pdf", "report-clean.docx", "report-broken.html"):
        shutil.copy(ROOT / "corpus" / "formats" / name, d / name)
    for name in ("pipe-wrong-totals.md", "space-lost-cell.txt", "missing-tables.txt"):
        shutil.copy(ROOT / "corpus" / "tables" / name, d / name)
    (d / "旧.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    out = d.parent / "out"
    main(["review", str(d), "-o", str(out), "--jobs", "1"])
    return out / "审查报告.html"


def test_page_loads_offline_renders_and_prints_one_section_per_agency(page_path, tmp_path):
    from playwright.sync_api import sync_playwright
    from PIL import Image
    import pypdfium2 as pdfium
    import json

    review = json.loads((page_path.parent / "review.json").read_text(encoding="utf-8"))
    reviewed = [r for r in review["reports"] if r["status"] in ("有错误", "有警告", "通过")]
    url = page_path.as_uri()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            ctx = browser.new_context(java_script_enabled=False, viewport={"width": 1200, "height": 1000})
            page = ctx.new_page()
            problems, requests = [], []
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("request", lambda r: requests.append(r.url))
            page.on("requestfailed", lambda r: problems.append("failed: " + r.url))
            page.goto(url, wait_until="load")
            assert problems == []
            assert requests == [url]  # the page itself and nothing else
            # the overview links to each agency's part
            hrefs = page.eval_on_selector_all("#agencies a", "els => els.map(e => e.getAttribute('href'))")
            assert sorted(hrefs) == sorted(f"#r{r['n']}" for r in reviewed)
            for h in hrefs:
                assert page.locator(h).count() == 1
            png = page.screenshot()
            img = Image.open(io.BytesIO(png)).convert("L")
            lo, hi = img.getextrema()
            assert hi - lo > 100
            hist = img.histogram()
            assert max(hist) < 0.98 * sum(hist)  # not one flat colour
            pdf = page.pdf(format="A4", print_background=True)
        finally:
            browser.close()
    doc = pdfium.PdfDocument(pdf)
    starts = []
    for i in range(len(doc)):
        text = doc[i].get_textpage().get_text_range().strip()
        if text.startswith("审查对象"):
            starts.append(text.split("：", 1)[0])
    assert starts == [f"审查对象 {r['n']}" for r in reviewed]
    w, h = doc[0].get_size()
    assert abs(w - 595) < 2 and abs(h - 842) < 2  # A4 in points
