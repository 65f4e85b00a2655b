"""Place a row's figures under a header's columns, keeping their left-to-right order.

Why not each figure into the column whose room holds it: headings are centred or left-aligned
while figures are right-aligned, so a narrow figure ('0' at the right edge of a 小计 column) may
stand in its neighbour's room, and two figures then claim one column. The order of a row's
figures is certain; so the figures are matched to the columns in order (a row printing every
column is placed by order alone), each as near its column as the order allows (dynamic
programming over the monotone matchings). A figure is in a column when its middle is in the
column's room, or when it ends where a right-aligned figure of that column ends: right of the
column's heading start and before the next heading starts.
"""

from __future__ import annotations

from collections.abc import Sequence

from yusuan.tables.header import Leaf

_CENTRE_WEIGHT = 1e-3  # among matchings as close to the rooms, the one nearer the headings' centres


def _outside(x: float, left: float, right: float) -> float:
    return 0.0 if left <= x < right else min(abs(x - left), abs(x - right))


def _cost(x0: float, x1: float, leaves: Sequence[Leaf], j: int) -> float:
    leaf = leaves[j]
    middle = (x0 + x1) / 2
    end = leaves[j + 1].x0 if j + 1 < len(leaves) else float("inf")
    outside = min(_outside(middle, leaf.left, leaf.right), _outside(x1, leaf.x0, end))
    return outside + _CENTRE_WEIGHT * abs(middle - (leaf.x0 + leaf.x1) / 2)


def align(spans: Sequence[tuple[float, float]], leaves: Sequence[Leaf]) -> list[int] | None:
    """The column index of each figure (``spans``: x0, x1 in left-to-right order), strictly
    increasing; None when there are more figures than columns."""
    n, m = len(spans), len(leaves)
    if n > m:
        return None
    if n == 0:
        return []
    inf = float("inf")
    # best[i][j]: least cost placing figures 0..i with figure i in column j
    best = [[inf] * m for _ in range(n)]
    back = [[-1] * m for _ in range(n)]
    for j in range(m - n + 1):
        best[0][j] = _cost(*spans[0], leaves, j)
    for i in range(1, n):
        run, arg = inf, -1
        for j in range(i, m - n + i + 1):
            if best[i - 1][j - 1] < run:
                run, arg = best[i - 1][j - 1], j - 1
            best[i][j] = run + _cost(*spans[i], leaves, j)
            back[i][j] = arg
    j = min(range(n - 1, m), key=lambda k: best[n - 1][k])
    out = [0] * n
    for i in range(n - 1, -1, -1):
        out[i] = j
        j = back[i][j]
    return out
