"""Benchmark: `nianbao check --jobs` and `nianbao review` on a few thousand reports.

Usage:  python bench/bench_batch.py [--reports 3000] [--memory-reports 10000] [--keep DIR]

Builds a folder of N reports at bench time by copying the bundled samples
(corpus/tables: text and Markdown; corpus/formats: PDF, Word, HTML; and the
real reports of ../shared/corpus when present) round-robin under distinct
names, then runs, each in a fresh process:

* ``check --format json --jobs 1`` and ``--jobs 2``: wall time, reports per
  second, speed-up of 2 workers over 1 (aim >= 1.8x on 2 cores);
* ``review --jobs 1`` and ``--jobs 2``: the time the outputs add over the
  checking (review minus check at the same --jobs, aim < 10% of the checking),
  in wall time and in CPU time of the whole process tree (which other load on
  the machine disturbs much less than wall time);
* peak memory: the largest resident set of the main process and the peak sum
  over the whole process tree (main + workers), sampled every 20 ms from /proc;
* with --memory-reports M: ``review --jobs 2`` over M text reports, peak memory
  of the main process (aim < 300 MB at 10,000 reports).

Prints figures only; asserts nothing.  The machine's other load shows in the
figures: run it on a quiet machine for numbers to compare.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"


def samples(text_only: bool = False) -> list:
    out = sorted(p for p in (ROOT / "corpus" / "tables").iterdir() if p.suffix in (".txt", ".md"))
    if not text_only:
        out += sorted(p for p in (ROOT / "corpus" / "formats").iterdir()
                      if p.suffix in (".pdf", ".docx", ".html"))
        if SHARED.is_dir():
            out += sorted(p for p in SHARED.iterdir() if p.suffix in (".txt", ".md", ".pdf", ".docx", ".html"))
    return out


def build(folder: Path, n: int, text_only: bool = False) -> dict:
    src = samples(text_only)
    kinds = {}
    for i in range(n):
        p = src[i % len(src)]
        sub = folder / f"d{i // 500:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        target = sub / f"{i:05d}-{p.name}"
        try:
            os.link(p, target)  # the same bytes, no copy
        except OSError:
            shutil.copy(p, target)
        kinds[p.suffix] = kinds.get(p.suffix, 0) + 1
    return kinds


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(x) for x in fh.read().split()]
    except OSError:
        return []


def measure(args: list) -> dict:
    """Run nianbao in a fresh process: wall seconds, peak RSS (main, tree) in MB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "nianbao", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    main_peak = tree_peak = 0
    while proc.poll() is None:
        main = _rss_kb(proc.pid)
        tree = main + sum(_rss_kb(c) for c in _children(proc.pid))
        main_peak, tree_peak = max(main_peak, main), max(tree_peak, tree)
        time.sleep(0.02)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the process and its workers, once reaped
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {"wall": wall, "cpu": cpu, "code": proc.returncode, "main_mb": main_peak / 1024,
            "tree_mb": tree_peak / 1024}


def show(name: str, r: dict, n: int) -> None:
    print(f"{name:<34} {r['wall']:7.1f} s  CPU {r['cpu']:7.1f} s  {n / r['wall']:7.1f} 份/秒  主进程峰值 {r['main_mb']:6.0f} MB  "
          f"进程树峰值 {r['tree_mb']:6.0f} MB  (退出码 {r['code']})", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=3000)
    ap.add_argument("--memory-reports", type=int, default=0)
    ap.add_argument("--keep", help="build the folders here and keep them")
    a = ap.parse_args()
    base = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="nianbao-bench-"))
    try:
        folder = base / "reports"
        if not folder.exists():
            kinds = build(folder, a.reports)
            print(f"{a.reports} 份报告：" + "，".join(f"{k} {v}" for k, v in sorted(kinds.items())), flush=True)
        n = a.reports
        res = {}
        for jobs in (1, 2):
            res[("check", jobs)] = measure(["check", "--format", "json", "--jobs", str(jobs), str(folder)])
            show(f"check --format json --jobs {jobs}", res[("check", jobs)], n)
            out = base / f"review-{jobs}"
            res[("review", jobs)] = measure(["review", "--jobs", str(jobs), "-o", str(out), str(folder)])
            show(f"review --jobs {jobs}", res[("review", jobs)], n)
        c1, c2 = res[("check", 1)]["wall"], res[("check", 2)]["wall"]
        print(f"check --jobs 2 比 --jobs 1 快 {c1 / c2:.2f} 倍；review --jobs 2 比 --jobs 1 快 "
              f"{res[('review', 1)]['wall'] / res[('review', 2)]['wall']:.2f} 倍")
        for jobs in (1, 2):
            c, r = res[("check", jobs)]["wall"], res[("review", jobs)]["wall"]
            cc, rc = res[("check", jobs)]["cpu"], res[("review", jobs)]["cpu"]
            print(f"--jobs {jobs}：review 的输出比 check 多用 {r - c:.1f} 秒墙钟（{100 * (r - c) / c:.1f}%），"
                  f"{rc - cc:.1f} 秒 CPU（占检查 CPU 时间的 {100 * (rc - cc) / cc:.1f}%）")
        print(f"CPU 时间 --jobs 2 / --jobs 1：check {res[('check', 2)]['cpu'] / res[('check', 1)]['cpu']:.2f}，"
              f"review {res[('review', 2)]['cpu'] / res[('review', 1)]['cpu']:.2f}（并行本身的开销）")
        print(f"测量时的系统负载：{os.getloadavg()[0]:.1f}（2 核机器上 >2 说明有其他程序在争用 CPU）")
        if a.memory_reports:
            big = base / "memory"
            if not big.exists():
                build(big, a.memory_reports, text_only=True)
            r = measure(["review", "--jobs", "2", "-o", str(base / "review-memory"), str(big)])
            show(f"review --jobs 2（{a.memory_reports} 份文本报告）", r, a.memory_reports)
    finally:
        if not a.keep:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
