"""Fuzz the read path longer than CI does: inputs tried, seconds and crashes per target.

Usage: ``python bench/fuzz_bench.py [--examples 2000] [--seed 0] [TARGET...]``. Runs every target of
tests/property/fuzz_targets.py (noisy text, mutated PDF bytes, mutated .xlsx bytes, .xlsx with a
mutated XML member) through ``yusuan.read`` + ``yusuan.summary`` with hypothesis; a crash is any
exception other than a yusuan error (the first one per target is shrunk and printed with its trace).
Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402

from tests.property.fuzz_targets import TARGETS, read_bytes  # noqa: E402


def fuzz(name: str, examples: int, random_seed: int) -> tuple[int, float, str | None]:
    """(inputs tried, seconds, the first crash's trace or None) for one target."""
    make, suffix = TARGETS[name]
    tried = [0]

    @seed(random_seed)
    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(make())
    def run(data: bytes) -> None:
        tried[0] += 1
        read_bytes(data, suffix)

    start = time.perf_counter()
    try:
        run()
    except Exception:
        return tried[0], time.perf_counter() - start, traceback.format_exc(limit=-6)
    return tried[0], time.perf_counter() - start, None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("targets", nargs="*", help=f"targets to run (default all: {', '.join(sorted(TARGETS))})")
    args = parser.parse_args()
    rows = ["| target | inputs tried | seconds | inputs/s | crashes |", "|---|---:|---:|---:|---:|"]
    traces = []
    for name in args.targets or sorted(TARGETS):
        tried, seconds, crash = fuzz(name, args.examples, args.seed)
        rows.append(f"| {name} | {tried} | {seconds:.0f} | {tried / seconds:.1f} | {0 if crash is None else 1} |")
        if crash:
            traces.append(f"{name}:\n{crash}")
    print("\n".join(rows))
    for t in traces:
        print("\n```\n" + t + "\n```")


if __name__ == "__main__":
    main()
