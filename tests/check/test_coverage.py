"""Read coverage: the six criteria decided from a summary."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import yusuan
from yusuan.check.coverage import read_coverage

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _full() -> dict:
    return {
        "money_unit": "万元",
        "revenue": {"grand_total": Decimal("10.00")},
        "expenditure": {
            "grand_total": Decimal("10.00"),
            "current_year_total": Decimal("10.00"),
            "by_function_class": {"201": Decimal("6.00"), "208": Decimal("4.00")},
            "basic": Decimal("7.00"),
            "project": Decimal("3.00"),
        },
        "general_public_budget_expenditure": {"total": Decimal("9.00"), "basic": Decimal("7.00")},
        "basic_by_economic_class": {"301": Decimal("5.00"), "30101": Decimal("5.00"), "302": Decimal("2.01")},
        "three_public": {"total": Decimal(0)},
    }


def test_a_consistent_summary_is_fully_covered() -> None:
    coverage = read_coverage(_full())
    assert coverage.full and coverage.label() == "6/6" and coverage.missing == []


def test_each_criterion_fails_on_its_own_gap() -> None:
    s = _full()
    s["expenditure"]["by_function_class"]["208"] = Decimal("4.03")
    s["three_public"] = {"total": None}
    s["revenue"]["grand_total"] = Decimal("10.01")
    coverage = read_coverage(s)
    assert {k for k, ok in coverage.criteria.items() if not ok} == {"C", "S", "T"}
    assert coverage.label() == "3/6"


def test_rounding_of_one_cent_per_part_is_allowed() -> None:
    s = _full()
    s["basic_by_economic_class"]["302"] = Decimal("2.02")
    assert read_coverage(s).criteria["E"]
    s["basic_by_economic_class"]["302"] = Decimal("2.03")
    assert not read_coverage(s).criteria["E"]


def test_the_bundled_examples_are_fully_read() -> None:
    for path in sorted(EXAMPLES.glob("00[012]_*.txt")):
        coverage = read_coverage(yusuan.summary(yusuan.read(path)))
        assert coverage.full, (path.name, coverage.missing)
