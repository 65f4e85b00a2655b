"""Budget units of real PDFs without truth (../shared/pdf/wild), against names read by hand from
their 概况 (单位构成) and 表2 (收入总体情况表, one row per unit)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import shared_path
from yusuan.model.disclosure import Disclosure
from yusuan.pipeline import read

pytestmark = pytest.mark.slow
_PAGE = re.compile(r"[-—]\s*\d+\s*[-—]|第\d+页")
_cache: dict[str, Disclosure] = {}


def _read(name: str) -> Disclosure:
    if name not in _cache:
        _cache[name] = read(shared_path("pdf", "wild", f"{name}_2026_部门预算.pdf"))
    return _cache[name]


def _sane(units: list[str]) -> None:
    for u in units:
        assert not _PAGE.search(u), u
        assert u.count("（") + u.count("(") == u.count("）") + u.count(")"), u


def _table_units(d: Disclosure) -> list[str]:
    """The code-less rows of 表2 (收入总体情况表), which prints one row per unit."""
    table = next(t for t in d.tables if t.kind == "income_summary")
    return [i.name for i in table.items if not i.code and i.level != "total"]


def test_numbered_list_in_the_overview() -> None:
    d = _read("广州市卫生健康委员会")  # p.5–6: '（一）广州市第一人民医院' … '（二十四）…（本级）'
    assert len(d.units) == 24
    assert d.units[0] == "广州市第一人民医院" and "广州市卫生健康委员会" in d.units
    assert "广州市卫生健康发展和服务管理中心（广州市保健中心）" in d.units  # wrapped over two lines
    assert set(_table_units(d)) == set(d.units)
    _sane(d.units)


def test_separator_inside_parentheses() -> None:
    d = _read("广州市气象局")  # p.4: '…保障中心(…发布中心、…数据中心)'; 表2 prints the main name
    assert d.units[-1] == "广州市气象综合保障中心" and len(d.units) == 5
    _sane(d.units)


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        ("广州市司法局", "广州市岑村强制隔离戒毒所"),  # p.5–6: footer '-3-' between the halves
        ("广州市城市管理和综合执法局", "广州市城市管理质量监测与应急保障中心（广州市燃气事务中心）"),
    ],
)
def test_page_footer_is_not_part_of_a_name(name: str, unit: str) -> None:
    d = _read(name)
    assert unit in d.units
    assert set(_table_units(d)) == set(d.units)
    _sane(d.units)


def test_unit_the_overview_omits_comes_from_the_table() -> None:
    d = _read("广州市生态环境局")  # 表2 prints 广东省广州生态环境监测中心站 (not in the 35 listed)
    assert len(d.units) == 37
    assert d.units[:4] == [
        "广州市生态环境局",
        "广州市固体废物管理中心",
        "广州市环境技术中心（广州市美丽城市建设中心）",
        "广东省广州生态环境监测中心站",
    ]
    assert _table_units(d) == d.units
    _sane(d.units)
