"""Itemised tables: project rows add up to the project table's 合计, and Σ projects = 项目支出."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from yusuan.check.cells import Cell
from yusuan.check.compare import agrees, check_sum
from yusuan.check.context import Context
from yusuan.check.finding import ERROR, WARNING, Finding, Location
from yusuan.check.registry import rule
from yusuan.model import BUDGET, LineItem, Project, StatementTable
from yusuan.model.wrapped import squash
from yusuan.money import parse_amount

LISTS = ("procurement", "purchased_services", "special_funds", "debt")


def project_cell(ctx: Context, p: Project) -> Cell | None:
    """A project's amount as a located cell."""
    if p.amount is None:
        return None
    table = ctx.table("project_expenditure") if p.origin == "project_expenditure" else None
    w = p.amount.where or p.where
    loc = Location(
        table=(w.table if w and w.table else None) or (table.title if table else "项目绩效目标表"),
        kind=(w.kind if w and w.kind else None)
        or ("project_expenditure" if table else "performance_project"),
        row=f"{p.unit}：{p.name}" if p.unit else p.name,
        column="total",
        page=w.page if w else None,
        line=w.line if w else None,
    )
    unit = (table.money_unit if table else None) or ctx.d.money_unit
    return Cell(p.amount, unit, loc)


def _items(table: StatementTable) -> list[LineItem]:
    return [i for i in table.items if i.level not in ("total", "unit")]


def _unit_groups(
    table: StatementTable, unit_rows: list[LineItem]
) -> list[tuple[LineItem | None, list[LineItem]]]:
    """Each unit subtotal row with the item rows under it (those printed after it)."""
    ids = {id(u) for u in unit_rows}
    groups: list[tuple[LineItem | None, list[LineItem]]] = []
    for row in table.items:
        if id(row) in ids:
            groups.append((row, []))
        elif groups and row.level != "total":
            groups[-1][1].append(row)
    return groups


_RANKS = {"total": 0, "category": 1, "unit": 2}


def _category_groups(
    table: StatementTable, total: LineItem | None, unit_rows: list[LineItem]
) -> list[tuple[LineItem | None, list[LineItem]]]:
    """A table with 大类 rows (政府采购: 货物/工程/服务): 合计 over the 大类, each 大类 over the unit
    rows under it (or its items when it prints none), each unit over its items."""
    units = {id(u) for u in unit_rows}
    rows = table.items
    ranks = [2 if id(r) in units else _RANKS.get(r.level, 3) for r in rows]
    groups: list[tuple[LineItem | None, list[LineItem]]] = []
    for k, row in enumerate(rows):
        if ranks[k] > 2 or (ranks[k] == 0 and row is not total):
            continue
        under: list[int] = []
        for j in range(k + 1, len(rows)):
            if ranks[j] <= ranks[k]:
                break
            under.append(j)
        if under:
            top = min(ranks[j] for j in under)
            groups.append((row, [rows[j] for j in under if ranks[j] == top]))
    return groups


# A table note saying rows are left out of the published table (涉密项目 剔除): its rows then fall
# short of its 合计 by design, which is said, not an error.
_WITHHELD = re.compile(r"剔除|不予公开|未予公开|不公开|涉密|保密")
WITHHELD_NOTE = "（表注说明部分项目依规未公开，所列各行少于合计）"


def withholds(table: StatementTable) -> bool:
    """Whether the table says some of its rows are not published (a 注 under it, or a note the
    table stage kept as a row without figures)."""
    texts = [*table.notes, *(i.name for i in table.items if all(a.blank for a in i.values.values()))]
    return any(_WITHHELD.search(t) for t in texts)


def _short_by_note(f: Finding, withheld: bool) -> Finding:
    """An error whose rows fall short of the total, where the table says rows are withheld: a warning."""
    if not withheld or f.severity != ERROR or len(f.values) < 2:
        return f
    try:
        total, listed = (parse_amount(v) for v in f.values[:2])
    except ValueError:
        return f
    if total is None or listed is None or listed >= total:
        return f
    return Finding(f.rule, WARNING, f.message + WITHHELD_NOTE, f.values, f.locations)


