"""Bounded mutation fuzzing (about a minute): real reports in all five
formats, randomly edited, never crash nianbao, hang it, or end in
``internal-error``.  bench/fuzz.py runs the same cases for longer."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fuzzlib  # noqa: E402

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")

#: seconds of fuzzing in the test suite (NIANBAO_FUZZ_SECONDS changes it)
BUDGET = float(os.environ.get("NIANBAO_FUZZ_SECONDS", "45"))


def test_mutated_reports_never_crash():
    seeds = fuzzlib.samples()
    formats = {name.rsplit(".", 1)[-1].lower() for name, _ in seeds}
    assert {"txt", "md", "pdf", "docx", "html"} <= formats
    deadline = time.monotonic() + BUDGET
    failures, done, outcomes = [], 0, set()
    index = 0
    while time.monotonic() < deadline or done < len(seeds):
        name, data = fuzzlib.case_bytes(seeds, index)
        outcome = fuzzlib.run_case(data, name, timeout=20)
        outcomes.add(outcome[0] if outcome[0] == "findings" else outcome[1])
        if fuzzlib.bad(outcome):
            failures.append((index, name, outcome))
        index += 1
        done += 1
    # reproduce one with fuzzlib.case_bytes(fuzzlib.samples(), index)
    assert not failures, failures[:5]
    assert "findings" in outcomes  # the mutations do not all end in errors
