"""Guangzhou 部门预算 template (wild audit G1, G2): 收支总体情况表 row labels and the
收入总体情况表 group captions over the fund columns."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.tables.helpers import statements
from yusuan.model import StatementTable

FIXTURES = Path(__file__).resolve().parent / "fixtures"
INCOME_PARTS = ("fiscal_total", "fiscal_special_account", "business", "operating_income", "other", "upper_subsidy", "subsidiary_remit")


def _summary(name: str) -> StatementTable:
    st = statements(str(FIXTURES / name))[0]
    assert st.kind == "income_expenditure_summary"
    return st


def _income(st: StatementTable, key: str) -> Decimal | None:
    row = st.by_key(key, "income")
    return None if row is None else row.get("total")


def test_budget_allocation_rows_are_keyed() -> None:
    """一、预算拨款 is the 财政拨款 total, 二、财政专户拨款 the 财政专户 row, and 本年收入合计 = Σ sources."""
    st = _summary("guangzhou_summary.txt")
    assert _income(st, "fiscal_total") == Decimal("1000.00")
    assert _income(st, "fiscal_special_account") == Decimal("20.00")
    assert _income(st, "business") == Decimal("30.00")
    assert sum(_income(st, k) or Decimal(0) for k in INCOME_PARTS) == _income(st, "current_year_total")
    assert all(i.key for i in st.items if i.side == "income")


def test_carryover_to_next_year_label() -> None:
    row = _summary("guangzhou_summary.txt").by_key("carryover_to_next_year", "expenditure")
    assert row is not None and row.name == "结转结余下年" and row.get("total") == Decimal("10.00")


def test_fund_sub_rows_under_budget_allocation() -> None:
    """其中 rows under 一、预算拨款 carry the fund split; the group row keeps the 财政拨款 key, so the
    sources add up without counting the funds twice."""
    st = _summary("guangzhou_summary_split.txt")
    assert _income(st, "fiscal_total") == Decimal("1000.00")
    assert _income(st, "general_public_budget") == Decimal("800.00")
    assert _income(st, "government_fund") == Decimal("200.00")
    assert _income(st, "state_capital") == Decimal(0)
    funds = sum(_income(st, k) or Decimal(0) for k in ("general_public_budget", "government_fund", "state_capital"))
    assert funds == _income(st, "fiscal_total")
    assert sum(_income(st, k) or Decimal(0) for k in INCOME_PARTS) == _income(st, "current_year_total")


def test_income_summary_group_captions_are_not_columns() -> None:
    """财政拨款收入 / 财政专户拨款收入 / 其他资金收入 head their members and print no column of their own."""
    st = statements(str(FIXTURES / "guangzhou_income_summary.txt"))[0]
    assert st.kind == "income_summary"
    assert st.columns == [
        "total",
        "general_public_budget",
        "government_fund",
        "state_capital",
        "fiscal_special_account.education_fees",
        "fiscal_special_account.other_special_account",
        "business",
        "operating_income",
        "other",
        "upper_subsidy",
        "subsidiary_remit",
        "carryover",
    ]
    total = st.total_row()
    assert total is not None
    assert {k: a.text for k, a in total.values.items() if a.value} == {
        "total": "1,000.00",
        "general_public_budget": "600.00",
        "government_fund": "300.00",
        "state_capital": "10.00",
        "fiscal_special_account.education_fees": "20.00",
        "fiscal_special_account.other_special_account": "5.00",
        "business": "40.00",
        "other": "25.00",
    }
