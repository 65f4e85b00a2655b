"""The printed document as an Excel workbook (openpyxl): a sheet per table, text parts on their own.

Why a sheet per table: that is how departments hand in and publish their tables; figures are
numbers with a number format that prints them as the template does (1,425.40), merged header
cells span their columns, each sheet prints on A4 (landscape where the table is wide) with its
header rows repeated on every page. The cover and 目录, 部门概况, 情况说明 and 名词解释 are
sheets of one paragraph per row.
"""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from yusuan.money import is_amount, parse_amount
from yusuan.publish.document import Document, Grid, Part, Section

_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="EEF1F5")
_FONT = "宋体"
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def render_xlsx(doc: Document, spec: object = None) -> bytes:
    """The whole document as .xlsx bytes."""
    wb = Workbook()
    cover = wb.active
    cover.title = "封面"
    _cover(cover, doc)
    names: set[str] = {"封面"}
    for part in doc.parts:
        texts = [b for b in part.blocks if isinstance(b, Section)]
        if texts:
            _text_sheet(wb.create_sheet(_sheet_name(_short(part), names)), part.title, texts)
        grids = [b for b in part.blocks if isinstance(b, Grid)]
        for number, group in _by_number(grids):
            ws = wb.create_sheet(_sheet_name(number or group[0].title, names))
            row = 1
            for grid in group:
                row = _grid(ws, grid, row) + 1
            _page_setup(ws, group[0])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _short(part: Part) -> str:
    for word in ("概况", "情况说明", "名词解释", "绩效"):
        if word in part.title:
            return word
    return part.title[:20]


def _sheet_name(text: str, used: set[str]) -> str:
    base = _BAD_SHEET_CHARS.sub("", text)[:28] or "表"
    name, n = base, 2
    while name in used:
        name, n = f"{base}({n})", n + 1
    used.add(name)
    return name


def _by_number(grids: list[Grid]) -> list[tuple[str, list[Grid]]]:
    groups: list[tuple[str, list[Grid]]] = []
    for grid in grids:
        if groups and groups[-1][0] == grid.number and grid.number:
            groups[-1][1].append(grid)
        else:
            groups.append((grid.number, [grid]))
    return groups


def _cover(ws: Worksheet, doc: Document) -> None:
    ws.column_dimensions["A"].width = 90
    row = 3
    for line in doc.cover:
        cell = ws.cell(row, 1, line)
        cell.font = Font(name=_FONT, size=20, bold=True)
        cell.alignment = Alignment(horizontal="center")
        row += 1
    if doc.draft:
        ws.cell(row + 1, 1, "草稿（未通过发布核对，仅供内部审阅）").font = Font(name=_FONT, size=14, color="BB0000")
        ws.cell(row + 2, 1, doc.note).font = Font(name=_FONT, size=10, color="BB0000")
        row += 3
    row += 2
    ws.cell(row, 1, "目 录").font = Font(name=_FONT, size=16, bold=True)
    for level, text, _ in doc.toc():
        row += 1
        ws.cell(row, 1, ("    " if level == "table" else "") + text).font = Font(name=_FONT, size=11)


def _text_sheet(ws: Worksheet, title: str, sections: list[Section]) -> None:
    ws.column_dimensions["A"].width = 110
    ws.cell(1, 1, title).font = Font(name=_FONT, size=14, bold=True)
    row = 2
    for section in sections:
        row += 1
        ws.cell(row, 1, section.title).font = Font(name=_FONT, size=12, bold=True)
        for paragraph in section.paragraphs:
            row += 1
            cell = ws.cell(row, 1, paragraph)
            cell.font = Font(name=_FONT, size=11)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.page_setup.paperSize = ws.PAPERSIZE_A4


def _grid(ws: Worksheet, grid: Grid, top: int) -> int:
    """Write one table from row ``top``; returns the last row written."""
    width = max(grid.width, 2)
    ws.cell(top, 1, grid.title).font = Font(name=_FONT, size=14, bold=True)
    ws.cell(top, 1).alignment = Alignment(horizontal="center")
    ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=width)
    ws.cell(top + 1, width, grid.number).alignment = Alignment(horizontal="right")
    meta_row = top + 2
    if grid.meta:
        ws.cell(meta_row, 1, "　".join(grid.meta))
    ws.cell(meta_row, width, grid.unit_label).alignment = Alignment(horizontal="right")
    row = meta_row + 1
    head_top = row
    for placed in grid.placed_header():
        for head, col in placed:
            cell = ws.cell(row, col + 1, head.text)
            cell.font = Font(name=_FONT, size=10, bold=True)
            cell.fill = _HEAD_FILL
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            if head.colspan > 1 or head.rowspan > 1:
                ws.merge_cells(start_row=row, start_column=col + 1, end_row=row + head.rowspan - 1,
                               end_column=col + head.colspan)
        row += 1
    for r in range(head_top, row):
        for c in range(1, width + 1):
            ws.cell(r, c).border = _BOX
    ws.print_title_rows = f"{head_top}:{max(head_top, row - 1)}" if grid.header else None
    for body in grid.body:
        _body_row(ws, grid, body.cells, body.spans, row, body.style)
        row += 1
    for note in grid.notes:
        ws.cell(row, 1, note).font = Font(name=_FONT, size=9)
        row += 1
    _widths(ws, grid)
    return row


def _body_row(ws: Worksheet, grid: Grid, cells: list[str], spans: list[int] | None, row: int, style: str) -> None:
    col = 1
    bold = style in ("total", "unit", "类", "head")
    for i, text in enumerate(cells):
        span = spans[i] if spans else 1
        cell = ws.cell(row, col)
        numeric = not spans and not grid.is_label(i)
        if numeric and text and is_amount(text):
            cell.value = parse_amount(text)
            cell.number_format = _format(text)
            cell.alignment = Alignment(horizontal="right")
        else:
            cell.value = text or None
            cell.alignment = Alignment(wrap_text="\n" in text, vertical="center")
        cell.font = Font(name=_FONT, size=10, bold=bold)
        for c in range(col, col + span):
            ws.cell(row, c).border = _BOX
        if span > 1:
            ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=col + span - 1)
        col += span


def _format(text: str) -> str:
    """The number format that prints ``text`` as it is ('1,425.40' → '#,##0.00')."""
    places = len(text.split(".")[1]) if "." in text else 0
    base = "#,##0" if "," in text else "0"
    return base + ("." + "0" * places if places else "")


def _widths(ws: Worksheet, grid: Grid) -> None:
    for i in range(grid.width):
        letter = get_column_letter(i + 1)
        longest = max((len(r.cells[i]) for r in grid.body if not r.spans and i < len(r.cells)), default=4)
        wide = 2.2 if grid.is_label(i) else 1.3
        ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width or 0, min(60, max(10, longest * wide)))


def _page_setup(ws: Worksheet, grid: Grid) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if grid.landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = "第 &P 页"
