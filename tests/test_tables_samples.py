"""Every sample of corpus/tables gives exactly the findings of its sidecar.

``NAME.expected`` lists one finding per line as ``line:col CODE`` (all rules of
the default rule set, not only the table rules); an empty sidecar means the
sample must be clean.  The samples are written by corpus/tables/make_samples.py.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_tables_helpers import SAMPLES, findings_of  # noqa: E402

FILES = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")


def _key(item: str) -> tuple:
    pos, code = item.split()
    line, col = pos.split(":")
    return int(line), int(col), code


def _expected(sample: Path) -> list:
    return [ln.strip() for ln in sample.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
            if ln.strip()]


def test_every_shape_and_defect_has_a_sample():
    names = {p.name for p in FILES}
    for required in ("tab-clean.txt", "pipe-clean.md", "space-clean.txt", "cell-per-line-clean.txt",
                     "four-one-line-clean.txt", "four-split-clean.md", "legacy-2019.txt",
                     "tab-deleted-rows.txt", "tab-no-figure.txt", "tab-wrong-totals.txt",
                     "pipe-wrong-totals.md", "space-lost-cell.txt", "pipe-broken.md", "tab-messy.txt",
                     "space-messy.txt", "missing-tables.txt"):
        assert required in names
    for p in FILES:
        assert p.with_suffix(".expected").is_file(), f"{p.name} has no sidecar"


def test_readme_lists_every_sample():
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    for p in FILES:
        assert f"| {p.name} |" in readme, f"README.md does not describe {p.name}"


def test_samples_are_what_the_generator_writes():
    spec = importlib.util.spec_from_file_location("make_samples", SAMPLES / "make_samples.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    made = mod.samples()
    assert sorted(made) == [p.name for p in FILES]
    for name, (text, exp) in made.items():
        assert (SAMPLES / name).read_text(encoding="utf-8") == text, name
        assert _expected(SAMPLES / name) == [f"{ln}:{col} {code}" for ln, col, code in sorted(exp)], name


@pytest.mark.parametrize("sample", FILES, ids=lambda p: p.name)
def test_sample_findings_are_exactly_the_sidecar(sample):
    got = sorted((f.start.line, f.start.column, f.rule)
                 for f in findings_of(sample.read_text(encoding="utf-8"), sample.name))
    want = sorted(_key(x) for x in _expected(sample))
    assert got == want
