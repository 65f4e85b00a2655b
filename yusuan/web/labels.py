"""Chinese labels for what the store keeps as keys (severities, table kinds, columns, 三公 parts).

Why here: presentation only — the store and the checker keep stable English keys; the web shows
the Chinese term a finance reviewer reads.
"""

from __future__ import annotations

from yusuan.check.cells import COLUMN_LABELS
from yusuan.cli.render import THREE_PUBLIC_LABELS

SEVERITY_LABELS = {"error": "错误", "warning": "警告", "rounding": "尾差", "info": "提示"}
SEVERITY_ORDER = ("error", "warning", "rounding", "info")
PERIOD_LABELS = {"current": "本年", "previous": "上年", "budget": "预算数"}
THREE_PUBLIC_PARTS = ("total", "outbound", "vehicle_total", "vehicle_purchase", "vehicle_operation", "reception")
FORMAT_LABELS = {"text": "文本", "pdf": "PDF", "xlsx": "Excel", "xls": "Excel", "image": "图片"}
LEVEL_INDENT = {"total": 0, "unit": 0, "类": 0, "款": 1, "项": 2, "category": 0, "item": 0}


def kind_label(kind: str) -> str:
    """A table kind's Chinese label from the table catalogue (parsed once by the catalogue itself)."""
    from yusuan.tables.catalogue import load_catalogue

    return "未识别表格" if kind == "raw" else load_catalogue().label(kind)


def column_label(column: str) -> str:
    """The Chinese heading of a canonical column key (``carryover.general_public_budget`` → 上年结转·一般公共预算)."""
    head, _, tail = column.partition(".")
    if tail:
        return f"{COLUMN_LABELS.get(head, head)}·{COLUMN_LABELS.get(tail, tail)}"
    return COLUMN_LABELS.get(column, column)


def three_public_label(part: str) -> str:
    return THREE_PUBLIC_LABELS.get(part, part)
