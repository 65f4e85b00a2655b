"""Where each narrative claim's figure stands in the tables (the claim vocabulary of NarrativeFigure).

Why a table of candidates: a text may quote a total from the 收支总表 or from the 支出总表, and
budget-year wording is loose (支出总计 for 本年支出合计); a quoted figure is right when it agrees
with any printing of what its claim names, and wrong only when it agrees with none.
"""

from __future__ import annotations

from collections.abc import Callable

from yusuan.check.cells import Cell
from yusuan.check.context import Context
from yusuan.model import LineItem, StatementTable

SUFFIXES = (".previous", ".change_pct", ".change", ".actual", ".budget", ".completion_pct")
MONEY_UNITS = ("元", "千元", "万元", "亿元")


def split_claim(claim: str) -> tuple[str, str]:
    """``('three_public.total', '.previous')`` from ``'three_public.total.previous'``."""
    for suffix in SUFFIXES:
        if claim.endswith(suffix):
            return claim[: -len(suffix)], suffix
    return claim, ""


def _side(ctx: Context, kind: str, key: str, side: str, column: str = "total") -> Cell | None:
    table = ctx.table(kind)
    row = table.by_key(key, side) if table else None
    if table is None or row is None:
        return None
    return ctx.cell(table, row, column) or ctx.value_cell(table, row)


def _fund_total(ctx: Context, kind: str) -> Cell | None:
    table = ctx.table(kind)
    cell = ctx.total_cell(kind)
    if cell is None and table is not None and table.empty:
        cell = ctx.blank(table, LineItem("合计", {}, level="total"), "total")
    return cell


def _code_cells(ctx: Context, code: str) -> list[Cell | None]:
    """The department-level total of a 功能分类 code in each function table that prints it."""
    out: list[Cell | None] = []
    for kind in (
        "expenditure_summary",
        "general_budget_expenditure",
        "function_classification",
        "income_summary",
    ):
        table: StatementTable | None = ctx.table(kind)
        if table is None:
            continue
        index = ctx.index(table)
        block = index.codes.get(None) or (next(iter(index.codes.values())) if len(index.codes) == 1 else {})
        if code in block:
            out.append(ctx.cell(table, block[code], "total"))
    return out


_FIXED: dict[str, Callable[[Context], list[Cell | None]]] = {
    "income.total": lambda c: [
        _side(c, "income_expenditure_summary", "grand_total", "income"),
        _side(c, "income_expenditure_summary", "current_year_total", "income"),
        c.total_cell("income_summary"),
    ],
    "income.current_year": lambda c: [
        _side(c, "income_expenditure_summary", "current_year_total", "income"),
        c.total_cell("income_summary"),
    ],
    "income.carryover": lambda c: [
        _side(c, "income_expenditure_summary", "carryover_from_last_year", "income"),
        c.total_cell("income_summary", "carryover"),
    ],
    **{
        f"income.carryover.{fund}": (lambda column: lambda c: [c.total_cell("income_summary", column)])(
            f"carryover.{fund}"
        )
        for fund in ("general_public_budget", "government_fund", "state_capital", "fiscal_special_account", "unit_funds")
    },
    "expenditure.total": lambda c: [
        _side(c, "income_expenditure_summary", "grand_total", "expenditure"),
        _side(c, "income_expenditure_summary", "current_year_total", "expenditure"),
        c.total_cell("expenditure_summary"),
    ],
    "expenditure.current_year": lambda c: [
        _side(c, "income_expenditure_summary", "current_year_total", "expenditure"),
        c.total_cell("expenditure_summary"),
    ],
    "expenditure.basic": lambda c: [
        c.total_cell("expenditure_summary", "basic"),
        c.total_cell("general_budget_expenditure", "basic"),
        c.total_cell("general_budget_basic"),
    ],
    "expenditure.personnel": lambda c: [
        c.total_cell("expenditure_summary", "personnel"),
        c.total_cell("general_budget_basic", "personnel"),
    ],
    "expenditure.public": lambda c: [
        c.total_cell("expenditure_summary", "public"),
        c.total_cell("general_budget_basic", "public"),
    ],
    "expenditure.project": lambda c: [
        c.total_cell("expenditure_summary", "project"),
        c.total_cell("general_budget_expenditure", "project"),
        c.total_cell("project_expenditure"),
    ],
    "general_public_budget.total": lambda c: [
        _side(c, "income_expenditure_summary", "general_public_budget", "income"),
        _side(c, "fiscal_summary", "general_public_budget", "income"),
        c.total_cell("general_budget_expenditure"),
        _side(c, "fiscal_summary", "current_year_total", "expenditure", "general_public_budget"),
    ],
    "government_fund.total": lambda c: [
        _side(c, "income_expenditure_summary", "government_fund", "income"),
        _side(c, "fiscal_summary", "government_fund", "income"),
        _fund_total(c, "government_fund"),
    ],
    "state_capital.total": lambda c: [
        _side(c, "income_expenditure_summary", "state_capital", "income"),
        _side(c, "fiscal_summary", "state_capital", "income"),
        _fund_total(c, "state_capital"),
    ],
    "fiscal.total": lambda c: [
        _side(c, "fiscal_summary", "current_year_total", "income"),
        _side(c, "fiscal_summary", "grand_total", "income"),
        _side(c, "fiscal_summary", "current_year_total", "expenditure"),
    ],
}
TOTAL_CLAIMS = tuple(k for k in _FIXED if k.startswith(("income.", "expenditure.", "fiscal.")))
FUND_CLAIMS = ("general_public_budget.total", "government_fund.total", "state_capital.total")


def table_figures(ctx: Context, base: str) -> list[Cell]:
    """Every table printing of what ``base`` names (empty when the tables do not print it)."""
    if base in _FIXED:
        found = _FIXED[base](ctx)
    elif base.startswith(("function:", "function_class:")):
        found = _code_cells(ctx, base.split(":", 1)[1])
    else:
        found = []
    return [c for c in found if c is not None]
