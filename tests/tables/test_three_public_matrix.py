"""三公 tables read as labelled matrices from geometry: item columns with items beside the 三公,
period blocks, unit rows, periods as rows, items as rows under fund columns — and None (never
zeros) where the labelling does not add up."""

from __future__ import annotations

from decimal import Decimal

import yusuan
from tests.conftest import shared_path
from tests.tables.geometric import geometric_table
from yusuan.model import ThreePublic
from yusuan.tables.three_public import read_three_public

VEHICLE = "公务用车购置及运行维护费"


def _read(header: list, body: list) -> ThreePublic | None:
    return read_three_public(geometric_table("three_public", "“三公”经费支出表", header, body), "x")


def _values(block: dict) -> dict[str, Decimal]:
    return {k: a.value for k, a in block.items()}


def test_items_beside_the_three_public_are_outside_its_total() -> None:
    tp = _read(
        [
            [("“三公”经费合计", 10, 60), ("因公出国（境）费", 70, 120), (VEHICLE, 130, 250), ("公务接待费", 260, 300), ("会议费", 310, 340), ("培训费", 350, 380)],
            [("小计", 130, 150), ("公务用车购置费", 160, 200), ("公务用车运行维护费", 205, 250)],
        ],
        [[("38.27", 40, 60), ("23.27", 100, 120), ("2.80", 135, 150), ("0.00", 185, 200), ("2.80", 235, 250), ("12.20", 280, 300), ("7.37", 320, 340), ("22.21", 360, 380)]],
    )
    assert tp is not None
    assert _values(tp.current) == {
        "total": Decimal("38.27"),
        "outbound": Decimal("23.27"),
        "vehicle_total": Decimal("2.80"),
        "vehicle_purchase": Decimal("0.00"),
        "vehicle_operation": Decimal("2.80"),
        "reception": Decimal("12.20"),
    }
    assert tp.current["total"].where.bbox is not None


def _two_years(body: list) -> ThreePublic | None:
    block = [("合计", 20, 40), ("因公出国（境）经费", 50, 90), (VEHICLE, 100, 170), ("公务接待费", 180, 210)]
    subs = [("小计", 100, 115), ("公务用车购置经费", 120, 145), ("公务用车运行维护费", 150, 170)]
    shift = [(t, a + 200, b + 200) for t, a, b in block]
    return _read(
        [
            [("2025年预算数", 100, 140), ("2026年预算数", 300, 340)],
            [*block, *shift],
            [*subs, *((t, a + 200, b + 200) for t, a, b in subs)],
        ],
        body,
    )


def test_year_blocks_with_blank_cells_dropped() -> None:
    tp = _two_years(
        [[("30.62", 25, 40), ("22.00", 75, 90), ("0.40", 103, 115), ("0.40", 155, 170), ("8.22", 195, 210), ("27.22", 225, 240), ("22.00", 275, 290), ("5.22", 395, 410)]]
    )
    assert tp is not None
    assert _values(tp.current)["total"] == Decimal("27.22")
    assert _values(tp.current)["reception"] == Decimal("5.22")
    assert tp.current["vehicle_total"].value == 0
    assert _values(tp.previous)["vehicle_operation"] == Decimal("0.40")
    assert _values(tp.previous)["outbound"] == Decimal("22.00")


def test_a_labelling_that_does_not_add_up_gives_none_not_zeros() -> None:
    # 合计 30.62 but the parts add up to 31.62: the header does not fit this body
    tp = _two_years([[("30.62", 25, 40), ("23.00", 75, 90), ("0.40", 103, 115), ("0.40", 155, 170), ("8.22", 195, 210)]])
    assert tp is None


_UNIT_HEADER = [
    [("单位编码", 0, 20), ("单位名称", 25, 45), ("上年", 150, 160), ("当年", 390, 400)],
    [("合计", 60, 75), ("一般公共预算拨款安排的“三公”经费预算", 80, 230), ("会议费", 240, 255), ("合计", 300, 315), ("一般公共预算拨款安排的“三公”经费预算", 320, 470), ("会议费", 480, 495)],
    [("小计", 80, 90), ("因公出国（境）费用", 95, 115), ("公务接待费", 120, 140), (VEHICLE, 150, 230), ("小计", 320, 330), ("因公出国（境）费用", 335, 355), ("公务接待费", 360, 380), (VEHICLE, 390, 470)],
    [("小计", 150, 170), ("公务用车购置费", 180, 200), ("公务用车运行维护费", 210, 230), ("小计", 390, 410), ("公务用车购置费", 420, 440), ("公务用车运行维护费", 450, 470)],
]


def _unit_row(label: list, previous: tuple[str, ...], current: tuple[str, ...]) -> list:
    xs = [(60, 75), (80, 90), (95, 115), (120, 140), (150, 170), (180, 200), (210, 230), (240, 255)]
    cells = [(v, a, b) for v, (a, b) in zip(previous, xs, strict=True)]
    cells += [(v, a + 240, b + 240) for v, (a, b) in zip(current, xs, strict=True)]
    return [*label, *cells]


