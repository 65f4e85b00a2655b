"""Ruled boxes: wrapped text joined, rows rebuilt, and boxes that are really several rows left alone."""

from __future__ import annotations

from yusuan.layout import Cell
from yusuan.read.pdf_boxes import merge_wrapped
from yusuan.read.pdf_lines import LineCells


def _line(*cells: tuple[str, float, float, float]) -> LineCells:
    """A line of cells given as (text, x0, x1, top); every cell is 8 pt tall."""
    out = [Cell(t, x0, x1, top, top + 8) for t, x0, x1, top in cells]
    return out, min(c.top for c in out), max(c.bottom for c in out)


VRULES = [(0.0, 0.0, 100.0), (100.0, 0.0, 100.0), (200.0, 0.0, 100.0)]


def _texts(lines: list[LineCells]) -> list[list[str]]:
    return [[c.text for c in cells] for cells, _, _ in lines]


def test_wrapped_name_joins_its_row() -> None:
    vrules = [(0.0, 0.0, 100.0), (50.0, 0.0, 100.0), (140.0, 0.0, 100.0), (200.0, 0.0, 100.0)]
    hrules = [(0.0, 0.0, 200.0), (30.0, 0.0, 200.0), (45.0, 0.0, 200.0)]
    lines = [
        _line(("机关事业单位基本", 52, 130, 2)),
        _line(("2080505", 2, 40, 11), ("298.72", 150, 190, 11)),
        _line(("养老保险缴费支出", 52, 130, 20)),
        _line(("2080506", 2, 40, 34), ("职业年金缴费支出", 52, 130, 34), ("143.37", 150, 190, 34)),
    ]
    merged = merge_wrapped(lines, vrules, hrules)
    assert _texts(merged) == [
        ["2080505", "机关事业单位基本养老保险缴费支出", "298.72"],
        ["2080506", "职业年金缴费支出", "143.37"],
    ]
    _, top, bottom = merged[0]
    assert (top, bottom) == (2, 28)
    assert merged[0][0][1].bbox == (52, 2, 130, 28)


def test_latin_pieces_keep_a_space() -> None:
    hrules = [(0.0, 0.0, 200.0), (30.0, 0.0, 200.0)]
    lines = [_line(("Project", 2, 50, 2), ("1.00", 150, 190, 2)), _line(("alpha", 2, 40, 14))]
    assert _texts(merge_wrapped(lines, VRULES, hrules)) == [["Project alpha", "1.00"]]


def test_rows_without_separators_are_not_one_box() -> None:
    hrules = [(0.0, 0.0, 200.0), (60.0, 0.0, 200.0)]  # no rule between the rows
    lines = [
        _line(("行政运行", 2, 50, 2), ("1.00", 150, 190, 2)),
        _line(("事业运行", 2, 50, 14), ("2.00", 150, 190, 14)),
    ]
    assert merge_wrapped(lines, VRULES, hrules) == lines


def test_open_boxes_pass_through() -> None:
    lines = [_line(("注：无。", 2, 50, 2)), _line(("说明", 2, 50, 14))]
    assert merge_wrapped(lines, VRULES, []) == lines
    assert merge_wrapped(lines, VRULES, [(0.0, 0.0, 200.0)]) == lines  # no rule below: not boxed


def test_a_column_blank_all_down_the_run_still_gives_each_row_its_empty_cell() -> None:
    """Two middle columns (100–150, 150–200) hold no text in any row: the rule between them still
    makes them two columns, so every rebuilt row keeps one cell per column (positional, like the
    workbook); from the boxes' edges alone they were one."""
    from yusuan.read.pdf_boxes import ruled_lines

    vrules = [(x, 0.0, 100.0) for x in (0.0, 60.0, 100.0, 150.0, 200.0, 250.0)]
    hrules = [(0.0, 0.0, 250.0), (12.0, 0.0, 250.0), (24.0, 0.0, 250.0)]
    lines = [
        _line(("科学技术支出", 2, 55, 2), ("1.00", 62, 95, 2), ("3.00", 210, 245, 2)),
        _line(("教育支出", 2, 40, 14), ("2.00", 62, 95, 14), ("4.00", 210, 245, 14)),
    ]
    assert _texts(ruled_lines(lines, vrules, hrules)) == [
        ["科学技术支出", "1.00", "", "", "3.00"],
        ["教育支出", "2.00", "", "", "4.00"],
    ]


def test_joined_ocr_pieces_stay_ocr_at_their_least_confidence() -> None:
    hrules = [(0.0, 0.0, 200.0), (30.0, 0.0, 200.0)]
    top = [Cell("机关事业单位", 2, 60, 2, 10, True, 0.9), Cell("1.00", 150, 190, 2, 10, True, 0.99)]
    below = [Cell("基本养老", 2, 40, 14, 22, True, 0.7)]
    ((cells, _, _),) = merge_wrapped([(top, 2, 10), (below, 14, 22)], VRULES, hrules)
    assert cells[0].text == "机关事业单位基本养老" and cells[0].ocr and cells[0].confidence == 0.7
