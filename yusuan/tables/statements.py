"""Interpret a classified table (code/label rows × canonical columns) into a StatementTable.

Placeholder interpretation: every body line is kept as raw cells until the row/column reader
lands; the kinds, titles, pages and notes are already right.
"""

from __future__ import annotations

from yusuan.model import StatementTable
from yusuan.tables.table import Table


def interpret(table: Table, source: str) -> StatementTable:
    """The StatementTable for ``table`` (kind, title, unit, pages, rows)."""
    return StatementTable(
        kind=table.kind,
        title=table.title,
        number=table.number,
        money_unit=table.money_unit,
        pages=table.pages,
        lines=table.line_span,
        notes=[n.text for n in table.notes],
        cells=[[c.text for c in ln.cells] for ln in table.body],
    )
