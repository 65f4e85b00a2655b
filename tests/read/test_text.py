"""Text reader: tab fields keep their places (blank cells too), space-separated cells carry their
character offsets, form feeds start pages, CR/LF and full-width spaces do not leak into cells."""

from __future__ import annotations

from pathlib import Path

from yusuan.read.text import read_text, split_cells

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "text"


def test_tab_fields_keep_blank_cells() -> None:
    layout = read_text(FIXTURES / "tabs.txt")
    lines = [ln for ln in layout.lines() if not ln.is_blank]
    row = next(ln for ln in lines if ln.text.startswith("201"))
    assert [c.text for c in row.cells] == ["201", "一般公共服务支出", "1,000.00", "", "", "", "1,000.00"]


def test_tab_field_with_a_space_stays_one_cell() -> None:
    layout = read_text(FIXTURES / "tabs.txt")
    unit = next(ln for ln in layout.lines() if ln.raw.startswith("900001"))
    assert unit.cells[0].text == "900001 示例局本级"


def test_space_separated_cells_carry_offsets() -> None:
    cells = split_cells("  208     社会保障和就业支出   12.00")
    assert [c.text for c in cells] == ["208", "社会保障和就业支出", "12.00"]
    assert cells[0].x0 == 2 and cells[1].x0 == 10


def test_full_width_space_separates_cells() -> None:
    assert [c.text for c in split_cells("科目名称\u3000合计")] == ["科目名称", "合计"]


def test_blank_line_has_no_cells() -> None:
    assert split_cells("   \t  ") == []


def test_form_feed_starts_a_page_and_crlf_is_stripped() -> None:
    layout = read_text(FIXTURES / "pages_crlf.txt")
    assert [p.number for p in layout.pages] == [1, 2]
    second = [ln for ln in layout.pages[1].lines if not ln.is_blank]
    assert second[0].text == "第二页"
    assert second[1].cells[-1].text == "12.00"
    assert all("\r" not in c.text for ln in layout.lines() for c in ln.cells)


def test_line_numbers_are_source_lines() -> None:
    layout = read_text(FIXTURES / "pages_crlf.txt")
    row = next(ln for ln in layout.lines() if ln.text.startswith("208"))
    assert row.number == 4 and row.page == 2


def test_trailing_empty_tab_fields_are_dropped_inner_ones_kept() -> None:
    """Inner empty fields place the figures after them; trailing ones place nothing."""
    cells = split_cells("201\t名称\t5.00\t\t7.00\t\t\t\t")
    assert [c.text for c in cells] == ["201", "名称", "5.00", "", "7.00"]
    assert cells[4].x0 == 13
