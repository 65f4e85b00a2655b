"""Unit subtotal rows of a flowing 项目支出表 are read off the sums of the whole table: one
subtotal matched alone can be a coincidence (广州 国资委 p.25: 增加公交集团资本金 2,000.00 over two
projects of 1,000.00 is a project, not a unit)."""

from __future__ import annotations

from decimal import Decimal

from yusuan.tables.project_units import sums_following, tree_by_sums, units_by_sums


def _d(*values: str) -> list[Decimal]:
    return [Decimal(v) for v in values]


def test_units_and_their_projects_parse_to_the_total() -> None:
    amounts = _d("300.00", "100.00", "200.00", "50.00", "50.00")  # unit A (100+200), unit B (50)
    assert units_by_sums(amounts, Decimal("350.00")) == [True, False, False, True, False]


def test_projects_without_units_do_not_parse() -> None:
    amounts = _d("2000.00", "1000.00", "1000.00", "10500.00")
    assert units_by_sums(amounts, Decimal("14500.00")) is None
    assert units_by_sums(amounts, None) is None


def test_zero_projects_stay_with_their_unit() -> None:
    amounts = _d("100.00", "100.00", "0.00", "40.00", "40.00")
    assert units_by_sums(amounts, Decimal("140.00")) == [True, False, False, True, False]


def test_a_lone_match_counts_only_for_a_name_like_a_unit() -> None:
    amounts = _d("1000.00", "1000.00", "5.00")
    assert not sums_following(amounts, 0, "增加珠实集团资本金，用于市康养平台")
    assert sums_following(amounts, 0, "广州市国防教育中心")
    assert sums_following(amounts, 0, "广州市统计监测中心（广州市统计发展中心）")


def test_unit_rows_are_marked_as_the_project_reader_told_them_apart() -> None:
    """广州 规划局 表12: '广州市城市规划展览中心' 1,250.00 is a project of the bureau, printed before
    the centre's own subtotal row of the same name; only the subtotal row becomes a unit row."""
    from yusuan.check.index import TableIndex
    from yusuan.model import Amount, LineItem, Project, Provenance, StatementTable
    from yusuan.tables.project_units import mark_unit_rows

    def item(name: str, value: str, line: int, level: str = "item") -> LineItem:
        at = Provenance(source="x.pdf", line=line)
        return LineItem(name, {"total": Amount(Decimal(value), value, at)}, level=level, where=at)

    def project(name: str, value: str, line: int, unit: str) -> Project:
        at = Provenance(source="x.pdf", line=line)
        return Project(name, Amount(Decimal(value), value, at), unit=unit, where=at)

    table = StatementTable(kind="project_expenditure", title="项目支出表")
    table.items = [
        item("合计", "1350.00", 1, "total"), item("广州市规划和自然资源局", "1250.00", 2),
        item("广州市城市规划展览中心", "1250.00", 3), item("广州市城市规划展览中心", "100.00", 4),
        item("业务用房物业管理费", "100.00", 5),
    ]
    projects = [
        project("广州市城市规划展览中心", "1250.00", 3, "广州市规划和自然资源局"),
        project("业务用房物业管理费", "100.00", 5, "广州市城市规划展览中心"),
    ]
    mark_unit_rows(table, projects)
    assert [i.level for i in table.items] == ["total", "unit", "item", "unit", "item"]
    assert table.items[4].unit == "广州市城市规划展览中心"
    index = TableIndex.build(table, frozenset({"广州市规划和自然资源局", "广州市城市规划展览中心"}))
    assert [u.where.line for u in index.unit_rows if u.where] == [2, 4]


def test_a_repeated_header_misread_by_ocr_is_still_a_header() -> None:
    from yusuan.tables.projects import _repeats_header

    header = {"单位名称", "项目名称", "总计", "本年收入", "上年结转结余"}
    assert _repeats_header({"单位名称", "项目名称", "总计", "本年收入", "上年扬转活余"}, "", header)
    assert not _repeats_header({"沈阳市工业发展报告印刷费"}, "沈阳市工业发展报告印刷费", header)
    assert not _repeats_header({"总计", "沈阳市工业发展报告印刷费", "其他"}, "", header)


def test_a_tree_of_subtotals_is_read_by_its_sums() -> None:
    """西安 专项业务经费支出表: 117 › 117001 › 通用项目 › 大型活动 › 审计培训 …, each the sum of the rows under it."""
    amounts = [
        Decimal(x)
        for x in (
            "8490507.50", "8490507.50", "3650000.00", "150000.00", "150000.00", "3500000.00",
            "3500000.00", "4840507.50", "4840507.50", "2858680.00", "1000000.00", "981827.50",
        )
    ]  # fmt: skip
    assert tree_by_sums(amounts, Decimal("8490507.50")) == [None, 0, 1, 2, 3, 2, 5, 1, 7, 8, 8, 8]


def test_no_tree_where_the_rows_add_up_as_they_are_or_not_at_all() -> None:
    rows = [Decimal(x) for x in ("150.00", "60.00", "40.00", "50.00")]
    assert tree_by_sums(rows, Decimal("300.00")) == [None, None, None, None]  # all projects
    assert tree_by_sums(rows, Decimal("301.00")) is None
