"""Write a budget-entry workbook (``yusuan template``): instructions, input sheets, dropdowns.

Why dropdowns from the code dictionary of the year: a 科目 typed by hand is the commonest slip
(a digit off, last year's code). The 功能分类 项 and 部门预算经济分类 款 lists come from
``yusuan.codes`` for the workbook's year (all years when the dictionary has none for it); units,
funds and the other choices are lists too. Headers are Chinese and carry a note saying what goes
in; the marker sheet tells the reader this is an entry workbook.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from yusuan import codes
from yusuan.workbook.entries import Entries
from yusuan.workbook.sheets import CODES_SHEET, INFO_FIELDS, MARKER, MARKER_SHEET, SHEETS, VERSION, Sheet

_HEAD = PatternFill("solid", fgColor="DDE7F3")
_FONT = "宋体"
_MAX_ROWS = 2000  # rows a dropdown covers below the header


def code_list(system: str, level: str, year: int | None) -> list[str]:
    """'2010101 行政运行' entries of ``system`` at ``level`` printed in ``year`` (all years if none)."""
    entries = [codes.lookup(c, system, year) for c in sorted(codes.known_codes(system))]  # type: ignore[arg-type]
    at_level = [e for e in entries if e and len(e.code) == (7 if level == "项" else 5)]
    that_year = [e for e in at_level if year is not None and any(year in p.years for p in e.printed)]
    return [f"{e.code} {e.name}" for e in (that_year or at_level)]


def write_template(kind: str, year: int, entries: Entries | None = None) -> bytes:
    """The workbook as .xlsx bytes, pre-filled with ``entries`` when given."""
    entries = entries or Entries(info={"年度": year, "类型": kind, "金额单位": "万元"})
    entries.info.update({"年度": year, "类型": kind})
    wb = Workbook()
    _instructions(wb.active, kind, year)
    lists = _lists(wb, year)
    for spec in SHEETS:
        ws = wb.create_sheet(spec.name)
        _header(ws, spec)
        if spec.name == "基本信息":
            _info(ws, entries.info)
        else:
            _rows(ws, spec, entries.of(spec.name))
        _validations(ws, spec, lists)
    marker = wb.create_sheet(MARKER_SHEET)
    for r, (key, value) in enumerate((("marker", MARKER), ("version", VERSION), ("kind", kind), ("year", year)), start=1):
        marker.cell(r, 1, key)
        marker.cell(r, 2, value)
    marker.sheet_state = "veryHidden"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _instructions(ws: Worksheet, kind: str, year: int) -> None:
    ws.title = "填表说明"
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 100
    ws.cell(1, 1, f"{year}年部门{kind}录入表 — 填表说明").font = Font(name=_FONT, size=16, bold=True)
    lines = [
        ("怎么填", "只填最末级的数：每个单位、每个功能分类“项”科目、每种资金来源一行；类、款、合计、基本支出、各资金合计和两张总表由系统计算，不必也不能手填。"),
        ("科目", "功能分类科目和经济分类科目请从下拉列表选择（取自本年度的科目表）；单位请先在“预算单位”表列出，再从下拉列表选择。"),
        ("金额", "金额单位见“基本信息”（默认万元），直接填数字，保留两位小数；空白即为零。"),
        ("文字", "主要职责、机构设置和变化原因只有部门能写；比上年增减超过 10% 的事项未填原因时，情况说明中为【待填写】，发布时会被拦下。"),
        ("预填", "从上年文件预填的金额只是起点，请逐项核对更新；只印“基本支出”的表，预填时全部放在“人员经费”，请拆分；财政拨款以外的支出预填为“单位资金”。"),
        ("核对与发布", "yusuan check 本文件 — 核对各项勾稽关系；yusuan publish 本文件 --format pdf -o 公开.pdf — 生成公开文件。"),
    ]
    for r, (key, text) in enumerate(lines, start=3):
        ws.cell(r, 1, key).font = Font(name=_FONT, bold=True)
        cell = ws.cell(r, 2, text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    r = len(lines) + 4
    ws.cell(r, 1, "各表").font = Font(name=_FONT, bold=True)
    for spec in SHEETS:
        r += 1
        ws.cell(r, 1, spec.name)
        ws.cell(r, 2, spec.purpose).alignment = Alignment(wrap_text=True)


def _lists(wb: Workbook, year: int) -> dict[str, str]:
    """The hidden sheet of dropdown lists; kind → its range."""
    ws = wb.create_sheet(CODES_SHEET)
    ranges: dict[str, str] = {}
    for col, (kind, values) in enumerate((
        ("functional", code_list("functional", "项", year)),
        ("economic", code_list("economic_department", "款", year)),
    ), start=1):
        for r, value in enumerate(values, start=1):
            ws.cell(r, col, value)
        letter = get_column_letter(col)
        ranges[kind] = f"'{CODES_SHEET}'!${letter}$1:${letter}${max(1, len(values))}"
    ranges["unit"] = f"'预算单位'!$B$2:$B${_MAX_ROWS}"
    ws.sheet_state = "hidden"
    return ranges


def _header(ws: Worksheet, spec: Sheet) -> None:
    for c, column in enumerate(spec.columns, start=1):
        cell = ws.cell(1, c, column.header)
        cell.font = Font(name=_FONT, bold=True)
        cell.fill = _HEAD
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
        if column.help:
            cell.comment = Comment(column.help, "yusuan")
        ws.column_dimensions[get_column_letter(c)].width = column.width
    ws.freeze_panes = "A2"


def _info(ws: Worksheet, info: dict[str, Any]) -> None:
    for r, key in enumerate(INFO_FIELDS, start=2):
        ws.cell(r, 1, key).font = Font(name=_FONT, bold=True)
        cell = ws.cell(r, 2, info.get(key))
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.cell(4, 3, "预算 或 决算")
    ws.cell(5, 3, "万元 或 元")


def _rows(ws: Worksheet, spec: Sheet, rows: list[dict[str, Any]]) -> None:
    for r, row in enumerate(rows, start=2):
        for c, column in enumerate(spec.columns, start=1):
            value = row.get(column.header)
            if value is None:
                continue
            if column.kind == "functional" or column.kind == "economic":
                value = _with_name(str(value), column.kind)
            cell = ws.cell(r, c, value)
            if column.kind == "money" and isinstance(value, Decimal):
                cell.number_format = "#,##0.00"


def _with_name(code: str, kind: str) -> str:
    entry = codes.lookup(code, "functional" if kind == "functional" else "economic_department")
    return f"{code} {entry.name}" if entry else code


def _validations(ws: Worksheet, spec: Sheet, lists: dict[str, str]) -> None:
    for c, column in enumerate(spec.columns, start=1):
        formula = None
        if column.kind in lists:
            formula = f"={lists[column.kind]}"
        elif column.kind == "choice" and column.choices:
            formula = '"' + ",".join(column.choices) + '"'
        if column.kind == "money":
            dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="-1000000000000",
                                error="请填写数字金额", errorTitle="金额")
        elif formula:
            dv = DataValidation(type="list", formula1=formula, allow_blank=True, showDropDown=False,
                                error=f"请从下拉列表选择{column.header}", errorTitle=column.header)
        else:
            continue
        letter = get_column_letter(c)
        dv.add(f"{letter}2:{letter}{_MAX_ROWS}")
        ws.add_data_validation(dv)
