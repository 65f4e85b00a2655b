"""cross.fiscal_classes: a 财政拨款 类 line printing one amount for all funds is not the 一般公共预算 figure
when 政府性基金 or 国有资本经营 money is present (Guangzhou 表4 prints its 类 lines that way)."""

from __future__ import annotations

from tests.check.builders import clean, find_row, put
from yusuan.check import get, run_checks


def _unsplit(d) -> None:  # type: ignore[no-untyped-def]
    fiscal = d.table("fiscal_summary")
    for row in fiscal.items:
        if row.side == "expenditure" and row.code:
            row.values = {"total": row.values["total"]}


def test_unsplit_line_with_other_funds_is_not_compared() -> None:
    d = clean()
    _unsplit(d)
    put(d, "fiscal_summary", "government_fund", "total", "10.00", side="income")
    put(d, "fiscal_summary", "215", "total", "160.00")
    assert run_checks(d, [get("cross.fiscal_classes")]) == []


def test_unsplit_line_without_other_funds_is_still_compared() -> None:
    d = clean()
    _unsplit(d)
    put(d, "fiscal_summary", "215", "total", "160.00")
    found = run_checks(d, [get("cross.fiscal_classes")])
    assert [f.rule for f in found] == ["cross.fiscal_classes"]
    assert find_row(d, "fiscal_summary", "215").values["total"].text in found[0].values


def test_api_names_stay_callable_after_their_packages_are_imported() -> None:
    import yusuan
    import yusuan.check
    import yusuan.read

    d = clean()
    assert callable(yusuan.check) and callable(yusuan.read)
    assert yusuan.check(d) == run_checks(d)
