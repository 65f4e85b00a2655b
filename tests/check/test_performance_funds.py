"""performance.fund_parts: parts of a 绩效目标表's fund block against their parents."""

from __future__ import annotations

from tests.check.builders import amount, clean
from yusuan.check import run_checks
from yusuan.check.registry import get
from yusuan.model import Disclosure, PerformanceTarget

RULE = get("performance.fund_parts")


def _with(**funds: str) -> Disclosure:
    d = clean()
    d.performance.append(
        PerformanceTarget(
            "project", "公共服务设施运行经费", funds={k: amount(v, table="填报表") for k, v in funds.items()}
        )
    )
    return d


def test_current_fiscal_above_requested_is_an_error_naming_both() -> None:
    d = _with(
        total="10903043.00",
        fiscal="10903043.00",
        requested="10903043.00",
        current_fiscal="11419043.00",
        carryover="0.00",
        other="0.00",
    )
    (f,) = run_checks(d, [RULE], strict=True)
    assert f.severity == "error"
    assert {"11419043.00", "10903043.00"} <= set(f.values)
    assert {loc.column for loc in f.locations} >= {"requested", "current_fiscal"}
    assert all(loc.row == "公共服务设施运行经费" and loc.table == "填报表" for loc in f.locations)


def test_parts_that_add_up_pass() -> None:
    d = _with(
        total="30.00",
        fiscal="20.00",
        requested="30.00",
        current_fiscal="18.00",
        carryover="2.00",
        other="10.00",
    )
    assert run_checks(d, [RULE], strict=True) == []


def test_fiscal_above_total() -> None:
    (f,) = run_checks(_with(total="0.40", fiscal="0.50"), [RULE], strict=True)
    assert f.values == ("0.50", "0.40")
    assert "其中：财政资金" in f.message and "项目资金总额" in f.message


def test_part_above_requested_when_the_sum_is_not_printed() -> None:
    (f,) = run_checks(_with(requested="10.00", current_fiscal="12.00"), [RULE], strict=True)
    assert f.values == ("12.00", "10.00")
