"""Schema migrations: a fresh store is at the latest version; a v1 store upgrades with its rows kept."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb

from tests.store.conftest import make_disclosure
from tests.store.legacy import old_store
from yusuan.store import Store, previous_year_figures
from yusuan.store.rows import to_rows
from yusuan.store.schema import LATEST, MIGRATIONS, current_version, migrate


def test_fresh_store_is_latest(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        assert store.version == LATEST == MIGRATIONS[-1][0]
        versions = [r[0] for r in store.con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()]
        assert versions == [n for n, _, _ in MIGRATIONS]


def test_upgrade_from_v1_keeps_rows_and_backfills_key_figures(tmp_path: Path) -> None:
    rows = to_rows(make_disclosure(year=2024), [], doc_id="a" * 64, file_name="old.txt", path="old.txt", size=1)
    db = old_store(tmp_path / "old.duckdb", 1, rows)

    with Store(db) as store:
        assert store.version == LATEST
        assert store.con.execute("SELECT count(*) FROM documents").fetchone() == (1,)
        assert store.con.execute("SELECT count(*) FROM expenditure_lines").fetchone()[0] > 0
        figures = previous_year_figures(store, {"department": "测试市财政局", "year": 2025, "kind": "预算"})
    assert figures is not None and figures["backfilled"] is True
    assert figures["expenditure"]["current_year_total"] == Decimal("420.5")
    assert figures["expenditure"]["by_function_class"] == {"201": Decimal("300.5"), "208": Decimal("120")}


def test_migrate_is_idempotent(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "s.duckdb"))
    migrate(con)
    migrate(con)
    assert current_version(con) == LATEST
    assert con.execute("SELECT count(*) FROM schema_version").fetchone() == (LATEST,)
