"""Row index: code parents by prefix (a 项 without its printed 款 hangs on its 类), unit blocks."""

from __future__ import annotations

from tests.check.builders import item, table
from yusuan.check.index import TableIndex


def test_children_by_printed_prefix() -> None:
    t = table(
        "expenditure_summary",
        "支出总表",
        ["total"],
        [
            item("合计", level="total", total="30.00"),
            item("社会保障和就业支出", "208", total="30.00"),
            item("机关事业单位基本养老保险缴费支出", "2080505", total="20.00"),
            item("行政事业单位养老支出", "20805", total="20.00"),
            item("抚恤", "2080899", total="10.00"),
        ],
    )
    index = TableIndex.build(t)
    children = {code: [c.code for c in index.children.get((None, code), [])] for code in ("208", "20805")}
    assert children == {"208": ["20805", "2080899"], "20805": ["2080505"]}
    assert [r.code for r in index.roots(None)] == ["208"]
    assert index.subtotal[None].name == "合计"


def test_unit_rows_recognised_by_name() -> None:
    t = table(
        "project_expenditure",
        "项目支出表",
        ["total"],
        [
            item("合计", level="total", total="5.00"),
            item("本级", total="5.00"),
            item("项目甲", total="5.00"),
        ],
    )
    index = TableIndex.build(t, frozenset({"本级"}))
    assert [u.name for u in index.unit_rows] == ["本级"]
    assert "本级" in index.subtotal


def test_code_rows_after_a_unit_row_belong_to_it() -> None:
    t = table(
        "expenditure_summary",
        "支出总表",
        ["total"],
        [
            item("合计", level="total", total="30.00"),
            item("社会保障和就业支出", "208", total="30.00"),
            item("本级", level="unit", unit="本级", total="30.00"),
            item("社会保障和就业支出", "208", total="30.00"),
        ],
    )
    index = TableIndex.build(t)
    assert set(index.codes) == {None, "本级"}
