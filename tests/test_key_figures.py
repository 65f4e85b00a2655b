"""Key figures where the 收支总表 prints one 财政拨款 line without its split by fund (Guangzhou 表1):
the 三本预算 amounts come from the 财政拨款收支总表, which prints them."""

from __future__ import annotations

from decimal import Decimal

from yusuan.key_figures import summarise
from yusuan.model import Amount, Disclosure, LineItem, StatementTable


def _row(name: str, key: str, text: str) -> LineItem:
    value = Decimal(text.replace(",", "")) if text else Decimal(0)
    return LineItem(name, {"total": Amount(value, text)}, key=key, side="income")


def _disclosure(with_split: bool) -> Disclosure:
    summary = StatementTable(
        "income_expenditure_summary",
        "收支总体情况表",
        items=[
            _row("一、预算拨款", "fiscal_total", "632,065.70"),
            *([_row("其中：一般公共预算", "general_public_budget", "456,990.37")] if with_split else []),
            _row("本年收入合计", "current_year_total", "632,065.70"),
        ],
    )
    fiscal = StatementTable(
        "fiscal_summary",
        "财政拨款收支总体情况表",
        items=[
            _row("一般公共预算", "general_public_budget", "456,990.37"),
            _row("政府性基金预算", "government_fund", "175,075.32"),
            _row("国有资本经营预算", "state_capital", ""),
        ],
    )
    return Disclosure(source="x.pdf", tables=[summary, fiscal])


def test_fund_split_from_the_fiscal_summary() -> None:
    revenue = summarise(_disclosure(with_split=False))["revenue"]
    assert revenue["general_public_budget"] == Decimal("456990.37")
    assert revenue["government_fund"] == Decimal("175075.32")
    assert revenue["state_capital"] == Decimal("0")
    assert revenue["current_year_total"] == Decimal("632065.70")


def test_a_printed_split_wins() -> None:
    d = _disclosure(with_split=True)
    d.tables[1].items[0] = _row("一般公共预算", "general_public_budget", "1.00")
    assert summarise(d)["revenue"]["general_public_budget"] == Decimal("456990.37")