def test_department_row_not_unit_rows_and_period_words() -> None:
    # 合计 | 三公 小计 | 出国 | 接待 | 车辆 小计 | 购置 | 运行 | 会议费
    dept = ("526,000.00", "120,000.00", "0.00", "20,000.00", "100,000.00", "0.00", "100,000.00", "406,000.00")
    now = ("434,000.00", "102,000.00", "0.00", "20,000.00", "82,000.00", "0.00", "82,000.00", "332,000.00")
    unit = ("26,000.00", "20,000.00", "0.00", "20,000.00", "0.00", "0.00", "0.00", "6,000.00")
    rows = [
        _unit_row([("117", 0, 8), ("某某局", 25, 45)], dept, now),
        _unit_row([("117001", 0, 15), ("某某局本级", 25, 45)], unit, unit),
    ]
    tp = _read(_UNIT_HEADER, [_unit_row([("合计", 25, 35)], dept, now), *rows])
    without_total = _read(_UNIT_HEADER, rows)
    for read in (tp, without_total):
        assert read is not None
        assert _values(read.current)["total"] == Decimal("102000.00")
        assert _values(read.current)["vehicle_operation"] == Decimal("82000.00")
        assert _values(read.previous)["total"] == Decimal("120000.00")
    only_units = _read(_UNIT_HEADER, [rows[1], _unit_row([("117002", 0, 15), ("某某中心", 25, 45)], unit, unit)])
    assert only_units is None  # no 合计 and no department row: which row is the department's is not known


def test_periods_as_rows_of_a_final_account() -> None:
    header = [
        [("项目", 0, 40), ("财政拨款安排的“三公”经费", 60, 300), ("会议费", 310, 340), ("培训费", 350, 380)],
        [("小计", 60, 80), ("因公出国（境）费用", 90, 130), (VEHICLE, 140, 250), ("公务接待费", 260, 300)],
        [("小计", 140, 160), ("公务用车购置费", 170, 205), ("公务用车运行维护费", 210, 250)],
    ]
    xs = [(60, 80), (140, 160), (185, 205), (230, 250), (280, 300), (320, 340), (360, 380)]

    def row(label: str, values: tuple[str, ...]) -> list:
        return [(label, 0, 20), *((v, a, b) for v, (a, b) in zip(values, xs, strict=True))]

    tp = _read(
        header,
        [
            row("预算数", ("593.46", "591.60", "136.48", "455.12", "1.86", "86.81", "2,795.78")),
            row("决算数", ("587.55", "587.44", "136.48", "450.96", "0.11", "86.81", "2,795.78")),
        ],
    )
    assert tp is not None
    assert _values(tp.current)["total"] == Decimal("587.55")
    assert _values(tp.budget)["vehicle_operation"] == Decimal("455.12")
    assert tp.current["outbound"].blank


def test_items_as_rows_under_fund_columns() -> None:
    header = [[("项目", 0, 100), ("合计", 150, 180), ("一般公共预算", 200, 260), ("政府性基金预算", 280, 340)]]

    def row(label: str, *values: str) -> list:
        return [(label, 0, 100), *((v, 160 + 100 * i, 180 + 100 * i) for i, v in enumerate(values))]

    tp = _read(
        header,
        [
            row("行政经费", "882.34", "882.34", "0.00"),
            row("“三公”经费", "176.31", "176.31", "0.00"),
            row("其中：（一）因公出国（境）支出", "80.00", "80.00", "0.00"),
            row("（二）公务用车购置及运行维护支出", "74.10", "74.10", "0.00"),
            row("1.公务用车购置费", "0.00", "0.00", "0.00"),
            row("2.公务用车运行维护费", "74.10", "74.10", "0.00"),
            row("（三）公务接待费支出", "22.21", "22.21", "0.00"),
        ],
    )
    assert tp is not None
    assert _values(tp.current) == {
        "total": Decimal("176.31"),
        "outbound": Decimal("80.00"),
        "vehicle_total": Decimal("74.10"),
        "vehicle_purchase": Decimal("0.00"),
        "vehicle_operation": Decimal("74.10"),
        "reception": Decimal("22.21"),
    }


def test_xian_matrix_in_yuan_with_unit_rows() -> None:
    """西安 2026: 上年 | 当年 | 增减变化情况 blocks × (合计, 三公 小计 …, 会议费, 培训费), in 元."""
    d = yusuan.read(shared_path("pdf", "wild2", "xian_2026_西安市审计局_预算.pdf"))
    assert d.three_public is not None and d.three_public.money_unit == "元"
    assert _values(d.three_public.current) == {
        "total": Decimal("102000.00"),
        "outbound": 0,
        "vehicle_total": Decimal("82000.00"),
        "vehicle_purchase": 0,
        "vehicle_operation": Decimal("82000.00"),
        "reception": Decimal("20000.00"),
    }
    assert _values(d.three_public.previous)["total"] == Decimal("120000.00")


def test_a_matrix_not_understood_stays_a_recognised_table_with_no_figures() -> None:
    """西安 2019: the printed 合计 column does not total the items beside it as its header says."""
    d = yusuan.read(shared_path("pdf", "wild2", "xian_2019_西安市安全生产监督管理局_预算.pdf"))
    assert d.table("three_public") is not None
    assert d.three_public is None
    assert yusuan.summary(d)["three_public"]["total"] is None
