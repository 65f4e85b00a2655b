"""Old stores for migration tests: a database migrated to an old version, holding today's rows cut to its columns."""

from __future__ import annotations

from pathlib import Path

import duckdb

from yusuan.store.rows import DocumentRows
from yusuan.store.schema import migrate


def insert_old(con: duckdb.DuckDBPyConnection, rows: DocumentRows) -> None:
    """Insert ``rows`` into an old-version store: each row keeps the leading columns its table has.

    Later migrations only append columns, so an old table's columns are a prefix of today's row.
    """
    for table, values in rows.tables.items():
        exists = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [table]).fetchone()
        if not exists or not exists[0]:
            continue  # a table the old version does not have yet (key_figures before v2)
        width = len(con.execute(f"SELECT * FROM {table} LIMIT 0").description or [])
        marks = ", ".join("?" * width)
        con.executemany(f"INSERT INTO {table} VALUES ({marks})", [v[:width] for v in values])


def old_store(path: Path, version: int, *documents: DocumentRows) -> Path:
    """A store file at schema ``version`` holding ``documents``."""
    con = duckdb.connect(str(path))
    try:
        assert migrate(con, target=version) == version
        for rows in documents:
            insert_old(con, rows)
    finally:
        con.close()
    return path
