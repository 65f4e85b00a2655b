"""Table rows of a word-processor or web page → layout lines whose cells sit at grid columns.

Why shared: a .docx table and an HTML table are both a grid of cells with column and row spans,
and both should read like the spreadsheet they usually came from (:mod:`yusuan.read.excel`):
``x0`` is the cell's first grid column, ``x1 = x0 + span``, the other columns a span covers (to
the right, and below its first row) are empty cells, and a row keeps its empty cells up to its
last non-empty one, so a cell's position in the line is its column.
"""

from __future__ import annotations

from dataclasses import dataclass

from yusuan.layout import Cell, Line


@dataclass(slots=True)
class GridCell:
    """One printed cell: its text, how many grid columns it spans, and whether it only continues a
    cell above (a vertical merge: printed empty, as a merged spreadsheet cell is)."""

    text: str
    colspan: int = 1
    rowspan: int = 1
    continued: bool = False


def grid_lines(rows: list[list[GridCell]], page: int, first_number: int, skip: list[int] | None = None) -> list[Line]:
    """The lines of one table: ``rows`` as printed (cells left to right, row spans given by the
    first row only), numbered from ``first_number``; ``skip`` holds leading grid columns per row
    (Word's gridBefore)."""
    covered: dict[tuple[int, int], int] = {}  # (row, column) → rows still covered by a span above
    lines: list[Line] = []
    for r, row in enumerate(rows):
        col = skip[r] if skip else 0
        cells: list[Cell] = []
        for grid_cell in row:
            while (r, col) in covered:
                cells.append(Cell("", float(col), float(col + 1)))
                col += 1
            text = "" if grid_cell.continued else grid_cell.text
            cells.append(Cell(text, float(col), float(col + grid_cell.colspan)))
            cells.extend(Cell("", float(c), float(c + 1)) for c in range(col + 1, col + grid_cell.colspan))
            for below in range(1, grid_cell.rowspan):
                for c in range(col, col + grid_cell.colspan):
                    covered[(r + below, c)] = 1
            col += grid_cell.colspan
        filled = max((i + 1 for i, c in enumerate(cells) if c.text), default=0)
        del cells[filled:]
        if cells:
            lines.append(Line(cells, page, first_number + r, _raw(cells)))
    return lines


def _raw(cells: list[Cell]) -> str:
    """The row as text, tab-separated where it has empty cells (as the Excel reader prints it)."""
    sep = "\t" if any(not c.text for c in cells) else " "
    return sep.join(c.text for c in cells)


def text_line(text: str, page: int, number: int) -> Line | None:
    """A paragraph as a one-cell line (None for a blank paragraph)."""
    text = text.strip()
    if not text:
        return None
    return Line([Cell(text, 0.0, 1.0)], page, number, text)
