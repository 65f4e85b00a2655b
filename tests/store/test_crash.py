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

N = 12
_CLI = "from yusuan.cli.app import run; run()"


def _ingest_cmd(db: Path, corpus: Path) -> list[str]:
    return [sys.executable, "-c", _CLI, "ingest", "--db", str(db), "--jobs", "1", "-q", "-v", str(corpus)]


def _documents(db: Path) -> int:
    with Store(db, read_only=True) as store:
        return store.con.execute("SELECT count(*) FROM documents").fetchone()[0]


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
            if done == 2:
                break
        time.sleep(0.05)  # let it get into the middle of the next transaction
        assert proc.poll() is None, "ingest finished before it could be killed; enlarge the corpus"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # its reader processes, orphaned by the kill
    assert proc.returncode == -signal.SIGKILL
    stored = _documents(db)
    assert 0 < stored < N, f"killed at {stored} of {N} documents"

    rerun = subprocess.run(_ingest_cmd(db, corpus), capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.count("ingested\t") == N - stored

    with Store(db, read_only=True) as store:
        one = store.con.execute
        assert one("SELECT count(*), count(DISTINCT doc_id) FROM documents").fetchone() == (N, N)
        # every table of every document once: as many statement_tables rows as the document says
        assert one("SELECT count(*) FROM documents d WHERE n_tables <> "
                   "(SELECT count(*) FROM statement_tables t WHERE t.doc_id = d.doc_id)").fetchone() == (0,)
        for table, key in (("expenditure_lines", "table_no, row_no, column_key, fund_source"), ("findings", "finding_no"),
                           ("key_figures", "doc_id"), ("projects", "project_no")):
            dupes = one(f"SELECT count(*) FROM (SELECT doc_id, {key} FROM {table} GROUP BY ALL HAVING count(*) > 1)")
            assert dupes.fetchone() == (0,), table
        assert one("SELECT count(*) FROM key_figures").fetchone() == (N,)
        orphans = one("SELECT count(*) FROM statement_tables WHERE doc_id NOT IN (SELECT doc_id FROM documents)")
        assert orphans.fetchone() == (0,)
