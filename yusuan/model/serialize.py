"""Model → plain JSON-ready values (``yusuan parse``): Decimal as its printed string, dataclasses as dicts."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any


def to_plain(value: Any) -> Any:
    """Recursively turn dataclasses, Decimals, tuples and dicts into JSON-ready values.

    Decimals become strings so no precision is lost (``"1425.40"``); ``None`` fields are kept so
    the shape is stable for tools that read it.
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple) and hasattr(value, "_asdict"):
        return {k: to_plain(v) for k, v in value._asdict().items()}
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    return value
