"""Template filters: money as printed with thousands separators, times in local words, URL quoting.

Why filters: templates only format; every number shown keeps its printed digits (Decimal, never float).
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import quote as _quote
from urllib.parse import urlencode

from yusuan.web.labels import SEVERITY_LABELS, column_label, kind_label
from yusuan.web.narrative import claim_label


def quote(text: str) -> str:
    return _quote(text, safe="/")


def money(value: Any) -> str:
    """A Decimal with thousands separators and its own decimals; '—' for nothing."""
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        try:
            value = Decimal(value.replace(",", ""))
        except ArithmeticError:
            return value
    if isinstance(value, Decimal):
        return f"{value:,}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def signed(value: Any) -> str:
    """A change with its sign (+1,234.50 / -12.00), an unchanged figure as plain 0."""
    if value is None:
        return "—"
    if isinstance(value, (Decimal, int)):
        return "0" if value == 0 else f"{value:+,}"
    return str(value)


def pct(value: Any) -> str:
    return "—" if value is None else "0%" if value == 0 else f"{value:+}%"


def when(value: datetime | None) -> str:
    """A stored UTC time as local 'YYYY-MM-DD HH:MM'."""
    if value is None:
        return ""
    return value.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def with_query(params: dict[str, Any], **changes: Any) -> str:
    """``?a=1&b=2`` from the current filters with some changed (None removes one)."""
    merged = {**{k: v for k, v in params.items() if v not in (None, "")}, **changes}
    return "?" + urlencode({k: v for k, v in merged.items() if v not in (None, "")})


FILTERS = {"money": money, "signed": signed, "pct": pct, "when": when, "quote": quote,
           "severity_label": lambda s: SEVERITY_LABELS.get(s, s), "kind_label": kind_label,
           "column_label": column_label, "claim_label": claim_label}
GLOBALS = {"with_query": with_query, "severity_labels": SEVERITY_LABELS}
