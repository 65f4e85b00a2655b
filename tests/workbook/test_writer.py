"""The budget-entry workbook as written: instructions first, one sheet per input with Chinese
headers, dropdowns from the code dictionary of the year, the very hidden marker."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from tests.workbook.helpers import write
from yusuan.cli.app import main
from yusuan.workbook import is_entry_workbook
from yusuan.workbook.sheets import CODES_SHEET, MARKER_SHEET, SHEETS
from yusuan.workbook.writer import code_list


def test_sheets_headers_dropdowns_and_marker(tmp_path: Path) -> None:
    wb = load_workbook(write(tmp_path))
    assert wb.sheetnames[0] == "填表说明"
    assert [s.name for s in SHEETS] == [n for n in wb.sheetnames if n not in ("填表说明", CODES_SHEET, MARKER_SHEET)]
    assert wb[MARKER_SHEET].sheet_state == "veryHidden" and wb[CODES_SHEET].sheet_state == "hidden"
    spending = wb["支出"]
    assert [c.value for c in spending[1]] == [c.header for c in SHEETS[3].columns]
    formulas = {dv.formula1 for dv in spending.data_validations.dataValidation}
    assert any(CODES_SHEET in (f or "") for f in formulas) and any("预算单位" in (f or "") for f in formulas)
    assert spending["B2"].value == "2010101 行政运行"  # a code is written with its name, as the dropdown shows it


def test_code_lists_come_from_the_year(tmp_path: Path) -> None:
    all_years = {e.split()[0] for e in code_list("functional", "项", None)}
    in_2024 = [e.split()[0] for e in code_list("functional", "项", 2024)]
    assert in_2024 and set(in_2024) <= all_years and len(in_2024) < len(all_years)
    assert all(len(entry.split()[0]) == 7 for entry in in_2024)
    assert all(len(entry.split()[0]) == 5 for entry in code_list("economic_department", "款", 2025))


def test_template_command(tmp_path: Path) -> None:
    out = tmp_path / "blank.xlsx"
    assert main(["template", "--kind", "决算", "--year", "2024", "-o", str(out)]) == 0
    assert is_entry_workbook(out)
    assert load_workbook(out)["基本信息"]["B4"].value == "决算"
    assert main(["template", "--kind", "季报", "--year", "2024", "-o", str(out)]) == 64
    assert main(["template", "--kind", "预算", "-o", str(out)]) == 64
