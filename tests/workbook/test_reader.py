"""A filled workbook read into the model: parents computed from the leaves, identities holding by
construction, and every cell that cannot be what its column holds refused with its address."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest
from openpyxl import load_workbook

import yusuan
from tests.conftest import EXAMPLES
from tests.workbook.helpers import UNITS, entries, write
from yusuan.cli.app import main
from yusuan.errors import UnreadableInput
from yusuan.workbook import is_entry_workbook
from yusuan.workbook.reader import read_workbook


def test_parents_are_computed(tmp_path: Path) -> None:
    d = read_workbook(write(tmp_path))
    assert (d.department, d.year, d.units) == ("测试局", 2025, UNITS)
    s = yusuan.summary(d)
    assert s["revenue"]["grand_total"] == D("370.00") and s["revenue"]["carryover_from_last_year"] == D("20.00")
    assert s["expenditure"]["grand_total"] == D("370.00")
    e = s["expenditure"]
    assert (e["basic"], e["personnel"], e["public"], e["project"]) == (D("200.00"), D("170.00"), D("30.00"), D("170.00"))
    assert e["by_function_class"] == {"201": D("320.00"), "208": D("50.00")}
    assert s["basic_by_economic_class"]["301"] == D("170.00") and s["basic_by_economic_class"]["302"] == D("30.00")
    assert s["three_public"] == {"total": D("5.00"), "outbound": D("0"), "vehicle_total": D("4.00"),
                                 "vehicle_purchase": D("0"), "vehicle_operation": D("4.00"), "reception": D("1.00")}
    assert s["operating_costs"] == D("30.00") and s["government_procurement_total"] == D("8.00")
    assert s["projects"] == [{"name": "测试项目", "unit": UNITS[0], "amount": D("170.00")}]


def test_identities_hold_by_construction(tmp_path: Path) -> None:
    errors = [f for f in yusuan.check(read_workbook(write(tmp_path))) if f.severity == "error"]
    assert errors == []


def test_an_inconsistency_is_reported_at_its_workbook_row(tmp_path: Path) -> None:
    e = entries()
    e.rows["项目"][0]["本年金额"] = D("140.00")  # 项目 no longer add up to the 项目支出 of 支出
    findings = [f for f in yusuan.check(read_workbook(write(tmp_path, e))) if f.severity == "error"]
    assert {f.rule for f in findings} >= {"cross.project_table"}


@pytest.mark.parametrize(("sheet", "cell", "value", "message"), [
    ("支出", "D2", "一百二十", "支出!D2（人员经费）：应为金额"),
    ("支出", "B3", "20101", "支出!B3（功能分类科目）：应为7位功能分类"),
    ("支出", "C2", "自筹", "支出!C2（资金来源）：应为 一般公共预算"),
    ("收入", "A3", "别的单位", "“别的单位”不在“预算单位”表中"),
    ("基本信息", "B2", None, "没有填写部门名称"),
])
def test_bad_cells_are_refused_with_their_address(tmp_path: Path, sheet: str, cell: str, value: object, message: str) -> None:
    path = write(tmp_path)
    wb = load_workbook(path)
    wb[sheet][cell] = value
    wb.save(path)
    assert is_entry_workbook(path)
    with pytest.raises(UnreadableInput, match=message):
        read_workbook(path)
    assert main(["summary", str(path)]) == 2


def test_only_entry_workbooks_go_to_this_reader(tmp_path: Path) -> None:
    assert is_entry_workbook(EXAMPLES / "budget_2025.xlsx")
    assert not is_entry_workbook(EXAMPLES / "000_87792da19c622395.txt")
    published = tmp_path / "published.xlsx"
    yusuan.publish(read_workbook(write(tmp_path)), "xlsx", out=published, force=True)
    assert not is_entry_workbook(published)
    assert yusuan.read(published).format == "xlsx"
