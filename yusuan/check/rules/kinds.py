"""Which table kinds each family of rules reads, and the canonical column groups they add up."""

from __future__ import annotations

from yusuan.check.context import Context
from yusuan.model import StatementTable
from yusuan.model.disclosure import FUND_SOURCE_COLUMNS

# Tables whose rows are 功能分类 codes × spending columns (基本/项目…).
SPENDING = ("expenditure_summary", "general_budget_expenditure", "government_fund", "state_capital")
# Tables whose rows are 功能分类 codes (any columns).
FUNCTION = (*SPENDING, "income_summary", "function_classification", "fiscal_expenditure", "general_budget_basic_function")
# Tables whose rows are 经济分类 codes.
ECONOMIC = (
    "general_budget_basic",
    "economic_classification_government",
    "economic_classification_department",
    "general_budget_economic",
    "fiscal_basic",
    "basic_expenditure",
)
# 经济分类 tables of the whole department's spending (all funds, basic and project).
FULL_ECONOMIC = ("economic_classification_government", "economic_classification_department")
# Tables whose columns split a total by fund source.
FUNDED = ("function_classification", *FULL_ECONOMIC, "project_expenditure")
TWO_SIDED = ("income_expenditure_summary", "fiscal_summary")

SPENDING_PARTS = ("basic", "project", "operating", "remit_upper", "subsidiary")
INCOME_SOURCES = ("fiscal_total", *FUND_SOURCE_COLUMNS)
UNIT_FUND_PARTS = ("business", "operating_income", "upper_subsidy", "subsidiary_remit", "other")
FISCAL_FUNDS = ("general_public_budget", "government_fund", "state_capital")


def columns(table: StatementTable) -> list[str]:
    """The canonical columns a table prints (its header, else every key its rows use)."""
    if table.columns:
        return list(table.columns)
    seen: dict[str, None] = {}
    for item in table.items:
        seen.update(dict.fromkeys(item.values))
    return list(seen)


def current_sources(table: StatementTable) -> list[str]:
    """The current-year income-source columns (no 上年结转)."""
    return [c for c in source_columns(table) if c != "carryover" and not c.startswith("carryover.")]


def source_columns(table: StatementTable) -> list[str]:
    """The fund-source columns of a table: income sources and 上年结转 (plain or per fund).

    When 单位资金 is printed, its parts (事业收入…) are its breakdown and are left out; a
    财政专户 printed only as its parts (教育收费, 其他专户收入拨款) counts by its parts.
    """
    cols = columns(table)
    parts = set(UNIT_FUND_PARTS) if "unit_funds" in cols else set()
    if "fiscal_total" in cols and set(FISCAL_FUNDS) & set(cols):
        parts.add("fiscal_total")  # 财政拨款 subtotal printed beside its three funds
    current = [c for c in cols if c in INCOME_SOURCES and c not in parts]
    if "fiscal_special_account" not in cols:  # 广州: 财政专户拨款收入 printed only as its parts
        current += [c for c in cols if c.startswith("fiscal_special_account.")]
    carry = ["carryover"] if "carryover" in cols else [c for c in cols if c.startswith("carryover.")]
    return current + carry


def tables_with(ctx: Context, kinds: tuple[str, ...], *needed: str) -> list[StatementTable]:
    """The tables of ``kinds`` that print every column in ``needed``."""
    return [t for t in ctx.tables(*kinds) if set(needed) <= set(columns(t))]
