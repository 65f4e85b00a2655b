"""项目支出表 → projects (name, unit, content, amount by fund source)."""

from __future__ import annotations

from yusuan.model.disclosure import Project
from yusuan.tables.table import Table


def read_projects(table: Table, source: str) -> list[Project]:
    """The projects itemised in a 项目支出(预算)表."""
    return []
