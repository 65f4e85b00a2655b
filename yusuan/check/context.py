"""What every rule reads: the disclosure, its tables indexed once, figures as located cells.

Why a context instead of the bare Disclosure: rules stay small pure functions of their input,
while the per-run indexes (rows by code, named rows by key) are built once and shared. The
previous-year provider is the hook for cross-document checks (``yusuan check --db``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from functools import cached_property
from typing import Any

from yusuan.check.cells import Cell, narrative_cell, table_cell
from yusuan.check.finding import Location
from yusuan.check.index import TableIndex
from yusuan.model import Disclosure, LineItem, NarrativeFigure, StatementTable, zero

# Given this year's disclosure, the same department's previous-year document, or its key figures
# in the SUMMARY_SCHEMA shape (see yusuan.check.previous.resolve and yusuan.store.previous_year).
PreviousProvider = Callable[[Disclosure], "Disclosure | dict[str, Any] | None"]

THREE_PUBLIC_LABELS = {
    "total": "“三公”经费合计",
    "outbound": "因公出国（境）费",
    "vehicle_total": "公务用车购置及运行费",
    "vehicle_purchase": "公务用车购置费",
    "vehicle_operation": "公务用车运行费",
    "reception": "公务接待费",
}
PERIOD_LABELS = {"current": "本年", "previous": "上年", "budget": "预算数"}
_ORDINAL = re.compile(r"^[（(]?[一二三四五六七八九十百零]+[、.．)）]\s*|^\d+[、.．]\s*")


def clean_name(name: str) -> str:
    """A row name without its ordinal prefix ('八、') or spaces, for matching rows across tables."""
    return _ORDINAL.sub("", re.sub(r"\s+", "", name))


class Context:
    """One check run over one disclosure."""

    def __init__(self, d: Disclosure, previous: PreviousProvider | None = None) -> None:
        self.d = d
        self._previous = previous
        self._indexes: dict[int, TableIndex] = {}
        self._cells: dict[tuple[int, int, str], Cell | None] = {}
        self._memo: dict[tuple[str, int], Any] = {}

    def memo(self, name: str, obj: object, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per run for (``name``, ``obj``): shared derived facts such as emptiness."""
        key = (name, id(obj))
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    # -- tables -----------------------------------------------------------------------------
    def tables(self, *kinds: str) -> list[StatementTable]:
        """Every table of the given kinds, in document order."""
        return [t for t in self.d.tables if t.kind in kinds]

    def table(self, kind: str) -> StatementTable | None:
        """The first table of ``kind`` that prints rows (else the first of the kind)."""
        tables = self.tables(kind)
        return next((t for t in tables if t.items), tables[0] if tables else None)

    def index(self, table: StatementTable) -> TableIndex:
        """The row index of ``table`` (built on first use)."""
        key = id(table)
        if key not in self._indexes:
            self._indexes[key] = TableIndex.build(table, self._unit_names)
        return self._indexes[key]

    @cached_property
    def _unit_names(self) -> frozenset[str]:
        """Names of the budget units (to recognise unit subtotal rows)."""
        return frozenset([*self.d.units, *(p.unit for p in self.d.projects if p.unit)])

    def cell(self, table: StatementTable, item: LineItem, column: str) -> Cell | None:
        """The located cell of ``item`` in ``column`` (built once per run)."""
        key = (id(table), id(item), column)
        if key not in self._cells:
            self._cells[key] = table_cell(table, item, column, self.d.money_unit)
        return self._cells[key]

    def cells(self, table: StatementTable, items: list[LineItem], column: str) -> list[Cell]:
        """The cells of ``items`` in ``column`` (rows without the column count as blank)."""
        out = []
        for item in items:
            c = self.cell(table, item, column)
            out.append(c if c is not None else self.blank(table, item, column))
        return out

    def blank(self, table: StatementTable, item: LineItem, column: str) -> Cell:
        """A blank cell of a row that prints nothing in ``column``."""
        return table_cell(table, _with_blank(item, column), column, self.d.money_unit)  # type: ignore[return-value]

    def value_cell(self, table: StatementTable, item: LineItem, column: str = "total") -> Cell | None:
        """The row's ``column``, or its only value for one-value rows (收支总表 lines)."""
        c = self.cell(table, item, column)
        if c is None and len(item.values) == 1:
            only = next(iter(item.values))
            c = self.cell(table, item, only)
        return c

    def total_row(self, table: StatementTable) -> LineItem | None:
        """The department-level 合计 row."""
        return self.index(table).subtotal.get(None)

    def total_cell(self, kind: str, column: str = "total") -> Cell | None:
        """The 合计 row's ``column`` of the first table of ``kind``."""
        table = self.table(kind)
        row = None if table is None else self.total_row(table)
        return None if table is None or row is None else self.cell(table, row, column)

    def side(self, table: StatementTable, side: str) -> list[LineItem]:
        """The rows of one side of a two-sided table (收支总表)."""
        return [i for i in table.items if i.side == side]

    def keyed(self, table: StatementTable, key: str, side: str | None = None) -> LineItem | None:
        """The named row with canonical ``key``."""
        return table.by_key(key, side)

    # -- 三公, narrative ---------------------------------------------------------------------
    def three_public_cell(self, period: str, key: str) -> Cell | None:
        """A 三公 figure of ``period`` (current/previous/budget)."""
        tp = self.d.three_public
        amount = None if tp is None else getattr(tp, period).get(key)
        if tp is None or amount is None:
            return None
        w = amount.where
        loc = Location(
            table=(w.table if w and w.table else tp.table) or "“三公”经费支出表",
            kind="three_public",
            row=PERIOD_LABELS[period],
            column=key,
            page=w.page if w else None,
            line=w.line if w else None,
        )
        return Cell(amount, tp.money_unit or self.d.money_unit, loc)

    def figures(self, claim: str) -> list[NarrativeFigure]:
        """Every figure the text quotes for ``claim``."""
        return self._claims.get(claim, [])

    def figure(self, claim: str, near: NarrativeFigure | None = None) -> Cell | None:
        """The figure quoted for ``claim``, as a cell: the first, or the one that goes with ``near``
        (same sentence, else the last one quoted before it) when a claim is quoted several times."""
        figures = self._claims.get(claim)
        if not figures:
            return None
        chosen = figures[0] if near is None else companion(figures, near)
        return self.narrative_cell(chosen)

    def narrative_cell(self, figure: NarrativeFigure) -> Cell:
        """A quoted figure as a cell (built once per run)."""
        return self.memo("narrative", figure, lambda: narrative_cell(figure, self.d.money_unit))

    @cached_property
    def _claims(self) -> dict[str, list[NarrativeFigure]]:
        out: dict[str, list[NarrativeFigure]] = {}
        for f in self.d.narrative.figures:
            out.setdefault(f.claim, []).append(f)
        return out

    def claims(self) -> list[str]:
        """Every claim key the text quotes, in first-quoted order."""
        return list(self._claims)

    @cached_property
    def text(self) -> str:
        """The whole explanatory text (sections and glossary), for presence checks."""
        parts = [f"{s.title}\n{s.text}" for s in self.d.narrative.sections]
        if self.d.narrative.glossary:
            parts.append("名词解释")
            parts.extend(f"{k} {v}" for k, v in self.d.narrative.glossary.items())
        return "\n".join(parts)

    # -- the previous year (cross-document hook) ---------------------------------------------
    @cached_property
    def previous(self) -> dict[str, Any] | None:
        """The same department's previous-year key figures, when a provider was given."""
        return None if self._previous is None else self._previous(self.d)

    def code_rows(self, table: StatementTable) -> Iterator[LineItem]:
        """Every code row of ``table`` over all unit blocks."""
        for rows in self.index(table).codes.values():
            yield from rows.values()


def _line(f: NarrativeFigure) -> int:
    return f.where.line if f.where and f.where.line else 0


def companion(figures: list[NarrativeFigure], near: NarrativeFigure) -> NarrativeFigure:
    """Of several quotations of one claim, the one that belongs with ``near``."""
    same = [f for f in figures if f.sentence and f.sentence == near.sentence]
    if same:
        return same[0]
    before = [f for f in figures if _line(f) <= _line(near)]
    return max(before, key=_line) if before else figures[0]


def _with_blank(item: LineItem, column: str) -> LineItem:
    """A view of ``item`` whose ``column`` is a blank amount (for locating a missing cell)."""
    values = dict(item.values)
    values[column] = zero(item.where)
    return dataclasses.replace(item, values=values)
