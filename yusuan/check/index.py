"""Rows of a classified table indexed once per run: by unit, by code, and parent → children.

Why: the hierarchy rules (类 = Σ 款, 款 = Σ 项, 合计 = Σ 类, units sum to the department) all need
the same grouping; building it once per table keeps a whole check within milliseconds.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass, field

from yusuan.model import LineItem, StatementTable

CODE_LEVELS = ("类", "款", "项")


def is_code_row(item: LineItem) -> bool:
    """A row keyed by a classification code (功能分类 or 经济分类)."""
    return bool(item.code) and item.code.isdigit() and item.level not in ("total", "unit")


def node_key(item: LineItem) -> str:
    """Where a code row stands in its table's hierarchy: its code, and in a table crossing two
    classifications (部门经济 × 政府经济 rows) the other classification's 类 too, so the block
    '301 工资福利支出 × 501' sums its own 款 rows, apart from the '301 × 505' block."""
    code = item.code or ""
    return f"{code}×{item.alt_code[:3]}" if item.alt_code else code


def plain_code(key: str) -> str:
    """The code of a :func:`node_key`."""
    return key.partition("×")[0]


def _parent_code(key: str, printed: set[str]) -> str | None:
    """The nearest printed ancestor of a node (a 项 without its 款 printed hangs on its 类)."""
    code, cross, other = key.partition("×")
    for cut in (5, 3):
        if len(code) <= cut:
            continue
        for parent in (code[:cut] + cross + other, code[:cut]):  # the crossed block, else the plain code
            if parent in printed:
                return parent
    return None


def _merged(items: list[LineItem]) -> LineItem:
    """One row standing for a code printed in several crossed rows: their column sums (the
    first row's name and provenance), as a table not crossing the other classification prints it."""
    first = items[0]
    if len(items) == 1:
        return first
    values = {}
    for column, amount in first.values.items():
        total = sum((i.values[column].value for i in items if column in i.values), amount.value * 0)
        values[column] = dataclasses.replace(amount, value=total, text=str(total))
    return dataclasses.replace(first, values=values, alt_code=None, alt_name=None)


@dataclass(slots=True)
class TableIndex:
    """Code rows per unit block (None = department level), their children, and the subtotal rows."""

    table: StatementTable
    codes: dict[str | None, dict[str, LineItem]] = field(default_factory=dict)
    nodes: dict[str | None, dict[str, LineItem]] = field(default_factory=dict)
    children: dict[tuple[str | None, str | None], list[LineItem]] = field(default_factory=dict)
    subtotal: dict[str | None, LineItem] = field(default_factory=dict)
    unit_rows: list[LineItem] = field(default_factory=list)

    @classmethod
    def build(cls, table: StatementTable, units: frozenset[str] = frozenset()) -> TableIndex:
        """Index ``table``'s rows (first printing of a node in a unit block wins; ``codes`` holds
        each code once, a code printed in several crossed rows as their sum, see :func:`node_key`).

        A code-less row named after a budget unit in ``units`` is that unit's subtotal even when
        the reader left it at level ``item`` — unless the reader marked unit rows itself (then a
        project named like a unit stays a project).
        """
        index = cls(table)
        nodes: dict[str | None, dict[str, LineItem]] = defaultdict(dict)
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
                nodes[item.unit if item.unit is not None else block].setdefault(node_key(item), item)
        children: dict[tuple[str | None, str | None], list[LineItem]] = defaultdict(list)
        codes: dict[str | None, dict[str, LineItem]] = {}
        for unit, rows in nodes.items():
            printed = set(rows)
            by_code: dict[str, list[LineItem]] = defaultdict(list)
            for key, item in rows.items():
                children[(unit, _parent_code(key, printed))].append(item)
                by_code[plain_code(key)].append(item)
            codes[unit] = {code: _merged(items) for code, items in by_code.items()}
        index.codes, index.nodes, index.children = codes, dict(nodes), dict(children)
        return index

    def roots(self, unit: str | None) -> list[LineItem]:
        """The top printed code rows of a unit block (normally its 类 rows)."""
        return self.children.get((unit, None), [])

    def units(self) -> list[str | None]:
        """The unit blocks that print code rows (None = department level)."""
        return list(self.codes)
