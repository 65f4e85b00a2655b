"""Segmentation: titles, kinds, numbers, units, continuation pages, TOC and narrative headings."""

from __future__ import annotations

import pytest

from tests.conftest import shared_path
from tests.tables.helpers import segment
from yusuan.read import read_layout
from yusuan.tables.catalogue import squash
from yusuan.tables.segment import find_tables


def test_toc_entries_are_not_tables() -> None:
    tables, narrative = segment("segment_doc.txt")
    assert [t.kind for t in tables] == ["expenditure_summary", "general_budget_basic", "raw"]
    assert any(squash(ln.text) == "表2.支出预算总表" for ln in narrative)


def test_narrative_headings_naming_a_table_stay_text() -> None:
    _, narrative = segment("segment_doc.txt")
    texts = {squash(ln.text) for ln in narrative}
    assert "四、财政拨款“三公”经费预算情况及增减变化原因" in texts
    assert "五、部门整体绩效目标" in texts
    assert any(t.startswith("14.“三公”经费：") for t in texts)
    assert any(t.startswith("（1）国有资本经营预算支出") for t in texts)


def test_part_heading_ends_the_table_before_it() -> None:
    tables, narrative = segment("segment_doc.txt")
    texts = [squash(ln.text) for ln in narrative]
    assert "第三部分情况说明" in texts and "2025年收支预算总计30.00万元。" in texts
    assert all("情况说明" not in squash(ln.text) for t in tables for ln in t.lines)


def test_continuation_page_is_merged_and_its_header_dropped() -> None:
    table = segment("segment_doc.txt")[0][0]
    assert table.number == "表2" and table.money_unit == "万元"
    assert [squash(ln.text)[:4] for ln in table.body] == ["合计30", "201一", "2010"]
    assert len(table.header) == 2
    assert [squash(n.text) for n in table.notes] == ["注：本表反映部门支出。"]


def test_header_line_naming_a_table_does_not_steal_the_title() -> None:
    """'部门预算支出经济分类科目 本年一般公共预算基本支出' is a column heading, not a title."""
    basic = segment("segment_doc.txt")[0][1]
    assert basic.kind == "general_budget_basic" and basic.number == "表6"
    assert len(basic.body) == 3


def test_unknown_titled_table_is_kept_raw() -> None:
    raw = segment("segment_doc.txt")[0][2]
    assert raw.kind == "raw" and raw.title == "示例资产清单表"
    assert [c.text for c in raw.body[0].cells] == ["办公设备", "3", "1.50"]


def test_page_repeated_meta_and_header_without_title_are_dropped() -> None:
    table = segment("split_codes.txt")[0][0]
    assert table.kind == "expenditure_summary"
    assert not any(squash(ln.text).startswith(("999示例部门", "栏次", "序号")) for ln in table.body)


SEED_KINDS = {
    "000_87792da19c622395.txt": [
        "income_expenditure_summary", "income_summary", "expenditure_summary", "fiscal_summary",
        "general_budget_expenditure", "general_budget_basic", "three_public", "government_fund",
        "project_expenditure", "function_classification", "economic_classification_government",
        "economic_classification_department", "debt", "procurement", "purchased_services",
        "performance_overall", "performance_project", "special_funds",
    ],
    "001_f756e9a8bddbf743.txt": [
        "income_expenditure_summary", "income_summary", "expenditure_summary", "fiscal_summary",
        "general_budget_expenditure", "general_budget_basic", "three_public", "government_fund",
        "project_expenditure", "function_classification", "economic_classification_government",
        "economic_classification_department", "debt", "procurement", "purchased_services",
        "performance_overall", "performance_project",
    ],
    "002_df00543b5fb556ea.txt": [
        "income_expenditure_summary", "income_summary", "expenditure_summary", "fiscal_summary",
        "general_budget_expenditure", "general_budget_basic", "government_fund", "state_capital",
        "three_public", *["performance_project"] * 14, "procurement", "fixed_assets",
    ],
    "004_307b00c8d6f72425.txt": [
        "income_expenditure_summary", "income_summary", "expenditure_summary", "fiscal_summary",
        "general_budget_expenditure", "general_budget_basic", "government_fund", "state_capital",
        "three_public", "performance_overall", "performance_project",
    ],
}


@pytest.mark.parametrize("seed", sorted(SEED_KINDS))
def test_seed_tables_have_the_right_kinds(seed: str) -> None:
    tables, _ = find_tables(read_layout(shared_path("seeds", seed)))
    assert [t.kind for t in tables] == SEED_KINDS[seed]
    assert all(t.money_unit == "万元" for t in tables if not t.kind.startswith("performance"))


@pytest.mark.parametrize("seed", ["000_87792da19c622395.txt", "001_f756e9a8bddbf743.txt"])
def test_seed_numbers_follow_the_document(seed: str) -> None:
    tables, _ = find_tables(read_layout(shared_path("seeds", seed)))
    numbers = [t.number for t in tables]
    assert numbers == [f"表{i}" for i in range(1, len(numbers) + 1)]


def test_final_accounts_numbers() -> None:
    tables, _ = find_tables(read_layout(shared_path("seeds", "004_307b00c8d6f72425.txt")))
    assert [t.number for t in tables[:9]] == [f"公开0{i}表" for i in range(1, 10)]


def test_toc_of_a_seed_is_narrative() -> None:
    tables, narrative = find_tables(read_layout(shared_path("seeds", "001_f756e9a8bddbf743.txt")))
    assert tables[0].title_line.number > 100
    assert any(squash(ln.text) == "表17.部门预算项目（政策）绩效目标表" for ln in narrative)
    assert any(squash(ln.text).startswith("第三部分") for ln in narrative)


def test_running_page_header_footer_and_repeated_header_are_dropped() -> None:
    spending = segment("page_furniture.txt")[0][0]
    assert [squash(ln.text)[:5] for ln in spending.body] == ["合计30.", "201一般", "20101", "205教育"]
    assert len(spending.pages) == 3


def test_a_year_in_a_header_is_not_a_figure() -> None:
    procurement = segment("page_furniture.txt")[0][1]
    assert procurement.kind == "procurement" and not procurement.body
    assert any("预留" in squash(h.text) for h in procurement.header)


def test_continued_page_row_text_before_its_figures_is_body() -> None:
    """A continued project table: the repeated header is dropped, but the next project's name and
    content lines (printed before its figures) stay body lines, not header."""
    tables, _ = segment("project_continued.txt")
    assert len(tables) == 1
    body = [squash(ln.text) for ln in tables[0].body]
    assert "信访维稳经费" in body and "为信访人发放各项待遇。" in body
    assert "一般公共" not in body and "本年收入" not in body


def test_project_and_other_expenditure_title_is_a_project_table() -> None:
    from yusuan.tables.catalogue import load_catalogue

    assert load_catalogue().kind_of("2025年部门项目支出及其他支出预算表") == "project_expenditure"
    assert load_catalogue().kind_of("项目支出及其他支出表") == "project_expenditure"
