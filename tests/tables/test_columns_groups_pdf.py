"""A PDF two-level header whose group word stands right above its first member (本年收入 over
合计, both left-aligned in their boxes) is two words, not one fragment broken over lines."""

from __future__ import annotations

from yusuan.layout import Cell, Line
from yusuan.tables.columns import header_columns


def _line(number: int, top: float, cells: list[tuple[float, float, str]]) -> Line:
    return Line(number=number, page=1, cells=[Cell(t, x0, x1, top, top + 8) for x0, x1, t in cells], top=top)


def test_group_word_over_its_first_member_is_not_glued_to_it() -> None:
    header = [
        _line(1, 71.0, [(29, 50, "单位名称"), (92, 102, "总计"), (138, 159, "本年收入"), (464, 495, "上年结转结余")]),
        _line(2, 79.0, [
            (138, 148, "合计"), (180, 212, "一般公共预算"), (235, 272, "政府性基金预算"),
            (464, 474, "合计"), (519, 550, "一般公共预算"), (574, 610, "政府性基金预算"),
        ]),
    ]
    assert header_columns(header) == [
        "total", "current_year_total", "general_public_budget", "government_fund",
        "carryover", "carryover.general_public_budget", "carryover.government_fund",
    ]
