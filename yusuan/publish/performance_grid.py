"""绩效目标表 / 绩效自评表: one grid per target, in the label-value block layout departments print.

A target prints its name (项目（政策）名称 or 部门（单位）名称), 主管部门 and 实施单位, 预算资金情况, the
年度目标, then the indicators under 一级指标 | 二级指标 | 三级指标 | 运算符号 | 指标值 | 度量单位 —
the words every region's table carries, so the table reads back as one target.
"""

from __future__ import annotations

from yusuan.model import PerformanceTarget
from yusuan.publish.document import Grid, Row
from yusuan.publish.grids import Context
from yusuan.publish.numbers import in_unit, money_text, needed_decimals, unit_of
from yusuan.publish.spec import TableSpec

WIDTH = 7
_INDICATOR_HEAD = ["一级指标", "二级指标", "三级指标", "运算符号", "指标值", "度量单位"]


def performance_grid(ctx: Context, tspec: TableSpec, target: PerformanceTarget) -> Grid:
    """The grid of one performance target."""
    unit = unit_of(ctx.spec.money_unit, ctx.d.money_unit)
    project = target.scope == "project"
    name_label = "项目（政策）名称" if project else "部门（单位）名称"
    amount = None if target.amount is None else in_unit(target.amount.value, ctx.d.money_unit, unit)
    places = needed_decimals([amount] if amount is not None else [], ctx.spec.decimals)
    body = [
        Row([name_label, target.name or ""], spans=[1, WIDTH - 1]),
        Row(["主管部门", ctx.d.department or "", "实施单位", target.unit or ""], spans=[1, 2, 1, WIDTH - 4]),
        Row(["预算资金情况", money_text(amount, places, ctx.spec.thousands, "0")], spans=[1, WIDTH - 1]),
        Row(["年度目标" if project else "年度绩效目标", target.goal or ""], spans=[1, WIDTH - 1]),
        Row(["绩效指标", *_INDICATOR_HEAD], style="head"),
    ]
    previous: tuple[str | None, str | None] = (None, None)
    for ind in target.indicators:
        level1 = ind.level1 if ind.level1 != previous[0] else ""
        level2 = ind.level2 if (ind.level1, ind.level2) != previous else ""
        previous = (ind.level1, ind.level2)
        body.append(Row(["", level1 or "", level2 or "", ind.name, ind.operator or "", ind.value or "", ind.unit or ""]))
    title = ctx.title(tspec)
    if target.self_evaluation:
        title = title.replace("绩效目标表", "绩效自评表")
    return Grid(
        kind=tspec.kind, number="", title=title, unit=unit, header=[], body=body,
        meta=[ctx.fill(m) for m in ctx.spec.meta], numeric=[False] * WIDTH, landscape=False,
        number_position=ctx.spec.number_position, unit_label=ctx.fill(ctx.spec.unit_label, unit=unit),
    )
