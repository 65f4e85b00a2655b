"""Cross-document look-ups for checks: the same department's previous-year document.

Why here: a check such as “the stated change equals this year − last year” needs last year's
figures, which only the store has. Checks call :func:`previous_year` with the store they are given
and must cope with ``None`` (no such document stored).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from yusuan.store.db import Store

_INT_KEYS = frozenset({"year", "project_performance_tables"})
_WS = re.compile(r"\s+")


def _decimals(value: Any, key: str = "") -> Any:
    """JSON numbers back to Decimal (money), except the keys that are counts or years."""
    if isinstance(value, dict):
        return {k: _decimals(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_decimals(v, key) for v in value]
    if isinstance(value, Decimal) and key in _INT_KEYS:
        return int(value)
    return value


def load_key_figures(store: Store, doc_id: str) -> dict[str, Any] | None:
    """The stored key figures (SUMMARY_SCHEMA shape, Decimal money) of one document."""
    row = store.con.execute("SELECT figures FROM key_figures WHERE doc_id = ?", [doc_id]).fetchone()
    if row is None:
        return None
    data = json.loads(row[0], parse_float=Decimal, parse_int=Decimal)
    return _decimals(data)


def previous_year(store: Store | str | Path, disclosure: Any) -> dict[str, Any] | None:
    """Key figures of the same department's document for the year before ``disclosure``'s, or None.

    ``disclosure`` is a Disclosure or any object/dict with ``department``, ``year`` and ``kind``.
    The department is matched ignoring whitespace; a document of the same kind (预算/决算) is
    preferred, then the most recently ingested. The result is the SUMMARY_SCHEMA dict (Decimal
    money, as :func:`yusuan.summary` returns) plus ``doc_id`` and ``file_name`` of the match.
    Documents stored before schema v2 give only the expenditure totals (``backfilled: true``).
    """
    get = disclosure.get if isinstance(disclosure, dict) else lambda k: getattr(disclosure, k, None)
    department, year, kind = get("department"), get("year"), get("kind")
    if not department or year is None:
        return None
    own = isinstance(store, (str, Path))
    st = Store(store, read_only=True) if own else store
    try:
        row = st.con.execute(
            "SELECT doc_id, file_name FROM documents WHERE regexp_replace(department, '\\s+', '', 'g') = ? "
            "AND year = ? ORDER BY (kind = ?) DESC, ingested_at DESC LIMIT 1",
            [_WS.sub("", department), int(year) - 1, kind or ""],
        ).fetchone()
        if row is None:
            return None
        figures = load_key_figures(st, row[0]) or {}
        return {**figures, "doc_id": row[0], "file_name": row[1]}
    finally:
        if own:
            st.close()
