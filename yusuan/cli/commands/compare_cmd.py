"""``yusuan compare A B``: what changed between two stored documents."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from yusuan.cli.commands.store_cmds import DbOpt, JsonOpt, _dumps
from yusuan.store import DEFAULT_DB


def _n(v: Decimal | None, signed: bool = False) -> str:
    if v is None:
        return "—"
    return f"{v:+,}" if signed else f"{v:,}"


def _pct(v: Decimal | None) -> str:
    return "—" if v is None else f"{v:+}%"


def _table(title: str, rows: list[dict[str, Any]], label: str) -> Table:
    t = Table(title=title)
    for col in ("", "A", "B", "变化", "%"):
        t.add_column(col, justify="left" if not col else "right")
    for r in rows:
        t.add_row(r[label], _n(r["a"]), _n(r["b"]), _n(r["change"], True), _pct(r["change_pct"]))
    return t


def compare(
    a: Annotated[str, typer.Argument(help="document A (hash prefix, file name or path)")],
    b: Annotated[str, typer.Argument(help="document B")],
    db: DbOpt = Path(DEFAULT_DB),
    as_json: JsonOpt = False,
) -> None:
    """比较 — two stored documents: 功能分类 类/款, 基本/项目, 人员/公用, 三公, projects added/removed."""
    from yusuan.store import Store
    from yusuan.store.compare import compare as run
    from yusuan.store.query import resolve

    with Store(db, read_only=True) as store:
        data = run(store, resolve(store, a), resolve(store, b))
    if as_json:
        typer.echo(_dumps(data))
        return
    console = Console()
    da, dbb = data["a"], data["b"]
    console.print(f"A {da['file_name']} {da['department'] or ''} {da['year'] or ''} {da['kind']}\n"
                  f"B {dbb['file_name']} {dbb['department'] or ''} {dbb['year'] or ''} {dbb['kind']}\n"
                  f"金额单位 {data['money_unit']}")
    for r in data["by_function"]:
        r["label"] = f"{'  ' if r['level'] == '款' else ''}{r['code']} {r['name']}"
    console.print(_table("支出功能分类 类/款", data["by_function"], "label"))
    console.print(_table("基本支出 / 项目支出", data["basic_project"], "label"))
    console.print(_table("人员经费 / 公用经费", data["personnel_public"], "label"))
    console.print(_table("“三公”经费", data["three_public"], "label"))
    p = data["projects"]
    console.print(f"项目: 新增 {len(p['added'])}  取消 {len(p['removed'])}  保留 {len(p['kept'])}")
    for item in p["added"]:
        console.print(f"  [green]+[/] {item['name']} {_n(item['amount'])}")
    for item in p["removed"]:
        console.print(f"  [red]-[/] {item['name']} {_n(item['amount'])}")


def register(app: typer.Typer) -> None:
    app.command()(compare)
