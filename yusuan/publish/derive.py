"""Figures a printed table needs that the model keeps only implicitly, computed — never typed.

A 决算 基本支出表 printed in two panels (人员经费 | 公用经费 side by side) reads into rows with one
合计 each and a 合计 row holding only the two panel totals. Printed in a template's one-panel
layout, each row's amount goes under 人员经费 or 公用经费 by its 经济分类 类 (the catalogue's
``economic_tie_break``: 301/303 personnel, 302/310/… public) and the 合计 row's 合计 is their sum.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from yusuan.model import Amount, LineItem, StatementTable
from yusuan.tables.catalogue import load_catalogue

_SPLIT = ("personnel", "public")
_BASIC_KINDS = ("general_budget_basic", "basic_expenditure", "fiscal_basic")


def with_basic_split(table: StatementTable) -> StatementTable:
    """``table`` with 人员经费/公用经费 filled in from each row's 类 where only the 合计 row has them."""
    if table.kind not in _BASIC_KINDS:
        return table
    rows = [i for i in table.items if i.level != "total"]
    total = table.total_row()
    if total is None or not all(k in total.values for k in _SPLIT) or any(k in i.values for i in rows for k in _SPLIT):
        return table
    classes = load_catalogue().economic_tie_break
    items = [_split(i, classes) if i.level != "total" else _summed(i) for i in table.items]
    columns = list(dict.fromkeys([*table.columns, "total", *_SPLIT]))
    return dataclasses.replace(table, items=items, columns=columns)


def _split(item: LineItem, classes: dict[str, tuple[str, ...]]) -> LineItem:
    amount = item.values.get("total")
    if amount is None or not item.code:
        return item
    side = next((k for k in _SPLIT if item.code[:3] in classes.get(k, ())), None)
    if side is None:
        return item
    return dataclasses.replace(item, values={**item.values, side: amount})


def _summed(item: LineItem) -> LineItem:
    if item.values.get("total") is not None and item.values["total"].value != 0:
        return item
    value = sum((item.values[k].value for k in _SPLIT), Decimal(0))
    return dataclasses.replace(item, values={"total": Amount(value, str(value)), **item.values})
