"""Faults during ingest: SIGKILL at random moments, a full disk, two ingests on one store.

Bounded here (three kills, a few documents); bench/robustness_bench.py runs the 20 kill trials.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tests.robustness.faults import (
    can_mount_tmpfs,
    disk_full_ingest,
    inconsistencies,
    ingest_argv,
    kill_trial,
    kill_trials,
    stored,
)
from tests.store.conftest import distinct_copies

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    distinct_copies(6, folder)
    return folder


def test_sigkill_at_random_moments_leaves_the_store_consistent(corpus: Path, tmp_path: Path) -> None:
    trials = kill_trials(corpus, tmp_path, trials=2, seed=12)
    for trial in trials:
        assert not trial.problems, trial
        assert trial.rerun_code == 0


def test_sigkill_during_start_up_leaves_a_store_the_rerun_completes(corpus: Path, tmp_path: Path) -> None:
    """A kill that surely lands mid-run (right after start: group commits can make a random later
    kill land after the last document on a fast machine)."""
    expected = len({p.read_bytes() for p in corpus.glob("*.txt")})
    trial = kill_trial(corpus, tmp_path / "early.duckdb", 0, 0.0, expected)
    assert trial.was_running and not trial.problems and trial.rerun_code == 0, trial


@pytest.mark.skipif(not can_mount_tmpfs(), reason="needs root and unshare to mount a size-limited tmpfs")
def test_a_full_disk_fails_cleanly_and_keeps_the_store(corpus: Path, tmp_path: Path) -> None:
    code, err = disk_full_ingest(corpus, tmp_path / "full", size="3m")  # fills after a few documents
    assert code == 3, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "磁盘已满" in lines[0] and "此前入库的文件完好" in lines[0], lines
    db = tmp_path / "full" / "s.duckdb"
    assert not inconsistencies(db)  # what was committed before the disk filled is whole
    assert stored(db) < 6  # how many were committed before the disk filled depends on the write groups


def test_two_ingests_on_one_store_take_turns(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    distinct_copies(6, first)
    second.mkdir()
    for p in sorted(first.iterdir())[3:]:
        p.rename(second / p.name)
    db = tmp_path / "s.duckdb"
    a = subprocess.Popen(ingest_argv(db, first), stderr=subprocess.PIPE, text=True)
    time.sleep(1.5)  # let the first take the store
    b = subprocess.run(ingest_argv(db, second, extra=("--wait", "300")), capture_output=True, text=True, timeout=600)
    _, a_err = a.communicate(timeout=600)
    assert a.returncode == 0, a_err
    assert b.returncode == 0, b.stderr
    assert stored(db) == 6 and not inconsistencies(db)


def test_an_ingest_that_will_not_wait_is_refused_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('open', flush=True); time.sleep(60)", str(db)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        result = subprocess.run(ingest_argv(db, EXAMPLES, extra=("--wait", "0")), capture_output=True,
                                text=True, timeout=120)
    finally:
        holder.kill()
    assert result.returncode == 3
    assert "存储库正被另一个进程使用" in result.stderr and len(result.stderr.strip().splitlines()) == 1
