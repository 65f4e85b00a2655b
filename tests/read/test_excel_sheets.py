"""A workbook with one sheet per table — how departments keep their tables — reads like the
one-sheet workbook: line numbers run on across sheets, so tables never share line numbers."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import yusuan
from tests.conftest import ROOT, SEEDS
from yusuan.read.text import read_text
from yusuan.tables.segment import find_tables

DATA = ROOT / "tests" / "data"


def _split_by_table(seed: str, out: Path) -> Path:
    """Copy the seed's one-sheet workbook into one sheet per table (cut at each table title)."""
    tables, _ = find_tables(read_text(ROOT / "examples" / seed))
    cuts = sorted({t.title_line.number for t in tables})
    source = openpyxl.load_workbook(DATA / seed.replace(".txt", ".xlsx")).active
    book = openpyxl.Workbook()
    sheet, next_row = book.active, 1
    sheet.title = "封面"
    for row in source.iter_rows():
        number = row[0].row
        if cuts and number >= cuts[0]:
            while cuts and number >= cuts[0]:
                cuts.pop(0)
            sheet, next_row = book.create_sheet(f"表{len(book.sheetnames)}"), 1
        for cell in row:
            if cell.value is not None:
                target = sheet.cell(row=next_row, column=cell.column)
                target.value, target.number_format = cell.value, cell.number_format
        next_row += 1
    path = out / seed.replace(".txt", ".sheets.xlsx")
    book.save(path)
    return path


@pytest.mark.parametrize("seed", SEEDS)
def test_one_sheet_per_table_reads_like_one_sheet(seed: str, tmp_path: Path) -> None:
    one = yusuan.summary(yusuan.read(DATA / seed.replace(".txt", ".xlsx")))
    many_path = _split_by_table(seed, tmp_path)
    many = yusuan.summary(yusuan.read(many_path))
    one.pop("source"), many.pop("source")
    assert many == one
