"""A printed figure as a check sees it: the Amount, its money unit, and where it stood.

Why a Cell beside the model's Amount: rules compare figures from tables printed in different
units (元 vs 万元) and must name the exact cell in a finding even when a reader left the Amount's
provenance incomplete, so the location is built once from the table/row/column it came from.
"""

from __future__ import annotations

from decimal import Decimal

from yusuan.check.finding import Location
from yusuan.model import Amount, LineItem, NarrativeFigure, StatementTable
from yusuan.money import UNIT_FACTORS, unit_step

NARRATIVE_TABLE = "情况说明"
# Units of counted things: a count is exact, it carries no rounding.
COUNT_UNITS = frozenset({"辆", "个", "台", "套", "人", "项", "张", "家", "户"})
# Chinese names of the canonical columns, for messages when a table keeps no printed label.
COLUMN_LABELS = {
    "total": "合计",
    "current_year_total": "本年收入小计",
    "fiscal_total": "财政拨款",
    "basic": "基本支出",
    "personnel": "人员经费",
    "public": "公用经费",
    "project": "项目支出",
    "operating": "经营支出",
    "remit_upper": "上缴上级支出",
    "subsidiary": "对附属单位补助支出",
    "general_public_budget": "一般公共预算",
    "government_fund": "政府性基金预算",
    "state_capital": "国有资本经营预算",
    "fiscal_special_account": "财政专户管理资金",
    "unit_funds": "单位资金",
    "business": "事业收入",
    "operating_income": "经营收入",
    "upper_subsidy": "上级补助收入",
    "subsidiary_remit": "附属单位上缴收入",
    "other": "其他收入",
    "carryover": "上年结转",
    "budget_initial": "年初预算数",
    "budget_adjusted": "调整预算数",
    "actual": "决算数",
}


def column_label(table: StatementTable, column: str) -> str:
    """The printed heading of ``column`` (else its Chinese name, else the key)."""
    if column in table.column_labels:
        return table.column_labels[column]
    head, _, tail = column.partition(".")
    if tail:
        return f"{COLUMN_LABELS.get(head, head)}·{COLUMN_LABELS.get(tail, tail)}"
    return COLUMN_LABELS.get(column, column)


class Cell:
    """One printed figure in its money unit, with its location.

    A table cell builds its Location only when asked (a finding or a trace needs it): a check
    reads thousands of cells and reports few.
    """

    __slots__ = ("_loc", "_src", "amount", "unit")

    def __init__(
        self,
        amount: Amount,
        unit: str | None,
        loc: Location | None = None,
        src: tuple[StatementTable, LineItem, str] | None = None,
    ) -> None:
        self.amount, self.unit, self._loc, self._src = amount, unit, loc, src

    @property
    def loc(self) -> Location:
        if self._loc is None:
            self._loc = _table_location(*self._src) if self._src else Location()
        return self._loc

    @property
    def value(self) -> Decimal:
        return self.amount.value

    @property
    def printed(self) -> str:
        """The value as a decimal string with the printed digits (blank → '0')."""
        return str(self.amount.value)

    @property
    def step(self) -> Decimal:
        """One unit of the last printed digit (0 for a blank cell: a blank is an exact zero)."""
        if self.amount.blank or self.unit in COUNT_UNITS:
            return Decimal(0)
        return unit_step(self.amount.value)

    def in_unit(self, unit: str | None) -> Decimal:
        """The value converted to ``unit`` (unchanged when either unit is unknown)."""
        return _convert(self.amount.value, self.unit, unit)

    def step_in(self, unit: str | None) -> Decimal:
        """The printed precision converted to ``unit``."""
        return _convert(self.step, self.unit, unit)


def _convert(value: Decimal, from_unit: str | None, to_unit: str | None) -> Decimal:
    if not from_unit or not to_unit or from_unit == to_unit:
        return value
    if from_unit not in UNIT_FACTORS or to_unit not in UNIT_FACTORS:
        return value
    return value * UNIT_FACTORS[from_unit] / UNIT_FACTORS[to_unit]


def finer(*units: str | None) -> str | None:
    """The finest known money unit among ``units`` (元 before 万元), so sums stay exact."""
    known = [u for u in units if u in UNIT_FACTORS]
    return min(known, key=lambda u: UNIT_FACTORS[u]) if known else next((u for u in units if u), None)


def table_label(table: StatementTable) -> str:
    """How a finding names a table: '表3 支出预算总表'."""
    return f"{table.number} {table.title}" if table.number else table.title


def row_label(item: LineItem) -> str:
    """How a finding names a row: code and name, prefixed by the budget unit when per unit."""
    label = f"{item.code} {item.name}" if item.code and item.code not in item.name else item.name
    return f"{item.unit}：{label}" if item.unit and item.level != "unit" else label


def table_cell(table: StatementTable, item: LineItem, column: str, money_unit: str | None) -> Cell | None:
    """The cell of ``item`` in ``column`` (None when the table has no such column for the row)."""
    amount = item.values.get(column)
    if amount is None:
        return None
    return Cell(amount, table.money_unit or money_unit, src=(table, item, column))


def _table_location(table: StatementTable, item: LineItem, column: str) -> Location:
    amount = item.values.get(column)
    where = (amount.where if amount else None) or item.where
    return Location(
        table=table_label(table),
        kind=table.kind,
        row=row_label(item),
        column=column,
        page=where.page if where else (table.pages[0] if table.pages else None),
        line=where.line if where else None,
        bbox=where.bbox if where else None,
        ocr=where.ocr if where else False,
    )


def narrative_cell(figure: NarrativeFigure, money_unit: str | None) -> Cell:
    """A figure quoted by the text, as a cell of the 情况说明."""
    amount = Amount(figure.value, figure.text or str(figure.value), figure.where)
    where = figure.where
    loc = Location(
        table=NARRATIVE_TABLE,
        kind="narrative",
        row=figure.claim,
        column=None,
        page=where.page if where else None,
        line=where.line if where else None,
    )
    return Cell(amount, figure.unit or money_unit, loc)


def plain(value: Decimal) -> str:
    """A computed Decimal as a decimal string (no exponent notation)."""
    return format(value, "f")
