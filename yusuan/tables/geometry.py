"""Columns from where figures stand on the page (PDF/OCR layouts with cell boxes).

Why from the body and not the header: header words are centred over merged cells and broken over
lines, while figures are right-aligned in their column. The rows that print every column give each
column's right edge; a row with blank cells then puts each figure in the column whose edge is
nearest. Only used when every full row agrees on the edges, so a doubtful page falls back to the
identity solver.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import pairwise

from yusuan.tables.rows import RawRow

_AGREE = 6.0  # points: how far full rows may disagree on a column's right edge


def column_edges(rows: Sequence[RawRow], n: int) -> list[float] | None:
    """Right edges of the ``n`` value columns, from the rows printing all of them (None if unsure)."""
    full = [r for r in rows if len(r.values) == n and all(v.x1 is not None for v in r.values)]
    if not full or n < 2:
        return None
    edges: list[float] = []
    for col in range(n):
        xs = [r.values[col].x1 for r in full]
        if max(xs) - min(xs) > _AGREE:  # type: ignore[operator]
            return None
        edges.append(sum(xs) / len(xs))  # type: ignore[arg-type]
    if any(b <= a for a, b in pairwise(edges)):
        return None
    return edges


def place_by_edges(row: RawRow, edges: Sequence[float]) -> tuple[int, ...] | None:
    """Column indexes of a row's figures by their right edges (None when one is far from every edge)."""
    gaps = [b - a for a, b in pairwise(edges)]
    reach = min(gaps) / 2 if gaps else _AGREE
    positions: list[int] = []
    for value in row.values:
        if value.x1 is None:
            return None
        distance, col = min((abs(value.x1 - edge), i) for i, edge in enumerate(edges))
        if distance > reach:
            return None
        positions.append(col)
    if positions != sorted(set(positions)):
        return None
    return tuple(positions)


def place_by_anchors(row: RawRow, anchors: Sequence[float]) -> tuple[int, ...] | None:
    """Column indexes of a row's figures by the headings' left edges: each figure goes to the last
    column whose heading starts left of its right edge (None when that is not one figure per
    column, left to right)."""
    positions: list[int] = []
    for value in row.values:
        if value.x1 is None or value.x1 < anchors[0]:
            return None
        positions.append(bisect_right(anchors, value.x1) - 1)
    if positions != sorted(set(positions)):
        return None
    return tuple(positions)
