"""“三公”经费: total = 出国 + 车辆 + 接待, 车辆 = 购置 + 运行, and each part has its 经济分类 spending."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from yusuan.check.cells import Cell, plain
from yusuan.check.compare import check_sum, step
from yusuan.check.context import THREE_PUBLIC_LABELS, Context
from yusuan.check.finding import ERROR, Finding, Location
from yusuan.check.registry import rule
from yusuan.model import LineItem, StatementTable

PERIODS = ("current", "previous", "budget")
# The 款 each 三公 part is booked under, in 部门预算 and 政府预算 经济分类.
ECONOMIC_CODES = {
    "outbound": ("30212", "50207"),
    "reception": ("30217", "50206"),
    "vehicle_operation": ("30231", "50208"),
    "vehicle_purchase": ("31013",),
}
FULL_ECONOMIC = ("economic_classification_department", "economic_classification_government")


def _parts_check(ctx: Context, total: str, parts: tuple[str, ...], what: str) -> Iterator[Finding]:
    for period in PERIODS:
        cell = ctx.three_public_cell(period, total)
        cells = [c for c in (ctx.three_public_cell(period, p) for p in parts) if c is not None]
        if cell is None or not cells:
            continue
        labels = "、".join(THREE_PUBLIC_LABELS[p] for p in parts)
        f = check_sum(cell, cells, f"{what}（{cell.loc.row}）", f"{labels}之和")
        if f:
            yield f


@rule(
    "three_public.total",
    "“三公”经费合计 = 出国 + 车辆 + 接待",
    ERROR,
    "“三公”经费合计应等于因公出国（境）费、公务用车购置及运行费、公务接待费之和。",
)
def total(ctx: Context) -> Iterator[Finding]:
    yield from _parts_check(ctx, "total", ("outbound", "vehicle_total", "reception"), "“三公”经费合计")


@rule(
    "three_public.vehicle",
    "公务用车购置及运行费 = 购置费 + 运行费",
    ERROR,
    "公务用车购置及运行费应等于公务用车购置费与公务用车运行费之和。",
)
def vehicle(ctx: Context) -> Iterator[Finding]:
    yield from _parts_check(
        ctx, "vehicle_total", ("vehicle_purchase", "vehicle_operation"), "公务用车购置及运行费"
    )


def _economic_amount(
    ctx: Context, table: StatementTable, codes: tuple[str, ...]
) -> tuple[Decimal, list[Cell]]:
    """The table's department-level total for ``codes`` (summed over units when only units print)."""
    index = ctx.index(table)
    blocks = [index.codes[None]] if None in index.codes else list(index.codes.values())
    rows: list[LineItem] = [rows[c] for rows in blocks for c in codes if c in rows]
    cells = [c for c in (ctx.cell(table, r, "total") for r in rows) if c is not None]
    return sum((c.value for c in cells), Decimal(0)), cells


@rule(
    "three_public.economic",
    "“三公”各项在支出经济分类表中有对应支出",
    ERROR,
    "预算安排的“三公”经费必须在支出经济分类表的对应款（因公出国费用、公务接待费、公务用车运行维护费、公务用车购置）中列支。",
)
def economic(ctx: Context) -> Iterator[Finding]:
    tables = [t for t in ctx.tables(*FULL_ECONOMIC) if ctx.index(t).codes]
    for part, codes in ECONOMIC_CODES.items():
        cell = ctx.three_public_cell("current", part)
        if not tables or cell is None or cell.value <= 0:
            continue
        found = [(t, *_economic_amount(ctx, t, codes)) for t in tables]
        # Either classification may book the part; it is missing only when no table carries it.
        if all(amount < cell.in_unit(_unit(ctx, t)) - step(cell, _unit(ctx, t)) for t, amount, _ in found):
            yield _short(cell, found, codes)


def _unit(ctx: Context, table: StatementTable) -> str | None:
    return table.money_unit or ctx.d.money_unit


def _short(
    cell: Cell, found: list[tuple[StatementTable, Decimal, list[Cell]]], codes: tuple[str, ...]
) -> Finding:
    code = "/".join(codes)
    locations: list[Location] = [cell.loc]
    for table, _amount, cells in found:
        locations.extend(c.loc for c in cells)
        if not cells:
            page, line = (table.pages[0] if table.pages else None), (table.lines[0] if table.lines else None)
            locations.append(
                Location(table=table.title, kind=table.kind, row=code, column="total", page=page, line=line)
            )
    booked = "，".join(f"{t.title} {plain(a)}" for t, a, _ in found)
    label = THREE_PUBLIC_LABELS.get(cell.loc.column or "", cell.loc.column)
    message = f"“三公”经费中{label} {cell.printed}{cell.unit or ''}，而支出经济分类表中对应科目 {code} 只有：{booked}"
    return Finding("", ERROR, message, (cell.printed, plain(max(a for _, a, _ in found))), tuple(locations))
