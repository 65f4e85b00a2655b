"""The figures behind a document's charts (图表), each with the rows of its data table.

Why the same rows for chart and table: the table under each chart is what the chart draws, in
exact printed Decimals; the chart gets the same numbers as JSON numbers (drawing only). Across
years, every document of the department is converted into this document's money unit.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from yusuan.key_figures import dumps
from yusuan.money import UNIT_FACTORS, convert
from yusuan.store.compare import LABELS, tidy
from yusuan.store.db import Store
from yusuan.store.history import load_key_figures
from yusuan.web.labels import THREE_PUBLIC_PARTS, three_public_label

_WS = re.compile(r"\s+")


def json_script(data: Any) -> str:
    """JSON safe inside ``<script type="application/json">`` (no '<', '>' or '&' to end the element)."""
    return dumps(data, indent=None).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _in(value: Any, unit: str | None, target: str | None) -> Decimal | None:
    if value is None:
        return None
    value = Decimal(str(value))
    if unit and target and unit != target and unit in UNIT_FACTORS and target in UNIT_FACTORS:
        value = convert(value, unit, target)
    return tidy(value)


def _function_tree(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """类 → 款 → 项 of the 支出总表 (department rows, else summed over units), 合计 column."""
    rows = store.con.execute(
        "SELECT level, code, name, unit, amount FROM expenditure_lines WHERE doc_id = ? AND table_kind = "
        "'expenditure_summary' AND level IN ('类', '款', '项') AND code IS NOT NULL AND column_key = 'total' "
        "ORDER BY table_no, row_no", [doc_id]).fetchall()
    department = any(unit is None for *_, unit, _ in rows)
    sums: dict[str, Decimal] = {}
    names: dict[str, str] = {}
    for _, code, name, unit, amount in rows:
        if department and unit is not None:
            continue
        sums[code] = sums.get(code, Decimal(0)) + amount
        names.setdefault(code, name or code)
    nodes: dict[str, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []
    for code in sorted(sums, key=len):
        node = {"name": f"{code} {names[code]}", "value": tidy(sums[code]), "children": []}
        nodes[code] = node
        parent = nodes.get(code[:5]) if len(code) == 7 else nodes.get(code[:3]) if len(code) == 5 else None
        (parent["children"] if parent else roots).append(node)
    for node in nodes.values():
        if not node["children"]:
            del node["children"]
    return [r for r in roots if r["value"]]


def _economic(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """基本支出 by 经济分类 款 (一般公共预算基本支出表, 合计 column), largest first."""
    rows = store.con.execute(
        "SELECT code, any_value(name), sum(amount) FROM economic_lines WHERE doc_id = ? AND table_kind = "
        "'general_budget_basic' AND level = '款' AND code IS NOT NULL AND column_key = 'total' AND unit IS NULL "
        "GROUP BY code ORDER BY 3 DESC", [doc_id]).fetchall()
    return [{"name": f"{code} {name}", "value": tidy(v)} for code, name, v in rows if v]


def _same_department(store: Store, doc: dict[str, Any]) -> list[tuple[str, int, str]]:
    """One document per (year, kind) of ``doc``'s department (whitespace ignored): ``doc`` itself for its
    own year, else the latest ingested — the same document printed as PDF and as text counts once."""
    if not doc["department"]:
        return []
    key = _WS.sub("", doc["department"])
    rows = store.con.execute(
        "SELECT doc_id, year, kind, department FROM documents WHERE year IS NOT NULL "
        "ORDER BY year, kind, doc_id = ? DESC, ingested_at DESC", [doc["doc_id"]]).fetchall()
    chosen: dict[tuple[int, str], tuple[str, int, str]] = {}
    for doc_id, year, kind, name in rows:
        if _WS.sub("", name or "") == key:
            chosen.setdefault((year, kind or ""), (doc_id, year, kind or ""))
    return list(chosen.values())


def _years(store: Store, doc: dict[str, Any]) -> dict[str, Any]:
    """The department over the years: 支出合计/基本/项目 and 三公 parts, one column per document."""
    target = doc["money_unit"]
    columns, spending, three = [], {k: [] for k in ("total", "basic", "project")}, {p: [] for p in THREE_PUBLIC_PARTS}
    for doc_id, year, kind in _same_department(store, doc):
        figures = load_key_figures(store, doc_id) or {}
        unit = figures.get("money_unit")
        columns.append(f"{year}{kind or ''}")
        exp = figures.get("expenditure") or {}
        for k in spending:
            spending[k].append(_in(exp.get("current_year_total" if k == "total" else k), unit, target))
        tp = figures.get("three_public") or {}
        for p in three:
            three[p].append(_in(tp.get(p), unit, target))
    return {
        "columns": columns,
        "spending": [{"name": LABELS[k], "values": v} for k, v in spending.items()],
        "three_public": [{"name": three_public_label(p), "values": v} for p, v in three.items()
                         if p not in ("total", "vehicle_total") and any(x is not None for x in v)],
    }


def chart_data(store: Store, doc: dict[str, Any]) -> dict[str, Any]:
    """Every chart of one document: data for ECharts and the rows of its table."""
    doc_id, unit = doc["doc_id"], doc["money_unit"]
    figures = load_key_figures(store, doc_id) or {}
    exp = figures.get("expenditure") or {}
    fig_unit = figures.get("money_unit")

    def pair(*keys: str) -> list[dict[str, Any]]:
        return [{"name": LABELS[k], "value": _in(exp.get(k), fig_unit, unit)} for k in keys
                if exp.get(k) is not None]

    return {
        "unit": unit,
        "functions": _function_tree(store, doc_id),
        "basic_project": pair("basic", "project"),
        "personnel_public": pair("personnel", "public"),
        "economic": _economic(store, doc_id),
        "years": _years(store, doc),
    }
