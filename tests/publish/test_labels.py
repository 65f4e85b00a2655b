"""The label columns in each code layout: whole, split 类|款|项, glued, indented, broken."""

from __future__ import annotations

import pytest

from yusuan.model import LineItem
from yusuan.publish.labels import INDENT, label_cells, label_header, split_width

ITEM = LineItem("事业运行", {}, code="2010350", level="项")
ECONOMIC = LineItem("办公费", {}, code="30201", level="款")


@pytest.mark.parametrize(("layout", "item", "width", "cells"), [
    ("whole", ITEM, 3, ["2010350", "事业运行"]),
    ("split", ITEM, 3, ["201", "03", "50", "事业运行"]),
    ("split", ECONOMIC, 2, ["302", "01", "办公费"]),
    ("glued", ECONOMIC, 2, ["30201-办公费"]),
    ("indented", ITEM, 3, [INDENT * 2 + "事业运行"]),
    ("broken", ITEM, 3, ["201035\n0", "事业运行"]),
    ("broken", ECONOMIC, 2, ["30201", "办公费"]),
])
def test_code_layouts(layout: str, item: LineItem, width: int, cells: list[str]) -> None:
    assert label_cells(item, layout, width, "合计") == cells


def test_total_and_unit_rows() -> None:
    total = LineItem("合计", {}, level="total")
    unit = LineItem("沈阳市工业和信息化局本级", {}, code="558001", level="unit", unit="沈阳市工业和信息化局本级")
    assert label_cells(total, "whole", 3, "合计") == ["合计", ""]
    assert label_cells(total, "split", 3, "") == ["", "", "", ""]
    assert label_cells(unit, "whole", 3, "合计") == ["558001", "沈阳市工业和信息化局本级"]
    assert label_cells(unit, "split", 3, "合计") == ["", "", "", "沈阳市工业和信息化局本级"]


def test_split_width_and_header() -> None:
    assert split_width([ITEM]) == 3 and split_width([ECONOMIC]) == 2
    rows = label_header("split", "科目编码", "科目名称", 3, 2)
    assert [[h.text for h in r] for r in rows] == [["科目编码", "科目名称"], ["类", "款", "项"]]
    assert label_header("whole", "科目编码", "科目名称", 3, 2, "部门预算支出经济分类科目")[0][0].colspan == 2
