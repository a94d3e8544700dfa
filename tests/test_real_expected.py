"""Real reports: nianbao says exactly what a reader of each file says (issue 7).

``tests/real_expected.yaml`` holds, per file of ``../shared/corpus`` (including ``real/``), the
errors and warnings nianbao must give, the ones that are acceptable either way, and the info
notes that must appear; it was written by reading the files.  For each file this test runs the
bundled rule set (every rule) through the library API and checks:

* every ``expect`` entry is matched by an error or warning of its rule (``count`` times exactly
  when a count is given);
* every ``info`` entry is matched by an info finding of its rule;
* every error and warning is matched by some ``expect`` or ``may`` entry: anything else is a
  false alarm, listed with its rule, place and message.

The prose rules (NB303–NB308, NB31x, NB4xx) are judged finding by finding in
``tests/test_prose_real.py``; this file covers the skeleton and the tables.

An entry matches a finding when each of its ``match`` strings occurs in the finding's message or
in its cell (table, row, column), both compared after NFKC folding with whitespace removed, so
that （一）/(一) and ：/: are the same.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers import SHARED  # noqa: E402

from nianbao.config import Config, resolve  # noqa: E402
from nianbao.engine import check_document  # noqa: E402
from nianbao.load import load_path  # noqa: E402

CORPUS = SHARED / "corpus"
EXPECTED = Path(__file__).resolve().parent / "real_expected.yaml"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not available")

_SPACE = re.compile(r"\s+")
#: the prose rules (issue 10) are judged, finding by finding, in tests/test_prose_real.py
PROSE = ("NB303", "NB304", "NB305", "NB306", "NB307", "NB308", "NB31", "NB4")
_NEEDS = {".pdf": "pypdfium2", ".docx": "docx"}


def _fold(text: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", text or ""))


def _load_expected() -> dict:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(EXPECTED.read_text(encoding="utf-8"))


EXPECT = _load_expected()
NAMES = sorted(EXPECT)


@lru_cache(maxsize=1)
def _ruleset():
    return resolve(Config())  # the bundled rules, all of them, as a user without configuration gets them


def _haystack(finding) -> str:
    parts = [finding.message]
    if finding.cell is not None:
        parts += [finding.cell.table, finding.cell.row, finding.cell.column]
    return _fold("\n".join(p or "" for p in parts))


def _matches(entry: dict, finding) -> bool:
    if finding.rule != entry["rule"]:
        return False
    wanted = entry["match"]
    wanted = [wanted] if isinstance(wanted, str) else list(wanted)
    hay = _haystack(finding)
    return all(_fold(w) in hay for w in wanted)


def _show(finding) -> str:
    cell = ""
    if finding.cell is not None:
        cell = f" [{finding.cell.table}|{finding.cell.row}|{finding.cell.column}]"
    return f"{finding.start.line}:{finding.start.column} {finding.rule} {finding.severity} {finding.message}{cell}"


def _entry(entry: dict) -> str:
    count = f" ×{entry['count']}" if "count" in entry else ""
    return f"{entry['rule']} {entry['match']!r}{count} ({entry.get('why', '')})"


def test_expected_file_is_well_formed():
    """Every entry has a rule code, a match and a reason; every file named exists in the corpus."""
    problems = []
    for name, spec in EXPECT.items():
        if not isinstance(spec, dict) or "cut" not in spec or "expect" not in spec:
            problems.append(f"{name}: needs cut and expect")
            continue
        for key in ("expect", "may", "info"):
            for e in spec.get(key) or []:
                if not re.fullmatch(r"NB\d{3}", str(e.get("rule", ""))) or not e.get("match"):
                    problems.append(f"{name} {key}: bad entry {e!r}")
                if key == "expect" and not e.get("why"):
                    problems.append(f"{name} {key}: {e['rule']} {e['match']!r} has no why")
        if not (CORPUS / name).is_file():
            problems.append(f"{name}: not found in {CORPUS}")
    assert not problems, "\n".join(problems)


def test_every_real_report_is_covered():
    """Each real report in ../shared/corpus has its ground truth (so none is left unchecked)."""
    on_disk = {p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*")
               if p.is_file() and p.suffix in (".txt", ".md", ".pdf", ".docx", ".html", ".htm")
               and p.name not in ("README.md", "INDEX.md")}
    missing = sorted(on_disk - set(EXPECT))
    assert not missing, "no ground truth for: " + ", ".join(missing)


@pytest.mark.parametrize("name", NAMES)
def test_real_report(name):
    spec = EXPECT[name]
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"{name} is not available")
    needed = _NEEDS.get(path.suffix.lower())
    if needed:
        pytest.importorskip(needed)
    findings = [f for f in check_document(load_path(str(path)), _ruleset()) if not f.rule.startswith(PROSE)]
    loud = [f for f in findings if f.severity in ("error", "warning")]
    quiet = [f for f in findings if f.severity == "info"]
    expect = spec.get("expect") or []
    may = spec.get("may") or []
    info = spec.get("info") or []

    problems = []
    for e in expect:
        hits = [f for f in loud if _matches(e, f)]
        if not hits:
            problems.append(f"MISSING  {_entry(e)}")
        elif "count" in e and len(hits) != e["count"]:
            problems.append(f"COUNT    {_entry(e)}: matched {len(hits)}:\n           "
                            + "\n           ".join(_show(f) for f in hits))
    for e in info:
        if not any(_matches(e, f) for f in quiet):
            problems.append(f"NO INFO  {_entry(e)}")
    for f in loud:
        if not any(_matches(e, f) for e in [*expect, *may]):
            problems.append(f"FALSE    {_show(f)}")
    if problems:
        pytest.fail(f"{name} (cut: {spec.get('cut')}):\n  " + "\n  ".join(problems), pytrace=False)


def tally() -> dict:
    """Per rule over all files: {rule: [findings, confirmed (matched by expect/may), false alarms]}."""
    out = {}
    for name in NAMES:
        path = CORPUS / name
        needed = _NEEDS.get(path.suffix.lower())
        if not path.is_file() or (needed and not _importable(needed)):
            continue
        spec = EXPECT[name]
        allowed = [*(spec.get("expect") or []), *(spec.get("may") or [])]
        for f in check_document(load_path(str(path)), _ruleset()):
            if f.severity not in ("error", "warning") or f.rule.startswith(PROSE):
                continue
            row = out.setdefault(f.rule, [0, 0, 0])
            row[0] += 1
            row[1 if any(_matches(e, f) for e in allowed) else 2] += 1
    return out


def _importable(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


if __name__ == "__main__":  # python tests/test_real_expected.py: the per-rule figures for a closing note
    print("rule   findings  confirmed  false")
    for rule, (n, ok, bad) in sorted(tally().items()):
        print(f"{rule}  {n:8d}  {ok:9d}  {bad:5d}")
