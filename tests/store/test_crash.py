"""Crash safety: SIGKILL the ingest process mid-run, run it again, every document is stored exactly once."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.store.conftest import distinct_copies
from yusuan.store import Store
from yusuan.store.ingest import SerialBackend, ingest_paths
from yusuan.store.schema import DATA_TABLES

N = 48
_CLI = "from yusuan.cli.app import run; run()"


def _ingest_cmd(db: Path, corpus: Path) -> list[str]:
    return [sys.executable, "-c", _CLI, "ingest", "--db", str(db), "--jobs", "1", "-q", "-v", str(corpus)]


def _counts(db: Path) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        return {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in DATA_TABLES}


@pytest.mark.slow
def test_sigkill_mid_run_then_rerun_stores_each_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    distinct_copies(N, corpus)
    db = tmp_path / "s.duckdb"
    proc = subprocess.Popen(_ingest_cmd(db, corpus), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, start_new_session=True)
    assert proc.stdout is not None
    try:
        done = 0
        for line in proc.stdout:  # `-v` prints one line per committed document
            done += line.startswith("ingested")
            if done == 5:
                break
        time.sleep(0.05)  # let it get into the middle of the next transaction
        assert proc.poll() is None, "ingest finished before it could be killed; enlarge the corpus"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # its reader processes, orphaned by the kill
    assert proc.returncode == -signal.SIGKILL
    stored = _counts(db)["documents"]
    assert 0 < stored < N, f"killed at {stored} of {N} documents"

    rerun = subprocess.run(_ingest_cmd(db, corpus), capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr

    reference = tmp_path / "ref.duckdb"
    with Store(reference) as store:
        ingest_paths(store, [corpus], SerialBackend())
    after = _counts(db)
    assert after["documents"] == N
    assert after == _counts(reference)
    with Store(db, read_only=True) as store:
        assert store.con.execute("SELECT count(DISTINCT doc_id) FROM documents").fetchone()[0] == N
        orphans = store.con.execute(
            "SELECT count(*) FROM statement_tables WHERE doc_id NOT IN (SELECT doc_id FROM documents)"
        ).fetchone()[0]
        assert orphans == 0
