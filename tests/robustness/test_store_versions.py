"""A store of an older schema is migrated on open; one written by a newer yusuan is refused, untouched."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.store.legacy import old_store
from yusuan.cli.app import main
from yusuan.errors import StoreError
from yusuan.store import Store
from yusuan.store.schema import LATEST


def _newer_store(path: Path) -> Path:
    with Store(path):
        pass
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_version (version, description) VALUES (?, 'from the future')", [LATEST + 1])
    con.close()
    return path


@pytest.mark.parametrize("read_only", [False, True])
def test_a_newer_store_is_refused_with_a_clear_message(tmp_path: Path, read_only: bool) -> None:
    db = _newer_store(tmp_path / "new.duckdb")
    before = db.read_bytes()
    with pytest.raises(StoreError, match=rf"存储库结构为 v{LATEST + 1}，比本版 yusuan 支持的 v{LATEST} 新") as err:
        Store(db, read_only=read_only)
    assert err.value.exit_code == 3 and "new.duckdb" in str(err.value)
    assert db.read_bytes() == before  # nothing migrated, nothing written


def test_the_cli_refuses_a_newer_store_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _newer_store(tmp_path / "new.duckdb")
    assert main(["list", "--db", str(db)]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "请升级 yusuan" in err[0]


@pytest.mark.parametrize("version", range(1, LATEST))
def test_every_older_schema_is_migrated_on_open(tmp_path: Path, version: int) -> None:
    db = old_store(tmp_path / f"v{version}.duckdb", version)
    with Store(db, read_only=True) as store:  # a read-only open upgrades once, then reads
        assert store.version == LATEST
    with Store(db) as store:
        assert store.version == LATEST
