"""``yusuan template``: write a budget-entry workbook (预算录入表) to fill in, optionally pre-filled."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from yusuan.errors import UsageError


def template(
    kind: Annotated[str, typer.Option("--kind", help="预算 或 决算")] = "预算",
    year: Annotated[int | None, typer.Option("--year", help="年度，如 2025")] = None,
    source: Annotated[Path | None, typer.Option("--from", help="上年的文件或模型，或本年的表 — pre-fill from a document or model")] = None,
    out: Annotated[Path | None, typer.Option("--output", "-o", help="输出的 .xlsx 文件")] = None,
) -> None:
    """录入表 — write a budget-entry workbook: one sheet per input, code dropdowns, instructions."""
    from yusuan.workbook.prefill import prefill
    from yusuan.workbook.writer import write_template

    if kind not in ("预算", "决算"):
        raise UsageError(f"--kind 应为 预算 或 决算，而不是 {kind!r}")
    if out is None:
        raise UsageError("需要 -o 输出文件 — usage: yusuan template --kind 预算 --year 2025 -o budget.xlsx")
    entries = None
    if source is not None:
        from yusuan.cli.commands.publish_cmd import load_source

        d = load_source(source)
        year = year or ((d.year + 1) if d.year else None)
        entries = prefill(d, kind, year) if year else None
    if year is None:
        raise UsageError("需要 --year 年度（或用 --from 从上年文件推出） — the year is missing")
    data = write_template(kind, year, entries)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    filled = f"，已从 {escape(str(source))} 预填" if source is not None else ""
    Console(highlight=False, soft_wrap=True).print(f"已写出 {escape(str(out))}：{year}年部门{kind}录入表{filled}")


def register(app: typer.Typer) -> None:
    app.command(name="template")(template)
