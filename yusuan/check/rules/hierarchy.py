"""Code hierarchy within a table: 类 = Σ 款, 款 = Σ 项, 合计 = Σ 类, units add up to the department."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.cells import column_label
from yusuan.check.compare import agrees, check_sum
from yusuan.check.context import Context
from yusuan.check.finding import ERROR, WARNING, Finding
from yusuan.check.index import plain_code
from yusuan.check.registry import rule
from yusuan.check.rules.kinds import ECONOMIC, FUNCTION
from yusuan.model import LineItem, StatementTable

CHILD_LEVEL = {3: "款", 5: "项", 7: "项"}


def _sum_rows(
    ctx: Context,
    table: StatementTable,
    parent: LineItem,
    children: list[LineItem],
    what: str,
    parts_what: str,
) -> Iterator[Finding]:
    """Every column of ``parent`` against the same column summed over ``children``.

    A column none of the children prints at all (not even blank) is a parent-only figure, such as
    the 人员经费/公用经费 of a 合计 row over 经济分类 rows that print one amount each: skipped.
    """
    for column, amount in parent.values.items():
        if not any(column in c.values for c in children) or agrees(
            amount, (c.values.get(column) for c in children)
        ):
            continue
        total = ctx.cell(table, parent, column)
        f = total and check_sum(
            total,
            ctx.cells(table, children, column),
            f"{what}（{column_label(table, column)}）",
            parts_what,
        )
        if f:
            yield f


def _children_sums(
    ctx: Context, kinds: tuple[str, ...], parent_len: int, child_word: str
) -> Iterator[Finding]:
    """Each printed code of length ``parent_len`` against the sum of its printed children."""
    for table in ctx.tables(*kinds):
        index = ctx.index(table)
        for unit, rows in index.nodes.items():
            for key, item in rows.items():
                children = index.children.get((unit, key))
                code = plain_code(key)
                if len(code) == parent_len and children:
                    yield from _sum_rows(
                        ctx, table, item, children, f"{code} {item.name}", f"所属{child_word}之和"
                    )


@rule("function.class_sum", "功能分类：类 = Σ 款", ERROR, "每个功能分类“类”的金额应等于其下各“款”之和。")
def function_class_sum(ctx: Context) -> Iterator[Finding]:
    yield from _children_sums(ctx, FUNCTION, 3, "款")


@rule("function.kuan_sum", "功能分类：款 = Σ 项", ERROR, "每个功能分类“款”的金额应等于其下各“项”之和。")
def function_kuan_sum(ctx: Context) -> Iterator[Finding]:
    yield from _children_sums(ctx, FUNCTION, 5, "项")


@rule("economic.class_sum", "经济分类：类 = Σ 款", ERROR, "每个经济分类“类”的金额应等于其下各“款”之和。")
def economic_class_sum(ctx: Context) -> Iterator[Finding]:
    yield from _children_sums(ctx, ECONOMIC, 3, "款")


@rule(
    "economic.kuan_sum",
    "经济分类：款 = Σ 地方细化项",
    ERROR,
    "经济分类“款”下列出地方细化科目时，其和应等于该款。",
)
def economic_kuan_sum(ctx: Context) -> Iterator[Finding]:
    yield from _children_sums(ctx, ECONOMIC, 5, "细化项")


def _total_sums(ctx: Context, kinds: tuple[str, ...]) -> Iterator[Finding]:
    """Each 合计 (department or unit subtotal) against the sum of its block's top code rows."""
    for table in ctx.tables(*kinds):
        index = ctx.index(table)
        for unit in index.units():
            subtotal = index.subtotal.get(unit)
            roots = index.roots(unit)
            if subtotal is not None and roots:
                label = "合计" if unit is None else f"{unit} 小计"
                yield from _sum_rows(ctx, table, subtotal, roots, label, "各类之和")


@rule(
    "function.total_sum",
    "功能分类：合计 = Σ 类",
    ERROR,
    "表的合计（及各单位小计）应等于其下各功能分类“类”之和。",
)
def function_total_sum(ctx: Context) -> Iterator[Finding]:
    yield from _total_sums(ctx, FUNCTION)


@rule("economic.total_sum", "经济分类：合计 = Σ 类", ERROR, "经济分类表的合计应等于各经济分类“类”之和。")
def economic_total_sum(ctx: Context) -> Iterator[Finding]:
    yield from _total_sums(ctx, ECONOMIC)


@rule(
    "units.total_sum",
    "各单位小计之和 = 部门合计",
    ERROR,
    "分单位列示的表中，各预算单位小计行之和应等于部门合计行。",
)
def units_total_sum(ctx: Context) -> Iterator[Finding]:
    for table in ctx.tables(*FUNCTION, *ECONOMIC, "project_expenditure", "income_summary"):
        index = ctx.index(table)
        total = index.subtotal.get(None)
        if total is not None and index.unit_rows:
            yield from _sum_rows(ctx, table, total, index.unit_rows, "部门合计", "各单位小计之和")


@rule(
    "units.code_sum",
    "部门科目行 = Σ 各单位同一科目行",
    ERROR,
    "同时列示部门汇总科目行和单位科目行时，部门行应等于各单位同一科目之和。",
)
def units_code_sum(ctx: Context) -> Iterator[Finding]:
    for table in ctx.tables(*FUNCTION, *ECONOMIC):
        index = ctx.index(table)
        department = index.codes.get(None, {})
        per_unit = [rows for unit, rows in index.codes.items() if unit is not None]
        if not department or not per_unit:
            continue
        for code, item in department.items():
            parts = [rows[code] for rows in per_unit if code in rows]
            if parts:
                yield from _sum_rows(ctx, table, item, parts, f"部门 {code} {item.name}", "各单位之和")


PERSONNEL_CLASSES = ("301", "303")  # 工资福利支出, 对个人和家庭的补助


def _split_cells(ctx: Context, table: StatementTable, roots: list[LineItem], personnel: bool) -> list:  # type: ignore[type-arg]
    rows = [r for r in roots if (r.code in PERSONNEL_CLASSES) == personnel]
    return ctx.cells(table, rows, "total")


@rule(
    "economic.personnel_public_split",
    "基本支出表：人员经费 = 301 + 303，公用经费 = 其余各类",
    WARNING,
    "类行只印一个金额时，合计行的人员经费通常等于工资福利支出与对个人和家庭的补助之和，公用经费等于其余各类之和"
    "（个别科目可能另行归类，故为警告）。",
)
def personnel_public_split(ctx: Context) -> Iterator[Finding]:
    for table in ctx.tables("general_budget_basic"):
        index = ctx.index(table)
        total, roots = index.subtotal.get(None), index.roots(None)
        if total is None or not roots or any("personnel" in r.values or "public" in r.values for r in roots):
            continue
        if not all((r.code or "").startswith("3") for r in roots):
            continue
        for column, personnel, what in (
            ("personnel", True, "301、303 类之和"),
            ("public", False, "其余各类之和"),
        ):
            cell = ctx.cell(table, total, column)
            f = cell and check_sum(
                cell,
                _split_cells(ctx, table, roots, personnel),
                f"合计（{column_label(table, column)}）",
                what,
            )
            if f:
                yield f
