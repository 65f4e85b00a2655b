"""Rows of a classified table indexed once per run: by unit, by code, and parent → children.

Why: the hierarchy rules (类 = Σ 款, 款 = Σ 项, 合计 = Σ 类, units sum to the department) all need
the same grouping; building it once per table keeps a whole check within milliseconds.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from yusuan.model import LineItem, StatementTable

CODE_LEVELS = ("类", "款", "项")


def is_code_row(item: LineItem) -> bool:
    """A row keyed by a classification code (功能分类 or 经济分类)."""
    return bool(item.code) and item.code.isdigit() and item.level not in ("total", "unit")


def _parent_code(code: str, printed: set[str]) -> str | None:
    """The nearest printed ancestor of ``code`` (a 项 without its 款 printed hangs on its 类)."""
    for cut in (5, 3):
        if len(code) > cut and code[:cut] in printed:
            return code[:cut]
    return None


@dataclass(slots=True)
class TableIndex:
    """Code rows per unit block (None = department level), their children, and the subtotal rows."""

    table: StatementTable
    codes: dict[str | None, dict[str, LineItem]] = field(default_factory=dict)
    children: dict[tuple[str | None, str | None], list[LineItem]] = field(default_factory=dict)
    subtotal: dict[str | None, LineItem] = field(default_factory=dict)
    unit_rows: list[LineItem] = field(default_factory=list)

    @classmethod
    def build(cls, table: StatementTable, units: frozenset[str] = frozenset()) -> TableIndex:
        """Index ``table``'s rows (first printing of a code in a unit block wins).

        A code-less row named after a budget unit in ``units`` is that unit's subtotal even when
        the reader left it at level ``item`` — unless the reader marked unit rows itself (then a
        project named like a unit stays a project).
        """
        index = cls(table)
        codes: dict[str | None, dict[str, LineItem]] = defaultdict(dict)
        block: str | None = None  # code rows after a unit's subtotal belong to that unit
        by_name = not any(item.level == "unit" for item in table.items)  # the reader marked none
        for item in table.items:
            if item.level == "total" and item.unit is None:
                index.subtotal.setdefault(None, item)
            elif item.level == "unit" or (by_name and not item.code and item.level == "item" and item.name in units):
                block = item.unit or item.name
                index.unit_rows.append(item)
                index.subtotal.setdefault(block, item)
            elif is_code_row(item):
                codes[item.unit if item.unit is not None else block].setdefault(item.code or "", item)
        children: dict[tuple[str | None, str | None], list[LineItem]] = defaultdict(list)
        for unit, rows in codes.items():
            printed = set(rows)
            for code, item in rows.items():
                children[(unit, _parent_code(code, printed))].append(item)
        index.codes, index.children = dict(codes), dict(children)
        return index

    def roots(self, unit: str | None) -> list[LineItem]:
        """The top printed code rows of a unit block (normally its 类 rows)."""
        return self.children.get((unit, None), [])

    def units(self) -> list[str | None]:
        """The unit blocks that print code rows (None = department level)."""
        return list(self.codes)
