"""Unit subtotal rows of a flowing 项目支出表 are read off the sums of the whole table: one
subtotal matched alone can be a coincidence (广州 国资委 p.25: 增加公交集团资本金 2,000.00 over two
projects of 1,000.00 is a project, not a unit)."""

from __future__ import annotations

from decimal import Decimal

from yusuan.model.projects import _sums_following, _units_by_sums


def _d(*values: str) -> list[Decimal]:
    return [Decimal(v) for v in values]


def test_units_and_their_projects_parse_to_the_total() -> None:
    amounts = _d("300.00", "100.00", "200.00", "50.00", "50.00")  # unit A (100+200), unit B (50)
    assert _units_by_sums(amounts, Decimal("350.00")) == [True, False, False, True, False]


def test_projects_without_units_do_not_parse() -> None:
    amounts = _d("2000.00", "1000.00", "1000.00", "10500.00")
    assert _units_by_sums(amounts, Decimal("14500.00")) is None
    assert _units_by_sums(amounts, None) is None


def test_zero_projects_stay_with_their_unit() -> None:
    amounts = _d("100.00", "100.00", "0.00", "40.00", "40.00")
    assert _units_by_sums(amounts, Decimal("140.00")) == [True, False, False, True, False]


def test_a_lone_match_counts_only_for_a_name_like_a_unit() -> None:
    amounts = _d("1000.00", "1000.00", "5.00")
    assert not _sums_following(amounts, 0, "增加珠实集团资本金，用于市康养平台")
    assert _sums_following(amounts, 0, "广州市国防教育中心")
    assert _sums_following(amounts, 0, "广州市统计监测中心（广州市统计发展中心）")
