"""``yusuan summary``, ``yusuan parse``, ``yusuan tables``: look at one document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from yusuan.cli.render import print_summary, print_tables

FileArg = Annotated[Path, typer.Argument(help="文件 — text, PDF, Excel or image of a disclosure")]


def summary(file: FileArg, as_json: Annotated[bool, typer.Option("--json", help="print SUMMARY_SCHEMA JSON")] = False) -> None:
    """关键数字 — key figures of one document (SUMMARY_SCHEMA.md with --json)."""
    import yusuan
    from yusuan.key_figures import dumps

    d = yusuan.read(file)
    data = yusuan.summary(d)
    if as_json:
        typer.echo(dumps(data))
    else:
        print_summary(data, Console())


def parse(file: FileArg) -> None:
    """完整模型 — the whole canonical model of one document as JSON."""
    import yusuan
    from yusuan.model.serialize import to_plain

    typer.echo(json.dumps(to_plain(yusuan.read(file)), ensure_ascii=False, indent=1))


def tables(file: FileArg, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """表格清单 — the tables found, with kind, pages, lines and size (what was and wasn't recognised)."""
    import yusuan

    d = yusuan.read(file)
    rows = [
        {
            "number": t.number,
            "title": t.title,
            "kind": t.kind,
            "pages": t.pages,
            "lines": list(t.lines) if t.lines else None,
            "rows": len(t.items) or len(t.cells),
            "columns": t.columns,
            "money_unit": t.money_unit,
            "empty": t.empty and not t.cells,
        }
        for t in d.tables
    ]
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        print_tables(d.source, rows, Console())


def register(app: typer.Typer) -> None:
    app.command()(summary)
    app.command()(parse)
    app.command()(tables)
