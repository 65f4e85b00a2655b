"""三公 tables: grid and row layouts, dropped blanks placed by the identities, 预算/决算 blocks."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.model.textlines import table_of
from yusuan.tables.three_public import classify_label, read_three_public


def _values(block: dict) -> dict[str, Decimal]:
    return {k: a.value for k, a in block.items()}


def test_grid_with_dropped_blanks_prefers_operation_over_purchase() -> None:
    table, lines = table_of(
        """财政拨款“三公”经费支出表
单位名称：某某局 单位：万元
“三公”经费合计 因公出国（境）费
公务用车购置及运行费
公务接待费
小计 公务用车购置费 公务用车运行费
7.50 7.50 7.50
""",
        "three_public",
    )
    tp = read_three_public(table, "x", lines)
    assert tp is not None
    assert _values(tp.current) == {
        "total": Decimal("7.50"),
        "outbound": 0,
        "vehicle_total": Decimal("7.50"),
        "vehicle_purchase": 0,
        "vehicle_operation": Decimal("7.50"),
        "reception": 0,
    }
    assert tp.current["outbound"].blank


def test_grid_with_dropped_blanks_unique_reading() -> None:
    table, lines = table_of(
        """“三公”经费支出表
合计 因公出国（境）费 公务用车购置及运行费 公务接待费
小计 购置费 运行费
10.00 4.00 6.00
""",
        "three_public",
    )
    tp = read_three_public(table, "x", lines)
    assert tp is not None
    assert _values(tp.current)["outbound"] == Decimal("4.00")
    assert _values(tp.current)["reception"] == Decimal("6.00")
    assert _values(tp.current)["vehicle_total"] == 0


def test_two_year_tab_grid() -> None:
    table, lines = table_of(
        "一般公共预算“三公”经费支出表\n"
        "单位：万元\n"
        "2023 预算数\t\t\t\t\t\t2024 预算数\t\t\t\t\t\n"
        "合计\t因公出国 (境) 费\t公务用车购置及运行费\t\t\t公务接待费\t合计\t因公出国 (境) 费\t公务用车购置及运行费\t\t\t公务接待费\n"
        "\t\t小计\t公务用车购 置费\t公务用车运 行费\t\t\t\t小计\t公务用车购 置费\t公务用车运 行费\t\n"
        "20.00\t5.00\t12.00\t8.00\t4.00\t3.00\t15.00\t6.00\t6.00\t\t6.00\t3.00\n",
        "three_public",
    )
    tp = read_three_public(table, "x", lines)
    assert tp is not None
    assert _values(tp.current) == {
        "total": Decimal("15.00"),
        "outbound": Decimal("6.00"),
        "vehicle_total": Decimal("6.00"),
        "vehicle_purchase": 0,
        "vehicle_operation": Decimal("6.00"),
        "reception": Decimal("3.00"),
    }
    assert _values(tp.previous)["vehicle_purchase"] == Decimal("8.00")


def test_final_accounts_rows_give_budget_and_actual() -> None:
    table, lines = table_of(
        """财政拨款“三公”经费支出决算表
部门：某某厅 单位：万元
项    目 预算数 决算数
合    计 40.00 30.50
1、因公出国（境）费
2、公务接待费 5.00 4.50
3、公务用车购置及运行费 35.00 26.00
其中:（1）公务用车运行维护费 35.00 26.00
     （2）公务用车购置费
注：如本表为空，则本年度无此类支出。
""",
        "three_public",
    )
    tp = read_three_public(table, "x", lines)
    assert tp is not None
    assert _values(tp.current) == {
        "total": Decimal("30.50"),
        "outbound": 0,
        "vehicle_total": Decimal("26.00"),
        "vehicle_purchase": 0,
        "vehicle_operation": Decimal("26.00"),
        "reception": Decimal("4.50"),
    }
    assert _values(tp.budget)["total"] == Decimal("40.00")


def test_rows_with_sequence_numbers_and_fund_columns() -> None:
    table, lines = table_of(
        """部门预算财政拨款“三公”经费支出表
001 某某部门 预算年度：2030 单位：万元
序号 项 目 合计 一般公共预算财政拨款 政府性基金预算拨款
栏次 1 2 3
1 合计 2.00 2.00
2 “三公”经费小计 2.00 2.00
3 一、因公出国（境）费
4
其中：教学科研人员因公出国
（境）费
5 其他因公出国（境）费
6 二、公务用车购置及运维费 2.00 2.00
7 其中：公务用车购置费
8 公务用车运行维护费 2.00 2.00
9 三、公务接待费
""",
        "three_public",
    )
    tp = read_three_public(table, "x", lines)
    assert tp is not None
    assert _values(tp.current)["total"] == Decimal("2.00")
    assert _values(tp.current)["vehicle_operation"] == Decimal("2.00")
    assert _values(tp.current)["outbound"] == 0


def test_empty_row_table_is_all_zero() -> None:
    table, lines = table_of(
        """“三公”经费支出表
项目 预算数
合计
因公出国（境）费
公务用车购置及运行费
公务接待费
""",
        "three_public",
    )
    tp = read_three_public(table, "x", lines)
    assert tp is not None
    assert all(a.value == 0 for a in tp.current.values())


def test_a_narrative_heading_is_not_a_three_public_table() -> None:
    table, lines = table_of(
        """三、财政拨款“三公”经费支出决算情况说明
2030 年度“三公”经费支出 24.03 万元，完成预算的 77.52%。
其中：因公出国（境）费 0.00 万元，公务接待费 2.32 万元。
""",
        "three_public",
        None,
    )
    assert read_three_public(table, "x", lines) is None


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("合    计", "total"),
        ("“三公”经费小计", "total"),
        ("一、因公出国（境）费", "outbound"),
        ("1、因公出国（境）费", "outbound"),
        ("其中：教学科研人员因公出国", None),
        ("其他因公出国（境）费", None),
        ("二、公务用车购置及运维费", "vehicle_total"),
        ("其中:（1）公务用车运行维护费", "vehicle_operation"),
        ("（2）公务用车购置费", "vehicle_purchase"),
        ("三、公务接待费", "reception"),
        ("公务接待费 2.32 万元，主要用于接待。", None),
    ],
)
def test_classify_label(label: str, key: str | None) -> None:
    assert classify_label(label) == key
