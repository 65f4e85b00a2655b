"""绩效目标表 / 绩效自评表 → performance targets with indicators."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.layout import Line
from yusuan.model.disclosure import PerformanceTarget
from yusuan.tables.table import Table


def read_performance(table: Table, source: str, lines: Iterable[Line] | None = None) -> list[PerformanceTarget]:
    """The targets printed in a performance table (several per table when pages concatenate)."""
    return []
