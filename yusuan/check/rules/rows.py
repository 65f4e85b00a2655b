"""Within one row: 合计 = 基本 + 项目, 基本 = 人员 + 公用, 合计 = Σ 资金来源."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.cells import column_label
from yusuan.check.compare import agrees, check_sum
from yusuan.check.context import Context
from yusuan.check.finding import ERROR, Finding
from yusuan.check.registry import rule
from yusuan.check.rules.kinds import (
    ECONOMIC,
    FISCAL_FUNDS,
    FUNDED,
    SPENDING,
    SPENDING_PARTS,
    columns,
    current_sources,
    source_columns,
    tables_with,
)
from yusuan.model import StatementTable


def _row_sums(
    ctx: Context, table: StatementTable, total: str, parts: list[str], what: str
) -> Iterator[Finding]:
    """``total`` = Σ ``parts`` on every row of ``table`` that prints the total column."""
    parts_what = "+".join(column_label(table, p) for p in parts) + " 之和"
    for item in table.items:
        amount = item.values.get(total)
        if amount is None or item.side == "income" or not any(p in item.values for p in parts):
            continue  # a row that prints none of the parts (a one-amount line) states no split
        if agrees(amount, (item.values.get(p) for p in parts)):
            continue
        cell = ctx.cell(table, item, total)
        row = [ctx.cell(table, item, p) or ctx.blank(table, item, p) for p in parts]
        f = check_sum(cell, row, f"{item.code or item.name} {what}", parts_what)
        if f:
            yield f


@rule(
    "row.total_basic_project",
    "合计 = 基本支出 + 项目支出",
    ERROR,
    "支出表每一行的合计应等于基本支出与项目支出（及经营、上缴、对附属单位补助支出）之和。",
)
def total_basic_project(ctx: Context) -> Iterator[Finding]:
    for t in tables_with(ctx, SPENDING, "total", "basic", "project"):
        yield from _row_sums(ctx, t, "total", [c for c in SPENDING_PARTS if c in columns(t)], "合计")


@rule(
    "row.basic_personnel_public",
    "基本支出 = 人员经费 + 公用经费",
    ERROR,
    "基本支出按经济性质分为人员经费和公用经费，两者之和应等于基本支出。",
)
def basic_personnel_public(ctx: Context) -> Iterator[Finding]:
    for t in tables_with(ctx, (*SPENDING, *ECONOMIC), "basic", "personnel", "public"):
        yield from _row_sums(ctx, t, "basic", ["personnel", "public"], "基本支出")


@rule(
    "row.total_personnel_public",
    "基本支出表：合计 = 人员经费 + 公用经费",
    ERROR,
    "基本支出（经济分类）表每一行的合计应等于人员经费与公用经费之和。",
)
def total_personnel_public(ctx: Context) -> Iterator[Finding]:
    for t in tables_with(ctx, ECONOMIC, "total", "personnel", "public"):
        if "basic" not in columns(t):
            yield from _row_sums(ctx, t, "total", ["personnel", "public"], "合计")


@rule(
    "row.income_sources",
    "收入总表：合计 = Σ 各项收入来源",
    ERROR,
    "收入总表每一行的合计应等于各收入来源（财政拨款、财政专户、单位资金……及上年结转）之和。",
)
def income_sources(ctx: Context) -> Iterator[Finding]:
    for t in tables_with(ctx, ("income_summary",), "total"):
        parts = source_columns(t)
        if "current_year_total" in columns(t):
            yield from _row_sums(ctx, t, "current_year_total", current_sources(t), "本年收入小计")
            parts = ["current_year_total", *(p for p in parts if p not in current_sources(t))]
        if parts:
            yield from _row_sums(ctx, t, "total", parts, "合计")


@rule(
    "row.fund_sources",
    "分类表/项目表：合计 = Σ 资金来源",
    ERROR,
    "功能分类、经济分类和项目支出表按资金来源分列时，各列之和应等于合计。",
)
def fund_sources(ctx: Context) -> Iterator[Finding]:
    for t in tables_with(ctx, FUNDED, "total"):
        parts = source_columns(t)
        if parts:
            yield from _row_sums(ctx, t, "total", parts, "合计")


@rule(
    "row.fiscal_funds",
    "财政拨款收支总表：合计 = 一般公共预算 + 政府性基金 + 国有资本经营",
    ERROR,
    "财政拨款支出按预算分列时，三本预算之和应等于合计。",
)
def fiscal_funds(ctx: Context) -> Iterator[Finding]:
    for t in tables_with(ctx, ("fiscal_summary",), "total", "general_public_budget"):
        parts = [c for c in FISCAL_FUNDS if c in columns(t)]
        yield from _row_sums(ctx, t, "total", parts, "合计")
