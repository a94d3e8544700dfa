"""Benchmark: cold-start wall time of ``nianbao check`` and text reports per second.

Usage:  python bench/bench_text.py [--runs 15] [--batch 300]

* cold start: median wall time of a fresh ``python -m nianbao check`` process on
  one bundled sample report (target < 0.3 s), with the start-up cache filled
  (nianbao.cache: every run after the first), and for comparison without it
  (``NIANBAO_NO_CACHE=1``, as on the very first run);
* throughput: reports per second of load + parse + all rules, in one process on
  one core, over a batch of a few hundred reports made from the bundled samples
  (and the real reports in ../shared/corpus when present) (target > 300/s);
* the same with last year's report at hand (the previous-year rules run and
  both reports are parsed).
Prints figures only; it asserts nothing (speed is never a test assertion).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"


def samples() -> list:
    files = sorted(p for p in (ROOT / "corpus").rglob("*") if p.suffix in (".txt", ".md")
                   and p.name.lower() != "readme.md")
    if SHARED.is_dir():
        files += sorted(p for p in SHARED.iterdir() if p.suffix in (".txt", ".md")
                        and p.name.lower() != "readme.md")
    return files


def cold_start(sample: Path, runs: int, cache: bool = True) -> list:
    env = dict(os.environ)
    env.pop("NIANBAO_NO_CACHE", None)
    if not cache:
        env["NIANBAO_NO_CACHE"] = "1"
    else:  # fill the cache first (what the first run of a new version does)
        subprocess.run([sys.executable, "-m", "nianbao", "check", str(sample)], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times, cpu = [], []
    for _ in range(runs):
        c0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "nianbao", "check", str(sample)], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
        c1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(c1.ru_utime - c0.ru_utime + c1.ru_stime - c0.ru_stime)
    return times, cpu


def throughput(files: list, batch: int) -> tuple:
    from nianbao.config import Config, resolve
    from nianbao.engine import check_document
    from nianbao.load import load_bytes
    ruleset = resolve(Config())
    data = [(str(p), p.read_bytes()) for p in files]
    jobs = [data[i % len(data)] for i in range(batch)]
    for path, raw in data:  # warm up: template compiled, modules imported
        check_document(load_bytes(raw, path), ruleset)
    t0 = time.process_time()
    w0 = time.perf_counter()
    findings = 0
    for path, raw in jobs:
        findings += len(check_document(load_bytes(raw, path), ruleset))
    cpu = time.process_time() - t0
    wall = time.perf_counter() - w0
    return batch / cpu, batch / wall, findings


def paired(batch: int) -> float:
    """Reports/s (CPU) of checking a report together with last year's (the
    previous-year rules run, and last year's report is parsed too)."""
    from nianbao.config import Config, resolve
    from nianbao.engine import check_document
    from nianbao.load import load_bytes
    ruleset = resolve(Config())
    series = sorted((ROOT / "corpus" / "prose" / "series").glob("*.txt"))
    pairs = [(series[i], series[i - 1]) for i in range(1, len(series))]
    data = [(str(a), a.read_bytes(), str(b), b.read_bytes()) for a, b in pairs]
    for pa, ra, pb, rb in data:
        check_document(load_bytes(ra, pa), ruleset, load_bytes(rb, pb))
    t0 = time.process_time()
    for i in range(batch):
        pa, ra, pb, rb = data[i % len(data)]
        check_document(load_bytes(ra, pa), ruleset, load_bytes(rb, pb))
    return batch / (time.process_time() - t0)


def per_file(files: list, repeat: int = 30) -> list:
    """(reports/s, name) for each distinct file, slowest first."""
    from nianbao.config import Config, resolve
    from nianbao.engine import check_document
    from nianbao.load import load_bytes
    ruleset = resolve(Config())
    out = []
    for p in files:
        raw = p.read_bytes()
        check_document(load_bytes(raw, str(p)), ruleset)
        t0 = time.process_time()
        for _ in range(repeat):
            check_document(load_bytes(raw, str(p)), ruleset)
        out.append((repeat / (time.process_time() - t0), p.name))
    return sorted(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--batch", type=int, default=300)
    args = ap.parse_args()
    files = samples()
    if not files:
        sys.exit("no sample reports found under corpus/")
    sample = next((p for p in files if "clean" in p.name), files[0])
    times, cpu = cold_start(sample, args.runs)
    print(f"cold start  ({sample.relative_to(ROOT) if sample.is_relative_to(ROOT) else sample.name}, "
          f"{args.runs} runs): median {statistics.median(times):.3f} s, "
          f"min {min(times):.3f} s, max {max(times):.3f} s   (target < 0.3 s); "
          f"CPU median {statistics.median(cpu):.3f} s")
    times, cpu = cold_start(sample, args.runs, cache=False)
    print(f"cold start without the start-up cache (NIANBAO_NO_CACHE=1, as the first run): "
          f"median {statistics.median(times):.3f} s, min {min(times):.3f} s; "
          f"CPU median {statistics.median(cpu):.3f} s")
    per_cpu, per_wall, n = throughput(files, args.batch)
    print(f"throughput  ({args.batch} reports from {len(files)} distinct files, one core): "
          f"{per_cpu:.0f} reports/s CPU, {per_wall:.0f} reports/s wall, {n} findings   (target > 300/s)")
    text_pairs = paired(60)
    print(f"with last year's report (the text series of corpus/prose, both reports loaded and parsed): "
          f"{text_pairs:.0f} reports/s CPU")
    rates = per_file(files)
    print("slowest files (reports/s CPU, one core):")
    for rate, name in rates[:5]:
        print(f"  {rate:7.0f}  {name}")


if __name__ == "__main__":
    main()
