"""The “三公”经费表 printed in one of a template's matrix layouts.

``years_as_groups``: one row of figures, a header group per period (2023年预算数 | 2024年预算数),
each 合计 | 因公出国（境）费 | 公务用车购置及运行费 (小计 | 购置费 | 运行费) | 公务接待费 (Liaoning);
``items_as_rows``: a row per item, a column per period (预算数 | 决算数 of a 决算); ``single``: this
year only, with the 机关运行经费 beside it where the text states it (Shanghai).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from yusuan.model import Amount, ThreePublic
from yusuan.publish.document import Grid, Head, Row
from yusuan.publish.grids import Context
from yusuan.publish.numbers import in_unit, money_text, needed_decimals, unit_of
from yusuan.publish.spec import TableSpec

_ITEM_ROWS = (
    ("total", "合计"),
    ("outbound", "1、因公出国（境）费"),
    ("reception", "2、公务接待费"),
    ("vehicle_total", "3、公务用车购置及运行费"),
    ("vehicle_purchase", "其中：（1）公务用车购置费"),
    ("vehicle_operation", "（2）公务用车运行费"),
)
_GROUP_ORDER = ("total", "outbound", "vehicle_total", "vehicle_purchase", "vehicle_operation", "reception")


def _periods(ctx: Context, tp: ThreePublic) -> list[tuple[str, dict[str, Amount]]]:
    """(heading, figures) of each period printed, earliest first."""
    year = ctx.d.year
    if ctx.kind_word == "决算":
        periods = [("预算数", tp.budget)] if tp.budget else []
        return [*periods, ("决算数", tp.current)]
    previous = [(f"{year - 1}年预算数" if year else "上年预算数", tp.previous)] if tp.previous else []
    return [*previous, (f"{year}年预算数" if year else "本年预算数", tp.current)]


def three_public_grid(ctx: Context, tspec: TableSpec, tp: ThreePublic, operating_costs: Decimal | None) -> Grid:
    """The 三公 table of ``tp`` in the table's (or template's) matrix layout; ``operating_costs`` is
    already in the 三公 table's unit (printed beside it in the ``single`` layout)."""
    default = ctx.spec.final_three_public_layout if ctx.kind_word == "决算" else ctx.spec.three_public_layout
    layout = tspec.three_public_layout or default
    unit = unit_of(ctx.spec.three_public_unit, tp.money_unit or ctx.d.money_unit)
    source_unit = tp.money_unit or ctx.d.money_unit
    periods = _periods(ctx, tp) if layout != "single" else [("", tp.current)]
    values = [in_unit(a.value, source_unit, unit) for _, figures in periods for a in figures.values()]
    places = needed_decimals(values, 2)

    def text(figures: dict[str, Amount], key: str) -> str:
        amount = figures.get(key)
        value = None if amount is None else in_unit(amount.value, source_unit, unit)
        return money_text(value, places, ctx.spec.thousands, ctx.spec.zero or "0")

    if layout == "items_as_rows":
        header = [[Head("项目"), *[Head(h) for h, _ in periods]]]
        body = [Row([label, *[text(f, key) for _, f in periods]]) for key, label in _ITEM_ROWS]
        numeric = [False] + [True] * len(periods)
    else:
        header, body = _grouped(ctx, periods, text, layout, operating_costs, places)
        numeric = [True] * sum(h.colspan for h in header[0])
    notes = [ctx.fill("注：本表为空表表示本部门{year}年无“三公”经费安排。")] if not tp.current else []
    return Grid(
        kind="three_public", number="", title=ctx.title(tspec), unit=unit, header=header, body=body,
        meta=[ctx.fill(m) for m in ctx.spec.meta], notes=notes, numeric=numeric,
        landscape=tspec.landscape if tspec.landscape is not None else len(numeric) > ctx.spec.wide_columns,
        number_position=ctx.spec.number_position, unit_label=ctx.fill(ctx.spec.unit_label, unit=unit),
    )


def _grouped(
    ctx: Context,
    periods: list[tuple[str, dict[str, Amount]]],
    text: Callable[[dict[str, Amount], str], str],
    layout: str,
    operating_costs: Decimal | None,
    places: int,
) -> tuple[list[list[Head]], list[Row]]:
    """One row of figures under a three-row header: a group per period, then 机关运行经费 if printed."""
    top: list[Head] = []
    middle: list[Head] = []
    bottom: list[Head] = []
    cells: list[str] = []
    for heading, figures in periods:
        top.append(Head(heading or ctx.fill("“三公”经费{kind}数"), 6))
        middle += [Head("合计", 1, 2), Head("因公出国（境）费", 1, 2), Head("公务用车购置及运行费", 3), Head("公务接待费", 1, 2)]
        bottom += [Head("小计"), Head("公务用车购置费"), Head("公务用车运行费")]
        cells += [text(figures, k) for k in _GROUP_ORDER]
    if layout == "single" and operating_costs is not None:
        top.append(Head(ctx.fill("机关运行经费{kind}数"), 1, 3))
        cells.append(money_text(operating_costs, places, ctx.spec.thousands, ctx.spec.zero or "0"))
    return [top, middle, bottom], [Row(cells)]
