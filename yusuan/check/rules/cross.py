"""Across tables (DESIGN §2): the same figure printed in two tables must agree."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.cells import COLUMN_LABELS, Cell, table_label
from yusuan.check.compare import check_equal, check_sum
from yusuan.check.context import Context, clean_name
from yusuan.check.finding import ERROR, Finding
from yusuan.check.registry import rule
from yusuan.check.rules.kinds import FISCAL_FUNDS, FULL_ECONOMIC, INCOME_SOURCES, columns
from yusuan.check.rules.summary import expenditure_classes
from yusuan.model import LineItem, StatementTable


def _equal(a: Cell | None, b: Cell | None, what: str) -> Iterator[Finding]:
    if a is not None and b is not None:
        f = check_equal(a, b, what, a.loc.table or "", b.loc.table or "")
        if f:
            yield f


def _department_classes(ctx: Context, table: StatementTable) -> dict[str, LineItem]:
    """The department-level 类 rows of a function table (those of the only unit when per unit)."""
    index = ctx.index(table)
    block = index.codes.get(None) or (next(iter(index.codes.values())) if len(index.codes) == 1 else {})
    return {code: item for code, item in block.items() if len(code) == 3}


def _match(row: LineItem, classes: dict[str, LineItem]) -> LineItem | None:
    """The 类 row a summary line stands for: by code, else by name without its ordinal."""
    if row.code:
        return classes.get(row.code)
    name = clean_name(row.name)
    return next((c for c in classes.values() if clean_name(c.name) == name), None)


def _class_cell(ctx: Context, summary: StatementTable, row: LineItem, column: str) -> Cell:
    """A summary 类 line's amount in ``column``; a line that does not split by fund gives its one amount."""
    cell = ctx.cell(summary, row, column) if column in columns(summary) else ctx.value_cell(summary, row)
    if cell is None and not any(k in row.values for k in FISCAL_FUNDS):
        cell = ctx.cell(summary, row, "fiscal_total") or ctx.value_cell(summary, row)
    return cell or ctx.blank(summary, row, column)


def _other_funds(summary: StatementTable) -> bool:
    """True when the 财政拨款 income side carries 政府性基金 or 国有资本经营 money."""
    for key in ("government_fund", "state_capital"):
        row = summary.by_key(key, "income")
        if row is not None and any(a.value for a in row.values.values()):
            return True
    return False


def _classes_agree(
    ctx: Context, summary_kind: str, table_kind: str, column: str, *, split_only: bool = False
) -> Iterator[Finding]:
    """Each 类 line of the summary against the same 类 of ``table_kind``.

    ``split_only``: compare only lines that print ``column`` itself — a line giving one amount
    for all funds is not the ``column`` figure when other funds have money.
    """
    summary, table = ctx.table(summary_kind), ctx.table(table_kind)
    if summary is None or table is None:
        return
    classes = _department_classes(ctx, table)
    unsplit_ok = not (split_only and _other_funds(summary))
    for row in expenditure_classes(summary):
        if not unsplit_ok and column not in row.values:
            continue
        other = _match(row, classes)
        a = _class_cell(ctx, summary, row, column)
        b = ctx.cell(table, other, "total") if other else None
        if other is None and a is not None and a.value != 0 and classes:
            b = ctx.blank(table, LineItem(row.name, {}, row.code, "类"), "total")
        yield from _equal(a, b, f"{row.code or clean_name(row.name)} 类支出在两表中应一致")


@rule(
    "cross.summary_classes",
    "收支总表各类支出 = 支出总表各类",
    ERROR,
    "收支总表右方按功能分类列示的各类支出，应与支出总表同一类的合计一致。",
)
def summary_classes(ctx: Context) -> Iterator[Finding]:
    yield from _classes_agree(ctx, "income_expenditure_summary", "expenditure_summary", "total")


@rule(
    "cross.fiscal_classes",
    "财政拨款收支总表各类 = 一般公共预算支出表各类",
    ERROR,
    "财政拨款收支总表中一般公共预算列的各类支出，应与一般公共预算支出表同一类的合计一致。",
)
def fiscal_classes(ctx: Context) -> Iterator[Finding]:
    yield from _classes_agree(
        ctx, "fiscal_summary", "general_budget_expenditure", "general_public_budget", split_only=True
    )


@rule(
    "cross.summary_expenditure",
    "收支总表本年支出合计 = 支出总表合计",
    ERROR,
    "收支总表的本年支出合计应等于支出总表的合计。",
)
def summary_expenditure(ctx: Context) -> Iterator[Finding]:
    summary = ctx.table("income_expenditure_summary")
    row = summary.by_key("current_year_total", "expenditure") if summary else None
    a = ctx.value_cell(summary, row) if summary and row else None
    yield from _equal(a, ctx.total_cell("expenditure_summary"), "本年支出合计在两表中应一致")


