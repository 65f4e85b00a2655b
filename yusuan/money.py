"""Amounts as printed → :class:`decimal.Decimal` (金额), never float.

Documents print ``1,425.40``, ``1425.4``, ``-22.30``, ``（22.30）``, full-width digits, or a dash
for zero. Keeping the printed text beside the value lets checks compare "at the document's
precision": the exponent of the Decimal is the number of decimals printed.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_FULLWIDTH = str.maketrans("０１２３４５６７８９，．－（）", "0123456789,.-()")
AMOUNT_RE = re.compile(r"^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_DASHES = {"-", "—", "–", "－", "——", "/"}


def normalise_number_text(text: str) -> str:
    """Full-width digits and punctuation to ASCII, surrounding spaces removed."""
    return text.translate(_FULLWIDTH).replace("−", "-").strip()


def is_amount(text: str) -> bool:
    """True when ``text`` is one printed amount (thousands separators allowed)."""
    t = normalise_number_text(text)
    if t.startswith("(") and t.endswith(")"):
        t = t[1:-1]
    return bool(AMOUNT_RE.match(t))


def parse_amount(text: str) -> Decimal | None:
    """The Decimal a cell prints, ``None`` for a blank cell; a lone dash is zero.

    Raises ValueError for text that is not an amount, so callers never guess silently.
    """
    t = normalise_number_text(text)
    if not t:
        return None
    if t in _DASHES:
        return Decimal("0")
    negative = False
    if t.startswith("(") and t.endswith(")"):
        negative, t = True, t[1:-1]
    if not AMOUNT_RE.match(t):
        raise ValueError(f"not an amount: {text!r}")
    try:
        value = Decimal(t.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the regex already guards this
        raise ValueError(f"not an amount: {text!r}") from exc
    return -value if negative else value


def decimals(value: Decimal) -> int:
    """Number of decimals printed (``Decimal('1.40')`` → 2, ``Decimal('7')`` → 0)."""
    exp = value.as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def unit_step(value: Decimal) -> Decimal:
    """One unit of the last printed digit: the rounding a printed part may carry."""
    return Decimal(1).scaleb(-decimals(value))


UNIT_FACTORS: dict[str, Decimal] = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "亿元": Decimal(100000000)}


def convert(value: Decimal, from_unit: str, to_unit: str) -> Decimal:
    """Convert between 元/千元/万元/亿元 exactly (Decimal arithmetic, no rounding)."""
    if from_unit == to_unit:
        return value
    result = value * UNIT_FACTORS[from_unit] / UNIT_FACTORS[to_unit]
    return result.quantize(Decimal(1)) if result == result.to_integral_value() else result.normalize()
