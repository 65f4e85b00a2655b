"""Exports of a document's findings with their review decisions: CSV (UTF-8 with BOM, opens in Excel) and XLSX.

Why one row layout for both: the columns a reviewer files away are the same whatever the format.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from yusuan.web.document import DocumentView, FindingView
from yusuan.web.formatting import when
from yusuan.web.labels import SEVERITY_LABELS

HEADERS = ("序号", "类别", "严重程度", "规则", "规则名称", "说明", "数值", "位置", "审核结论", "理由", "审核人", "审核时间")


def _where(loc: dict[str, Any]) -> str:
    parts = [loc.get("table") or "", loc.get("row") or "", loc.get("column") or ""]
    page = f"第{loc['page']}页" if loc.get("page") else (f"第{loc['line']}行" if loc.get("line") else "")
    return " / ".join(p for p in parts if p) + (f"（{page}）" if page else "")


def rows(view: DocumentView) -> list[list[Any]]:
    """One row per finding, in the document's order."""
    out = []
    for f in view.findings:
        d = f.decision or {}
        out.append([f.display_no, "读取问题" if f.is_read else "核对问题", SEVERITY_LABELS.get(f.severity, f.severity),
                    f.rule, f.rule_title, f.message, "；".join(f.values), "；".join(_where(loc) for loc in f.locations),
                    d.get("label", "未审"), d.get("reason") or "", d.get("user") or "", when(d.get("at"))])
    return out


def findings_csv(view: DocumentView) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    writer.writerows(rows(view))
    return buffer.getvalue().encode("utf-8-sig")


def findings_xlsx(view: DocumentView) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "核对问题"
    doc = view.doc
    ws.append([f"{doc.get('department') or ''} {doc.get('year') or ''}年 {doc.get('kind') or ''} — {doc['file_name']}"])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append(list(HEADERS))
    for cell in ws[2]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E79")
    for row in rows(view):
        ws.append(row)
    widths = (6, 9, 9, 26, 26, 60, 18, 50, 9, 30, 10, 17)
    for i, width in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + i)].width = width
    for row in ws.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A3"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def file_name(view: DocumentView, suffix: str, what: str = "核对问题") -> str:
    doc = view.doc
    stem = "-".join(str(p) for p in (doc.get("department"), doc.get("year"), doc.get("kind")) if p) or doc["doc_id"][:12]
    return f"{stem}-{what}.{suffix}"


def finding_label(f: FindingView) -> str:
    return f"#{f.display_no} {SEVERITY_LABELS.get(f.severity, f.severity)} {f.message}"
