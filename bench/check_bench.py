"""Check speed and mutation recall on the seeds.

Usage: ``python bench/check_bench.py [--repeat N] [--sample N|all] [FILES...]`` (defaults: the
bundled examples, 20 repeats, a fixed-seed sample of 200 mutations per document).
Prints a Markdown table: document, read ms, check ms (median CPU time, reading excluded), findings by
severity, printed amounts taking part in an error identity, mutations tried, caught, recall.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from pathlib import Path

import yusuan
from yusuan.check import all_rules, run_checks
from yusuan.check.mutation import measure

ROOT = Path(__file__).resolve().parent.parent


def _median_ms(fn, repeat: int, clock=time.perf_counter) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = clock()
        fn()
        times.append((clock() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--sample", default="200", help="mutations per document, or 'all'")
    args = parser.parse_args()
    files = args.files or sorted((ROOT / "examples").glob("*.txt"))
    sample = None if args.sample == "all" else int(args.sample)
    print(f"{len(all_rules())} rules\n")
    print("| document | read ms | check ms | error/warning/rounding/info | amounts in identities | mutated | caught | recall |")
    print("|---|---:|---:|---|---:|---:|---:|---:|")
    tried = caught = 0
    for path in files:
        read_ms = _median_ms(lambda p=path: yusuan.read(p), max(1, args.repeat // 4))
        d = yusuan.read(path)
        # CPU time of this process: the development machine is shared, wall time swings with load.
        check_ms = _median_ms(lambda d=d: run_checks(d), args.repeat, time.process_time)
        counts = Counter(f.severity for f in run_checks(d))
        recall = measure(d, sample=sample)
        tried, caught = tried + recall.tried, caught + recall.caught
        severities = "/".join(str(counts[s]) for s in ("error", "warning", "rounding", "info"))
        print(f"| {path.name} | {read_ms:.1f} | {check_ms:.1f} | {severities} | {recall.candidates} | {recall.tried} | "
              f"{recall.caught} | {recall.rate:.3f} |")
    print(f"\nOverall recall: {caught}/{tried} = {caught / tried:.3f}" if tried else "")


if __name__ == "__main__":
    main()
