"""Figure columns arranged by a template: groups over members with their 小计, a group without its
小计 hoisted flat, caption groups, and columns the template does not arrange appended."""

from __future__ import annotations

from yusuan.publish.columns import arrange
from yusuan.publish.document import Head
from yusuan.publish.spec import ColumnNode

BASIC = ColumnNode("基本支出", "basic", (ColumnNode("", "personnel"), ColumnNode("", "public")), "小计")
NODES = (ColumnNode("合计", "total"), BASIC, ColumnNode("", "project"))
WORDS = {"total": "合计", "personnel": "人员经费", "public": "公用经费", "project": "项目支出", "operating": "经营支出"}


def _arrange(present: list[str], nodes=NODES):  # type: ignore[no-untyped-def]
    return arrange(nodes, present, WORDS.__getitem__)


def test_a_group_prints_its_subtotal_then_its_members() -> None:
    header, keys = _arrange(["total", "basic", "personnel", "public", "project"])
    assert keys == ["total", "basic", "personnel", "public", "project"]
    assert header == [
        [Head("合计", 1, 2), Head("基本支出", 3, 1), Head("项目支出", 1, 2)],
        [Head("小计", 1, 1), Head("人员经费", 1, 1), Head("公用经费", 1, 1)],
    ]


def test_a_group_without_its_subtotal_prints_its_members_flat() -> None:
    header, keys = _arrange(["total", "personnel", "public"])
    assert keys == ["total", "personnel", "public"]
    assert header == [[Head("合计"), Head("人员经费"), Head("公用经费")]]


def test_a_caption_group_omits_its_implied_subtotal() -> None:
    caption = (ColumnNode("合计", "total"), ColumnNode("基本支出", "basic", BASIC.children, caption=True))
    header, keys = _arrange(["total", "basic", "personnel", "public"], caption)
    assert keys == ["total", "personnel", "public"]
    assert header[0] == [Head("合计", 1, 2), Head("基本支出", 2, 1)]


def test_columns_the_template_does_not_arrange_follow_and_absent_ones_are_not_printed() -> None:
    header, keys = _arrange(["project", "operating", "total"])
    assert keys == ["total", "project", "operating"]
    assert [h.text for h in header[0]] == ["合计", "项目支出", "经营支出"]
