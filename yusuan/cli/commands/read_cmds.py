"""``yusuan summary``, ``yusuan parse``, ``yusuan tables``: look at one document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from yusuan.cli.render import print_summary, print_tables

if TYPE_CHECKING:
    from yusuan.model import Disclosure

FileArg = Annotated[
    list[Path],
    typer.Argument(help="文件 — text, PDF, Excel or image of a disclosure (several with --as-one; a folder with yusuan-as-one.txt)"),
]
AsOne = Annotated[bool, typer.Option("--as-one", help="几个文件是同一份公开（表格 + 情况说明） — read the files as ONE disclosure")]


def read_files(files: list[Path], as_one: bool) -> Disclosure:
    """The disclosure the command line names: one file or folder, or several files ``--as-one``."""
    import yusuan
    from yusuan.errors import UsageError

    if len(files) > 1 and not as_one:
        raise UsageError("一次只读一份公开；几个文件同属一份公开时请加 --as-one — one document, or several with --as-one")
    return yusuan.read(files if len(files) > 1 else files[0])


def summary(
    file: FileArg,
    as_json: Annotated[bool, typer.Option("--json", help="print SUMMARY_SCHEMA JSON")] = False,
    as_one: AsOne = False,
) -> None:
    """关键数字 — key figures of one document (SUMMARY_SCHEMA.md with --json)."""
    import yusuan
    from yusuan.key_figures import dumps

    d = read_files(file, as_one)
    data = yusuan.summary(d)
    if as_json:
        typer.echo(dumps(data))
    else:
        print_summary(data, Console())


def parse(file: FileArg, as_one: AsOne = False) -> None:
    """完整模型 — the whole canonical model of one document as JSON."""
    from yusuan.model.serialize import to_plain

    typer.echo(json.dumps(to_plain(read_files(file, as_one)), ensure_ascii=False, indent=1))


def tables(file: FileArg, as_json: Annotated[bool, typer.Option("--json")] = False, as_one: AsOne = False) -> None:
    """表格清单 — the tables found, with kind, pages, lines and size (what was and wasn't recognised)."""
    d = read_files(file, as_one)
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
