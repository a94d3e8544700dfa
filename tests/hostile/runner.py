"""Run ``nianbao check`` in a subprocess under a memory limit and measure it."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "corpus" / "headings" / "missing-heading.txt"  # a report with findings

#: per case: wall time (seconds) and peak resident memory (bytes) of the
#: nianbao process and its workers; the address space of each process is
#: limited a little above the memory budget
TIME_BUDGET = 30.0
MEMORY_BUDGET = 1024 * 1024 * 1024
ADDRESS_LIMIT = 1536 * 1024 * 1024
#: limits passed to nianbao so that the suite stays short
FAST = ["--timeout", "6", "--max-memory", "512"]


@dataclass
class Run:
    rc: int
    out: str
    err: str
    seconds: float
    peak: int  # bytes

    def json(self) -> dict:
        return json.loads(self.out)

    def by_path(self) -> dict:
        return {f["path"]: f for f in self.json()["files"]}


def _limit():
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_LIMIT, ADDRESS_LIMIT))


#: runs nianbao (argv[2:]) and writes the peak RSS of nianbao and its workers
#: (bytes) to the file argv[1]: RUSAGE_CHILDREN of this fresh process covers
#: exactly them
_WRAPPER = """
import resource, subprocess, sys
rc = subprocess.call(sys.argv[2:])
with open(sys.argv[1], "w") as fh:
    fh.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024))
sys.exit(rc)
"""


def nianbao(args, cwd, stdin=None, fmt="json", extra=FAST) -> Run:
    """``python -m nianbao check --format FMT *extra *args`` in ``cwd``.

    ``stdin``: a path to open, the string "closed", or None (an empty file)."""
    cmd = [sys.executable, "-m", "nianbao", "check", "--format", fmt, *extra, *map(str, args)]
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env.pop("NIANBAO_NO_ISOLATE", None)
    peak_file = Path(cwd) / ".peak"
    src = subprocess.DEVNULL
    if stdin == "closed":
        cmd = ["/bin/sh", "-c", 'exec "$@" <&-', "sh", *cmd]
    elif stdin is not None:
        src = open(stdin, "rb")
    start = time.monotonic()
    # a session of its own, so that an overrun kills nianbao and its workers too
    proc = subprocess.Popen([sys.executable, "-c", _WRAPPER, str(peak_file), *cmd], cwd=str(cwd),
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=src,
                            preexec_fn=_limit, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=TIME_BUDGET * 3)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
    finally:
        if src is not subprocess.DEVNULL:
            src.close()
    seconds = time.monotonic() - start
    peak = int(peak_file.read_text()) if peak_file.exists() else 0
    peak_file.unlink(missing_ok=True)
    return Run(proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), seconds, peak)


def assert_sane(run: Run) -> None:
    """Exit 0/1/2, no traceback, nothing on stderr but nianbao's own lines,
    inside the time and memory budgets."""
    assert run.rc in (0, 1, 2), (run.rc, run.err[-2000:])
    assert "Traceback" not in run.err and "Traceback" not in run.out, run.err[-3000:]
    for line in run.err.splitlines():
        assert line.startswith("nianbao:") or not line.strip(), f"stray stderr line: {line!r}"
    assert run.seconds < TIME_BUDGET, run.seconds
    assert run.peak < MEMORY_BUDGET, run.peak
