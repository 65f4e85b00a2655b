"""Fault injection for ingest: kill it at a random moment, fill its disk, run two at once — and the
one question asked after each: is the store consistent (every document whole, none twice)?

Shared by tests/robustness/test_faults.py (a few trials) and bench/robustness_bench.py (20 trials).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from yusuan.store import Store

CLI = "import sys; from yusuan.cli.app import main; sys.exit(main())"
UNIQUE_KEYS = {
    "documents": "doc_id",
    "statement_tables": "doc_id, table_no",
    "expenditure_lines": "doc_id, table_no, row_no, column_key, fund_source",
    "findings": "doc_id, finding_no",
    "key_figures": "doc_id",
    "projects": "doc_id, project_no",
}


def ingest_argv(db: Path, *paths: Path | str, jobs: int = 1, extra: tuple[str, ...] = ()) -> list[str]:
    return [sys.executable, "-c", CLI, "ingest", "--db", str(db), "--jobs", str(jobs), "-q", *extra, *map(str, paths)]


def inconsistencies(db: Path) -> list[str]:
    """What is wrong with the store (empty: consistent): duplicates, orphans, half-written documents."""
    problems: list[str] = []
    with Store(db, read_only=True) as store:
        one = store.con.execute
        for table, key in UNIQUE_KEYS.items():
            dupes = one(f"SELECT count(*) FROM (SELECT {key} FROM {table} GROUP BY ALL HAVING count(*) > 1)").fetchone()
            if dupes != (0,):
                problems.append(f"{table}: {dupes[0]} duplicated keys")
            if table != "documents":
                orphans = one(f"SELECT count(*) FROM {table} WHERE doc_id NOT IN (SELECT doc_id FROM documents)").fetchone()
                if orphans != (0,):
                    problems.append(f"{table}: {orphans[0]} rows of no stored document")
        half = one("SELECT count(*) FROM documents d WHERE n_tables <> "
                   "(SELECT count(*) FROM statement_tables t WHERE t.doc_id = d.doc_id)").fetchone()
        if half != (0,):
            problems.append(f"{half[0]} documents without all their tables")
        no_figures = one("SELECT count(*) FROM documents WHERE doc_id NOT IN (SELECT doc_id FROM key_figures)").fetchone()
        if no_figures != (0,):
            problems.append(f"{no_figures[0]} documents without key figures")
    return problems


def stored(db: Path) -> int:
    with Store(db, read_only=True) as store:
        row = store.con.execute("SELECT count(*) FROM documents").fetchone()
    return int(row[0]) if row else 0


@dataclass(frozen=True)
class KillTrial:
    """One SIGKILL trial: when it was killed, what the store held then, whether all was well after."""

    delay: float
    was_running: bool  # False: it had finished before the kill came (the trial proves less)
    stored_at_kill: int
    problems: tuple[str, ...]
    rerun_code: int
    stored_after_rerun: int


def kill_trial(corpus: Path, db: Path, after: int, extra: float, expected: int) -> KillTrial:
    """Start an ingest, SIGKILL it (and its readers) ``extra`` s after its ``after``-th committed
    document (0: after start-up), check the store, run it again."""
    proc = subprocess.Popen(ingest_argv(db, corpus, extra=("-v",)), stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, start_new_session=True)
    assert proc.stdout is not None
    start = time.perf_counter()
    seen = 0
    while seen < after:  # `-v` prints one line per committed document
        line = proc.stdout.readline()
        if not line:
            break
        seen += line.startswith("ingested")
    time.sleep(extra)
    was_running = proc.poll() is None
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    delay = time.perf_counter() - start
    problems: list[str] = []
    at_kill = 0
    if db.exists():
        try:
            at_kill = stored(db)
            problems += inconsistencies(db)
        except Exception as err:  # a store that cannot even be opened is the worst inconsistency
            problems.append(f"store does not open after the kill: {type(err).__name__}: {err}")
    rerun = subprocess.run(ingest_argv(db, corpus), capture_output=True, text=True, timeout=600)
    after_rerun = stored(db) if rerun.returncode == 0 else -1
    if rerun.returncode == 0:
        problems += inconsistencies(db)
        if after_rerun != expected:
            problems.append(f"re-run stored {after_rerun} of {expected}")
    else:
        problems.append(f"re-run failed ({rerun.returncode}): {rerun.stderr.strip()[-300:]}")
    return KillTrial(delay, was_running, at_kill, tuple(problems), rerun.returncode, after_rerun)


def kill_trials(corpus: Path, work: Path, trials: int, seed: int = 0) -> list[KillTrial]:
    """``trials`` kills at random points of progress: after a random number of committed
    documents (none: during start-up, store creation, the first group) plus up to a second."""
    expected = len({hashlib.sha256(p.read_bytes()).digest() for p in corpus.glob("*.txt")})  # distinct contents
    rng = random.Random(seed)
    out = []
    for i in range(trials):
        db = work / f"trial{i}.duckdb"
        out.append(kill_trial(corpus, db, rng.randrange(0, expected), rng.uniform(0.0, 1.0), expected))
        db.unlink(missing_ok=True)
        Path(f"{db}.wal").unlink(missing_ok=True)
    return out


def can_mount_tmpfs() -> bool:
    """Root with ``unshare``: a size-limited tmpfs can be mounted in a private mount namespace."""
    return os.geteuid() == 0 and shutil.which("unshare") is not None and sys.platform == "linux"


DISK_FULL_SCRIPT = """
set -u
mount -t tmpfs -o size="$1" tmpfs "$2" || exit 99
"$3" -c "$4" ingest --db "$2/s.duckdb" --jobs 1 -q "$5" 2> "$6/stderr.txt"
echo $? > "$6/code.txt"
cp "$2"/s.duckdb* "$6"/ 2>/dev/null
df -k "$2" | tail -1 > "$6/df.txt"
"""


def disk_full_ingest(corpus: Path, out: Path, size: str) -> tuple[int, str]:
    """Ingest ``corpus`` into a store on a tmpfs of ``size`` (private mount namespace); the store's
    files are copied to ``out``. Returns (exit code, stderr)."""
    mount = out / "mnt"
    mount.mkdir(parents=True)
    subprocess.run(["unshare", "-m", "bash", "-c", DISK_FULL_SCRIPT, "_", size, str(mount), sys.executable, CLI,
                    str(corpus), str(out)], check=True, timeout=600)
    return int((out / "code.txt").read_text().strip()), (out / "stderr.txt").read_text()
