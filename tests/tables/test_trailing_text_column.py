"""A PDF table with a text column right of its figures (广州 表12 绩效目标): its wrapped lines are
not part of any row's name, and a figure glued to that text keeps only the figure."""

from __future__ import annotations

from yusuan.layout import Cell, Line
from yusuan.tables.rows import read_rows


def _line(number: int, top: float, cells: list[tuple[float, float, str]]) -> Line:
    return Line(number=number, page=1, cells=[Cell(t, x0, x1, top, top + 8) for x0, x1, t in cells], top=top)


def test_goal_text_right_of_the_figures_is_not_a_name() -> None:
    body = [
        _line(1, 100, [(43, 160, "市委宣传部2025年信息化运维项目"), (206, 226, "38.93"), (266, 286, "38.93"), (528, 547, "0.00")]),
        _line(2, 108, [(549, 700, "持续做好信息化运维工作，保障系统正常运行")]),
        _line(3, 116, [(43, 150, "2026年政策研究经费"), (206, 226, "20.00"), (266, 286, "20.00"), (528, 700, "0.00求，扎实推进工作调研")]),
        _line(4, 124, [(549, 700, "按照中央和省委部署要求")]),
        _line(5, 132, [(48, 120, "广州市国防教育中心"), (201, 226, "466.00"), (261, 286, "466.00"), (528, 547, "0.00")]),
    ]
    rows = read_rows(body, has_seq=False)
    assert [r.name for r in rows] == ["市委宣传部2025年信息化运维项目", "2026年政策研究经费", "广州市国防教育中心"]
    assert [v.text for v in rows[1].values] == ["20.00", "20.00", "0.00"]
    assert abs(rows[1].values[-1].x1 - 547) < 4  # where the digits end, not the glued text


def test_a_table_without_a_text_column_is_read_as_before() -> None:
    body = [
        _line(1, 100, [(43, 100, "科学技术支出"), (206, 226, "38.93")]),
        _line(2, 108, [(43, 100, "事务"), (206, 226, "1.00")]),
        _line(3, 116, [(43, 100, "其他支出"), (206, 226, "2.00")]),
    ]
    assert [r.name for r in read_rows(body, has_seq=False)] == ["科学技术支出", "事务", "其他支出"]
