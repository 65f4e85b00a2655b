"""Rule id → how to break the clean disclosure so that exactly that identity fails.

Every registered rule must have an entry (``test_rules`` fails otherwise): the clean disclosure is
its passing example, the edit below its failing one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from tests.check.builders import (
    amount,
    clean,
    figure,
    final_accounts,
    find_row,
    item,
    put,
    say,
    three_public,
    unsay,
)
from yusuan import summary
from yusuan.model import Amount, Disclosure

Edit = Callable[[Disclosure], None]


@dataclass
class Case:
    """A failing example: an edit of ``build()``; ``previous`` feeds the cross-year rules."""

    edit: Edit
    build: Callable[[], Disclosure] = clean
    good: Edit | None = None
    previous: Callable[[Disclosure], dict[str, Any] | None] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _previous(d: Disclosure) -> dict[str, Any]:
    """Last year's key figures consistent with the clean disclosure's 上年 figures."""
    figures = summary(d)
    figures["expenditure"]["grand_total"] = Decimal("190.00")
    figures["three_public"] = {
        "total": Decimal("10.00"),
        "outbound": Decimal(0),
        "vehicle_total": Decimal("6.00"),
        "vehicle_purchase": Decimal(0),
        "vehicle_operation": Decimal("6.00"),
        "reception": Decimal("4.00"),
    }
    return figures


def _seq(*edits: Edit) -> Edit:
    def run(d: Disclosure) -> None:
        for e in edits:
            e(d)

    return run


def _add_row(kind: str, row_factory: Callable[[], Any], nth: int = 0) -> Edit:
    return lambda d: d.tables_of(kind)[nth].items.append(row_factory())


def _rename(kind: str, code: str, name: str) -> Edit:
    def run(d: Disclosure) -> None:
        find_row(d, kind, code).name = name

    return run


def _drop_row(kind: str, code: str) -> Edit:
    def run(d: Disclosure) -> None:
        t = d.tables_of(kind)[0]
        t.items = [i for i in t.items if i.code != code]

    return run


def _drop_section(word: str) -> Edit:
    def run(d: Disclosure) -> None:
        d.narrative.sections = [s for s in d.narrative.sections if word not in s.title + s.text]
        if word == "名词解释":
            d.narrative.glossary = {}

    return run


def _project_amount(text: str) -> Edit:
    def run(d: Disclosure) -> None:
        d.projects[0].amount = amount(text)

    return run


def _target(name: str | None = None, text: str | None = None) -> Edit:
    def run(d: Disclosure) -> None:
        t = d.performance[1]
        if name:
            t.name = name
        if text:
            t.amount = amount(text)

    return run


def _fiscal_subtotal(d: Disclosure) -> None:
    """The 收支总表 printing 财政拨款收入 with its 一般公共预算 line beneath (Shanghai layout)."""
    t = d.tables_of("income_expenditure_summary")[0]
    t.items.insert(0, item("一、财政拨款收入", key="fiscal_total", side="income", total="180.00"))


def _targets_only(d: Disclosure) -> None:
    """A template without 项目支出表: the projects are those of the 绩效目标表."""
    d.tables = [t for t in d.tables if t.kind != "project_expenditure"]
    d.projects = [p for p in (t.as_project() for t in d.performance) if p]


def _notes(kind: str, notes: list[str]) -> Edit:
    def run(d: Disclosure) -> None:
        d.tables_of(kind)[0].notes = notes

    return run


def _one_amount_classes(d: Disclosure) -> None:
    """The 基本支出表 printing one amount per 经济分类 row (人员/公用 only on the 合计 row)."""
    for row in d.tables_of("general_budget_basic")[0].items:
        if row.code:
            row.values = {"total": row.values["total"]}


def _duplicate(d: Disclosure) -> None:
    first = next(f for f in d.narrative.figures if f.claim == "function:2150501")
    d.narrative.figures.append(figure("function:2150501", "101.00", sentence=first.sentence))


def _fund_table_prints(d: Disclosure) -> None:
    t = d.tables_of("government_fund")[0]
    t.items[0].values["total"] = Amount(Decimal("5.00"), "5.00", None)


CASES: dict[str, Case] = {
    "codes.economic_known": Case(
        _add_row("general_budget_basic", lambda: item("未知科目", "30998", total="", personnel="", public=""))
    ),
    "codes.economic_name": Case(_rename("general_budget_basic", "30101", "基本薪酬")),
    "codes.function_known": Case(
        _add_row("expenditure_summary", lambda: item("未知科目", "2999998", total=""))
    ),
    "codes.function_name": Case(_rename("expenditure_summary", "2150501", "行政管理运行")),
    "codes.level": Case(lambda d: setattr(find_row(d, "expenditure_summary", "2150501"), "level", "款")),
    "codes.parent": Case(_drop_row("expenditure_summary", "20805")),
    "complete.empty_note": Case(_notes("government_fund", [])),
    "complete.note_contradicts": Case(_notes("procurement", ["注：本部门无政府采购预算，故本表为空表。"])),
    "complete.note_kind": Case(
        _notes("state_capital", ["注：本部门无政府性基金预算财政拨款安排的支出，故本表为空表。"])
    ),
    "complete.tables": Case(
        lambda d: setattr(d, "tables", [t for t in d.tables if t.kind != "fiscal_summary"])
    ),
    "cross.fiscal_classes": Case(lambda d: put(d, "fiscal_summary", "208", "general_public_budget", "31.00")),
    "cross.fiscal_funds": Case(_fund_table_prints),
    "cross.function_economic": Case(
        lambda d: put(d, "economic_classification_government", "合计", "total", "210.00")
    ),
    "cross.gpb_basic": Case(lambda d: put(d, "general_budget_basic", "合计", "personnel", "131.00")),
    "cross.project_table": Case(lambda d: put(d, "project_expenditure", "合计", "total", "55.00")),
    "cross.summary_classes": Case(
        lambda d: put(d, "income_expenditure_summary", "八、社会保障和就业支出", "total", "35.00")
    ),
    "cross.summary_expenditure": Case(
        lambda d: put(
            d, "income_expenditure_summary", "current_year_total", "total", "205.00", side="expenditure"
        )
    ),
    "cross.summary_income": Case(
        lambda d: put(d, "income_expenditure_summary", "general_public_budget", "total", "185.00")
    ),
    "economic.class_sum": Case(lambda d: put(d, "general_budget_basic", "30101", "total", "71.00")),
    "economic.kuan_sum": Case(
        _add_row("general_budget_basic", lambda: item("基本工资（细化）", "3010101", total="10.00"))
    ),
    "economic.personnel_public_split": Case(
        _seq(_one_amount_classes, lambda d: put(d, "general_budget_basic", "合计", "public", "21.00")),
        good=_one_amount_classes,
    ),
    "economic.total_sum": Case(lambda d: put(d, "general_budget_basic", "合计", "total", "151.00")),
    "fiscal.balance": Case(
        lambda d: put(d, "fiscal_summary", "grand_total", "total", "201.00", side="income")
    ),
    "fiscal.expenditure_current": Case(lambda d: put(d, "fiscal_summary", "215", "total", "151.00")),
    "fiscal.expenditure_grand": Case(
        lambda d: put(d, "fiscal_summary", "grand_total", "total", "201.00", side="expenditure")
    ),
    "fiscal.income_current": Case(
        lambda d: put(d, "fiscal_summary", "general_public_budget", "total", "181.00", side="income")
    ),
    "fiscal.income_grand": Case(
        lambda d: put(d, "fiscal_summary", "carryover_from_last_year", "total", "21.00")
    ),
    "function.class_sum": Case(lambda d: put(d, "expenditure_summary", "208", "total", "31.00")),
    "function.kuan_sum": Case(lambda d: put(d, "expenditure_summary", "20805", "total", "31.00")),
    "function.total_sum": Case(lambda d: put(d, "expenditure_summary", "合计", "total", "201.00")),
    "history.change": Case(lambda d: say(d, "expenditure.total.change", "12.00"), previous=_previous),
    "history.change_pct": Case(lambda d: say(d, "three_public.total.change_pct", "-25.00"), previous=_previous),
    "history.previous": Case(lambda d: say(d, "expenditure.total.previous", "185.00"), previous=_previous),
    "history.three_public": Case(
        lambda d: three_public(d, "previous", "reception", "5.00"), previous=_previous
    ),
    "list.table_sum": Case(lambda d: put(d, "procurement", "办公设备", "total", "9.00")),
    "narrative.change": Case(lambda d: say(d, "expenditure.total.change", "12.00")),
    "narrative.change_direction": Case(lambda d: say(d, "three_public.total.change_pct", "20.00")),
    "narrative.change_implied": Case(
        _seq(
            lambda d: unsay(d, "expenditure.total.previous"),
            lambda d: say(d, "expenditure.total.change", "250.00"),
        )
    ),
    "narrative.change_pct": Case(lambda d: say(d, "expenditure.total.change_pct", "6.26")),
    "narrative.completion": Case(
        lambda d: say(d, "expenditure.total.completion_pct", "96.24"), build=final_accounts
    ),
    "narrative.coverage": Case(lambda d: say(d, "performance.coverage", "90")),
    "narrative.duplicate": Case(_duplicate),
    "narrative.function": Case(lambda d: say(d, "function:2150501", "110.00")),
    "narrative.funds": Case(lambda d: say(d, "general_public_budget.total", "185.00")),
    "narrative.operating_costs": Case(lambda d: say(d, "operating_costs", "25.00")),
    "narrative.performance_amount": Case(lambda d: say(d, "performance.funds", "55.00")),
    "narrative.performance_count": Case(lambda d: say(d, "performance.projects", "3")),
    "narrative.procurement_parts": Case(lambda d: say(d, "procurement.goods", "9.00")),
    "narrative.procurement_table": Case(lambda d: say(d, "procurement.total", "25.00")),
    "narrative.three_public": Case(lambda d: say(d, "three_public.reception", "4.00")),
    "narrative.three_public_parts": Case(lambda d: say(d, "three_public.vehicle_total", "0")),
    "narrative.totals": Case(lambda d: say(d, "income.total", "210.00")),
    "narrative.vehicles": Case(lambda d: say(d, "vehicles.count", "3")),
    "performance.amounts": Case(_target(text="31.00")),
    "performance.fund_parts": Case(lambda d: d.performance[2].funds.update(current_fiscal=amount("5.00"))),
    "performance.targets_exist": Case(_target(name="其他项目")),
    "projects.sum": Case(_project_amount("31.00")),
    "projects.sum_targets": Case(_seq(_target(text="31.00"), _targets_only), good=_targets_only),
    "projects.table_sum": Case(lambda d: put(d, "project_expenditure", "信息化运维项目", "total", "31.00")),
    "read.warnings": Case(lambda d: d.warnings.append("表3 第12行的列位置不确定")),
    "row.basic_personnel_public": Case(
        lambda d: put(d, "expenditure_summary", "2150501", "personnel", "81.00")
    ),
    "row.fiscal_funds": Case(lambda d: put(d, "fiscal_summary", "208", "general_public_budget", "29.00")),
    "row.fund_sources": Case(
        lambda d: put(d, "function_classification", "2150502", "general_public_budget", "31.00")
    ),
    "row.income_sources": Case(
        lambda d: put(d, "income_summary", "2150502", "general_public_budget", "31.00")
    ),
    "row.total_basic_project": Case(lambda d: put(d, "expenditure_summary", "2150502", "project", "51.00")),
    "row.total_personnel_public": Case(
        lambda d: put(d, "general_budget_basic", "30101", "personnel", "71.00")
    ),
    "summary.balance": Case(
        lambda d: put(d, "income_expenditure_summary", "grand_total", "total", "201.00", side="expenditure")
    ),
    "summary.expenditure_current": Case(
        lambda d: put(d, "income_expenditure_summary", "十五、资源勘探工业信息等支出", "total", "151.00")
    ),
    "summary.expenditure_grand": Case(
        lambda d: put(d, "income_expenditure_summary", "carryover_to_next_year", "total", "1.00")
    ),
    "summary.fiscal_funds": Case(
        _seq(
            _fiscal_subtotal,
            lambda d: put(d, "income_expenditure_summary", "fiscal_total", "total", "181.00"),
        ),
        good=_fiscal_subtotal,
    ),
    "summary.income_current": Case(
        lambda d: put(d, "income_expenditure_summary", "government_fund", "total", "1.00")
    ),
    "summary.income_grand": Case(
        lambda d: put(d, "income_expenditure_summary", "carryover_from_last_year", "total", "21.00")
    ),
    "summary.unit_funds": Case(
        _add_row(
            "income_expenditure_summary",
            lambda: item("事业收入", key="business", side="income", total="5.00"),
        )
    ),
    "text.glossary": Case(_drop_section("名词解释")),
    "text.operating_costs": Case(_drop_section("机关运行经费")),
    "text.performance": Case(_drop_section("绩效")),
    "text.procurement": Case(_drop_section("政府采购")),
    "text.state_assets": Case(_drop_section("国有资产")),
    "text.three_public": Case(_drop_section("三公")),
    "text.unfilled_slot": Case(lambda d: setattr(d.narrative.sections[0], "text", d.narrative.sections[0].text + "主要原因是【待填写】。")),
    "three_public.economic": Case(
        _seq(
            lambda d: put(d, "economic_classification_department", "30217", "total", ""),
            lambda d: put(d, "economic_classification_government", "50206", "total", ""),
        )
    ),
    "three_public.total": Case(lambda d: three_public(d, "current", "total", "9.00")),
    "three_public.vehicle": Case(lambda d: three_public(d, "current", "vehicle_purchase", "1.00")),
    "units.code_sum": Case(
        lambda d: put(d, "expenditure_summary", "221", "total", "21.00", unit="中心", nth=1)
    ),
    "units.total_sum": Case(lambda d: put(d, "expenditure_summary", "本级", "total", "121.00", nth=1)),
}
