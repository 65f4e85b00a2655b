"""Median time to read one seed end to end (file → Disclosure) and to summarise it.

Usage: ``python bench/read_bench.py [--repeat N] [FILES...]`` (defaults: the bundled examples).
Prints a Markdown table: document, size, read ms, summary ms, ms per 100 KB.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import yusuan

ROOT = Path(__file__).resolve().parent.parent


def _median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    files = args.files or sorted((ROOT / "examples").glob("*.txt"))
    print("| document | size KB | read ms (median) | summary ms (median) | read ms per 100 KB |")
    print("|---|---:|---:|---:|---:|")
    for path in files:
        yusuan.read(path)  # warm caches (catalogue, imports)
        size_kb = path.stat().st_size / 1024
        read_ms = _median_ms(lambda p=path: yusuan.read(p), args.repeat)
        d = yusuan.read(path)
        summary_ms = _median_ms(lambda d=d: yusuan.summary(d), args.repeat)
        print(f"| {path.name} | {size_kb:.0f} | {read_ms:.2f} | {summary_ms:.3f} | {read_ms / size_kb * 100:.2f} |")


if __name__ == "__main__":
    main()
