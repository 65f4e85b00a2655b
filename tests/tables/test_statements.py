"""Classified tables → StatementTable items: levels, units, columns, provenance, blank cells."""

from __future__ import annotations

from decimal import Decimal

from tests.conftest import shared_path
from tests.tables.helpers import statements, values


def test_multi_unit_tab_table() -> None:
    st = statements("tabs.txt")[0]
    assert st.columns == ["total", "basic", "personnel", "public", "project"]
    total = st.total_row()
    assert total is not None and total.unit is None
    unit = next(i for i in st.items if i.level == "unit")
    assert unit.code == "900001" and unit.name == "示例局本级"
    row = next(i for i in st.items if i.code == "201")
    assert row.level == "类" and row.unit == "示例局本级"
    assert values(st, "201") == {"total": "1,000.00", "basic": "", "personnel": "", "public": "", "project": "1,000.00"}
    assert row.get("project") == Decimal("1000.00") and row.get("basic") == Decimal(0)


def test_provenance_points_at_the_cell() -> None:
    st = statements("tabs.txt")[0]
    amount = next(i for i in st.items if i.code == "201").values["project"]
    where = amount.where
    assert where is not None
    assert (where.line, where.row, where.column, where.kind) == (8, "201", "project", "expenditure_summary")
    assert where.table == "表3 支出预算总表" and where.source == "tabs.txt"


def test_dropped_blanks_placed_by_identities_and_hierarchy() -> None:
    st = statements("split_codes.txt")[0]
    assert st.columns == ["total", "basic", "project"]
    assert values(st, "2060101") == {"total": "50.00", "basic": "50.00", "project": ""}
    assert values(st, "2060102") == {"total": "10.00", "basic": "", "project": "10.00"}
    assert [i.level for i in st.items] == ["total", "类", "款", "项", "项"]


def test_panels_with_part_totals() -> None:
    st = statements("panels.txt")[0]
    assert st.kind == "general_budget_basic"
    assert [i.code for i in st.items if i.code] == ["301", "302", "30101", "30201", "30102", "30202"]
    assert values(st, "30101") == {"total": "1,015.00"}
    assert values(st, "30202") == {"total": ""}
    total = st.total_row()
    assert total is not None
    assert (total.get("personnel"), total.get("public")) == (Decimal("1015.00"), Decimal("5.00"))


def test_split_code_columns_and_yuan_integers() -> None:
    spending, basic = statements("split_columns.txt")
    assert spending.money_unit == "元"
    assert [(i.code, i.level) for i in spending.items] == [("208", "类"), ("20805", "款"), ("2080501", "项")]
    assert values(spending, "2080501") == {"total": "1,500", "basic": "1,500", "project": "0"}
    assert values(basic, "30102") == {"total": "900", "personnel": "900", "public": "0"}


def test_basic_table_total_row() -> None:
    st = statements("segment_doc.txt")[1]
    assert not st.empty
    total = st.total_row()
    assert total is not None and total.get("personnel") == Decimal("15.00")


def test_empty_seed_table_is_empty_and_keeps_its_note() -> None:
    fund = next(t for t in statements(str(shared_path("seeds", "000_87792da19c622395.txt"))) if t.kind == "government_fund")
    assert fund.empty and fund.columns == ["total", "basic", "project"]
    assert fund.notes and fund.notes[0].startswith("备注")


def test_bracketed_codes_single_figure_column_and_page_numbers() -> None:
    st = statements("bracket_codes.txt")[0]
    assert st.kind == "general_budget_basic" and st.columns == ["total"]
    assert [(i.code, i.name) for i in st.items if i.code] == [
        ("301", "工资福利支出"),
        ("30101", "基本工资"),
        ("302", "商品和服务支出"),
        ("30201", "办公费"),
    ]
    assert values(st, "302") == {"total": "10.00"}


def test_classes_printing_one_figure_placed_by_the_total_row() -> None:
    """208 and 223 print one figure twice: the 合计 row's 基本/项目 decide (208 基本, 215 and 223 项目),
    and their 款 follow them."""
    st = statements("total_row_classes.txt")[0]
    assert st.columns[:3] == ["total", "basic", "project"]
    assert values(st, "208")["basic"] == "6.00" and values(st, "20805")["basic"] == "6.00"
    assert values(st, "215")["project"] == "80.00" and values(st, "21505")["project"] == "80.00"
    assert values(st, "223")["project"] == "10.00" and values(st, "22301")["project"] == "10.00"
    assert values(st, "223")["basic"] == ""


def test_total_printed_twice_and_figures_one_tab_field_off() -> None:
    """The 合计 line is printed again without its label (one row, not twice the figures); a row
    whose 上年结转 figures stand one tab field left breaks its identities there, so arithmetic
    places them."""
    st = statements("tab_repeat_shift.txt")[0]
    expected = {"total": "110.00", "current_year_total": "100.00", "general_public_budget": "100.00",
                "unit_funds": "", "carryover": "10.00", "carryover.general_public_budget": "10.00",
                "carryover.unit_funds": ""}
    assert values(st, "合计") == expected
    assert values(st, "20103")["unit_funds"] == ""
    assert values(st, "20103")["carryover.general_public_budget"] == "10.00"
    assert values(st, "201")["carryover"] == "10.00"


def test_class_223_lone_figure_goes_to_state_capital() -> None:
    """223 国有资本经营预算支出 printing one figure twice: the state-capital column, not the first fund."""
    st = statements("fund_columns_223.txt")[0]
    assert st.columns == ["total", "general_public_budget", "government_fund", "state_capital"]
    assert values(st, "223")["state_capital"] == "1.00" and values(st, "223")["government_fund"] == ""
    assert values(st, "22301")["state_capital"] == "1.00"
    assert values(st, "208")["general_public_budget"] == "10.00"
