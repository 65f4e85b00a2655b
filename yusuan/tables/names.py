"""Rows that print only a 科目 name get its code from the code dictionary; unit rows by their sums.

Why: some templates print the classification by name alone (广州 基本支出预算表: 工资福利支出,
商品和服务支出 under each unit; a 收支总表 listing 一般公共服务支出 …), and every identity and
cross-table check keys on codes. A name gives a code only when the dictionary knows exactly one
code for it in the table's classification (or one 类 whose own 款/项 share its name: 其他支出 → 229),
so nothing is guessed. A code-less row whose following 类 rows add up to it is a unit's subtotal.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from yusuan.codes import System, codes_named
from yusuan.model import LineItem
from yusuan.money import unit_step
from yusuan.tables.rows import RawRow, code_system


def table_system(rows: Sequence[RawRow], economic: bool) -> System:
    """The classification a table's rows print: that of most of its codes, else by its kind."""
    systems = [s for r in rows if r.code and (s := code_system(r.code))]
    if systems:
        return max(set(systems), key=systems.count)  # type: ignore[return-value]
    return "economic_department" if economic else "functional"


def code_for(name: str, system: System) -> str | None:
    """The one code ``name`` stands for in ``system`` (a 类 over same-named 款/项 counts once)."""
    codes = codes_named(name, system)
    if len(codes) == 1:
        return codes[0]
    heads = [c for c in codes if len(c) == 3]
    if len(heads) == 1 and all(c.startswith(heads[0]) for c in codes):
        return heads[0]
    return None


def codes_from_names(rows: Sequence[RawRow], system: System) -> None:
    """Give code-less rows printing a dictionary name their code, in place (only where the
    table prints no code at all for such rows, so a coded table's own structure stands)."""
    if any(r.code for r in rows if r.values and r.name):
        return
    for row in rows:
        if row.code or row.code_part or not row.name:
            continue
        code = code_for(row.name, system)
        if code is not None:
            row.code = code


def _total(item: LineItem) -> Decimal | None:
    amount = item.values.get("total")
    return None if amount is None else amount.value


def units_by_sums(items: Sequence[LineItem]) -> None:
    """Mark, in place, a code-less row followed by 类 rows adding up to it (its total column,
    within the printed rounding) as a unit's subtotal (level ``unit``)."""
    for i, item in enumerate(items):
        if item.code or item.level != "item":
            continue
        total = _total(item)
        classes: list[LineItem] = []
        for below in items[i + 1 :]:
            if not below.code:
                break
            if below.level == "类":
                classes.append(below)
        if total is None or not classes:
            continue
        parts = [v for c in classes if (v := _total(c)) is not None]
        slack = sum((unit_step(v) for v in parts), Decimal(0))
        if abs(sum(parts, Decimal(0)) - total) <= slack:
            item.level = "unit"
