"""The store: one DuckDB file, opened by one writer (ingest) or any number of read-only readers.

Why one writer: DuckDB allows a single read-write process per file, so ingestion reads documents
in parallel elsewhere and funnels their rows through :meth:`Store.write`, one transaction per
document, so a crash leaves each document either wholly stored or absent.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import NoReturn

import duckdb
import pyarrow as pa

from yusuan.errors import StoreError
from yusuan.store import DEFAULT_DB  # re-exported: the default lives in the light package module
from yusuan.store.rows import DocumentRows
from yusuan.store.schema import DATA_TABLES, LATEST, current_version, migrate

LOCK_POLL_SECONDS = 0.2
"""How often a process waiting for the store (``wait``) tries the lock again."""


def _connect(path: Path, read_only: bool, wait: float = 0.0,
             on_wait: Callable[[], None] | None = None) -> duckdb.DuckDBPyConnection:
    """Open the DuckDB file; while another process holds its lock, retry for up to ``wait`` seconds.

    Why wait: two ``yusuan ingest`` runs on one store then follow each other (DuckDB's file lock
    makes the second wait its turn) instead of the second failing; neither can corrupt the file.
    """
    deadline = time.monotonic() + wait
    waited = False
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as err:
            if not _is_lock_error(err) or time.monotonic() >= deadline:
                _raise_open_error(path, err)
            if not waited and on_wait is not None:
                on_wait()
            waited = True
            time.sleep(LOCK_POLL_SECONDS)


def _is_lock_error(err: duckdb.Error) -> bool:
    return "lock" in str(err).lower()


def _raise_open_error(path: Path, err: duckdb.Error) -> NoReturn:
    if _is_lock_error(err):
        raise StoreError(
            "存储库正被另一个进程使用（同一时间只能有一个 yusuan ingest 写入，写入期间也不能读取），请稍后再试或换用 --db — "
            f"the store is in use by another process; wait for it or use another --db ({err})",
            source=str(path),
        ) from err
    raise StoreError(f"无法打开存储库（{err}） — cannot open the store", source=str(path)) from err


def _refuse_newer(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """The store's schema version; a store written by a newer yusuan is refused, never guessed at."""
    version = current_version(con)
    if version > LATEST:
        con.close()
        raise StoreError(
            f"存储库结构为 v{version}，比本版 yusuan 支持的 v{LATEST} 新（由更新的 yusuan 写入），请升级 yusuan 后再打开 — "
            f"the store's schema v{version} is newer than this yusuan supports (v{LATEST}); upgrade yusuan",
            source=str(path),
        )
    return version


