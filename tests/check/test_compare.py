"""The rounding policy: a difference printed parts can explain is `rounding`, never error or silence."""

from __future__ import annotations

from decimal import Decimal

import pytest

from yusuan.check.cells import Cell
from yusuan.check.compare import bounds, check_equal, check_percent, check_sum
from yusuan.check.finding import Location
from yusuan.model import Amount


def cell(text: str, unit: str | None = "万元", row: str = "r") -> Cell:
    return Cell(Amount(Decimal(text) if text else Decimal(0), text), unit, Location(row=row))


@pytest.mark.parametrize(
    ("total", "parts", "severity"),
    [
        ("82.89", ["81.14", "1.74"], "rounding"),  # seed 002: 类 208 vs its 款
        (
            "4390.08",
            [
                "953.08",
                "744.41",
                "1297.53",
                "361.64",
                "111.91",
                "121.86",
                "62.24",
                "4.56",
                "393.49",
                "339.38",
            ],
            "rounding",
        ),  # seed 004: 301, a 0.02 gap over ten parts
        ("82.89", ["81.14", "1.70"], "error"),
        ("1.0", ["", "0"], "error"),  # seed 002 text: 三公 total 1.0 vs parts 0 + 0
        ("0", ["1.0"], "error"),  # a stated zero is exact
        ("94995790", ["17887739", "17464243", "6522681", "53121126"], "rounding"),  # 元, 1 元 over four parts
    ],
)
def test_sum_severity(total: str, parts: list[str], severity: str) -> None:
    f = check_sum(cell(total), [cell(p) for p in parts], "what", "parts")
    assert f is not None and f.severity == severity
    assert f.values[0] == total


def test_sum_that_holds_is_silent() -> None:
    assert check_sum(cell("1425.40"), [cell("1207.28"), cell("218.12")], "w", "p") is None


def test_sum_values_and_every_location() -> None:
    f = check_sum(cell("82.89", row="208"), [cell("81.14", row="20805"), cell("1.74", row="20808")], "w", "p")
    assert f is not None
    assert f.values == ("82.89", "82.88")
    assert [loc.row for loc in f.locations] == ["208", "20805", "20808"]
    assert "82.89" in f.message and "82.88" in f.message and "0.01" in f.message


def test_equal_across_units_and_precision() -> None:
    assert check_equal(cell("87.36"), cell("873617", "元"), "w", "a", "b") is None  # quoted coarser, rounds
    f = check_equal(cell("887.36"), cell("873617", "元"), "w", "a", "b")
    assert f is not None and f.severity == "error" and f.values == ("887.36", "873617")
    f = check_equal(cell("3510.09"), cell("3510.10"), "w", "a", "b")
    assert f is not None and f.severity == "rounding"


def test_percent() -> None:
    current, previous = cell("45.41"), cell("11.67")
    lo, hi = bounds(current, previous, "万元")  # type: ignore[misc]
    exact = (Decimal("45.41") / Decimal("11.67") - 1) * 100
    f = check_percent(cell("314.82", "%"), exact, (lo - 1) * 100, (hi - 1) * 100, "w", [current, previous])
    assert f is not None and f.severity == "error" and f.values == ("314.82", "289.12")  # seed 万里 2023
    assert check_percent(cell("289.12", "%"), exact, (lo - 1) * 100, (hi - 1) * 100, "w", []) is None
