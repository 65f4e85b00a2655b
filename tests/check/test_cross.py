"""Cross-table details beyond the one-case-per-rule table: layouts that print a figure differently."""

from __future__ import annotations

from tests.check.builders import clean, put
from yusuan.check import get, run_checks
from yusuan.model import Disclosure


def _income_prints_fiscal_column(d: Disclosure) -> None:
    """The 收入总表 printing 财政拨款 as one column (key fiscal_total) instead of 一般公共预算."""
    t = d.tables_of("income_summary")[0]
    t.columns = ["total", "fiscal_total", "carryover"]
    for row in t.items:
        row.values["fiscal_total"] = row.values.pop("general_public_budget")


def test_fiscal_column_against_the_three_fund_lines() -> None:
    d = clean()
    _income_prints_fiscal_column(d)
    rule = [get("cross.summary_income")]
    assert run_checks(d, rule, strict=True) == []
    put(d, "income_expenditure_summary", "state_capital", "total", "10.00")
    found = run_checks(d, rule, strict=True)
    assert [f.values for f in found] == [("180.00", "190.00")]


def test_summary_lines_without_fund_split_compare_their_one_amount() -> None:
    d = clean()
    fiscal = d.tables_of("fiscal_summary")[0]
    for row in fiscal.items:
        if row.side == "expenditure":
            row.values = {"total": row.values["total"]}
    rule = [get("cross.fiscal_classes"), get("row.fiscal_funds")]
    assert run_checks(d, rule, strict=True) == []
    put(d, "fiscal_summary", "208", "total", "31.00")
    assert {f.rule for f in run_checks(d, rule, strict=True)} == {"cross.fiscal_classes"}


def test_completion_rate_from_the_three_public_table() -> None:
    from decimal import Decimal

    from tests.check.builders import figure, final_accounts
    from yusuan.model import Amount

    d = final_accounts()
    assert d.three_public is not None
    d.three_public.budget = {"total": Amount(Decimal("10.00"), "10.00")}
    d.narrative.figures.append(figure("three_public.total.completion_pct", "80.00", "%"))
    rule = [get("narrative.completion")]
    assert run_checks(d, rule, strict=True) == []
    d.narrative.figures[-1] = figure("three_public.total.completion_pct", "77.52", "%")
    assert [f.values for f in run_checks(d, rule, strict=True)] == [("77.52", "80.00")]