@rule(
    "cross.summary_income",
    "收支总表各项收入 = 收入总表合计行",
    ERROR,
    "收支总表左方各项收入（及本年收入合计）应与收入总表合计行的对应列一致。",
)
def summary_income(ctx: Context) -> Iterator[Finding]:
    summary, income = ctx.table("income_expenditure_summary"), ctx.table("income_summary")
    total = ctx.total_row(income) if income else None
    if summary is None or income is None or total is None:
        return
    for key in INCOME_SOURCES:
        row = summary.by_key(key, "income")
        if row is not None:
            yield from _equal(
                ctx.value_cell(summary, row), ctx.cell(income, total, key), f"{row.name} 在两表中应一致"
            )
    yield from _fiscal_column(ctx, summary, income, total)
    carried = "carryover" in total.values
    key = "grand_total" if carried else "current_year_total"
    row = summary.by_key(key, "income")
    if row is not None:
        yield from _equal(
            ctx.value_cell(summary, row), ctx.cell(income, total, "total"), f"{row.name} 应等于收入总表合计"
        )
    row = summary.by_key("carryover_from_last_year", "income")
    if row is not None and carried:
        yield from _equal(
            ctx.value_cell(summary, row), ctx.cell(income, total, "carryover"), "上年结转在两表中应一致"
        )


def _fiscal_column(
    ctx: Context, summary: StatementTable, income: StatementTable, total: LineItem
) -> Iterator[Finding]:
    """An income table printing 财政拨款 as one column, against the 收支总表's three fund lines."""
    fiscal = ctx.cell(income, total, "fiscal_total")
    if (
        fiscal is None
        or summary.by_key("fiscal_total", "income") is not None
        or FISCAL_FUNDS[0] in total.values
    ):
        return
    funds = [r for r in (summary.by_key(k, "income") for k in FISCAL_FUNDS) if r is not None]
    cells = [c for c in (ctx.value_cell(summary, r) for r in funds) if c is not None]
    f = cells and check_sum(fiscal, cells, f"{table_label(income)} 财政拨款", "收支总表三本预算拨款收入之和")
    if f:
        yield f


def _fiscal_total(ctx: Context, column: str) -> Cell | None:
    fiscal = ctx.table("fiscal_summary")
    row = fiscal.by_key("current_year_total", "expenditure") if fiscal else None
    return ctx.cell(fiscal, row, column) if fiscal and row else None


def _fund_table_total(ctx: Context, kind: str) -> Cell | None:
    """The 合计 of a fund table; an empty table stands for zero."""
    table = ctx.table(kind)
    if table is None:
        return None
    cell = ctx.total_cell(kind)
    if cell is None and table.empty:
        cell = ctx.blank(table, LineItem("合计", {}, level="total"), "total")
    return cell


@rule(
    "cross.fiscal_funds",
    "财政拨款收支总表 = 一般公共预算 + 政府性基金 + 国有资本经营各表",
    ERROR,
    "财政拨款收支总表各列的本年支出合计应分别等于一般公共预算、政府性基金、国有资本经营预算支出表的合计。",
)
def fiscal_funds(ctx: Context) -> Iterator[Finding]:
    for column, kind in (
        ("general_public_budget", "general_budget_expenditure"),
        ("government_fund", "government_fund"),
        ("state_capital", "state_capital"),
    ):
        yield from _equal(
            _fiscal_total(ctx, column),
            _fund_table_total(ctx, kind),
            f"{COLUMN_LABELS[column]}本年支出合计应一致",
        )


@rule(
    "cross.gpb_basic",
    "基本支出表合计/人员/公用 = 一般公共预算支出表基本支出",
    ERROR,
    "一般公共预算基本支出表的合计、人员经费、公用经费应与一般公共预算支出表合计行的基本支出各列一致。",
)
def gpb_basic(ctx: Context) -> Iterator[Finding]:
    for basic_col, column in (("total", "basic"), ("personnel", "personnel"), ("public", "public")):
        a = ctx.total_cell("general_budget_basic", basic_col)
        yield from _equal(
            a, ctx.total_cell("general_budget_expenditure", column), f"基本支出（{basic_col}）在两表中应一致"
        )


@rule(
    "cross.project_table",
    "项目支出表合计 = 支出总表项目支出",
    ERROR,
    "项目支出表的合计应等于支出总表合计行的项目支出。",
)
def project_table(ctx: Context) -> Iterator[Finding]:
    yield from _equal(
        ctx.total_cell("project_expenditure"),
        ctx.total_cell("expenditure_summary", "project"),
        "项目支出在两表中应一致",
    )


@rule(
    "cross.function_economic",
    "功能分类与经济分类汇总一致",
    ERROR,
    "支出功能分类表、支出经济分类表（政府/部门预算）与支出总表的合计应相同：同一笔支出的两种分类。",
)
def function_economic(ctx: Context) -> Iterator[Finding]:
    base = ctx.total_cell("expenditure_summary") or ctx.total_cell("function_classification")
    for kind in ("function_classification", *FULL_ECONOMIC):
        cell = ctx.total_cell(kind)
        if cell is not None and base is not None and cell.loc != base.loc:
            yield from _equal(cell, base, f"{table_label(ctx.table(kind))} 合计应等于支出合计")  # type: ignore[arg-type]
