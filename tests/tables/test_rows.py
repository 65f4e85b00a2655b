"""Logical rows: cells broken across lines, codes broken or split into 类|款|项 columns, 序号."""

from __future__ import annotations

from tests.tables.helpers import segment
from yusuan.layout import Line
from yusuan.read.text import split_cells
from yusuan.tables.rows import read_rows


def _lines(*texts: str) -> list[Line]:
    return [Line(split_cells(t), 1, n, t) for n, t in enumerate(texts, start=1)]


def test_code_broken_after_six_digits_is_joined() -> None:
    rows = read_rows(_lines("4", "206010", "1", "行政运行 50.00 50.00"), has_seq=True)
    assert [(r.seq, r.code, r.name) for r in rows] == [("4", "2060101", "行政运行")]


def test_name_broken_across_lines_is_joined() -> None:
    rows = read_rows(_lines("3 20601", "科学技术管理", "事务", "60.00 50.00 10.00"), has_seq=True)
    assert rows[0].code == "20601" and rows[0].name == "科学技术管理事务"
    assert [v.text for v in rows[0].values] == ["60.00", "50.00", "10.00"]


def test_split_code_columns_are_joined() -> None:
    rows = read_rows(_lines("208 05 01 行政单位离退休 1,500 1,500 0"), has_seq=False)
    assert rows[0].code == "2080501"
    assert [v.text for v in rows[0].values] == ["1,500", "1,500", "0"]


def test_kuan_without_leading_zero() -> None:
    rows = read_rows(_lines("301 2 津贴补贴 900 900 0"), has_seq=False)
    assert rows[0].code == "30102"


def test_side_by_side_panels_give_one_row_each() -> None:
    rows = read_rows(_lines("301 工资福利支出 1,015.00 302 商品和服务支出 5.00 307 债务利息及费用支出"), has_seq=False)
    assert [(r.code, [v.text for v in r.values]) for r in rows] == [
        ("301", ["1,015.00"]),
        ("302", ["5.00"]),
        ("307", []),
    ]


def test_a_total_label_starts_its_own_row() -> None:
    rows = read_rows(_lines("39999 其他支出", "人员经费合计 7,338.32 公用经费合计 913.38"), has_seq=False)
    assert [r.name for r in rows] == ["其他支出", "人员经费合计", "公用经费合计"]


def test_tab_fields_are_kept_on_values() -> None:
    rows = read_rows(_lines("201\t一般公共服务支出\t1,000.00\t\t\t\t1,000.00"), has_seq=False)
    assert [v.field for v in rows[0].values] == [2, 6]


def test_fixture_with_sequence_numbers_and_page_repeat() -> None:
    table = segment("split_codes.txt")[0][0]
    rows = read_rows(table.body, has_seq=True)
    assert [(r.seq, r.code) for r in rows] == [("1", None), ("2", "206"), ("3", "20601"), ("4", "2060101"), ("5", "2060102")]
    assert rows[-1].name == "一般行政管理事务"
