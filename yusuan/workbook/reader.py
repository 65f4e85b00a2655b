"""A filled budget-entry workbook → :class:`Entries` → :class:`Disclosure`.

Each sheet's columns are found by their headers (:mod:`yusuan.workbook.sheets`), so a person may
reorder them or add notes to the right. A cell that cannot be what its column holds — text in a
money column, a code that is not a 功能分类 项, a unit not listed — stops the reading with one
message naming the sheet and cell in Chinese (exit code 2), never a guess.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from yusuan.errors import UnreadableInput
from yusuan.model import Disclosure
from yusuan.money import parse_amount
from yusuan.read.excel import to_decimal
from yusuan.workbook.build import build
from yusuan.workbook.entries import Entries, Row
from yusuan.workbook.sheets import INFO_FIELDS, SHEETS, Column, Sheet

_CODE = re.compile(r"^\s*(\d+)")


def read_workbook(path: str | Path) -> Disclosure:
    """The disclosure a filled budget-entry workbook describes."""
    return build(read_entries(path))


def read_entries(path: str | Path) -> Entries:
    """The rows typed into every input sheet."""
    path = Path(path)
    try:
        wb = load_workbook(path, data_only=True, read_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise UnreadableInput(f"预算录入表无法打开（{str(exc)[:100]}）— a damaged budget-entry workbook", source=path.name) from None
    entries = Entries(source=path.name)
    try:
        for spec in SHEETS:
            if spec.name not in wb.sheetnames:
                continue
            rows = list(wb[spec.name].iter_rows(values_only=True))
            if spec.name == "基本信息":
                entries.info = _info(rows)
            else:
                entries.rows[spec.name] = _rows(spec, rows, path.name)
    finally:
        wb.close()
    units = {str(r["单位名称"]) for r in entries.of("预算单位")}
    for name, rows in entries.rows.items():
        for row in rows:
            unit = row.get("单位名称")
            if name != "预算单位" and unit is not None and units and unit not in units:
                raise _bad(path.name, name, row["_row"], "单位名称", f"“{unit}”不在“预算单位”表中")
    if not entries.info.get("部门名称"):
        raise UnreadableInput("预算录入表“基本信息”中没有填写部门名称 — the department name is missing", source=path.name)
    return entries


def _info(rows: list[tuple[Any, ...]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for row in rows[1:]:
        if row and row[0] in INFO_FIELDS and len(row) > 1 and row[1] not in (None, ""):
            out[str(row[0])] = row[1]
    return out


def _rows(spec: Sheet, rows: list[tuple[Any, ...]], source: str) -> list[Row]:
    if not rows:
        return []
    header = [str(h).strip() if h is not None else "" for h in rows[0]]
    at = {c.header: header.index(c.header) for c in spec.columns if c.header in header}
    out: list[Row] = []
    for number, values in enumerate(rows[1:], start=2):
        cells = {c.header: values[at[c.header]] if c.header in at and at[c.header] < len(values) else None for c in spec.columns}
        if all(v is None or str(v).strip() == "" for v in cells.values()):
            continue
        row: Row = {"_row": number}
        for column in spec.columns:
            row[column.header] = _value(column, cells[column.header], source, spec.name, number, at.get(column.header))
        out.append(row)
    return out


def _value(column: Column, value: Any, source: str, sheet: str, row: int, col: int | None) -> Any:
    blank = value is None or (isinstance(value, str) and not value.strip())
    cell = f"{get_column_letter((col or 0) + 1)}{row}"
    if blank:
        if column.required:
            raise _bad(source, sheet, row, column.header, "必填，未填写", cell)
        return None
    if column.kind in ("money", "count"):
        return _number(value, column, source, sheet, row, cell)
    text = str(value).strip()
    if column.kind in ("functional", "economic"):
        m = _CODE.match(text)
        length, first = (7, "2") if column.kind == "functional" else (5, "3")
        if not m or len(m.group(1)) != length or not m.group(1).startswith(first):
            what = "7位功能分类“项”级科目编码（如 2010101）" if column.kind == "functional" else "5位部门预算经济分类“款”级编码（如 30101）"
            raise _bad(source, sheet, row, column.header, f"应为{what}，填的是“{text}”", cell)
        return m.group(1)
    if column.kind == "choice" and column.choices and text not in column.choices:
        raise _bad(source, sheet, row, column.header, f"应为 {'、'.join(column.choices)} 之一，填的是“{text}”", cell)
    return text


def _number(value: Any, column: Column, source: str, sheet: str, row: int, cell: str) -> Decimal:
    try:
        if isinstance(value, bool):
            raise ValueError
        number = to_decimal(value) if isinstance(value, (int, float)) else parse_amount(str(value))
    except ValueError:
        number = None
    if number is None:
        raise _bad(source, sheet, row, column.header, f"应为{'金额' if column.kind == 'money' else '数量'}，填的是“{value}”", cell)
    return number


def _bad(source: str, sheet: str, row: int, header: str, what: str, cell: str | None = None) -> UnreadableInput:
    where = f"{sheet}!{cell}" if cell else f"{sheet} 第{row}行"
    return UnreadableInput(f"预算录入表 {where}（{header}）：{what}", source=source)
