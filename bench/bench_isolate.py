"""Cost of reading PDF and Word files in the isolated worker (load/isolate.py).

    python bench/bench_isolate.py --runs 15

For each sample: the median time of the reader in this process and through
``load_bytes`` (fork, limits, pickled Document back), and the difference:
the per-file price of isolation.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from nianbao.load import _load_bytes, format_of, load_bytes

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"


def _median(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    files = sorted((ROOT / "corpus" / "formats").glob("*.pdf")) + sorted((ROOT / "corpus" / "formats").glob("*.docx"))
    if SHARED.is_dir():
        files += sorted(SHARED.glob("*.pdf"))
    print(f"{'file':40} {'in-process ms':>14} {'isolated ms':>12} {'overhead ms':>12}")
    for path in files:
        data = path.read_bytes()
        fmt = format_of(path.name)
        load_bytes(data, path.name)  # warm: imports, caches
        inproc = _median(lambda: _load_bytes(data, path.name, fmt), args.runs)
        isolated = _median(lambda: load_bytes(data, path.name), args.runs)
        print(f"{path.name:40} {inproc:14.1f} {isolated:12.1f} {isolated - inproc:12.1f}")


if __name__ == "__main__":
    main()
