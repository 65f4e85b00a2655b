"""Property: a random consistent 收支预算总表, printed as text and as .xlsx, reads back to the same figures."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings

import yusuan
from tests.property.strategies import Budget, as_text, budgets, expected_summary, write_xlsx

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _field(summary: dict[str, Any], dotted: str) -> Decimal:
    value: Any = summary
    for key in dotted.split("."):
        value = value[key]
    return Decimal(0) if value is None else value  # a blank printed line is zero (DESIGN §1)


def _read_back(path: Path, b: Budget) -> None:
    s = yusuan.summary(yusuan.read(path))
    assert s["department"] == b.department
    got = {k: _field(s, k) for k in expected_summary(b)}
    assert got == expected_summary(b)


@SETTINGS
@given(budgets())
def test_a_printed_budget_reads_back_from_text(b: Budget) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "budget.txt"
        path.write_text(as_text(b), "utf-8")
        _read_back(path, b)


@SETTINGS
@given(budgets())
def test_a_printed_budget_reads_back_from_xlsx(b: Budget) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _read_back(write_xlsx(b, Path(tmp) / "budget.xlsx"), b)
