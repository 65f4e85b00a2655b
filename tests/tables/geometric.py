"""Build tables with geometry (cells with boxes, as a PDF gives them) from inline coordinates, so the
geometric readers are tested without a PDF."""

from __future__ import annotations

from collections.abc import Sequence

from yusuan.layout import Cell, Line
from yusuan.tables.table import Table

Row = Sequence[tuple[str, float, float]]  # (text, x0, x1) of each cell


def _line(cells: Row, number: int, page: int) -> Line:
    top = 100.0 + 12 * number
    boxed = [Cell(text, x0, x1, top, top + 8) for text, x0, x1 in cells]
    return Line(boxed, page, number, raw=" ".join(t for t, _, _ in cells), top=top, bottom=top + 8)


def geometric_table(kind: str, title: str, header: Sequence[Row], body: Sequence[Row], unit: str = "万元") -> Table:
    """A table of ``kind`` whose header and body lines carry boxes, numbered from 2 on page 1."""
    title_line = _line([(title, 100, 400)], 1, 1)
    header_lines = [_line(row, 2 + i, 1) for i, row in enumerate(header)]
    body_lines = [_line(row, 2 + len(header) + i, 1) for i, row in enumerate(body)]
    return Table(kind=kind, title=title, title_line=title_line, money_unit=unit, header=header_lines, body=body_lines)
