"""list / show / sql: what a store holds, by document; SQL is read-only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.store.conftest import make_disclosure
from tests.store.helpers import put
from yusuan.check import ERROR, WARNING, Finding, Location
from yusuan.cli.app import main
from yusuan.errors import UsageError
from yusuan.store import Store
from yusuan.store.query import resolve, run_sql


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "s.duckdb"
    findings = [
        Finding("sum.rows", ERROR, "合计不等于各项之和", ("420.50", "420.40"), (Location(kind="expenditure_summary", line=11),)),
        Finding("three_public.text", WARNING, "文字与表格不符", ("12.00",)),
    ]
    with Store(path) as store:
        put(store, make_disclosure(year=2024), findings)
        put(store, make_disclosure(year=2025, scale=2))
    return path


def test_list_json_counts_findings(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--db", str(db), "--json"]) == 0
    docs = json.loads(capsys.readouterr().out)
    assert [(d["year"], d["findings"], d["error"], d["warning"]) for d in docs] == [(2025, 0, 0, 0), (2024, 2, 1, 1)]


def test_show_by_prefix_and_name(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store(db, read_only=True) as store:
        doc_id = store.con.execute("SELECT doc_id FROM documents WHERE year = 2024").fetchone()[0]
        assert resolve(store, doc_id[:6]) == doc_id
        assert resolve(store, "测试市财政局2024.txt") == doc_id
        with pytest.raises(UsageError):
            resolve(store, "nothing.txt")
    assert main(["show", "--db", str(db), "--json", doc_id[:8]]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["document"]["department"] == "测试市财政局"
    assert data["findings"][0]["values"] == ["420.50", "420.40"]
    assert data["findings"][0]["locations"][0]["line"] == 11
    assert data["key_figures"]["expenditure"]["current_year_total"] == 420.50
    assert main(["show", "--db", str(db), doc_id[:8]]) == 0
    assert "合计不等于各项之和" in capsys.readouterr().out


def test_sql_json_rows(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    q = "SELECT year, sum(amount) AS total FROM expenditure_lines JOIN documents USING (doc_id) " \
        "WHERE table_kind = 'expenditure_summary' AND level = 'total' AND column_key = 'total' GROUP BY year ORDER BY year"
    assert main(["sql", "--db", str(db), "--json", q]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == [{"year": 2024, "total": 420.5}, {"year": 2025, "total": 841.0}]
    assert '"total": 420.5000' in out  # exact digits, not a float's


@pytest.mark.parametrize(
    "statement",
    ["DELETE FROM documents", "DROP TABLE findings", "INSERT INTO units VALUES ('x', 0, 'y')",
     "COPY documents TO '/tmp/yusuan-leak.csv'", "ATTACH ':memory:' AS m", "SELECT 1; DELETE FROM units",
     "UPDATE documents SET year = 1"],
)
def test_sql_refuses_writes(db: Path, statement: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sql", "--db", str(db), statement]) == UsageError.exit_code
    assert "read-only" in capsys.readouterr().err
    columns, rows = run_sql(db, "SELECT count(*) AS n FROM documents")
    assert columns == ["n"] and rows == [(2,)]


def test_sql_cannot_read_files(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sql", "--db", str(db), "SELECT * FROM read_csv('/etc/hostname')"]) == 3
    assert "SQL failed" in capsys.readouterr().err


def test_missing_store_is_a_store_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--db", str(tmp_path / "none.duckdb")]) == 3
    assert "no store" in capsys.readouterr().err


def test_store_in_use_is_a_clear_store_error(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import subprocess
    import sys

    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, duckdb; c = duckdb.connect(sys.argv[1]); print('held', flush=True); "
         "sys.stdin.read()", str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert main(["list", "--db", str(db)]) == 3
        assert "in use by another process" in capsys.readouterr().err
    finally:
        holder.communicate("", timeout=30)
