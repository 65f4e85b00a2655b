"""“三公”经费表 → :class:`ThreePublic` (current year, previous year where printed)."""

from __future__ import annotations

from yusuan.model.disclosure import ThreePublic
from yusuan.tables.table import Table


def read_three_public(table: Table, source: str) -> ThreePublic:
    """Read the 三公 table's figures into canonical keys."""
    return ThreePublic(money_unit=table.money_unit, table=table.label)
