"""The table stage's memoised amount tests agree with yusuan.money on every shape of cell."""

from __future__ import annotations

from decimal import Decimal

import pytest

from yusuan.money import is_amount
from yusuan.tables.amounts import amount_text, number


@pytest.mark.parametrize(
    "text", ["1,234.00", "（22.30）", "(1.00)", "－5", "−3.2", "０.５", "abc", "", "-", "—", "12", "2025年", " 3.00", "\u30001.00"]
)
def test_amount_text_agrees_with_money(text: str) -> None:
    assert amount_text(text) == is_amount(text)


def test_number_blank_invalid_and_dash() -> None:
    assert number("1,234.50") == Decimal("1234.50")
    assert number("") is None and number("项目") is None
    assert number("-") == Decimal(0)
