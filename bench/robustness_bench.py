"""Bad inputs and faults, measured: peak RSS and time per bad input, SIGKILL trials, a full disk.

Usage: ``python bench/robustness_bench.py [--kills 20] [--docs 12] [--skip-kills] [--skip-bad] [--web ROUNDS]
[--only-web]``. Each bad input
of tests/robustness/corpus.py is read by ``yusuan summary`` in a child process that reports its own
peak RSS (VmHWM, tests/robustness/memory.py); then ``--kills`` ingests of ``--docs`` documents are
SIGKILLed at moments drawn uniformly over an uninterrupted run, each store checked and the ingest
re-run; then one ingest on a 3 MB tmpfs (root only). Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.robustness.corpus import build  # noqa: E402
from tests.robustness.faults import (  # noqa: E402
    can_mount_tmpfs,
    disk_full_ingest,
    inconsistencies,
    kill_trials,
    stored,
)
from tests.robustness.memory import run_cli  # noqa: E402
from tests.store.conftest import distinct_copies  # noqa: E402


def bad_inputs(folder: Path) -> str:
    rows = ["| input | what | exit | peak RSS MB | seconds | first line of stderr |", "|---|---|---:|---:|---:|---|"]
    for bad, path in build(folder):
        start = time.perf_counter()
        code, err, peak = run_cli(["summary", str(path)], without_ocr=bad.without_ocr)
        seconds = time.perf_counter() - start
        line = (err.strip().splitlines() or [""])[0].replace("|", "\\|").replace(str(folder) + "/", "")
        rows.append(f"| `{bad.name}` | {bad.what} | {code} | {peak / 2**20:.0f} | {seconds:.1f} | {line[:160]} |")
        if bad.slow:
            path.unlink()
    return "\n".join(rows)


def kills(work: Path, trials: int, docs: int) -> str:
    corpus = work / "kill_corpus"
    distinct_copies(docs, corpus)
    results = kill_trials(corpus, work, trials, seed=2026)
    ok = sum(1 for r in results if not r.problems and r.rerun_code == 0)
    running = sum(r.was_running for r in results)
    rows = [f"**{ok}/{len(results)} consistent**, {running} of them killed while running ({docs} documents, 1 "
            "reader process; each store checked after the kill and after the re-run, which must complete it)", "",
            "| trial | killed after s | still running | stored at the kill | re-run exit | stored after re-run | problems |",
            "|---:|---:|---|---:|---:|---:|---|"]
    for i, r in enumerate(results, 1):
        rows.append(f"| {i} | {r.delay:.2f} | {'yes' if r.was_running else 'no'} | {r.stored_at_kill} | "
                    f"{r.rerun_code} | {r.stored_after_rerun} | {'; '.join(r.problems) or '—'} |")
    return "\n".join(rows)


def disk_full(work: Path, docs: int) -> str:
    if not can_mount_tmpfs():
        return "(skipped: needs root and unshare for a size-limited tmpfs)"
    corpus = work / "disk_corpus"
    distinct_copies(docs, corpus)
    code, err = disk_full_ingest(corpus, work / "full", size="3m")
    db = work / "full" / "s.duckdb"
    return (f"3 MB tmpfs, {docs} documents: exit {code}; {stored(db)} documents stored, whole "
            f"(problems: {inconsistencies(db) or 'none'}); stderr: `{err.strip().splitlines()[-1][:200]}`")


def web(work: Path, clients: int, rounds: int) -> str:
    from tests.robustness.web_load import run_load, serving

    (work / "web").mkdir()
    with serving(work / "web") as base:
        start = time.perf_counter()
        results = run_load(base, clients, rounds)
        seconds = time.perf_counter() - start
    rows = [f"{clients} concurrent clients of one session × {rounds} rounds of (upload seed 000 variant, view the "
            f"document page), {seconds:.0f} s on loopback", "",
            "| request | count | errors | p50 ms | p95 ms | max ms |", "|---|---:|---:|---:|---:|---:|"]
    for what in ("upload", "view"):
        times = sorted(s for w, _, s in results if w == what)
        errors = sum(1 for w, code, _ in results if w == what and code >= 400)

        def pct(q: float, times: list[float] = times) -> float:
            return times[min(len(times) - 1, round(q * (len(times) - 1)))] * 1000

        rows.append(f"| {what} | {len(times)} | {errors} | {pct(0.5):.0f} | {pct(0.95):.0f} | {times[-1] * 1000:.0f} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--docs", type=int, default=12)
    parser.add_argument("--skip-kills", action="store_true")
    parser.add_argument("--skip-bad", action="store_true", help="leave out the bad-input table")
    parser.add_argument("--web", type=int, default=0, metavar="ROUNDS",
                        help="also load `yusuan serve` with 50 clients × ROUNDS (upload + view)")
    parser.add_argument("--only-web", action="store_true", help="only the web load")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="yusuan-robust-") as tmp:
        work = Path(tmp)
        if args.only_web:
            print("### Web under load\n\n" + web(work, 50, args.web or 3) + "\n")
            return
        if not args.skip_bad:
            print("### Bad inputs\n\n" + bad_inputs(work / "bad") + "\n")
        if not args.skip_kills:
            print("### SIGKILL during ingest\n\n" + kills(work, args.kills, args.docs) + "\n")
        print("### Full disk during ingest\n\n" + disk_full(work, args.docs) + "\n")
        if args.web:
            print("### Web under load\n\n" + web(work, 50, args.web) + "\n")


if __name__ == "__main__":
    main()
