"""Who and when: department (部门), year (年度), kind (预算/决算), money unit and budget units (单位)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from yusuan.layout import Layout
from yusuan.model.disclosure import BUDGET, FINAL_ACCOUNTS, Disclosure
from yusuan.tables.table import Table

_YEAR_RE = re.compile(r"(20\d{2})\s*年")


@dataclass(slots=True)
class Identity:
    """The identifying facts of a disclosure."""

    department: str | None = None
    year: int | None = None
    kind: str = BUDGET
    money_unit: str = "万元"
    units: list[str] = field(default_factory=list)


def identify(layout: Layout, tables: list[Table], d: Disclosure) -> Identity:
    """Read department, year, kind, unit of money and budget units from titles and table meta."""
    ident = Identity()
    titles = " ".join(t.title for t in tables)
    ident.kind = FINAL_ACCOUNTS if "决算" in titles else BUDGET
    years = Counter(int(m.group(1)) for ln in list(layout.lines())[:400] for m in _YEAR_RE.finditer(ln.text))
    if years:
        ident.year = years.most_common(1)[0][0]
    summary = next((t for t in tables if t.kind == "income_expenditure_summary"), tables[0] if tables else None)
    if summary and summary.money_unit:
        ident.money_unit = summary.money_unit
    for t in tables:
        for key in ("单位名称", "部门", "部门名称", "编制单位"):
            if t.meta.get(key):
                ident.department = t.meta[key]
                break
        if ident.department:
            break
    return ident
