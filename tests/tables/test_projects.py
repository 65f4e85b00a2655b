"""项目支出表: tab grid with unit rows, flowing text with wrapped names and contents."""

from __future__ import annotations

from decimal import Decimal

from tests.model.textlines import table_of
from yusuan.tables.projects import read_projects

GRID = (
    "项目支出预算表\n"
    "表9\n"
    "单位：万元\n"
    "单位名称\t项目名称\t总计\t本年收入\t\t\t上年结转结余\t\t\n"
    "\t\t\t合计\t一般公共 预算\t政府性 基金预 算\t合计\t一般公共 预算\t政府性 基金预 算\n"
    "合计\t\t130.00\t100.00\t100.00\t\t30.00\t30.00\t\n"
    "某市某某局本 级\t\t110.00\t80.00\t80.00\t\t30.00\t30.00\t\n"
    "\t办公设备维护经 费\t80.00\t80.00\t80.00\t\t\t\t\n"
    "\t上年结转项目\t30.00\t\t\t\t30.00\t30.00\t\n"
    "\n"
    "项目支出预算表\n"
    "表9\n"
    "单位：万元\n"
    "单位名称\t项目名称\t总计\t本年收入\t\t\t上年结转结余\t\t\n"
    "某市某某中心\t\t20.00\t20.00\t20.00\t\t\t\t\n"
    "\t培训费\t20.00\t20.00\t20.00\t\t\t\t\n"
)


def test_tab_grid_projects_units_and_sources() -> None:
    table, lines = table_of(GRID, "project_expenditure")
    projects = read_projects(table, "x", lines)
    assert [(p.unit, p.name, p.amount.value if p.amount else None) for p in projects] == [
        ("某市某某局本级", "办公设备维护经费", Decimal("80.00")),
        ("某市某某局本级", "上年结转项目", Decimal("30.00")),
        ("某市某某中心", "培训费", Decimal("20.00")),
    ]
    assert projects[0].sources["general_public_budget"].value == Decimal("80.00")
    assert projects[1].sources["carryover.general_public_budget"].value == Decimal("30.00")
    assert "general_public_budget" not in projects[1].sources


FLOWING = """项目支出预算表

表9

单位名称：某市某某局本级 单位：万元

单位名称 项目名称 项目内容 总计

本年收入 上年结转结余

合计
一般公共

预算

合计 13.00 13.00 13.00

某市某某局
本级

13.00 13.00 13.00

老干部服务工作经
费

为离退休老干部提供服务 ，确
保正常工作运转。

3.00 3.00 3.00

视频系统运行
维护费

实现实时安全通信 4.00 4.00 4.00

项目支出预算表

表9

单位名称：某市某某局本级 单位：万元

单位名称 项目名称 项目内容 总计

本年收入 上年结转结余

合计
一般公共

预算

企业奖
励资金

对新入库企业每户奖励10万元，共计12万
元。2030年预算安排50%部分

6.00 6.00 6.00
"""


def test_flowing_projects_with_wrapped_names_and_page_break() -> None:
    table, lines = table_of(FLOWING, "project_expenditure")
    projects = read_projects(table, "x", lines)
    assert [(p.name, p.amount.value if p.amount else None) for p in projects] == [
        ("老干部服务工作经费", Decimal("3.00")),
        ("视频系统运行维护费", Decimal("4.00")),
        ("企业奖励资金", Decimal("6.00")),
    ]
    assert {p.unit for p in projects} == {"某市某某局本级"}
    assert projects[0].content == "为离退休老干部提供服务，确保正常工作运转。"
    assert projects[1].content == "实现实时安全通信"
    assert projects[2].content is not None and projects[2].content.startswith("对新入库企业")


LIST_WITH_INDICATOR_VALUES = """项目支出预算表

单位：万元

项目名称 总计 财政拨款

某市某某局

8.00 8.00

丁项目经费

8.00 8.00

某市某某分局

30.00 30.00

甲项目经费

10.00 10.00

40 40

乙项目经费

20.00 20.00

某市某某监测站

5.00 5.00

丙项目经费

5.00 5.00
"""


def test_a_figure_without_text_does_not_hide_a_unit_subtotal() -> None:
    table, lines = table_of(LIST_WITH_INDICATOR_VALUES, "project_expenditure")
    projects = read_projects(table, "x", lines)
    assert [(p.name, p.unit, p.amount.value if p.amount else None) for p in projects][1:] == [
        ("甲项目经费", "某市某某分局", Decimal("10.00")),
        ("乙项目经费", "某市某某分局", Decimal("20.00")),
        ("丙项目经费", "某市某某监测站", Decimal("5.00")),
    ]
