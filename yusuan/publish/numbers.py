"""Money as printed by a template (金额格式): unit, decimals, thousands separators, zeros.

Why exact: a published figure must read back to the model's Decimal. A template asks for 2
decimals in 万元, but a model kept in 元 needs 4 there (189,767,551 元 = 18,976.7551 万元), so a
table prints the template's decimals or, where its figures need more, as many as they need —
never a rounded figure.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from yusuan.money import convert, decimals

MAX_DECIMALS = 6


def in_unit(value: Decimal, from_unit: str | None, to_unit: str) -> Decimal:
    """``value`` (printed in ``from_unit``) in ``to_unit``, exactly."""
    if not from_unit or from_unit == to_unit:
        return value
    return convert(value, from_unit, to_unit)


def needed_decimals(values: Iterable[Decimal], wanted: int) -> int:
    """The decimals a column set must print so that no figure is rounded (at least ``wanted``)."""
    most = wanted
    for v in values:
        most = max(most, decimals(v.normalize()) if v != v.to_integral_value() else 0)
    if most > wanted:
        most = max(most, 2)  # cents print as two decimals (31,214,205.80 元), never one
    return min(most, MAX_DECIMALS)


def money_text(value: Decimal | None, places: int, thousands: bool = True, zero: str = "") -> str:
    """``value`` printed with ``places`` decimals; a zero (or a missing value) prints as ``zero``
    ('' blank, '-' a dash, '0' or '0.00' a zero in the column's decimals)."""
    if value is None or value == 0:
        return f"{Decimal(0):.{places}f}" if zero in ("0", "0.00") else zero
    text = f"{value:,.{places}f}" if thousands else f"{value:.{places}f}"
    return text


def unit_of(spec_unit: str, model_unit: str | None) -> str:
    """The unit a part prints in: the template's, or the model's where the template says ``source``."""
    return (model_unit or "万元") if spec_unit == "source" else spec_unit
