"""Every sample of corpus/headings gives exactly the findings of its sidecar.

``NAME.expected`` lists one finding per line as ``line:col CODE``; an empty
sidecar means the sample must be clean.  Only NB1xx and NB3xx are compared
(the table rules NB2xx are not this corpus's business, and the samples have
no tables).
"""

from __future__ import annotations

import codecs
import importlib.util
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers import CORPUS, check_file, positions, sort_positions  # noqa: E402

from nianbao.load.text import decode  # noqa: E402

SAMPLES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")


def _expected(sample: Path) -> list:
    return [ln.strip() for ln in sample.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
            if ln.strip()]


def test_corpus_is_complete():
    names = {p.name for p in SAMPLES}
    for required in ("clean.txt", "crlf.txt", "gbk.txt", "utf16-bom.txt", "utf8-bom.md",
                     "page-markers.txt", "pdf-spaces.txt", "mixed-levels.md"):
        assert required in names
    stems = [p.stem for p in SAMPLES]
    assert len(stems) == len(set(stems)), "two samples share a sidecar name"
    for p in SAMPLES:
        assert p.with_suffix(".expected").is_file(), f"{p.name} has no sidecar"
    orphans = {p.stem for p in CORPUS.glob("*.expected")} - set(stems)
    assert not orphans, f"sidecars without a sample: {orphans}"


def test_readme_lists_every_sample():
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for p in SAMPLES:
        assert f"| {p.name} |" in readme, f"README.md does not describe {p.name}"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_sidecar_is_sorted_and_well_formed(sample):
    exp = _expected(sample)
    for item in exp:
        pos, code = item.split()
        ln, col = pos.split(":")
        assert int(ln) >= 1 and int(col) >= 1 and code[:3] in ("NB1", "NB3")
    assert exp == sort_positions(exp)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_sample_gives_exactly_its_sidecar(sample):
    assert positions(check_file(sample)) == _expected(sample)


def test_clean_sample_has_what_the_rules_look_for():
    text = (CORPUS / "clean.txt").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "某某县人民政府2024年政府信息公开工作年度报告"
    assert "2024年1月1日至12月31日" in text
    assert "本年度未收取信息处理费。" in text
    assert "\t" not in text and "|" not in text  # no tables


def test_broken_samples_are_not_all_clean():
    """Guard against a sidecar set that would pass with a do-nothing linter."""
    nonempty = [p for p in SAMPLES if _expected(p)]
    codes = {e.split()[1] for p in nonempty for e in _expected(p)}
    assert {"NB101", "NB102", "NB103", "NB104", "NB105", "NB111", "NB112", "NB113", "NB114",
            "NB301", "NB302"} <= codes


# -- the byte-level samples ----------------------------------------------------

def _generator():
    spec = importlib.util.spec_from_file_location("make_encodings", CORPUS / "make_encodings.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_generated_samples_match_their_generator():
    for name, data in _generator().generate().items():
        assert (CORPUS / name).read_bytes() == data, f"{name} is stale: run make_encodings.py"


def test_byte_samples_really_are_in_their_encoding():
    crlf = (CORPUS / "crlf.txt").read_bytes()
    assert crlf.count(b"\r\n") == crlf.count(b"\n") > 20

    gbk = (CORPUS / "gbk.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        gbk.decode("utf-8")
    # every character of the sample is in plain GBK, not only in GB18030
    assert gbk.decode("gbk") == (CORPUS / "reworded.txt").read_text(encoding="utf-8")
    text, enc = decode(gbk, "gbk.txt")
    assert enc == "gb18030" and "五、存在的主要问题和改进措施" in text

    u16 = (CORPUS / "utf16-bom.txt").read_bytes()
    assert u16.startswith(codecs.BOM_UTF16_LE)
    assert decode(u16, "u")[0] == (CORPUS / "duplicated.txt").read_text(encoding="utf-8")

    u8 = (CORPUS / "utf8-bom.md").read_bytes()
    assert u8.startswith(codecs.BOM_UTF8)
    text, _enc = decode(u8, "u8")
    assert text.startswith("# 某某县")


def test_encoded_twins_give_the_findings_of_their_source():
    """The same report in another encoding must be read into the same findings."""
    for generated, source in (("crlf.txt", "renumbered.txt"), ("gbk.txt", "reworded.txt"),
                              ("utf16-bom.txt", "duplicated.txt")):
        assert positions(check_file(CORPUS / generated)) == positions(check_file(CORPUS / source))
