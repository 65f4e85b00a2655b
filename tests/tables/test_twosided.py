"""收支总表: row keys and sides from labels, 行次 numbers dropped, numbering continued per side."""

from __future__ import annotations

from decimal import Decimal

from tests.conftest import shared_path
from tests.tables.helpers import statements
from yusuan.tables.twosided import bare, ordinal


def _rows() -> dict[tuple[str, str], Decimal | None]:
    st = statements("two_sided.txt")[0]
    assert st.kind == "income_expenditure_summary"
    return {(i.side or "", i.key or i.name): i.get("total") for i in st.items}


def test_income_side_keys() -> None:
    rows = _rows()
    assert rows[("income", "general_public_budget")] == Decimal("1000.00")
    assert rows[("income", "government_fund")] == Decimal(0)
    assert rows[("income", "business")] == Decimal(0)
    assert rows[("income", "current_year_total")] == Decimal("1000.00")
    assert rows[("income", "carryover_from_last_year")] == Decimal("10.00")
    assert rows[("income", "grand_total")] == Decimal("1010.00")


def test_expenditure_side_keys() -> None:
    rows = _rows()
    assert rows[("expenditure", "current_year_total")] == Decimal("1000.00")
    assert rows[("expenditure", "carryover_to_next_year")] == Decimal("10.00")
    assert rows[("expenditure", "grand_total")] == Decimal("1010.00")
    assert rows[("expenditure", "surplus_distribution")] == Decimal(0)


def test_single_label_line_continues_the_expenditure_numbering() -> None:
    rows = _rows()
    assert rows[("expenditure", "四、预备费")] == Decimal("100.00")
    assert rows[("expenditure", "一、一般公共服务支出")] == Decimal("900.00")


def test_ordinals_and_prefixes() -> None:
    assert ordinal("二十四、预备费") == 24 and ordinal("十、卫生健康支出") == 10 and ordinal("预备费") is None
    assert bare("（一）事业收入") == "事业收入" and bare("1.一般公共预算资金") == "一般公共预算资金"


def test_fund_rows_under_carryover_get_the_block_prefix() -> None:
    fiscal = next(t for t in statements(str(shared_path("seeds", "001_f756e9a8bddbf743.txt"))) if t.kind == "fiscal_summary")
    keys = [i.key for i in fiscal.items if i.side == "income" and i.key]
    assert keys == [
        "current_year_total",
        "general_public_budget",
        "government_fund",
        "state_capital",
        "carryover_from_last_year",
        "carryover_from_last_year.general_public_budget",
        "carryover_from_last_year.government_fund",
        "carryover_from_last_year.state_capital",
        "grand_total",
    ]
    row = fiscal.by_key("carryover_from_last_year.general_public_budget", "income")
    assert row is not None and row.get("total") == Decimal("28665.25")


def test_lone_fund_figures_by_row_label_and_class_sums() -> None:
    """Blank fund cells are dropped: '国有资本经营预算支出 10.00 10.00' goes to the state-capital
    column by its label, and the 本年支出合计's 10.00 follows the 类 rows' column sums."""
    from tests.tables.helpers import statements

    st = statements("fiscal_summary_funds.txt")[0]
    assert st.columns == ["total", "general_public_budget", "government_fund", "state_capital"]
    by_name = {i.name: {k: a.text for k, a in i.values.items()} for i in st.items}
    assert by_name["三、国有资本经营预算支出"] == {"total": "10.00", "state_capital": "10.00"}
    assert by_name["二、科学技术支出"] == {"total": "90.00", "general_public_budget": "90.00"}
    current = st.by_key("current_year_total", "expenditure")
    assert current is not None and current.values["state_capital"].text == "10.00"
    assert "government_fund" not in current.values
    grand = st.by_key("grand_total", "expenditure")
    assert grand is not None and grand.values["state_capital"].text == "10.00"


def test_fiscal_captions_over_the_halves_are_not_columns() -> None:
    """'财政拨款收入 | 财政拨款支出' head the two halves: the columns are 合计 and the three funds."""
    from tests.tables.helpers import statements

    st = statements("fiscal_summary_captions.txt")[0]
    assert st.columns == ["total", "general_public_budget", "government_fund", "state_capital"]
    row = next(i for i in st.items if i.name == "一、一般公共服务支出")
    assert {k: a.text for k, a in row.values.items()} == {"total": "200.00", "general_public_budget": "200.00"}
