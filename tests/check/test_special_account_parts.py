"""广州 收入总体情况表 prints 财政专户拨款收入 only as its parts (教育收费, 其他专户收入拨款): they
count among a row's income sources (every wild file prints 0.00 there, so a synthetic row)."""

from __future__ import annotations

from tests.check.builders import clean, item, table
from yusuan.check import run_checks

COLUMNS = [
    "total", "fiscal_total", "general_public_budget", "government_fund", "state_capital",
    "fiscal_special_account.education_fees", "fiscal_special_account.other_special_account", "business", "other",
]


def _findings(education_fees: str) -> list[str]:
    d = clean()
    d.tables = [t for t in d.tables if t.kind != "income_summary"]
    d.tables.append(table("income_summary", "收入总体情况表", COLUMNS, [
        item("合计", level="total", total="130.00", fiscal_total="100.00", general_public_budget="100.00",
             government_fund="0.00", state_capital="0.00", **{"fiscal_special_account.education_fees": education_fees,
             "fiscal_special_account.other_special_account": "10.00"}, business="0.00", other="0.00"),
    ]))
    return [f.message for f in run_checks(d) if f.rule == "row.income_sources"]


def test_special_account_parts_are_income_sources() -> None:
    assert _findings("20.00") == []
    (message,) = _findings("25.00")
    assert "合计" in message
