"""Header words → canonical columns: two-level groups, blocks, captions, tab order, panels."""

from __future__ import annotations

from tests.tables.helpers import segment
from yusuan.layout import Cell, Line
from yusuan.tables.columns import columns_of_text, header_columns, is_panel


def test_group_members_printed_after_the_next_column() -> None:
    text = "科目编码科目名称合计基本支出项目支出小计人员经费公用经费"
    assert columns_of_text(text) == ["total", "basic", "personnel", "public", "project"]


def test_income_blocks_this_year_and_carryover() -> None:
    text = "单位名称总计本年收入上年结转结余合计一般公共预算政府性基金预算合计一般公共预算政府性基金预算"
    assert columns_of_text(text) == [
        "total",
        "current_year_total",
        "general_public_budget",
        "government_fund",
        "carryover",
        "carryover.general_public_budget",
        "carryover.government_fund",
    ]


def test_captions_name_no_column() -> None:
    assert columns_of_text("科目编码科目名称本年一般公共预算支出合计基本支出项目支出") == ["total", "basic", "project"]


def test_final_accounts_columns() -> None:
    text = "项目功能分类科目编码科目名称本年支出合计基本支出项目支出上缴上级支出经营支出对附属单位补助支出"
    assert columns_of_text(text) == ["total", "basic", "project", "remit_upper", "operating", "subsidiary"]


def test_tab_header_is_read_column_by_column() -> None:
    table = segment("tabs.txt")[0][0]
    assert header_columns(table.header) == ["total", "basic", "personnel", "public", "project"]


def test_panels_are_detected() -> None:
    assert is_panel("人员经费公用经费科目编码科目名称决算数科目编码科目名称决算数")
    table = segment("panels.txt")[0][0]
    assert header_columns(table.header) == ["total"]


def test_fiscal_appropriation_group_and_fund_words() -> None:
    text = "合计本年收入上年结转小计财政拨款收入财政专户收入事业收入"
    assert columns_of_text(text) == ["total", "current_year_total", "fiscal_total", "fiscal_special_account", "business", "carryover"]
    text = "合计一般公共预算财政拨款政府性基金预算财政拨款国有资本经营预算财政拨款"
    assert columns_of_text(text) == ["total", "general_public_budget", "government_fund", "state_capital"]


def test_group_word_printed_above_the_row_labels_stands_at_its_members() -> None:
    """公开07-style header: '项目 本年支出' is the first line, its 小计/基本/项目 come after the
    年初结转 and 本年收入 columns."""
    text = "项目本年支出功能分类科目编码科目名称年初结转和结余本年收入小计基本支出项目支出年末结转和结余"
    assert columns_of_text(text) == ["carryover", "current_year_total", "total", "basic", "project"]


def test_group_word_above_the_row_labels_with_members_right_after_them_stays() -> None:
    text = "序号功能分类科目合计本年收入上年结转科目编码科目名称小计财政拨款收入财政专户收入事业收入其他收入"
    assert columns_of_text(text) == [
        "total", "current_year_total", "fiscal_total", "fiscal_special_account", "business", "other", "carryover"
    ]


def _line(number: int, *cells: tuple[str, float, float]) -> Line:
    top = 10.0 * number
    return Line([Cell(t, x0, x1, top, top + 8) for t, x0, x1 in cells], page=1, number=number, top=top, bottom=top + 8)


def test_pdf_header_words_over_the_row_labels_are_read_in_printed_order() -> None:
    """A flattened two-level header (each line's words in the first cells, as LibreOffice prints a
    sheet whose header was written line by line) puts 基本支出/项目支出/小计 over the code column and
    人员经费 over the names: x order would name the columns one header off, printed order is right."""
    header = [
        _line(1, ("科目编码", 29, 73), ("科目名称", 101, 145), ("合计", 358, 380), ("", 429, 498)),
        _line(2, ("基本支出", 29, 73), ("", 100, 357)),
        _line(3, ("项目支出", 29, 73), ("", 100, 357)),
        _line(4, ("小计", 29, 51), ("人员经费", 101, 145), ("公用经费", 358, 402)),
    ]
    body = [
        _line(5, ("合计", 29, 51), ("1,425.40", 379, 428), ("1,207.28", 448, 497), ("1,106.69", 517, 566), ("100.59", 583, 621), ("218.12", 637, 676)),
        _line(6, ("208", 29, 50), ("社会保障和就业支出", 101, 200), ("435.73", 389, 428), ("435.73", 459, 497), ("394.73", 528, 566), ("41.00", 590, 621)),
    ]
    assert header_columns(header, body=body) == ["total", "basic", "personnel", "public", "project"]


def test_pdf_header_words_over_the_figures_are_read_in_x_order() -> None:
    """Words standing over the value columns keep the geometric reading (group above its members)."""
    header = [
        _line(1, ("科目编码", 29, 73), ("科目名称", 120, 164), ("合计", 250, 272), ("基本支出", 330, 374), ("项目支出", 470, 514)),
        _line(2, ("人员经费", 300, 344), ("公用经费", 380, 424)),
    ]
    body = [_line(3, ("208", 29, 50), ("社会保障和就业支出", 101, 200), ("435.73", 240, 280), ("394.73", 300, 345), ("41.00", 390, 425), ("", 470, 514))]
    assert header_columns(header, body=body) == ["total", "basic", "personnel", "public", "project"]
