"""Disclosure → the key figures of ../shared/SUMMARY_SCHEMA.md (``yusuan summary --json``).

Every figure is converted into ``money_unit`` (the 收支总表's unit); amounts stay Decimal until
the JSON encoder prints them with the digits as printed (see :func:`dumps`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from decimal import Decimal
from typing import Any

from yusuan.model import Amount, Disclosure, LineItem, StatementTable
from yusuan.model.narrative_summary import fill_from_text
from yusuan.money import convert

REVENUE_KEYS = (
    "general_public_budget",
    "government_fund",
    "state_capital",
    "fiscal_special_account",
    "unit_funds",
    "current_year_total",
    "carryover_from_last_year",
    "grand_total",
)
UNIT_FUND_PARTS = ("business", "operating_income", "upper_subsidy", "subsidiary_remit", "other")
EXPENDITURE_SIDE_KEYS = ("current_year_total", "carryover_to_next_year", "grand_total")
FISCAL_FUND_KEYS = ("general_public_budget", "government_fund", "state_capital")
THREE_PUBLIC_KEYS = ("total", "outbound", "vehicle_total", "vehicle_purchase", "vehicle_operation", "reception")


def _value(amount: Amount | None) -> Decimal | None:
    return None if amount is None else amount.value


def _side(table: StatementTable | None, key: str, side: str) -> Decimal | None:
    if table is None:
        return None
    row = table.by_key(key, side)
    if row is None:
        return None
    return _value(row.values.get("total") or next(iter(row.values.values()), None))


def _department_rows(table: StatementTable, level: str) -> list[LineItem]:
    """Code rows of ``level``: the department-level ones if printed, else every unit's."""
    rows = [i for i in table.items if i.level == level and i.code]
    top = [i for i in rows if i.unit is None]
    return top or rows


def _by_code(table: StatementTable | None, levels: tuple[str, ...], column: str = "total") -> dict[str, Decimal]:
    """Code → amount of ``column`` summed over units, for rows of ``levels``."""
    out: dict[str, Decimal] = defaultdict(Decimal)
    if table is None:
        return {}
    for level in levels:
        for row in _department_rows(table, level):
            value = row.get(column)
            if value is not None and row.code:
                out[row.code] += value
    return dict(sorted(out.items()))


def _total(table: StatementTable | None, column: str) -> Decimal | None:
    if table is None:
        return None
    row = table.total_row()
    return None if row is None else row.get(column)


def _revenue(d: Disclosure) -> dict[str, Decimal | None]:
    summary = d.table("income_expenditure_summary")
    out = {key: _side(summary, key, "income") for key in REVENUE_KEYS}
    if out["current_year_total"] is None:
        out["current_year_total"] = _total(d.table("income_summary"), "total")
    if out["unit_funds"] is None:
        out["unit_funds"] = _unit_funds_from_parts(summary)
    if _side(summary, "fiscal_total", "income") is not None:
        _fund_split_from_fiscal_summary(out, d.table("fiscal_summary"))
    return out


def _fund_split_from_fiscal_summary(out: dict[str, Decimal | None], fiscal: StatementTable | None) -> None:
    """A 收支总表 printing one 财政拨款/预算拨款 line without its split by fund (Guangzhou 表1):
    take the 三本预算 amounts from the 财政拨款收支总表, which prints them."""
    for key in FISCAL_FUND_KEYS:
        if out[key] is None:
            out[key] = _side(fiscal, key, "income")


def _unit_funds_from_parts(summary: StatementTable | None) -> Decimal | None:
    """单位资金 as the sum of its printed parts (事业/经营/上级补助/附属单位上缴/其他收入) when a
    template (e.g. a 决算 收支总表) lists the parts without a 单位资金 row."""
    parts = [_side(summary, key, "income") for key in UNIT_FUND_PARTS]
    present = [p for p in parts if p is not None]
    return sum(present, Decimal(0)) if present else None


def _expenditure(d: Disclosure) -> dict[str, Any]:
    summary = d.table("income_expenditure_summary")
    spending = d.table("expenditure_summary")
    out: dict[str, Any] = {key: _side(summary, key, "expenditure") for key in EXPENDITURE_SIDE_KEYS}
    if out["current_year_total"] is None:
        out["current_year_total"] = _total(spending, "total")
    basic_table = d.table("general_budget_basic")
    for column in ("basic", "personnel", "public", "project"):
        value = _total(spending, column)
        if value is None and column in ("basic", "project"):
            value = _summary_row(summary, column)
        if value is None and column in ("personnel", "public"):
            value = _total(basic_table, column)
        out[column] = value
    out["by_function_class"] = _by_code(spending, ("类",)) or _summary_classes(summary)
    out["by_function_item"] = _by_code(spending, ("项",))
    return out


