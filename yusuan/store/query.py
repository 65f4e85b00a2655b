"""Looking at a store: list documents, resolve a document reference, show one, run read-only SQL.

Why a guard on SQL beyond DuckDB's read-only mode: a read-only connection still lets ``COPY …
TO`` write files and ``ATTACH`` open other databases; ``yusuan sql`` allows only SELECT/EXPLAIN
statements and turns off external access, so it can only read the store.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from yusuan.errors import StoreError, UsageError
from yusuan.store.db import Store
from yusuan.store.history import load_key_figures

SEVERITIES = ("error", "warning", "rounding", "info")
_READ_TYPES = frozenset({"SELECT", "EXPLAIN"})


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [c[0] for c in cursor.description or []]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def list_documents(store: Store) -> list[dict[str, Any]]:
    """Every stored document with its finding counts by severity, newest year first."""
    counts = ", ".join(f"count(*) FILTER (WHERE f.severity = '{s}') AS {s}" for s in SEVERITIES)
    cur = store.con.execute(
        f"""SELECT d.doc_id, d.file_name, d.department, d.region, d.year, d.kind, d.money_unit, d.format,
                   d.ingested_at, count(f.rule) AS findings, {counts}
            FROM documents d LEFT JOIN findings f USING (doc_id)
            GROUP BY ALL ORDER BY d.year DESC NULLS LAST, d.department, d.file_name"""
    )
    return _dicts(cur)


def resolve(store: Store, ref: str) -> str:
    """The doc_id ``ref`` names: a hash prefix (≥ 4 hex digits), a file name, or a stored path."""
    rows = store.con.execute(
        "SELECT doc_id, file_name FROM documents WHERE (length(?) >= 4 AND starts_with(doc_id, lower(?))) "
        "OR file_name = ? OR path = ? OR path = ?",
        [ref, ref, ref, ref, str(Path(ref).resolve())],
    ).fetchall()
    ids = sorted({r[0] for r in rows})
    if not ids:
        raise UsageError(f"no stored document matches {ref!r} (see `yusuan list`)")
    if len(ids) > 1:
        names = ", ".join(f"{r[0][:12]} {r[1]}" for r in rows[:5])
        raise UsageError(f"{ref!r} matches {len(ids)} documents ({names}); give a longer hash prefix")
    return ids[0]


def show_document(store: Store, doc_id: str) -> dict[str, Any]:
    """One document: its row, tables, row counts per store table, findings and key figures."""
    doc = _dicts(store.con.execute("SELECT * FROM documents WHERE doc_id = ?", [doc_id]))[0]
    doc["warnings"] = json.loads(doc["warnings"] or "[]")
    tables = _dicts(
        store.con.execute(
            "SELECT table_no, number, kind, title, money_unit, first_page, first_line, n_rows "
            "FROM statement_tables WHERE doc_id = ? ORDER BY table_no",
            [doc_id],
        )
    )
    counts = {}
    for table in ("income_lines", "expenditure_lines", "economic_lines", "other_lines", "three_public",
                  "projects", "performance_indicators", "narrative_figures", "findings"):
        row = store.con.execute(f"SELECT count(*) FROM {table} WHERE doc_id = ?", [doc_id]).fetchone()
        counts[table] = row[0] if row else 0
    findings = _dicts(
        store.con.execute(
            'SELECT rule, severity, message, "values", locations FROM findings WHERE doc_id = ? ORDER BY finding_no',
            [doc_id],
        )
    )
    for f in findings:
        f["values"] = json.loads(f["values"] or "[]")
        f["locations"] = json.loads(f["locations"] or "[]")
    return {"document": doc, "tables": tables, "rows": counts, "findings": findings,
            "key_figures": load_key_figures(store, doc_id)}


def run_sql(path: str | Path, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run read-only SQL on the store at ``path``; refuses anything but SELECT/EXPLAIN (UsageError)."""
    store = Store(path, read_only=True)  # migrates an old store first, then opens read-only
    store.close()
    con = duckdb.connect(str(path), read_only=True, config={"enable_external_access": False})
    try:
        try:
            statements = con.extract_statements(sql)
        except duckdb.Error as err:
            raise UsageError(f"SQL does not parse: {err}") from err
        if not statements:
            raise UsageError("no SQL statement given")
        for st in statements:
            kind = st.type.name
            if kind not in _READ_TYPES:
                raise UsageError(f"yusuan sql is read-only: {kind} statements are refused (SELECT or EXPLAIN only)")
        try:
            cur = None
            for st in statements:
                cur = con.execute(st.query)
            assert cur is not None
            columns = [c[0] for c in cur.description or []]
            return columns, cur.fetchall()
        except duckdb.Error as err:
            raise StoreError(f"SQL failed: {err}", source=str(path)) from err
    finally:
        con.close()


def plain(value: Any) -> Any:
    """A SQL value as JSON-ready (Decimal kept for :func:`yusuan.key_figures.dumps`)."""
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (str, int, float, bool, Decimal)) or value is None:
        return value
    return str(value)
