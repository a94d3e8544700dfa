"""Long mutation-fuzzing run: real reports in all five formats, randomly
edited, each read and checked in a forked worker with a time limit.

    python bench/fuzz.py --cases 100000 --jobs 2

Prints the number of cases, how they ended (findings / input-error codes)
and every failure: an ``internal-error``, or a hang or crash of the checking
worker.  A failure is reproduced with
``fuzzlib.case_bytes(fuzzlib.samples(), INDEX)`` (tests/hostile/fuzzlib.py).
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "hostile"))

import fuzzlib  # noqa: E402

_SEEDS = []


def _range(bounds):
    start, stop, timeout = bounds
    if not _SEEDS:
        _SEEDS.extend(fuzzlib.samples())
    counts, failures = collections.Counter(), []
    for index in range(start, stop):
        name, data = fuzzlib.case_bytes(_SEEDS, index)
        outcome = fuzzlib.run_case(data, name, timeout=timeout)
        counts[outcome[0] if outcome[0] == "findings" else outcome[1]] += 1
        if fuzzlib.bad(outcome):
            failures.append((index, name, outcome))
    return counts, failures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--chunk", type=int, default=500)
    ap.add_argument("--timeout", type=float, default=30.0)
    args = ap.parse_args()
    seeds = fuzzlib.samples()
    print(f"{len(seeds)} seed reports: "
          + ", ".join(f"{k} {v}" for k, v in sorted(collections.Counter(
              n.rsplit('.', 1)[-1].lower() for n, _ in seeds).items())), flush=True)
    chunks = [(s, min(s + args.chunk, args.start + args.cases), args.timeout)
              for s in range(args.start, args.start + args.cases, args.chunk)]
    total, failures, done = collections.Counter(), [], 0
    t0 = time.monotonic()
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for (start, stop, _t), (counts, bad) in zip(chunks, pool.map(_range, chunks)):
            total.update(counts)
            failures.extend(bad)
            done += stop - start
            rate = done / (time.monotonic() - t0)
            print(f"{done} cases, {len(failures)} failures, {rate:.0f} cases/s", flush=True)
    print(f"\n{done} cases in {time.monotonic() - t0:.0f} s; outcomes:")
    for key, n in total.most_common():
        print(f"  {key}: {n}")
    for index, name, outcome in failures[:50]:
        print(f"FAIL case {index} ({name}): {outcome}")
    print(f"failures: {len(failures)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
