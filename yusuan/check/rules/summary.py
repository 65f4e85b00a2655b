"""收支总表 and 财政拨款收支总表: 本年收入合计 = Σ 来源, 总计 = 本年 + 结转, 收入总计 = 支出总计."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.cells import Cell
from yusuan.check.compare import agrees, check_equal, check_sum
from yusuan.check.context import Context
from yusuan.check.finding import ERROR, Finding
from yusuan.check.registry import rule
from yusuan.check.rules.kinds import FISCAL_FUNDS, INCOME_SOURCES, UNIT_FUND_PARTS
from yusuan.model import LineItem, StatementTable

CARRY_IN = ("carryover_from_last_year", "use_of_business_fund")
CARRY_OUT = ("carryover_to_next_year", "business_fund_reserve")


def _columns(row: LineItem) -> list[str]:
    return list(row.values)


def _cells(ctx: Context, t: StatementTable, rows: list[LineItem], column: str) -> list[Cell]:
    """The ``column`` of ``rows``; a one-value row (收入 lines) gives its only value."""
    out = []
    for r in rows:
        c = ctx.cell(t, r, column) or (ctx.value_cell(t, r) if len(r.values) == 1 else None)
        out.append(c or ctx.blank(t, r, column))
    return out


def _sum_check(
    ctx: Context, t: StatementTable, total: LineItem | None, parts: list[LineItem], what: str, parts_what: str
) -> Iterator[Finding]:
    if total is None or not parts:
        return
    for column in _columns(total):
        cell = ctx.cell(t, total, column)
        if cell is not None and not agrees(cell.amount, (c.amount for c in _cells(ctx, t, parts, column))):
            f = check_sum(cell, _cells(ctx, t, parts, column), what, parts_what)
            if f:
                yield f


def income_sources(t: StatementTable) -> list[LineItem]:
    """The income-side source rows above 本年收入合计, each key once (the lines under 上年结转 repeat
    the fund names as its breakdown; 单位资金's breakdown is left out when 单位资金 is printed)."""
    rows: list[LineItem] = []
    for r in (r for r in t.items if r.side == "income"):
        if r.key == "current_year_total":
            break
        if r.key in INCOME_SOURCES and all(r.key != o.key for o in rows):
            rows.append(r)
    keys = {r.key for r in rows}
    return [
        r
        for r in rows
        if not ("unit_funds" in keys and r.key in UNIT_FUND_PARTS)
        and not ("fiscal_total" in keys and r.key in FISCAL_FUNDS)
    ]


def expenditure_classes(t: StatementTable) -> list[LineItem]:
    """The expenditure-side 类 rows: coded with a 类 code, or unkeyed lines (a keyed line is a total,
    a carry-over or another named figure, never a 类)."""
    return [
        r
        for r in t.items
        if r.side == "expenditure" and r.level != "total" and r.key is None and (r.code is None or len(r.code) == 3)
    ]


def _keyed(t: StatementTable, side: str, keys: tuple[str, ...]) -> list[LineItem]:
    return [r for r in t.items if r.side == side and r.key in keys]


def _income_current(ctx: Context, kind: str) -> Iterator[Finding]:
    for t in ctx.tables(kind):
        total = t.by_key("current_year_total", "income")
        yield from _sum_check(ctx, t, total, income_sources(t), "本年收入合计", "各项收入之和")


def _income_grand(ctx: Context, kind: str) -> Iterator[Finding]:
    for t in ctx.tables(kind):
        current = t.by_key("current_year_total", "income")
        carry = [
            r
            for r in t.items
            if r.side == "income" and (r.key in CARRY_IN or (r.key or "").startswith("carryover."))
        ]
        parts = [current, *carry] if current else []
        yield from _sum_check(
            ctx, t, t.by_key("grand_total", "income"), parts, "收入总计", "本年收入合计与上年结转结余之和"
        )


def _expenditure_current(ctx: Context, kind: str) -> Iterator[Finding]:
    for t in ctx.tables(kind):
        total = t.by_key("current_year_total", "expenditure")
        yield from _sum_check(ctx, t, total, expenditure_classes(t), "本年支出合计", "各类支出之和")


def _expenditure_grand(ctx: Context, kind: str) -> Iterator[Finding]:
    for t in ctx.tables(kind):
        current = t.by_key("current_year_total", "expenditure")
        parts = [current, *_keyed(t, "expenditure", CARRY_OUT)] if current else []
        yield from _sum_check(
            ctx,
            t,
            t.by_key("grand_total", "expenditure"),
            parts,
            "支出总计",
            "本年支出合计与年终结转结余之和",
        )


def _balance(ctx: Context, kind: str) -> Iterator[Finding]:
    for t in ctx.tables(kind):
        income, spending = t.by_key("grand_total", "income"), t.by_key("grand_total", "expenditure")
        if income is None or spending is None:
            continue
        shared = [c for c in spending.values if c in income.values]
        for column in shared or ["total"]:
            a, b = ctx.value_cell(t, income, column), ctx.value_cell(t, spending, column)
            f = a and b and check_equal(a, b, "收入总计应等于支出总计", "收入总计", "支出总计")
            if f:
                yield f


def _register(prefix: str, kind: str, label: str) -> None:
    """The five identities of a two-sided summary table, registered for ``kind``."""
    specs = [
        (
            "income_current",
            "本年收入合计 = Σ 各项收入",
            "本年收入合计应等于所列各项收入来源之和。",
            _income_current,
        ),
        (
            "income_grand",
            "收入总计 = 本年收入合计 + 上年结转结余",
            "收入总计应等于本年收入合计加上年结转结余（及用事业基金弥补收支差额）。",
            _income_grand,
        ),
        (
            "expenditure_current",
            "本年支出合计 = Σ 各类支出",
            "本年支出合计应等于按功能分类列示的各类支出之和。",
            _expenditure_current,
        ),
        (
            "expenditure_grand",
            "支出总计 = 本年支出合计 + 年终结转结余",
            "支出总计应等于本年支出合计加年终结转结余。",
            _expenditure_grand,
        ),
        ("balance", "收入总计 = 支出总计", "收支总表两侧的总计必须平衡。", _balance),
    ]
    for name, title, why, fn in specs:
        rule(f"{prefix}.{name}", f"{label}：{title}", ERROR, why)(_bind(fn, kind))


def _bind(fn, kind: str):  # type: ignore[no-untyped-def]
    def check(ctx: Context) -> Iterator[Finding]:
        return fn(ctx, kind)

    check.__name__ = f"{fn.__name__.lstrip('_')}_{kind}"
    return check


_register("summary", "income_expenditure_summary", "收支总表")
_register("fiscal", "fiscal_summary", "财政拨款收支总表")


@rule(
    "summary.unit_funds",
    "收支总表：单位资金 = Σ 其明细",
    ERROR,
    "单位资金下列出事业收入、经营收入等明细时，明细之和应等于单位资金。",
)
def unit_funds(ctx: Context) -> Iterator[Finding]:
    for t in ctx.tables("income_expenditure_summary"):
        parts = _keyed(t, "income", UNIT_FUND_PARTS)
        yield from _sum_check(ctx, t, t.by_key("unit_funds", "income"), parts, "单位资金", "其明细之和")


@rule(
    "summary.fiscal_funds",
    "收支总表：财政拨款收入 = 一般公共预算 + 政府性基金 + 国有资本经营",
    ERROR,
    "财政拨款收入下分列三本预算资金时，三者之和应等于财政拨款收入。",
)
def fiscal_funds(ctx: Context) -> Iterator[Finding]:
    for t in ctx.tables("income_expenditure_summary"):
        parts = _keyed(t, "income", FISCAL_FUNDS)
        yield from _sum_check(
            ctx, t, t.by_key("fiscal_total", "income"), parts, "财政拨款收入", "三本预算资金之和"
        )
