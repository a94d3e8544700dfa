"""Regenerate docs/review.png: `nianbao review` over the bundled samples, the
HTML page photographed in headless Chromium (Debian's package, via Playwright).

    python docs/make_review_screenshot.py
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> int:
    from playwright.sync_api import sync_playwright
    from nianbao.cli import main as nianbao
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp) / "各单位年报"
        d.mkdir()
        for p in sorted((ROOT / "corpus" / "formats").glob("report-*.*")):
            if p.suffix != ".expected":
                shutil.copy(p, d / p.name)
        for name in ("pipe-wrong-totals.md", "space-lost-cell.txt", "legacy-2019.txt", "missing-tables.txt"):
            shutil.copy(ROOT / "corpus" / "tables" / name, d / name)
        (d / "旧版.doc").write_bytes(b"\xd0\xcf\x11\xe0")
        out = Path(tmp) / "审查结果"
        here = os.getcwd()
        os.chdir(tmp)  # relative paths in the page, as a user would type them
        try:
            nianbao(["review", "各单位年报", "-o", "审查结果", "--jobs", "1"])
        finally:
            os.chdir(here)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS, headless=True)
            page = browser.new_page(viewport={"width": 1100, "height": 1500})
            page.goto((out / "审查报告.html").as_uri())
            page.screenshot(path=str(ROOT / "docs" / "review.png"))
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
