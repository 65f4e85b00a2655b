"""Ingest: the examples twice leave four documents; a corrupt file fails alone with its reason."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from yusuan.cli.app import main
from yusuan.store import Store
from yusuan.store.ingest import PoolBackend, SerialBackend, discover, ingest_paths


def _count(db: Path) -> int:
    with Store(db, read_only=True) as store:
        return store.con.execute("SELECT count(*) FROM documents").fetchone()[0]


def test_examples_twice_leave_four_documents(tmp_path: Path, examples_copy: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        first = ingest_paths(store, [examples_copy], PoolBackend(2))
        second = ingest_paths(store, [str(examples_copy / "*.txt")], SerialBackend())
        tables = store.con.execute("SELECT count(*) FROM statement_tables").fetchone()[0]
    assert (first.ingested, first.skipped, first.failed) == (4, 0, [])
    assert (second.ingested, second.skipped, second.failed) == (0, 4, [])
    assert _count(db) == 4
    with Store(db, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM statement_tables").fetchone()[0] == tables
        assert store.con.execute("SELECT count(DISTINCT doc_id) FROM key_figures").fetchone()[0] == 4


def test_same_content_under_two_names_is_stored_once(tmp_path: Path, examples_copy: Path) -> None:
    first = sorted(examples_copy.glob("*.txt"))[0]
    shutil.copy(first, examples_copy / "renamed.txt")
    with Store(tmp_path / "s.duckdb") as store:
        report = ingest_paths(store, [examples_copy], SerialBackend())
    assert (report.ingested, report.skipped) == (4, 1)


def test_corrupt_file_fails_alone(tmp_path: Path, examples_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (examples_copy / "broken.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    db = tmp_path / "s.duckdb"
    rc = main(["ingest", "--db", str(db), "--jobs", "2", "--json", "-q", str(examples_copy)])
    out, err = capsys.readouterr()
    assert rc == 2
    assert "broken.txt" in err and "binary" in err
    report = json.loads(out)
    assert report["ingested"] == 4 and len(report["failed"]) == 1
    assert report["failed"][0]["file"].endswith("broken.txt") and report["failed"][0]["reason"]
    assert _count(db) == 4


def test_missing_path_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["ingest", "--db", str(tmp_path / "s.duckdb"), "-q", "--jobs", "0", str(tmp_path / "nope.txt"),
               str(EXAMPLES / "000_87792da19c622395.txt")])
    err = capsys.readouterr().err
    assert rc == 2 and "nope.txt" in err and "no such file" in err
    assert _count(tmp_path / "s.duckdb") == 1


def test_discover_files_dirs_globs(tmp_path: Path, examples_copy: Path) -> None:
    (examples_copy / "notes.md").write_text("x")
    files, missing = discover([examples_copy, str(examples_copy / "0*.txt"), tmp_path / "gone", "nomatch*.pdf"])
    assert len(files) == 4 and all(f.suffix == ".txt" for f in files)
    assert [m[0] for m in missing] == [str(tmp_path / "gone"), "nomatch*.pdf"]


def test_findings_are_stored_with_the_document(tmp_path: Path, examples_copy: Path) -> None:
    """Whatever the checker finds (maybe nothing yet) is stored and counted in the report."""
    with Store(tmp_path / "s.duckdb") as store:
        report = ingest_paths(store, [examples_copy], SerialBackend())
        stored = store.con.execute("SELECT severity, count(*) FROM findings GROUP BY 1").fetchall()
    assert dict(stored) == dict(report.findings)
