"""Figures placed under header columns in their left-to-right order."""

from __future__ import annotations

from yusuan.tables.align import align
from yusuan.tables.header import Leaf


def _leaves(*spans: tuple[float, float]) -> list[Leaf]:
    out = []
    for i, (x0, x1) in enumerate(spans):
        left = (spans[i - 1][1] + x0) / 2 if i else float("-inf")
        right = (x1 + spans[i + 1][0]) / 2 if i + 1 < len(spans) else float("inf")
        out.append(Leaf((f"c{i}",), x0, x1, left, right))
    return out


def test_each_figure_in_the_room_that_holds_it() -> None:
    assert align([(10, 20), (95, 110)], _leaves((0, 30), (40, 60), (90, 120))) == [0, 2]


def test_right_aligned_figures_that_stand_in_the_next_room_keep_their_order() -> None:
    # headings left-aligned, figures right-aligned: '0.95' ends before the next heading starts
    leaves = _leaves((104, 128), (176, 260), (289, 349))
    assert align([(141, 165), (344, 368)], leaves) == [0, 2]


def test_a_full_row_is_placed_by_order_alone() -> None:
    leaves = _leaves((0, 10), (12, 20), (22, 30))
    assert align([(15, 18), (19, 21), (28, 40)], leaves) == [0, 1, 2]


def test_more_figures_than_columns() -> None:
    assert align([(0, 1), (2, 3)], _leaves((0, 5))) is None
