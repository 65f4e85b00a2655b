"""Figures placed by their right edges when the layout has boxes (PDF): blanks need no solver."""

from __future__ import annotations

from yusuan.layout import Cell, Line
from yusuan.tables.geometry import column_edges, place_by_edges
from yusuan.tables.rows import read_rows


def _line(number: int, *cells: tuple[str, float, float]) -> Line:
    boxes = [Cell(text, x0, x1, 10.0 * number, 10.0 * number + 8) for text, x0, x1 in cells]
    return Line(boxes, 1, number, " ".join(c[0] for c in cells))


def _rows() -> list:
    return read_rows(
        [
            _line(1, ("合计", 10, 30), ("30.00", 170, 200), ("20.00", 270, 300), ("10.00", 370, 400)),
            _line(2, ("2010801", 10, 50), ("行政运行", 60, 100), ("20.00", 170, 200), ("20.00", 270, 300)),
            _line(3, ("2010802", 10, 50), ("一般行政管理事务", 60, 140), ("10.00", 170, 200), ("10.00", 370, 400)),
        ],
        has_seq=False,
    )


def test_edges_come_from_full_rows() -> None:
    assert column_edges(_rows(), 3) == [200, 300, 400]


def test_blank_cells_are_known_from_the_edges() -> None:
    rows = _rows()
    edges = column_edges(rows, 3)
    assert edges is not None
    assert place_by_edges(rows[1], edges) == (0, 1)
    assert place_by_edges(rows[2], edges) == (0, 2)


def test_no_edges_without_a_full_row() -> None:
    assert column_edges(_rows()[1:], 3) is None
