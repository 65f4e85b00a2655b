"""``yusuan export``: the store (or a filtered part) as Parquet, CSV, XLSX or a Fiscal Data Package."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from yusuan.cli.commands.store_cmds import DbOpt
from yusuan.store import DEFAULT_DB


def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="parquet | csv | xlsx | fdp")],
    out: Annotated[Path, typer.Option("--output", "-o", help="output directory")],
    db: DbOpt = Path(DEFAULT_DB),
    where: Annotated[str | None, typer.Option("--where", help="SQL condition on documents, e.g. \"year = 2025\"")] = None,
) -> None:
    """导出 — write the stored documents (all, or those --where selects) in one format."""
    from yusuan.store import Store
    from yusuan.store.export import export as run

    with Store(db, read_only=True) as store:
        files = run(store, out, fmt, where)
    for f in files:
        typer.echo(str(f))


def register(app: typer.Typer) -> None:
    app.command()(export)
