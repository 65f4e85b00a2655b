"""The text against the tables: every figure the 情况说明 quotes equals the table's printing."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from yusuan.check.cells import Cell
from yusuan.check.compare import check_equal
from yusuan.check.context import Context
from yusuan.check.finding import ERROR, ROUNDING, WARNING, Finding
from yusuan.check.registry import rule
from yusuan.check.rules.claims import FUND_CLAIMS, MONEY_UNITS, TOTAL_CLAIMS, split_claim, table_figures
from yusuan.model import FINAL_ACCOUNTS

THREE_PUBLIC_PERIOD = {"": "current", ".actual": "current", ".previous": "previous", ".budget": "budget"}


def _money(cell: Cell) -> bool:
    return cell.unit is None or cell.unit in MONEY_UNITS


def against(quoted: Cell, candidates: list[Cell], what: str) -> Finding | None:
    """A quoted figure against every printing of it: fine if one agrees, rounding if one nearly does."""
    results = []
    for c in candidates:
        f = check_equal(quoted, c, what, "文中", c.loc.table or "表中")
        if f is None:
            return None
        results.append(f)
    rounding = [f for f in results if f.severity == ROUNDING]
    return (rounding or results or [None])[0]


def _quoted(ctx: Context, claims: Iterable[str], suffixes: tuple[str, ...]) -> Iterator[tuple[str, Cell]]:
    """(base claim, quoted cell) for every money figure quoting one of ``claims`` with a suffix allowed."""
    for claim in ctx.claims():
        base, suffix = split_claim(claim)
        if suffix in suffixes and base in claims:
            for figure in ctx.figures(claim):
                cell = ctx.narrative_cell(figure)
                if _money(cell):
                    yield base, cell


def _current(ctx: Context) -> tuple[str, ...]:
    """Suffixes that name this document's own figures (决算数 in a 决算)."""
    return ("", ".actual") if ctx.d.kind == FINAL_ACCOUNTS else ("",)


def _tables_check(ctx: Context, claims: Iterable[str]) -> Iterator[Finding]:
    for base, cell in _quoted(ctx, claims, _current(ctx)):
        f = against(cell, table_figures(ctx, base), f"文中 {base} 与表中数字不一致")
        if f:
            yield f


@rule(
    "narrative.totals",
    "文中收支总数 = 表中数",
    ERROR,
    "情况说明引用的收入、支出总数及基本/项目/人员/公用支出应与表中一致。",
)
def totals(ctx: Context) -> Iterator[Finding]:
    yield from _tables_check(ctx, TOTAL_CLAIMS)


@rule(
    "narrative.funds",
    "文中各本预算数 = 表中数",
    ERROR,
    "情况说明引用的一般公共预算、政府性基金、国有资本经营预算数应与表中一致。",
)
def funds(ctx: Context) -> Iterator[Finding]:
    yield from _tables_check(ctx, FUND_CLAIMS)


@rule(
    "narrative.function",
    "文中功能科目金额 = 表中数",
    ERROR,
    "情况说明逐项说明的功能分类科目金额应与支出表同一科目一致。",
)
def function(ctx: Context) -> Iterator[Finding]:
    codes = {split_claim(c)[0] for c in ctx.claims() if c.startswith(("function:", "function_class:"))}
    yield from _tables_check(ctx, codes)


@rule(
    "narrative.three_public",
    "文中“三公”经费 = “三公”经费表",
    ERROR,
    "情况说明中的“三公”经费各项（本年、上年、预算数）应与“三公”经费表一致。",
)
def three_public(ctx: Context) -> Iterator[Finding]:
    for claim in ctx.claims():
        base, suffix = split_claim(claim)
        if not base.startswith("three_public.") or suffix not in THREE_PUBLIC_PERIOD:
            continue
        table = ctx.three_public_cell(THREE_PUBLIC_PERIOD[suffix], base.split(".", 1)[1])
        for figure in ctx.figures(claim):
            f = table and check_equal(
                ctx.narrative_cell(figure), table, f"文中 {claim} 与“三公”经费表不一致", "文中", "表中"
            )
            if f:
                yield f


@rule(
    "narrative.procurement_table",
    "文中政府采购总额 = 政府采购表合计",
    ERROR,
    "情况说明中的政府采购预算总额应与政府采购预算表的合计一致。",
)
def procurement_table(ctx: Context) -> Iterator[Finding]:
    table = ctx.total_cell("procurement")
    quoted = ctx.figure("procurement.total")
    if table is not None and quoted is not None and not table.amount.blank:
        f = check_equal(quoted, table, "文中政府采购预算总额与政府采购表不一致", "文中", "表中")
        if f:
            yield f


@rule(
    "narrative.operating_costs",
    "机关运行经费与公用经费相符",
    WARNING,
    "机关运行经费通常等于（行政单位的）公用经费；口径可能不同（如是否含设备购置），故不一致时为警告。",
)
def operating_costs(ctx: Context) -> Iterator[Finding]:
    quoted = ctx.figure("operating_costs")
    public = ctx.total_cell("general_budget_basic", "public") or ctx.total_cell(
        "expenditure_summary", "public"
    )
    if quoted is not None and public is not None:
        f = check_equal(quoted, public, "机关运行经费与公用经费不一致", "机关运行经费", "公用经费")
        if f:
            yield f
