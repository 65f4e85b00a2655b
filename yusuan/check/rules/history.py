"""Across years (needs a previous-year provider, e.g. ``yusuan check --db``): what this year's
document says about last year agrees with last year's own document."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from yusuan.check.cells import Cell
from yusuan.check.compare import check_equal
from yusuan.check.context import Context
from yusuan.check.finding import WARNING, Finding, Location
from yusuan.check.registry import rule
from yusuan.check.rules.claims import split_claim
from yusuan.model import Amount

# claim base → path in last year's SUMMARY_SCHEMA key figures.
PATHS = {
    "income.total": ("revenue", "grand_total"),
    "income.current_year": ("revenue", "current_year_total"),
    "expenditure.total": ("expenditure", "grand_total"),
    "expenditure.current_year": ("expenditure", "current_year_total"),
    "expenditure.basic": ("expenditure", "basic"),
    "expenditure.personnel": ("expenditure", "personnel"),
    "expenditure.public": ("expenditure", "public"),
    "expenditure.project": ("expenditure", "project"),
    "general_public_budget.total": ("revenue", "general_public_budget"),
    "government_fund.total": ("revenue", "government_fund"),
    "state_capital.total": ("revenue", "state_capital"),
    "operating_costs": ("operating_costs",),
}


def _path(base: str) -> tuple[str, ...] | None:
    if base.startswith("three_public."):
        return ("three_public", base.split(".", 1)[1])
    if base.startswith("function_class:"):
        return ("expenditure", "by_function_class", base.split(":", 1)[1])
    if base.startswith("function:"):
        return ("expenditure", "by_function_item", base.split(":", 1)[1])
    return PATHS.get(base)


def _get(figures: dict[str, Any], path: tuple[str, ...]) -> Decimal | None:
    node: Any = figures
    for key in path:
        node = node.get(key) if isinstance(node, dict) else None
    return node if isinstance(node, Decimal) else (Decimal(node) if isinstance(node, int) else None)


def _cell(figures: dict[str, Any], path: tuple[str, ...], value: Decimal) -> Cell:
    loc = Location(
        table=f"上年文件 {figures.get('file_name') or figures.get('source') or ''}".strip(),
        kind="previous_year",
        row=".".join(path),
    )
    return Cell(Amount(value, str(value)), figures.get("money_unit"), loc)


@rule(
    "history.previous",
    "文中上年数 = 上年文件",
    WARNING,
    "情况说明引用的上年数应与同一部门上年公开文件的对应数字一致（上年数可能是调整后预算或执行数，故为警告）。",
)
def previous(ctx: Context) -> Iterator[Finding]:
    figures = ctx.previous
    if not figures:
        return
    for claim in ctx.claims():
        base, suffix = split_claim(claim)
        path = _path(base) if suffix == ".previous" else None
        value = _get(figures, path) if path else None
        if path is None or value is None:
            continue
        for figure in ctx.figures(claim):
            f = check_equal(
                ctx.narrative_cell(figure),
                _cell(figures, path, value),
                f"文中 {base} 上年数与上年文件不一致",
                "文中",
                "上年文件",
            )
            if f:
                yield f


@rule(
    "history.three_public",
    "“三公”表上年数 = 上年文件本年数",
    WARNING,
    "“三公”经费表列示的上年数应与上年公开文件的“三公”经费一致（口径可能是执行数，故为警告）。",
)
def three_public(ctx: Context) -> Iterator[Finding]:
    figures = ctx.previous
    tp = ctx.d.three_public
    if not figures or tp is None:
        return
    for key in tp.previous:
        path = ("three_public", key)
        value, cell = _get(figures, path), ctx.three_public_cell("previous", key)
        if value is not None and cell is not None:
            f = check_equal(
                cell,
                _cell(figures, path, value),
                "“三公”经费上年数与上年文件不一致",
                "本表上年数",
                "上年文件",
            )
            if f:
                yield f
