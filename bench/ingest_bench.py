"""Ingest throughput: documents per second into a fresh store, 1 and 2 local reader processes, and a
2-worker Dask LocalCluster.

Usage: ``python bench/ingest_bench.py [--n 1000] [--corpus DIR] [--seed 0] [--write-readme]``.
Generates N variant documents with bench/generate_corpus.py (unless --corpus names a directory of
documents), ingests them into a new DuckDB store per configuration, and prints a Markdown table;
--write-readme replaces the body of the '## Ingest' section of bench/README.md with it.
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate_corpus import generate  # noqa: E402
from yusuan.store import Store  # noqa: E402
from yusuan.store.ingest import Backend, DaskBackend, IngestReport, PoolBackend, ingest_paths  # noqa: E402


def _run(corpus: Path, backend: Backend, workdir: Path, label: str) -> tuple[IngestReport, float, float]:
    """(report, wall seconds, CPU seconds of the writer process) of one ingest into a fresh store."""
    db = workdir / f"{label.replace(' ', '_')}.duckdb"
    with Store(db) as store:
        start, cpu = time.perf_counter(), time.process_time()
        report = ingest_paths(store, [corpus], backend)
        seconds, writer_cpu = time.perf_counter() - start, time.process_time() - cpu
    db.unlink(missing_ok=True)
    return report, seconds, writer_cpu


def _dask_backend() -> tuple[DaskBackend, list[object]]:
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    client = Client(cluster)
    client.run(lambda: __import__("yusuan.store.worker") and None)  # warm imports like the pool's preload
    return DaskBackend(client), [client, cluster]


def write_readme(section: str) -> None:
    """Replace the body of '## Ingest' in bench/README.md (up to the next '## ' heading)."""
    path = ROOT / "bench" / "README.md"
    text = path.read_text("utf-8") if path.exists() else "# Benchmarks\n"
    head = "## Ingest"
    if head not in text:
        text = text.rstrip("\n") + f"\n\n{head}\n"
    before, after = text.split(head, 1)
    rest = after.split("\n## ", 1)
    tail = "\n## " + rest[1] if len(rest) > 1 else ""
    path.write_text(f"{before}{head}\n\n{section.strip()}\n{tail}", "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="documents to generate (default 1000)")
    parser.add_argument("--corpus", type=Path, help="ingest this directory instead of generating one")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--write-readme", action="store_true", help="write the table into bench/README.md")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="yusuan-ingest-bench-") as tmp:
        work = Path(tmp)
        corpus = args.corpus or work / "corpus"
        if args.corpus is None:
            generate(args.n, corpus, args.seed)
        n = sum(1 for p in corpus.rglob("*") if p.suffix == ".txt")
        rows = []
        base = None
        configs: list[tuple[str, object]] = [("1 process", 1), ("2 processes", 2), ("Dask LocalCluster, 2 workers", "dask")]
        for label, how in configs:
            owned: list[object] = []
            if how == "dask":
                backend, owned = _dask_backend()
            else:
                backend = PoolBackend(int(how))  # type: ignore[arg-type]
            load = os.getloadavg()[0]
            try:
                report, seconds, writer_cpu = _run(corpus, backend, work, label)
            finally:
                for thing in owned:
                    thing.close()  # type: ignore[attr-defined]
            rate = report.ingested / seconds
            base = base or rate
            done = max(1, report.ingested + len(report.failed))
            rows.append(f"| {label} | {report.ingested} | {report.skipped} | {len(report.failed)} | {seconds:.1f} | "
                        f"{rate:.1f} | {rate / base:.2f}× | {1000 * report.read_cpu_seconds / done:.0f} | "
                        f"{1000 * writer_cpu / done:.0f} | {load:.1f} |")
            print(rows[-1], flush=True)

    command = "python bench/ingest_bench.py " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    table = "\n".join([
        "| configuration | stored | skipped | failed | seconds | documents/s | vs 1 process "
        "| reader CPU ms/doc | writer CPU ms/doc | load avg at start |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        *rows,
    ])
    section = (
        f"Command: `{command.strip()}` — {n} generated documents (bench/generate_corpus.py, seed {args.seed}), "
        f"read + check + store into a fresh DuckDB store each run; {os.cpu_count()} cores, "
        f"Python {platform.python_version()}.\n\n{table}\n"
    )
    print(section)
    if args.write_readme:
        write_readme(section)


if __name__ == "__main__":
    main()
