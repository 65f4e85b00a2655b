"""Printed amounts as the table stage asks about them: memoised, since the same cell texts
('0.00', '84.73', '-') recur thousands of times in a document and every stage asks again."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from yusuan.money import is_amount, parse_amount

_FIRST = frozenset("0123456789-−—–－(（０１２３４５６７８９ \t\u3000")


@lru_cache(maxsize=1 << 16)
def amount_text(text: str) -> bool:
    """:func:`yusuan.money.is_amount`, with a first-character test that rejects words at once."""
    return bool(text) and text[0] in _FIRST and is_amount(text)


@lru_cache(maxsize=1 << 16)
def number(text: str) -> Decimal | None:
    """The Decimal a cell prints; None for a blank cell or text that is not an amount."""
    try:
        return parse_amount(text)
    except ValueError:
        return None