def _table_sums(ctx: Context, table: StatementTable, severity: str) -> Iterator[Finding]:
    """合计 (or each unit subtotal) against the sum of the item rows under it."""
    index = ctx.index(table)
    withheld = withholds(table)
    if table.kind == "project_expenditure" and any(i.level == "category" for i in table.items):
        # a tree of groups of projects: the 合计 is the sum of the projects (the groups were told
        # apart by their sums, so checking them against their rows would prove nothing)
        groups = [(index.subtotal.get(None), [i for i in table.items if i.level == "item"])]
    elif any(i.level == "category" for i in table.items):
        groups = _category_groups(table, index.subtotal.get(None), index.unit_rows)
    elif index.unit_rows:
        groups = _unit_groups(table, index.unit_rows)
    else:
        groups = [(index.subtotal.get(None), _items(table))]
    for total, rows in groups:
        if total is None or not rows:
            continue
        for column, amount in total.values.items():
            if agrees(amount, (r.values.get(column) for r in rows)):
                continue
            cell = ctx.cell(table, total, column)
            f = cell and check_sum(
                cell, ctx.cells(table, rows, column), f"{table.title} {total.name}", "所列各行之和"
            )
            if f:
                yield _short_by_note(
                    Finding(f.rule, severity if f.severity == ERROR else f.severity, f.message, f.values, f.locations),
                    withheld,
                )


def _continued(ctx: Context, kinds: tuple[str, ...]) -> list[StatementTable]:
    """The tables of ``kinds``, each joined with the tables that continue it: the same title
    printed again on the next page over rows without a 合计 of their own (a page break the
    table stage took for a new table; its rows still add up to the first part's 合计)."""
    out: list[StatementTable] = []
    for table in ctx.tables(*kinds):
        last = out[-1] if out else None
        if (
            last is not None
            and last.kind == table.kind
            and squash(last.title) == squash(table.title)
            and last.pages
            and table.pages
            and table.pages[0] == last.pages[-1] + 1
            and table.total_row() is None
        ):
            out[-1] = ctx.memo("continued", table, lambda a=last, b=table: _join(a, b))
        else:
            out.append(table)
    return out


def _join(first: StatementTable, more: StatementTable) -> StatementTable:
    return replace(first, pages=[*first.pages, *more.pages], items=[*first.items, *more.items])


@rule(
    "projects.table_sum",
    "项目支出表：合计 = Σ 项目",
    ERROR,
    "项目支出表的合计（及单位小计）应等于逐项列示的项目金额之和。",
)
def projects_table_sum(ctx: Context) -> Iterator[Finding]:
    for table in _continued(ctx, ("project_expenditure",)):
        yield from _table_sums(ctx, table, ERROR)


@rule(
    "list.table_sum",
    "明细表：合计 = Σ 明细行",
    WARNING,
    "政府采购、政府购买服务、专项资金、债务等明细表的合计应等于各明细行之和（表式分层时可能不适用，故为警告）。",
)
def list_table_sum(ctx: Context) -> Iterator[Finding]:
    for table in _continued(ctx, LISTS):
        yield from _table_sums(ctx, table, WARNING)


def _projects_vs_spending(ctx: Context, listed: bool) -> Iterator[Finding]:
    """Σ projects (from the 项目支出表 when ``listed``, else from the 绩效目标表) against 项目支出."""
    projects = [p for p in ctx.d.projects if (p.origin == "project_expenditure") == listed]
    cells = [c for c in (project_cell(ctx, p) for p in projects) if c is not None]
    target = ctx.total_cell("expenditure_summary", "project")
    if target is None and not listed:
        target = ctx.total_cell("project_expenditure")
    if cells and target is not None:
        f = check_sum(target, cells, "项目支出", "逐项列示的项目金额之和")
        if f:
            yield _short_by_note(f, listed and any(withholds(t) for t in ctx.tables("project_expenditure")))


@rule(
    "projects.sum",
    "Σ 项目 = 项目支出",
    ERROR,
    "项目支出表逐项列示的项目金额之和应等于支出总表的项目支出。",
)
def projects_sum(ctx: Context) -> Iterator[Finding]:
    yield from _projects_vs_spending(ctx, listed=True)


@rule(
    "projects.sum_targets",
    "Σ 项目绩效目标表金额 = 项目支出",
    WARNING,
    "没有项目支出表时，各项目绩效目标表的金额之和通常等于项目支出；绩效目标可能只覆盖部分项目，故为警告（仅部门预算）。",
)
def projects_sum_targets(ctx: Context) -> Iterator[Finding]:
    if ctx.d.kind == BUDGET:
        yield from _projects_vs_spending(ctx, listed=False)
