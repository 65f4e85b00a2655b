"""Compare two stored documents (``yusuan compare A B``): what changed from A to B, and by how much.

Why from the store: both documents are already read and flattened, so a comparison is a few
queries, whatever their formats. B's figures are converted into A's money unit first.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from yusuan.key_figures import THREE_PUBLIC_KEYS
from yusuan.money import UNIT_FACTORS, convert
from yusuan.store.db import Store
from yusuan.store.history import load_key_figures

_HUNDRED = Decimal(100)
_PCT = Decimal("0.01")
LABELS = {
    "total": "支出合计",
    "basic": "基本支出",
    "project": "项目支出",
    "personnel": "人员经费",
    "public": "公用经费",
    "outbound": "因公出国(境)费",
    "vehicle_total": "公务用车购置及运行费",
    "vehicle_purchase": "公务用车购置费",
    "vehicle_operation": "公务用车运行费",
    "reception": "公务接待费",
}


def tidy(value: Decimal | None) -> Decimal | None:
    """A stored DECIMAL(20,4) shown with 2 decimals when the last two are zeros (1425.4000 → 1425.40)."""
    if value is None:
        return None
    cents = value.quantize(_PCT)
    return cents if cents == value else value.normalize()


def change(a: Decimal | None, b: Decimal | None) -> dict[str, Decimal | None]:
    """A → B: both values, the absolute change and the % change (None when A is missing or zero)."""
    a, b = tidy(a), tidy(b)
    diff = None if a is None or b is None else b - a
    pct = None if diff is None or not a else (diff * _HUNDRED / a).quantize(_PCT, ROUND_HALF_EVEN)
    return {"a": a, "b": b, "change": diff, "change_pct": pct}


def _in(value: Decimal | None, unit: str | None, target: str | None) -> Decimal | None:
    if value is None or not unit or not target or unit == target:
        return value
    if unit not in UNIT_FACTORS or target not in UNIT_FACTORS:
        return value
    return convert(value, unit, target)


def _document(store: Store, doc_id: str) -> dict[str, Any]:
    row = store.con.execute(
        "SELECT doc_id, file_name, department, year, kind, money_unit FROM documents WHERE doc_id = ?", [doc_id]
    ).fetchone()
    assert row is not None
    return dict(zip(("doc_id", "file_name", "department", "year", "kind", "money_unit"), row, strict=True))


def _functions(store: Store, doc_id: str, target: str | None) -> dict[tuple[str, str], tuple[str, Decimal]]:
    """(level, code) → (name, 合计) of 类/款 rows of the expenditure table: department rows, else Σ units."""
    rows = store.con.execute(
        "SELECT level, code, name, unit, amount, money_unit FROM expenditure_lines WHERE doc_id = ? "
        "AND table_kind = 'expenditure_summary' AND level IN ('类', '款') AND code IS NOT NULL "
        "AND column_key = 'total' ORDER BY table_no, row_no",
        [doc_id],
    ).fetchall()
    has_department = {level for level, _, _, unit, _, _ in rows if unit is None}
    out: dict[tuple[str, str], tuple[str, Decimal]] = {}
    sums: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    names: dict[tuple[str, str], str] = {}
    for level, code, name, unit, amount, money_unit in rows:
        if level in has_department and unit is not None:
            continue
        key = (level, code)
        sums[key] += _in(amount, money_unit, target) or Decimal(0)
        names.setdefault(key, name or "")
    for key, total in sums.items():
        out[key] = (names[key], total)
    return out


def _projects(store: Store, doc_id: str, target: str | None) -> dict[str, Decimal | None]:
    out: dict[str, Decimal | None] = {}
    for name, amount, unit in store.con.execute(
        "SELECT name, amount, money_unit FROM projects WHERE doc_id = ? ORDER BY project_no", [doc_id]
    ).fetchall():
        value = _in(amount, unit, target)
        out[name] = value if name not in out or value is None else (out[name] or Decimal(0)) + value
    return out


def _figures(store: Store, doc_id: str, target: str | None) -> dict[str, Any]:
    figures = load_key_figures(store, doc_id) or {}
    unit = figures.get("money_unit")
    spending = figures.get("expenditure") or {}
    tp = figures.get("three_public") or {}
    return {
        "expenditure": {k: _in(spending.get(k if k != "total" else "current_year_total"), unit, target)
                        for k in ("total", "basic", "project", "personnel", "public")},
        "three_public": {k: _in(tp.get(k), unit, target) for k in THREE_PUBLIC_KEYS},
    }


def compare(store: Store, a_id: str, b_id: str) -> dict[str, Any]:
    """Everything that changed from document A to document B (amounts in A's money unit)."""
    a, b = _document(store, a_id), _document(store, b_id)
    unit = a["money_unit"]
    fa, fb = _figures(store, a_id, unit), _figures(store, b_id, unit)
    funcs_a, funcs_b = _functions(store, a_id, unit), _functions(store, b_id, unit)
    function_rows = []
    for level, code in sorted(set(funcs_a) | set(funcs_b), key=lambda k: (k[1], k[0])):
        name = (funcs_b.get((level, code)) or funcs_a[(level, code)])[0]
        va = funcs_a.get((level, code), (name, None))[1]
        vb = funcs_b.get((level, code), (name, None))[1]
        function_rows.append({"level": level, "code": code, "name": name, **change(va, vb)})
    pa, pb = _projects(store, a_id, unit), _projects(store, b_id, unit)
    return {
        "a": a,
        "b": b,
        "money_unit": unit,
        "by_function": function_rows,
        "basic_project": [
            {"key": k, "label": LABELS[k], **change(fa["expenditure"][k], fb["expenditure"][k])}
            for k in ("total", "basic", "project")
        ],
        "personnel_public": [
            {"key": k, "label": LABELS[k], **change(fa["expenditure"][k], fb["expenditure"][k])}
            for k in ("personnel", "public")
        ],
        "three_public": [
            {"key": k, "label": "“三公”经费合计" if k == "total" else LABELS[k],
             **change(fa["three_public"][k], fb["three_public"][k])}
            for k in THREE_PUBLIC_KEYS
        ],
        "projects": {
            "added": [{"name": n, "amount": tidy(pb[n])} for n in pb if n not in pa],
            "removed": [{"name": n, "amount": tidy(pa[n])} for n in pa if n not in pb],
            "kept": [{"name": n, **change(pa[n], pb[n])} for n in pa if n in pb],
        },
    }
