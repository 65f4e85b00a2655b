"""OCR boxes → lines: skew undone, boxes grouped by vertical overlap, joined amounts split."""

from __future__ import annotations

import math

import pytest

from yusuan.layout import Cell
from yusuan.read.ocr_lines import (
    Box,
    box_cells,
    boxes_from_ocr,
    group_lines,
    join_torn,
    lines_from_boxes,
    skew_angle,
)


def _quad(x0: float, top: float, x1: float, bottom: float, degrees: float = 0.0) -> list[list[float]]:
    """An axis-aligned box turned by ``degrees`` about the origin, as a scanner's skew would."""
    a = math.radians(degrees)
    pts = [(x0, top), (x1, top), (x1, bottom), (x0, bottom)]
    return [[x * math.cos(a) - y * math.sin(a), x * math.sin(a) + y * math.cos(a)] for x, y in pts]


def _table(degrees: float) -> list[tuple[list[list[float]], str, float]]:
    rows = [
        ("项目", "预算数", "项目", "预算数"),
        ("一、一般公共预算拨款收入", "1,425.40", "一、社会保障和就业支出", "435.73"),
        ("二、政府性基金预算拨款收入", "0.00", "二、卫生健康支出", "47.43"),
    ]
    xs = [(20, 300), (700, 820), (900, 1180), (1500, 1600)]
    out = []
    for r, row in enumerate(rows):
        top = 100 + 30 * r  # lines 30 px apart, boxes 20 px tall
        for (x0, x1), text in zip(xs, row, strict=True):
            out.append((_quad(x0, top, x1, top + 20, degrees), text, 0.99))
    return out


def test_skew_angle_is_measured_from_wide_boxes() -> None:
    assert skew_angle([q for q, _, _ in _table(0.5)]) == pytest.approx(math.radians(0.5), abs=1e-6)
    assert skew_angle([q for q, _, _ in _table(0.0)]) == 0.0


@pytest.mark.parametrize("degrees", [0.0, 0.5, -0.5, 1.0])
def test_a_skewed_table_keeps_its_rows(degrees: float) -> None:
    """1° over 1600 px moves the right column 28 px, a whole line: grouping without deskew fails."""
    lines = lines_from_boxes(boxes_from_ocr(_table(degrees)), page=1)
    assert [[c.text for c in line.cells] for line in lines] == [
        ["项目", "预算数", "项目", "预算数"],
        ["一、一般公共预算拨款收入", "1,425.40", "一、社会保障和就业支出", "435.73"],
        ["二、政府性基金预算拨款收入", "0.00", "二、卫生健康支出", "47.43"],
    ]
    assert [line.number for line in lines] == [1, 2, 3]
    assert all(c.ocr and c.confidence == 0.99 for line in lines for c in line.cells)


def test_scale_turns_pixels_into_points() -> None:
    (box,) = boxes_from_ocr([(_quad(100, 200, 300, 240), "合计", 0.9)], scale=2.0)
    assert (box.x0, box.top, box.x1, box.bottom) == pytest.approx((50, 100, 150, 120))


def test_a_tall_box_does_not_swallow_two_lines() -> None:
    boxes = [Box(0, 0, 50, 20, "甲", 1), Box(100, 30, 150, 50, "乙", 1), Box(200, 0, 250, 50, "合并", 1)]
    groups = group_lines(boxes)
    assert len(groups) == 2


def test_a_joined_box_is_split_with_interpolated_x() -> None:
    cells = box_cells(Box(0, 0, 220, 20, "74.934.98本年支出合计", 0.95))
    assert [c.text for c in cells] == ["74,934.98", "本年支出合计"]
    assert cells[0].x0 == 0 and cells[1].x1 == 220
    assert cells[0].x1 < cells[1].x0
    assert all(c.ocr and c.confidence == 0.95 and c.top == 0 and c.bottom == 20 for c in cells)


def test_empty_input_gives_no_lines() -> None:
    assert boxes_from_ocr([]) == []
    assert lines_from_boxes([], page=1) == []


def _cell(text: str, x0: float, x1: float, conf: float = 0.9) -> Cell:
    return Cell(text, x0, x1, 100, 114, ocr=True, confidence=conf)


def test_a_label_torn_by_the_detector_is_joined() -> None:
    """'一、' and '一般公共预算拨款收入' 4.5 pt apart in 14 pt text: one cell; columns stay apart."""
    cells = [_cell("一、", 20, 40, 0.99), _cell("一般公共预算拨款收入", 44.5, 180, 0.95),
             _cell("1,425.40", 343, 390), _cell("一、社会保障和就业支出", 392, 500)]
    joined = join_torn(cells)
    assert [c.text for c in joined] == ["一、一般公共预算拨款收入", "1,425.40", "一、社会保障和就业支出"]
    assert (joined[0].x0, joined[0].x1, joined[0].confidence) == (20, 180, 0.95)


def test_latin_pieces_join_with_a_space_and_far_cells_stay_apart() -> None:
    assert [c.text for c in join_torn([_cell("PPP", 0, 30), _cell("项目", 33, 60)])] == ["PPP项目"]
    assert [c.text for c in join_torn([_cell("ABC", 0, 30), _cell("DEF", 33, 60)])] == ["ABC DEF"]
    assert [c.text for c in join_torn([_cell("项", 0, 14), _cell("目", 200, 214)])] == ["项", "目"]
