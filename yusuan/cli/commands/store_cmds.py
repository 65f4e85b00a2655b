"""``yusuan list``, ``yusuan show``, ``yusuan sql``: look into a store (read-only)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from yusuan.store import DEFAULT_DB

DbOpt = Annotated[
    Path, typer.Option("--db", help="DuckDB store file (默认 ./yusuan.duckdb)", envvar="YUSUAN_DB")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="print JSON")]


def _dumps(data: Any) -> str:
    from yusuan.key_figures import dumps
    from yusuan.store.query import plain

    return dumps(plain(data))


def list_(db: DbOpt = Path(DEFAULT_DB), as_json: JsonOpt = False) -> None:
    """文件清单 — stored documents with their finding counts."""
    from yusuan.store import Store
    from yusuan.store.query import SEVERITIES, list_documents

    with Store(db, read_only=True) as store:
        docs = list_documents(store)
    if as_json:
        typer.echo(_dumps(docs))
        return
    table = Table(title=f"{db} — {len(docs)} 份文件")
    for col in ("id", "文件", "部门", "年度", "类型", "单位", *SEVERITIES):
        table.add_column(col, justify="right" if col in SEVERITIES else "left")
    for d in docs:
        table.add_row(d["doc_id"][:12], d["file_name"], d["department"] or "", str(d["year"] or ""), d["kind"] or "",
                      d["money_unit"] or "", *(str(d[s]) for s in SEVERITIES))
    Console().print(table)


def show(
    doc: Annotated[str, typer.Argument(help="hash prefix (≥4), file name or path of a stored document")],
    db: DbOpt = Path(DEFAULT_DB),
    as_json: JsonOpt = False,
) -> None:
    """文件详情 — one stored document: identity, tables, row counts, findings."""
    from yusuan.store import Store
    from yusuan.store.query import resolve, show_document

    with Store(db, read_only=True) as store:
        data = show_document(store, resolve(store, doc))
    if as_json:
        typer.echo(_dumps(data))
        return
    console = Console()
    d = data["document"]
    console.print(f"[bold]{d['file_name']}[/]  {d['doc_id']}")
    console.print(f"部门 {d['department'] or '?'}  地区 {d['region'] or '?'}  年度 {d['year'] or '?'}  "
                  f"{d['kind']}  单位 {d['money_unit']}  格式 {d['format']}  入库 {d['ingested_at']:%Y-%m-%d %H:%M}")
    tables = Table(title="表格")
    for col in ("#", "表号", "kind", "表名", "页", "行数"):
        tables.add_column(col)
    for t in data["tables"]:
        tables.add_row(str(t["table_no"]), t["number"] or "", t["kind"], t["title"] or "", str(t["first_page"] or ""),
                       str(t["n_rows"]))
    console.print(tables)
    console.print("  ".join(f"{k} {v}" for k, v in data["rows"].items()))
    for f in data["findings"]:
        console.print(f"[{'red' if f['severity'] == 'error' else 'yellow'}]{f['severity']}[/] {f['rule']}: {f['message']}")
    for w in d["warnings"]:
        console.print(f"[dim]提示 {w}[/]")


def sql(
    query: Annotated[str, typer.Argument(help="SELECT … (read-only; writes are refused)")],
    db: DbOpt = Path(DEFAULT_DB),
    as_json: Annotated[bool, typer.Option("--json", help="print the rows as a JSON list of objects")] = False,
) -> None:
    """查询 — run read-only SQL on the store (tables: see yusuan/store/SCHEMA.md)."""
    from yusuan.store.query import plain, run_sql

    columns, rows = run_sql(db, query)
    if as_json:
        typer.echo(_dumps([dict(zip(columns, row, strict=True)) for row in rows]))
        return
    table = Table()
    for col in columns:
        table.add_column(col)
    for row in rows:
        table.add_row(*("" if v is None else json.dumps(plain(v), ensure_ascii=False, default=str)
                        if isinstance(v, (list, dict)) else str(v) for v in row))
    Console().print(table)


def register(app: typer.Typer) -> None:
    app.command(name="list")(list_)
    app.command()(show)
    app.command()(sql)
