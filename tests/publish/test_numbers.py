"""Money as printed: exact in any unit (decimals grow rather than round), zeros as the template says."""

from __future__ import annotations

from decimal import Decimal as D

from yusuan.publish.numbers import in_unit, money_text, needed_decimals


def test_conversion_is_exact_and_decimals_grow_to_keep_it() -> None:
    value = in_unit(D("189767551"), "元", "万元")
    assert value == D("18976.7551")
    places = needed_decimals([value, D("3.5")], 2)
    assert places == 4
    assert money_text(value, places) == "18,976.7551"
    assert needed_decimals([D("31214205.80")], 0) == 2  # cents print as two decimals, never one
    assert in_unit(D("1.20"), "万元", "元") == D("12000")


def test_zeros_and_separators() -> None:
    assert money_text(D(0), 2, zero="") == ""
    assert money_text(D(0), 2, zero="0") == "0.00"
    assert money_text(None, 0, zero="0") == "0"
    assert money_text(D(0), 2, zero="-") == "-"
    assert money_text(D("1425.4"), 2) == "1,425.40"
    assert money_text(D("-22.3"), 2, thousands=False) == "-22.30"
