"""Completeness: the standard tables and the required explanations are there; an empty table says why."""

from __future__ import annotations

import re
from collections.abc import Iterator

from yusuan.check.cells import table_label
from yusuan.check.context import Context
from yusuan.check.finding import ERROR, INFO, WARNING, Finding, Location
from yusuan.check.registry import rule
from yusuan.model import FINAL_ACCOUNTS, StatementTable
from yusuan.money import is_amount

# The tables every 部门预算 must publish (the “8 张表”); a 部门决算 adds 国有资本经营预算.
STANDARD_TABLES = {
    "income_expenditure_summary": "收支总表",
    "income_summary": "收入总表",
    "expenditure_summary": "支出总表",
    "fiscal_summary": "财政拨款收支总表",
    "general_budget_expenditure": "一般公共预算支出表",
    "general_budget_basic": "一般公共预算基本支出表",
    "three_public": "一般公共预算“三公”经费支出表",
    "government_fund": "政府性基金预算支出表",
}
FINAL_EXTRA = {"state_capital": "国有资本经营预算支出表"}
EMPTY_SAYS = re.compile(r"空表|无数据|没有数据")
# Template notes that say what an empty table would mean (“如此表为空表，则表示…”) claim nothing.
CONDITIONAL = re.compile(r"[如若][本此该]?表[为是]?空表|如为空表|若为空表")
FUND_WORDS = {"government_fund": "政府性基金", "state_capital": "国有资本"}


def _table_loc(table: StatementTable) -> Location:
    return Location(
        table_label(table),
        table.kind,
        None,
        None,
        table.pages[0] if table.pages else None,
        table.lines[0] if table.lines else None,
    )


def _money_text(text: str) -> bool:
    """A cell that reads as money: an amount with decimals or thousands separators (not 栏次 1 2 3,
    a year or a department code)."""
    return is_amount(text) and ("." in text or "," in text)


def is_empty(table: StatementTable) -> bool:
    """No figure printed: no non-blank amount in the rows, and none in any uninterpreted cells."""
    return table.empty and not any(_money_text(c.strip()) for row in table.cells for c in row)


@rule(
    "complete.tables",
    "公开了全部标准表格",
    WARNING,
    "部门预算应公开 8 张标准表（部门决算另含国有资本经营预算表）；缺表可能是合并列示，故为警告。",
)
def tables(ctx: Context) -> Iterator[Finding]:
    wanted = {**STANDARD_TABLES, **(FINAL_EXTRA if ctx.d.kind == FINAL_ACCOUNTS else {})}
    present = {t.kind for t in ctx.d.tables}
    if ctx.d.three_public is not None:
        present.add("three_public")
    for kind, label in wanted.items():
        if kind not in present:
            yield Finding("", WARNING, f"未找到{label}（{kind}）", (), (Location(kind=kind),))


@rule(
    "complete.empty_note", "空表附有说明", WARNING, "按规定，没有数据的表也要公开，并在表下注明为空表的原因。"
)
def empty_note(ctx: Context) -> Iterator[Finding]:
    for table in ctx.d.tables:
        if (
            table.kind != "raw"
            and ctx.memo("empty", table, lambda t=table: is_empty(t))
            and not any(n.strip() for n in table.notes)
        ):
            yield Finding(
                "", WARNING, f"{table_label(table)} 为空表，但没有说明原因", (), (_table_loc(table),)
            )


@rule(
    "complete.note_contradicts",
    "表注不与表中数字矛盾",
    ERROR,
    "表下注明“本表为空表”而表中印有数字，两者必有一错（常见于照抄模板）。",
)
def note_contradicts(ctx: Context) -> Iterator[Finding]:
    for table in ctx.d.tables:
        said = next((n for n in table.notes if EMPTY_SAYS.search(n) and not CONDITIONAL.search(n)), None)
        if said and not ctx.memo("empty", table, lambda t=table: is_empty(t)):
            printed = _first_figure(table)
            yield Finding(
                "",
                ERROR,
                f"{table_label(table)} 印有数字（如 {printed or '—'}），但表注称“{said.strip()}”",
                (printed, "0") if printed else (),
                (_table_loc(table),),
            )


def _first_figure(table: StatementTable) -> str | None:
    """The first non-blank figure a table prints (the value that contradicts an “空表” note)."""
    for item in table.items:
        for amount in item.values.values():
            if not amount.blank and amount.value != 0:
                return str(amount.value)
    return next((c.replace(",", "") for row in table.cells for c in row if _money_text(c.strip())), None)


@rule(
    "complete.note_kind",
    "空表说明与表名相符",
    WARNING,
    "空表的说明应针对本表（如国有资本经营预算表的说明误写为政府性基金）。",
)
def note_kind(ctx: Context) -> Iterator[Finding]:
    for table in ctx.tables(*FUND_WORDS):
        own = FUND_WORDS[table.kind]
        other = next(w for k, w in FUND_WORDS.items() if k != table.kind)
        for note in table.notes:
            if other in note and own not in note:
                yield Finding(
                    "",
                    WARNING,
                    f"{table_label(table)} 的说明写的是“{other}”：{note.strip()}",
                    (),
                    (_table_loc(table),),
                )


def _explained(ctx: Context, words: tuple[str, ...]) -> bool:
    return any(w in ctx.text for w in words)


def _text_rule(rule_id: str, title: str, words: tuple[str, ...], what: str) -> None:
    def check(ctx: Context) -> Iterator[Finding]:
        if not _explained(ctx, words):
            yield Finding(
                "", WARNING, f"情况说明中没有找到{what}", (), (Location(table="情况说明", kind="narrative"),)
            )

    check.__name__ = rule_id.replace(".", "_")
    rule(rule_id, title, WARNING, f"部门预算/决算公开须说明{what}；未找到相关文字时提示。")(check)


_text_rule("text.three_public", "说明了“三公”经费", ("三公",), "“三公”经费安排情况")
_text_rule("text.operating_costs", "说明了机关运行经费", ("机关运行经费",), "机关运行经费安排情况")
_text_rule("text.procurement", "说明了政府采购", ("政府采购",), "政府采购预算（或执行）情况")
_text_rule(
    "text.state_assets",
    "说明了国有资产占有使用",
    ("国有资产", "资产占有", "资产占用"),
    "国有资产占有使用情况",
)
_text_rule("text.performance", "说明了绩效目标/绩效评价", ("绩效",), "预算绩效目标（或绩效评价）情况")
_text_rule("text.glossary", "附有名词解释", ("名词解释",), "名词解释")


@rule(
    "read.warnings",
    "读取时的提示",
    INFO,
    "读取阶段留下的提示（如识别不确定的表或行），随核对结果一并列出，便于复核。",
)
def read_warnings(ctx: Context) -> Iterator[Finding]:
    for w in ctx.d.warnings:
        yield Finding("", INFO, w, (), (Location(),))
