"""绩效目标表 / 绩效自评表 → performance targets with indicators."""

from __future__ import annotations

from yusuan.model.disclosure import PerformanceTarget
from yusuan.tables.table import Table


def read_performance(table: Table, source: str) -> list[PerformanceTarget]:
    """The targets printed in a performance table (several per table when pages concatenate)."""
    return []
