"""The words of a 三公 matrix: what a header path names, which block is which period."""

from __future__ import annotations

import pytest

from yusuan.tables.three_public_words import GRAND, item_of, nested_well, period_of, resolve

GROUP = "一般公共预算拨款安排的“三公”经费预算"
VEHICLE = "公务用车购置及运行维护费"


@pytest.mark.parametrize(
    ("path", "key"),
    [
        (("上年", "合计"), GRAND),
        (("上年", GROUP, "小计"), "total"),
        (("“三公”经费合计",), "total"),
        (("上年", VEHICLE, "小计"), "vehicle_total"),
        (("上年", GROUP, VEHICLE, "公务用车购置费"), "vehicle_purchase"),
        (("2018年", GROUP, "公务", "用车运行维护"), "vehicle_operation"),  # a word wrapped over two cells
        (("2018年", GROUP, "公务"), None),
        (("当年", "会议费"), "meeting"),
        (("机关运行经费预算数",), "operating_costs"),  # 运行 of 机关运行经费 is no vehicle
        (("“三公”经费及会议费、培训费合计",), GRAND),
        (("因公出国（",), "outbound"),
    ],
)
def test_item_of(path: tuple[str, ...], key: str | None) -> None:
    assert item_of(path) == key


def test_an_item_nested_under_another_item_is_no_header() -> None:
    assert nested_well(("上年", GROUP, VEHICLE, "小计"))
    assert not nested_well(("“三公”经费合计", "公务用车购置及运行费", "公务接待费", "小计"))


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        ((["上年"], ["当年"], ["增减变化情况"]), ["previous", "current", None]),
        ((["2025年预算数"], ["2026年预算数"]), ["previous", "current"]),
        ((["2022年"], ["2021年"]), ["current", "previous"]),
        ((["预算数"], ["决算数"]), ["budget", "current"]),
        ((["合计"],), ["current"]),
        ((["合计"], ["一般公共预算"]), None),  # two columns the words do not tell apart
    ],
)
def test_resolve_periods(texts: tuple[list[str], ...], expected: list[str | None] | None) -> None:
    assert resolve([period_of(t) for t in texts]) == expected


def test_fund_words_are_no_period() -> None:
    assert period_of(["政府性基金预算"]).tags == frozenset()
