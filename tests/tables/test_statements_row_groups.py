"""Listed tables with row groups (政府采购: 采购品目大类 → 单位 → 品目): levels from the catalogue's
``row_groups`` and the sums, and the list.table_sum check over that hierarchy."""

from __future__ import annotations

from pathlib import Path

import pytest

import yusuan
from tests.conftest import shared_path
from tests.tables.helpers import statements
from yusuan.model import StatementTable
from yusuan.tables.catalogue import load_catalogue

_HEAD = "政府采购支出表\n公开13表\n单位：万元\n采购品目大类\t专项名称\t采购品目名称\t采购组织形式\t一般公共预算资金\t总计\n"


def _rows(*rows: str) -> str:
    return _HEAD + "".join(r + "\n" for r in rows)


# 苏州 公开13表 as printed (苏州市审计局 p.22): 大类, a unit row under it, then the unit's items.
_UNITS = _rows(
    "合计\t\t\t\t188.50\t188.50",
    "货物\t\t\t\t5.50\t5.50",
    "示例局\t\t\t\t5.50\t5.50",
    "\t办公费\t复印纸\t集中采购\t1.30\t1.30",
    "\t办公设备购置\t便携式计算机\t集中采购\t4.20\t4.20",
    "服务\t\t\t\t183.00\t183.00",
    "示例局\t\t\t\t180.00\t180.00",
    "\t物业管理费\t物业管理服务\t分散采购\t10.00\t10.00",
    "\t委托业务费\t审计服务\t分散采购\t170.00\t170.00",
    "示例中心\t\t\t\t3.00\t3.00",
    "\t印刷费\t印刷服务\t集中采购\t1.00\t1.00",
    "\t会议费\t会议服务\t集中采购\t2.00\t2.00",
    "\t会议费\t会议服务\t集中采购\t0.00\t0.00",
)


def _table(tmp_path: Path, text: str) -> StatementTable:
    path = tmp_path / "procurement.txt"
    path.write_text(text, "utf-8")
    (st,) = statements(str(path))
    assert st.kind == "procurement"
    return st


def _levels(st: StatementTable) -> list[tuple[str, str, str | None]]:
    return [(i.level, i.name, i.unit) for i in st.items]


def test_catalogue_names_the_procurement_categories() -> None:
    assert load_catalogue().row_groups("procurement")["goods"][0] == "货物"
    assert {"goods", "works", "services"} <= set(load_catalogue().row_groups("procurement"))
    assert load_catalogue().row_groups("expenditure_summary") == {}


def test_categories_units_and_items(tmp_path: Path) -> None:
    st = _table(tmp_path, _UNITS)
    assert _levels(st) == [
        ("total", "合计", None),
        ("category", "货物", None),
        ("unit", "示例局", "示例局"),
        ("item", "办公费复印纸集中采购", "示例局"),
        ("item", "办公设备购置便携式计算机集中采购", "示例局"),
        ("category", "服务", None),
        ("unit", "示例局", "示例局"),
        ("item", "物业管理费物业管理服务分散采购", "示例局"),
        ("item", "委托业务费审计服务分散采购", "示例局"),
        ("unit", "示例中心", "示例中心"),
        ("item", "印刷费印刷服务集中采购", "示例中心"),
        ("item", "会议费会议服务集中采购", "示例中心"),
        ("item", "会议费会议服务集中采购", "示例中心"),
    ]
    assert [i.key for i in st.items if i.level == "category"] == ["goods", "services"]


def test_category_listing_its_items_directly_has_no_units(tmp_path: Path) -> None:
    # 5.00 = 2.00 + 3.00, but 5.00 alone is not the 大类's 10.00: no unit rows here
    st = _table(
        tmp_path,
        _rows(
            "合计\t\t\t\t10.00\t10.00",
            "一、工程\t\t\t\t10.00\t10.00",
            "\t维修费\t房屋修缮\t分散采购\t5.00\t5.00",
            "\t维修费\t道路修缮\t分散采购\t2.00\t2.00",
            "\t维修费\t其他修缮\t分散采购\t3.00\t3.00",
        ),
    )
    assert [(i.level, i.unit) for i in st.items] == [("total", None), ("category", None)] + [("item", None)] * 3
    assert st.items[1].key == "works"


def test_unit_rows_within_the_printed_rounding(tmp_path: Path) -> None:
    st = _table(
        tmp_path,
        _rows(
            "合计\t\t\t\t1.00\t1.00",
            "货物\t\t\t\t1.00\t1.00",
            "示例局\t\t\t\t1.00\t1.00",
            "\t办公费\t复印纸\t集中采购\t0.33\t0.33",
            "\t办公费\t文具\t集中采购\t0.33\t0.33",
            "\t办公费\t笔\t集中采购\t0.33\t0.33",
        ),
    )
    assert [i.level for i in st.items] == ["total", "category", "unit", "item", "item", "item"]


def _list_sums(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "procurement.txt"
    path.write_text(text, "utf-8")
    return [f.message for f in yusuan.check(yusuan.read(path)) if f.rule == "list.table_sum"]


def test_list_table_sum_follows_the_hierarchy(tmp_path: Path) -> None:
    assert _list_sums(tmp_path, _UNITS) == []
    # the 合计 printed one off: the 大类 still add up to their units and items, the 合计 does not
    wrong = _UNITS.replace("合计\t\t\t\t188.50\t188.50", "合计\t\t\t\t189.50\t189.50")
    messages = _list_sums(tmp_path, wrong)
    assert messages and all("合计" in m and "189.50" in m and "188.50" in m for m in messages)


@pytest.mark.slow
def test_wild_suzhou_audit_procurement_adds_up() -> None:
    d = yusuan.read(shared_path("pdf", "wild", "苏州市审计局_2026_部门预算.pdf"))
    table = d.table("procurement")
    assert table is not None
    assert [(i.level, i.name, str(i.get("total"))) for i in table.items if i.level != "item"] == [
        ("total", "合计", "188.50"),
        ("category", "货物", "5.50"),
        ("unit", "苏州市审计局", "5.50"),
        ("category", "服务", "183.00"),
        ("unit", "苏州市审计局", "183.00"),
    ]
    assert not [f for f in yusuan.check(d) if f.rule == "list.table_sum"]


@pytest.mark.slow
def test_wild_suzhou_transport_unit_row_after_a_page_break_keeps_its_name() -> None:
    # p.29–30: an item's wrapped cells ('务支出 务') continue on p.30 above the next unit row
    d = yusuan.read(shared_path("pdf", "wild", "苏州市交通运输局_2026_部门预算.pdf"))
    table = d.table("procurement")
    assert table is not None
    units = [i.name for i in table.items if i.level == "unit"]
    assert len(units) == 15 and set(units) <= set(d.units)
    assert "务支出务苏州市交通运输应急指挥中心" not in d.units
    assert not [f for f in yusuan.check(d) if f.rule == "list.table_sum"]
