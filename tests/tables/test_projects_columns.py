"""项目支出表 read from geometry: a 项目类别 column beside the name is no part of it, and rows whose
amounts happen to equal the next rows' sum are no unit subtotals when every row makes the 合计."""

from __future__ import annotations

from decimal import Decimal

from tests.tables.geometric import geometric_table
from yusuan.tables.projects import read_projects

HEADER = [[("项目名称", 133, 171), ("项目类别", 287, 325), ("合计", 353, 372), ("一般公共预算", 445, 493)]]


def _row(name: str, category: str, amount: str) -> list:
    return [(name, 31, 31 + 12 * len(name)), (category, 278, 316), (amount, 360, 387), (amount, 466, 493)]


def test_category_column_kept_out_and_no_unit_rows_by_coincidence() -> None:
    table = geometric_table(
        "project_expenditure",
        "项目支出预算情况表",
        HEADER,
        [
            [("合 计", 31, 53), ("300.00", 353, 387), ("300.00", 459, 493)],
            _row("城建工作标准编制", "其他运转类", "150.00"),  # = the three rows after it, by chance
            _row("考试专项经费", "其他运转类", "60.00"),
            _row("质量巡查检测费", "其他运转类", "40.00"),
            _row("信息系统运维", "特定目标类", "50.00"),
        ],
    )
    projects = read_projects(table, "x")
    assert [(p.name, p.unit, p.amount.value if p.amount else None) for p in projects] == [
        ("城建工作标准编制", None, Decimal("150.00")),
        ("考试专项经费", None, Decimal("60.00")),
        ("质量巡查检测费", None, Decimal("40.00")),
        ("信息系统运维", None, Decimal("50.00")),
    ]


def test_unit_rows_still_found_by_the_sums_of_the_whole_table() -> None:
    table = geometric_table(
        "project_expenditure",
        "项目支出预算情况表",
        HEADER,
        [
            [("合 计", 31, 53), ("150.00", 353, 387), ("150.00", 459, 493)],
            _row("某某局本级", "", "150.00"),
            _row("考试专项经费", "其他运转类", "60.00"),
            _row("质量巡查检测费", "其他运转类", "40.00"),
            _row("信息系统运维", "特定目标类", "50.00"),
        ],
    )
    projects = read_projects(table, "x")
    assert [p.name for p in projects] == ["考试专项经费", "质量巡查检测费", "信息系统运维"]
    assert {p.unit for p in projects} == {"某某局本级"}


def test_the_name_column_is_never_set_aside_for_its_heading() -> None:
    """广州: the rows' names stand under '支出项目类别（资金使用单位）' — a 类别 heading, yet the name column."""
    table = geometric_table(
        "project_expenditure",
        "部门预算项目支出及其他支出预算表",
        [[("支出项目类别（资金使用单位）", 40, 150), ("总计", 190, 220), ("一般公共预算", 300, 340)]],
        [
            [("合计", 40, 60), ("90.00", 195, 220), ("90.00", 315, 340)],
            [("业务用房物业管理费", 40, 140), ("90.00", 195, 220), ("90.00", 315, 340)],
        ],
    )
    assert [p.name for p in read_projects(table, "x")] == ["业务用房物业管理费"]