def _summary_row(summary: StatementTable | None, key: str) -> Decimal | None:
    """A figure the 收支总表 prints as a named expenditure row of any panel (西安: 人员经费和公用经费
    支出 = 基本支出, 专项业务经费支出 = 项目支出 in its 部门经济分类 panel)."""
    if summary is None:
        return None
    row = next((i for i in summary.items if i.key == key and (i.side or "").startswith("expenditure")), None)
    return None if row is None else row.get("total")


def _summary_classes(summary: StatementTable | None) -> dict[str, Decimal]:
    """功能分类 类 totals from the 收支总表's expenditure rows, where the 支出总表 prints none (a
    支出总表 by unit × fund source): the rows its labels name a 类 of (their codes). A 收支总表
    lists every 类 of the classification; those it leaves blank are not the department's."""
    if summary is None:
        return {}
    out: dict[str, Decimal] = {}
    for item in summary.items:
        if item.side == "expenditure" and item.code and len(item.code) == 3 and (value := item.get("total")):
            out[item.code] = out.get(item.code, Decimal(0)) + value
    return dict(sorted(out.items()))


def _in_unit(value: Decimal | None, unit: str | None, target: str) -> Decimal | None:
    if value is None or not unit or unit == target:
        return value
    return convert(value, unit, target)


def _three_public(d: Disclosure) -> dict[str, Decimal | None]:
    """The 三公 table's current year; without a table, what the text states (parts it does not
    state stay None)."""
    tp = d.three_public
    if tp is None or not tp.current:
        if d.narrative.figure("three_public.total") is None:
            return {key: None for key in THREE_PUBLIC_KEYS}
        return {key: _narrative_amount(d, f"three_public.{key}") for key in THREE_PUBLIC_KEYS}
    unit = tp.money_unit or d.money_unit
    return {key: _in_unit(_value(tp.current.get(key)), unit, d.money_unit) for key in THREE_PUBLIC_KEYS}


def _narrative_amount(d: Disclosure, claim: str) -> Decimal | None:
    figure = d.narrative.figure(claim)
    if figure is None:
        return None
    return _in_unit(figure.value, figure.unit, d.money_unit)


def _procurement_total(d: Disclosure) -> Decimal | None:
    stated = _narrative_amount(d, "procurement.total")
    if stated is not None:
        return stated
    table = d.table("procurement")
    if table is None:
        return None
    total = _total(table, "total")
    return Decimal(0) if total is None else total


def summarise(d: Disclosure) -> dict[str, Any]:
    """The SUMMARY_SCHEMA dict of ``d`` (Decimals kept; use :func:`dumps` to print)."""
    gpb = d.table("general_budget_expenditure")
    out = {
        "source": d.source,
        "department": d.department,
        "year": d.year,
        "money_unit": d.money_unit,
        "units": list(d.units),
        "revenue": _revenue(d),
        "expenditure": _expenditure(d),
        "general_public_budget_expenditure": {
            "total": _total(gpb, "total"),
            "basic": _total(gpb, "basic"),
            "project": _total(gpb, "project"),
        },
        "basic_by_economic_class": _by_code(d.table("general_budget_basic"), ("类", "款")),
        "three_public": _three_public(d),
        "operating_costs": _narrative_amount(d, "operating_costs"),
        "government_procurement_total": _procurement_total(d),
        "projects": [
            {
                "name": p.name,
                "unit": p.unit,
                "amount": _value(p.amount),
            }
            for p in d.projects
        ],
        "project_performance_tables": sum(1 for t in d.performance if t.scope == "project"),
    }
    fill_from_text(d, out)  # a table-less 情况说明: the fields its text states
    return out


_MARK = "\u2063DEC\u2063"


def _mark(o: Any) -> Any:
    if isinstance(o, Decimal):
        return f"{_MARK}{o}{_MARK}"
    if isinstance(o, dict):
        return {k: _mark(v) for k, v in o.items()}
    if isinstance(o, (list, tuple)):
        return [_mark(v) for v in o]
    return o


def dumps(data: Any, indent: int | None = 2) -> str:
    """JSON text with Decimals as numbers (``1425.40`` stays ``1425.40``) and Chinese unescaped."""
    text = json.dumps(_mark(data), ensure_ascii=False, indent=indent)
    return text.replace(f'"{_MARK}', "").replace(f'{_MARK}"', "")
