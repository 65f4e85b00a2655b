"""PDF headers: a group word right above its first member (本年收入 over 合计, both left-aligned
in their boxes) is two words, not one fragment; the leaf headings' edges place sparse rows."""

from __future__ import annotations

from yusuan.layout import Cell, Line
from yusuan.tables.columns import header_anchors, header_columns
from yusuan.tables.geometry import place_by_anchors
from yusuan.tables.rows import RawRow, Value


def _line(number: int, top: float, cells: list[tuple[float, float, str]]) -> Line:
    return Line(number=number, page=1, cells=[Cell(t, x0, x1, top, top + 8) for x0, x1, t in cells], top=top)


def test_group_word_over_its_first_member_is_not_glued_to_it() -> None:
    header = [
        _line(1, 71.0, [(29, 50, "单位名称"), (92, 102, "总计"), (138, 159, "本年收入"), (464, 495, "上年结转结余")]),
        _line(2, 79.0, [
            (138, 148, "合计"), (180, 212, "一般公共预算"), (235, 272, "政府性基金预算"),
            (464, 474, "合计"), (519, 550, "一般公共预算"), (574, 610, "政府性基金预算"),
        ]),
    ]
    assert header_columns(header) == [
        "total", "current_year_total", "general_public_budget", "government_fund",
        "carryover", "carryover.general_public_budget", "carryover.government_fund",
    ]


def test_anchors_are_the_leaf_headings_left_edges() -> None:
    header = [
        _line(1, 71.0, [(29, 50, "单位名称"), (69, 90, "项目名称"), (127, 137, "总计"), (170, 190, "本年收入"), (479, 510, "上年结转结余")]),
        _line(2, 79.0, [(170, 180, "合计"), (210, 241, "一般公共预算"), (479, 489, "合计"), (534, 565, "一般公共预算")]),
    ]
    assert header_anchors(header, 5) == [127, 170, 210, 479, 534]
    assert header_anchors(header, 6) is None  # the leaves must be the columns the header names


def test_a_sparse_row_is_placed_under_its_headings() -> None:
    """Identities cannot tell 本年收入 from 上年结转 when both print the same figure: the headings'
    edges do (seed 001, 项目支出预算表 p.28: a carried-over project)."""
    anchors = [127.0, 170.0, 210.0, 479.0, 534.0]
    line = _line(3, 94.0, [])
    row = RawRow(name="上年结转—23年中央无线电专项资金", values=[
        Value("121.34", None, line, 169.0), Value("121.34", None, line, 533.0), Value("121.34", None, line, 587.0),
    ])
    assert place_by_anchors(row, anchors) == (0, 3, 4)
    row.values[2] = Value("121.34", None, line, 100.0)  # left of every heading: not placed
    assert place_by_anchors(row, anchors) is None


SUZHOU_INCOME_HEADER = [  # 苏州市交通运输局 收入总表 p.9: group words centred over their members, no rules
    _line(1, 71.0, [(8, 40, "部门代码"), (68, 111, "部门名称"), (149, 170, "合计"), (371, 415, "本年收入"), (688, 754, "上年结转结余")]),
    _line(2, 79.0, [
        (200, 218, "小计"), (236, 281, "一般公共预算"), (284, 320, "政府性基金预算"), (324, 351, "国有资本经营预算"),
        (357, 402, "财政专户管理资金"), (419, 437, "事业收入"), (455, 491, "事业单位经营收入"),
        (497, 524, "上级补助收入"), (531, 558, "附属单位上缴收入"), (573, 591, "其他收入"), (615, 633, "小计"),
        (647, 683, "一般公共预算"), (688, 724, "政府性基金预算"), (727, 754, "国有资本经营预算"),
        (757, 793, "财政专户管理资金"), (808, 826, "单位资金"),
    ]),
]


def test_centred_group_words_claim_the_members_they_are_centred_on() -> None:
    """上年结转结余 starts where 政府性基金预算 under it does, but is centred over 小计 … 单位资金."""
    columns = header_columns(SUZHOU_INCOME_HEADER)
    assert columns == [
        "total", "current_year_total", "general_public_budget", "government_fund", "state_capital",
        "fiscal_special_account", "business", "operating_income", "upper_subsidy", "subsidiary_remit", "other",
        "carryover", "carryover.general_public_budget", "carryover.government_fund", "carryover.state_capital",
        "carryover.fiscal_special_account", "carryover.unit_funds",
    ]
    anchors = header_anchors(SUZHOU_INCOME_HEADER, len(columns))
    assert anchors is not None and anchors[0] == 149 and anchors[10] == 573 and anchors[-1] == 808


def test_a_panel_header_is_known_by_either_repeated_label() -> None:
    """A scan's OCR broke '科目编' / '码' and misread one '科自编': 科目名称 still repeats."""
    from yusuan.tables.columns import is_panel

    assert is_panel("人员经费|公用经费科目编码科目名称|决算数科自编码科目名称|决算数科目编科目名称|决算数")
    assert is_panel("科目编码|科目名称|金额|科目编码|科目名称|金额")
    assert not is_panel("科目编码|科目名称|合计|基本支出|项目支出")