class Store:
    """A yusuan DuckDB store (schema of :mod:`yusuan.store.schema`, migrated on a writable open)."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False, wait: float = 0.0,
                 on_wait: Callable[[], None] | None = None) -> None:
        """Open (a writable open creates and migrates); ``wait``: seconds to wait for another writer."""
        self.path = Path(path)
        self.read_only = read_only
        if read_only:
            if not self.path.exists():
                raise StoreError("存储库不存在（请先运行 yusuan ingest，或用 --db 指定） — no store here (run `yusuan ingest` first, or pass --db)", source=str(self.path))
            con = _connect(self.path, True, wait, on_wait)
            version = _refuse_newer(con, self.path)
            if version == 0:
                con.close()
                raise StoreError("不是 yusuan 存储库（没有 schema_version 表） — not a yusuan store (no schema_version table)", source=str(self.path))
            if version < LATEST:  # upgrade once, then read
                con.close()
                Store(self.path).close()
                con = _connect(self.path, True)
            self.con = con
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.con = _connect(self.path, False, wait, on_wait)
            _refuse_newer(self.con, self.path)
            try:
                migrate(self.con)
            except duckdb.Error as err:
                self.con.close()
                raise StoreError(f"无法升级存储库结构（{err}） — cannot migrate the store", source=str(self.path)) from err

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def cursor(self) -> Store:
        """This store on a new cursor of the same database, for one thread (a server's request).

        Why: a DuckDB connection must not be used by two threads at once; its cursors share the
        database (and its one write lock) but each runs its own queries and transactions.
        """
        view = object.__new__(Store)
        view.path, view.read_only, view.con = self.path, self.read_only, self.con.cursor()
        return view

    @property
    def version(self) -> int:
        return current_version(self.con)

    def known_ids(self) -> set[str]:
        """Every stored document's content hash."""
        return {row[0] for row in self.con.execute("SELECT doc_id FROM documents").fetchall()}

    def has(self, doc_id: str) -> bool:
        row = self.con.execute("SELECT 1 FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
        return row is not None

    def write(self, rows: DocumentRows) -> bool:
        """Store one document in one transaction; False (and no change) when its hash is already stored."""
        return self.write_many([rows])[0]

    def write_many(self, documents: list[DocumentRows]) -> list[bool]:
        """Store whole documents in one transaction (group commit); per document, False if already stored.

        Why group: a DuckDB commit and each bulk insert have a fixed cost of milliseconds, so
        writing the documents that finished together as one transaction keeps the single writer
        ahead of the readers. Each document is still all or nothing: it is never split across
        transactions, and a crash loses at most the uncommitted group, which a rerun reads again.
        """
        if self.read_only:
            raise StoreError("存储库以只读方式打开 — the store is open read-only", source=str(self.path))
        if not documents:
            return []
        try:
            self.con.execute("BEGIN TRANSACTION")
            ids = [d.doc_id for d in documents]
            stored = {r[0] for r in self.con.execute(
                "SELECT doc_id FROM documents WHERE list_contains(?, doc_id)", [ids]).fetchall()}
            fresh: list[bool] = []
            for d in documents:
                fresh.append(d.doc_id not in stored)
                stored.add(d.doc_id)  # the same content twice in one group is written once
            for table in DATA_TABLES:  # documents first: its primary key guards the rest
                parts = [d.table(table) for d, new in zip(documents, fresh, strict=True) if new]
                present = [p for p in parts if p is not None]
                if present:
                    self.con.from_arrow(pa.concat_tables(present)).insert_into(table)
            self.con.execute("COMMIT")
        except (duckdb.Error, pa.ArrowException) as err:
            with contextlib.suppress(duckdb.Error):
                self.con.execute("ROLLBACK")
            names = ", ".join(i[:12] for i in ids)
            full = "磁盘已满，" if "no space left" in str(err).lower() else ""
            raise StoreError(f"{full}无法写入文件 {names}（{err}）；这一批未写入，此前入库的文件完好 — "
                             f"cannot store documents {names}", source=str(self.path)) from err
        return fresh

    def replace(self, rows: DocumentRows, then: Callable[[duckdb.DuckDBPyConnection], None] | None = None) -> None:
        """Swap a stored document's rows for freshly read ones (a re-check), and run ``then`` (e.g. carrying
        review decisions over to the new findings) in the same transaction: all of it or nothing."""
        if self.read_only:
            raise StoreError("存储库以只读方式打开 — the store is open read-only", source=str(self.path))
        try:
            self.con.execute("BEGIN TRANSACTION")
            for table in DATA_TABLES:
                self.con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [rows.doc_id])
            for table in DATA_TABLES:
                part = rows.table(table)
                if part is not None:
                    self.con.from_arrow(part).insert_into(table)
            if then is not None:
                then(self.con)
            self.con.execute("COMMIT")
        except (duckdb.Error, pa.ArrowException) as err:
            with contextlib.suppress(duckdb.Error):
                self.con.execute("ROLLBACK")
            raise StoreError(f"无法替换文件 {rows.doc_id[:12]}（{err}），存储库未改动 — cannot replace the document",
                             source=str(self.path)) from err

    def delete(self, doc_id: str) -> None:
        """Remove one document and everything it contributed, in one transaction."""
        self.con.execute("BEGIN TRANSACTION")
        for table in DATA_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
        self.con.execute("COMMIT")
