"""Flattening a Disclosure into store rows: routing by table kind, columns vs fund sources, exact money."""

from __future__ import annotations

from decimal import Decimal

from tests.store.conftest import make_disclosure
from yusuan.store.rows import column_and_fund, line_target, money, region_of, to_rows


def test_routing_by_kind_and_side() -> None:
    assert line_target("income_expenditure_summary", "income") == "income_lines"
    assert line_target("income_expenditure_summary", "expenditure") == "expenditure_lines"
    assert line_target("income_summary", None) == "income_lines"
    assert line_target("general_budget_expenditure", None) == "expenditure_lines"
    assert line_target("general_budget_basic", None) == "economic_lines"
    assert line_target("economic_classification_government", None) == "economic_lines"
    assert line_target("procurement", None) == "other_lines"


def test_columns_and_fund_sources() -> None:
    assert column_and_fund("expenditure_summary", "basic") == ("basic", None)
    assert column_and_fund("general_budget_expenditure", "project") == ("project", "general_public_budget")
    assert column_and_fund("function_classification", "government_fund") == ("government_fund", "government_fund")
    assert column_and_fund("income_summary", "carryover.unit_funds") == ("carryover", "unit_funds")


def test_money_is_exact_and_fits_four_decimals() -> None:
    assert money(Decimal("1425.40")) == Decimal("1425.40")
    assert money(Decimal("0.123456")) == Decimal("0.1235")
    assert money(None) is None


def test_region_from_department() -> None:
    assert region_of("抚顺市工业和信息化局本级") == "抚顺市"
    assert region_of("辽宁省工业和信息化厅") == "辽宁省"
    assert region_of("科技和工信部门") is None


def test_rows_of_a_disclosure() -> None:
    rows = to_rows(make_disclosure(), [], doc_id="d" * 64, file_name="x.txt", path="x.txt", size=10)
    doc = rows.tables["documents"][0]
    assert doc[0] == "d" * 64 and doc[3] == "测试市财政局" and doc[4] == "测试市" and doc[5] == 2025
    spending = [r for r in rows.tables["expenditure_lines"] if r[2] == "expenditure_summary"]
    total = next(r for r in spending if r[6] == "total" and r[10] == "total")
    assert total[12] == Decimal("420.50") and total[13] == "420.50" and total[16] == 11
    income = rows.tables["income_lines"]
    assert any(r[10] == "carryover" and r[11] == "general_public_budget" for r in income)
    assert {r[2] for r in rows.tables["three_public"] if r[1] == "current"} == {"total", "outbound", "vehicle_total", "vehicle_purchase",
                                                            "vehicle_operation", "reception"}
    assert len(rows.tables["projects"]) == 2 and len(rows.tables["project_sources"]) == 2
    assert len(rows.tables["performance_indicators"]) == 1
    assert rows.tables["narrative_figures"][0][2] == "expenditure.total"
