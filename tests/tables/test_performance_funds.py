"""绩效目标表 fund blocks → ``PerformanceTarget.funds``: the Shanghai 填报表's two columns and the
'预算数 X 其中：财政 资金 Y' line; ``amount`` stays what it was."""

from __future__ import annotations

from decimal import Decimal

from tests.model.textlines import table_of
from yusuan.tables.performance import read_performance

SHANGHAI = (
    "财政项目支出绩效目标填报表\n"
    "项目名称\t公共服务设施运行经费\t项目性质\t经常性项目\t项目类别\t其他运转类\n"
    "主管部门\t某街道办事处\t实施单位\t某街道办事处\n"
    "计划开始日期\t2023-01-01\t计划完成日期\t2023-12-31\n"
    "项目资金（元）\t项目资金总额\t10,903,043.00\t年度资金申请总额\t10,903,043.00\n"
    "\t\t其中：财政资金\t10,903,043.00\t其中：当年财政拨款\t11,419,043.00\n"
    "\t\t\t\t\t上年结转资金\t0.00\n"
    "\t\t其他资金\t1.00\t其他资金\t0.00\n"
    "项目绩效目标\t项目总目标\t年度总体目标\n"
    "\t提供后勤保障。\t提供后勤保障。\n"
)


def test_shanghai_two_column_fund_block() -> None:
    table, lines = table_of(SHANGHAI, "performance_project", "元")
    (target,) = read_performance(table, "x", lines)
    assert target.amount is not None and target.amount.value == Decimal("10903043.00")
    assert {k: a.text for k, a in target.funds.items()} == {
        "total": "10,903,043.00",
        "fiscal": "10,903,043.00",
        "requested": "10,903,043.00",
        "current_fiscal": "11,419,043.00",
        "carryover": "0.00",
        "other": "0.00",  # the 年度资金申请总额 column's
    }
    current = target.funds["current_fiscal"]
    assert current.value == Decimal("11419043.00")
    assert current.where is not None and current.where.column == "current_fiscal" and current.where.line


BUDGET_SCALE = """3、车保险绩效目标表
单位：万元

项目编码 13030325P00385410058N 项目名称 车保险

预算规模及

资金用途

预算数 0.40 其中：财政 资金 0.40 其他资金

绩效目标 1.保障公务用车的正常运行。
"""


def test_budget_scale_line_and_blank_other() -> None:
    table, lines = table_of(BUDGET_SCALE, "performance_project")
    (target,) = read_performance(table, "x", lines)
    assert target.amount is not None and target.amount.value == Decimal("0.40")
    assert {k: a.value for k, a in target.funds.items()} == {
        "total": Decimal("0.40"),
        "fiscal": Decimal("0.40"),
    }


SINGLE = """部门预算项目（政策）绩效目标表
表17 单位：万元

项目(政策)名称 老干部服务工作经费

主管部门 某市某某局 实施单位 某市某某局本级

预算资金情况 2.38

总体目标 确保单位正常运转，2.38万元
"""


def test_single_amount_prints_no_parts() -> None:
    table, lines = table_of(SINGLE, "performance_project")
    (target,) = read_performance(table, "x", lines)
    assert target.amount is not None and target.amount.value == Decimal("2.38")
    assert target.funds == {}


XIAN = (
    "部门专项业务经费绩效目标表\n"
    "项目名称\t审计事务\n"
    "主管部门\t某某局\n"
    "资金金额(万元)\t实施期资金总额：\t285.87\t执行率分值（10分）\n"
    "\t\t\t其中：财政拨款\t285.87\n"
    "\t\t\t其他资金\n"
    "总体目标\t维护国家财经秩序。\n"
)


def test_xian_implementation_period_total() -> None:
    """西安: '资金金额(万元) 实施期资金总额：285.87 / 其中：财政拨款 285.87'."""
    table, lines = table_of(XIAN, "performance_project")
    (target,) = read_performance(table, "x", lines)
    assert target.amount is not None and target.amount.value == Decimal("285.87")
    assert {k: a.text for k, a in target.funds.items()} == {"total": "285.87", "fiscal": "285.87"}
