"""绩效指标 read by the columns of their heading line: the row label at the left ('绩效指标') is no
part of a row, merged 一级/二级 cells carry down, a value splits into operator, figure and unit."""

from __future__ import annotations

from decimal import Decimal

from tests.tables.geometric import geometric_table
from yusuan.tables.performance import read_performance


def test_form_indicators_by_column() -> None:
    table = geometric_table(
        "performance_project",
        "政策和项目预算绩效目标表",
        [],
        [
            [("项目名称", 101, 142), ("公车统管费用", 371, 434)],
            [("项目资金（万元）", 101, 142), ("年度预算资金总额：", 228, 322), ("30.00", 454, 480)],
            [("总体目标", 25, 66), ("通过统管控制车辆使用成本", 76, 200)],
            [("一级指标", 87, 129), ("二级指标", 163, 205), ("三级指标", 270, 312), ("指标值", 451, 482)],
            [("绩效指标", 25, 66), ("成本指标", 76, 118), ("经济成本", 163, 205), ("年度车辆统管费用", 249, 332), ("≤30万元", 446, 488)],
            [("绩效指标", 25, 66), ("产出指标", 76, 118), ("数量指标", 163, 205), ("车辆租赁次数", 260, 322), ("≤400次", 449, 485)],
            [("有效提升工作效率", 249, 332), ("有效提升", 446, 488)],
        ],
    )
    (target,) = read_performance(table, "x")
    assert target.name == "公车统管费用"
    assert target.amount is not None and target.amount.value == Decimal("30.00")
    assert target.money_unit == "万元"
    got = [(i.level1, i.level2, i.name, i.operator, i.value, i.unit) for i in target.indicators]
    assert got == [
        ("成本指标", "经济成本", "年度车辆统管费用", "≤", "30", "万元"),
        ("产出指标", "数量指标", "车辆租赁次数", "≤", "400", "次"),
        ("产出指标", "数量指标", "有效提升工作效率", None, "有效提升", None),
    ]
