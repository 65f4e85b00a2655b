"""The canonical model of one disclosure (部门预算 / 部门决算) — DESIGN §1.

One :class:`Disclosure` holds every table yusuan recognised as :class:`StatementTable` rows with
canonical column keys, plus the parts that are not code × column grids (“三公”, projects,
performance targets, narrative). Money is :class:`~yusuan.model.provenance.Amount` (Decimal +
provenance) throughout.

Canonical column keys used in ``LineItem.values`` (a table prints a subset):
``total`` 合计, ``basic`` 基本支出, ``personnel`` 人员经费, ``public`` 公用经费, ``project`` 项目支出,
``operating`` 经营支出, ``remit_upper`` 上缴上级支出, ``subsidiary`` 对附属单位补助支出,
income sources ``general_public_budget``, ``government_fund``, ``state_capital``,
``fiscal_special_account``, ``unit_funds``, ``business``, ``operating_income``,
``upper_subsidy``, ``subsidiary_remit``, ``other``, ``carryover`` 上年结转; for a 决算
``budget_initial`` 年初预算数, ``budget_adjusted`` 调整预算数, ``actual`` 决算数; a prefix
``carryover.`` marks the 上年结转 block of an income table (``carryover.general_public_budget``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from yusuan.model.provenance import Amount, Provenance

BUDGET = "预算"

# Canonical column keys of the income sources (收入来源), in printed order: the 三本预算 and 财政专户,
# 单位资金, then the parts of 单位资金. Checks and the store both key on them.
FUND_SOURCE_COLUMNS: tuple[str, ...] = (
    "general_public_budget",
    "government_fund",
    "state_capital",
    "fiscal_special_account",
    "unit_funds",
    "business",
    "operating_income",
    "upper_subsidy",
    "subsidiary_remit",
    "other",
)
FINAL_ACCOUNTS = "决算"


@dataclass(slots=True)
class LineItem:
    """One row of a classified table (科目行): a code row, a 合计 row, a unit row, or a named summary row.

    ``level`` is one of ``total`` (合计), ``unit`` (a budget unit's subtotal), ``类``/``款``/``项``
    (by code length), ``category`` (a row heading a group of a listed table, e.g. 货物/工程/服务 in
    a 政府采购表, ``key`` goods/works/services), or ``item`` (a named row without a code, e.g.
    收支总表 lines).
    ``key`` is the canonical meaning of a named row (e.g. ``current_year_total`` for 本年收入合计)
    and ``side`` says which side of a two-sided table (收支总表) it sits on: ``income``/``expenditure``.
    ``alt_code``/``alt_name``: a second classification printed on the same row (部门经济 30101 基本工资
    beside 政府经济 50101 工资奖金津补贴); ``code`` is the first printed, which the row's level and
    hierarchy follow.
    """

    name: str
    values: dict[str, Amount]
    code: str | None = None
    level: str = "item"
    unit: str | None = None
    key: str | None = None
    side: str | None = None
    where: Provenance | None = None
    alt_code: str | None = None
    alt_name: str | None = None

    def get(self, column: str) -> Decimal | None:
        """The value of ``column`` (None when the table has no such column)."""
        amount = self.values.get(column)
        return None if amount is None else amount.value


@dataclass(slots=True)
class StatementTable:
    """A recognised table (表): its kind from the catalogue, header, rows and notes.

    ``kind`` is a catalogue key (DESIGN §1) or ``raw`` for a table that matched no kind, which then
    keeps its cells in ``cells`` so nothing is dropped.
    """

    kind: str
    title: str
    number: str | None = None
    money_unit: str | None = None
    pages: list[int] = field(default_factory=list)
    lines: tuple[int, int] | None = None
    columns: list[str] = field(default_factory=list)
    column_labels: dict[str, str] = field(default_factory=dict)
    items: list[LineItem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    cells: list[list[str]] = field(default_factory=list)
    unit: str | None = None

    @property
    def empty(self) -> bool:
        """True when the table prints no figure at all (an 空表, which must carry its note)."""
        return not any(not a.blank for item in self.items for a in item.values.values())

    def total_row(self) -> LineItem | None:
        """The department-level 合计 row, if printed."""
        return next((i for i in self.items if i.level == "total"), None)

    def by_key(self, key: str, side: str | None = None) -> LineItem | None:
        """The named row with canonical ``key`` (on ``side`` when given)."""
        return next((i for i in self.items if i.key == key and (side is None or i.side == side)), None)


@dataclass(slots=True)
class ThreePublic:
    """“三公”经费: 因公出国(境)费, 公务用车购置及运行费 (购置, 运行), 公务接待费; keys as SUMMARY_SCHEMA.

    ``current`` and ``previous`` map ``total``/``outbound``/``vehicle_total``/``vehicle_purchase``/
    ``vehicle_operation``/``reception`` to amounts; a 决算 may also give ``budget`` (预算数).
    """

    current: dict[str, Amount] = field(default_factory=dict)
    previous: dict[str, Amount] = field(default_factory=dict)
    budget: dict[str, Amount] = field(default_factory=dict)
    money_unit: str | None = None
    table: str | None = None


@dataclass(slots=True)
class Project:
    """A project (项目) from the 项目支出表 or a per-project 绩效目标表: name, unit, amount and sources."""

    name: str
    amount: Amount | None
    unit: str | None = None
    content: str | None = None
    sources: dict[str, Amount] = field(default_factory=dict)
    origin: str = "project_expenditure"
    where: Provenance | None = None


@dataclass(slots=True)
class Indicator:
    """A performance indicator (绩效指标): 一级/二级/三级, operator, value, unit."""

    level1: str | None
    level2: str | None
    name: str
    operator: str | None = None
    value: str | None = None
    unit: str | None = None
    where: Provenance | None = None


@dataclass(slots=True)
class PerformanceTarget:
    """A 绩效目标表 / 绩效自评表: overall (整体) or per project, with amount and indicators.

    ``funds`` holds the parts of the fund block as printed (项目资金 / 预算规模), each an Amount with
    provenance, only those the table prints: ``total`` 项目资金总额/年度资金总额 (预算数),
    ``fiscal`` 其中：财政资金, ``requested`` 年度资金申请总额, ``current_fiscal`` 其中：当年财政拨款,
    ``carryover`` 上年结转资金, ``other`` 其他资金 (the 年度资金申请总额 column's when both columns
    print one).
    """

    scope: str  # "overall" | "project"
    name: str | None
    unit: str | None = None
    amount: Amount | None = None
    goal: str | None = None
    indicators: list[Indicator] = field(default_factory=list)
    self_evaluation: bool = False
    where: Provenance | None = None
    funds: dict[str, Amount] = field(default_factory=dict)
    money_unit: str | None = None  # the unit its amounts are printed in ('资金金额(万元)'), when said

    def as_project(self) -> Project | None:
        """The project this target describes (templates without a 项目支出表 list projects this way)."""
        if self.scope != "project" or not self.name:
            return None
        return Project(
            name=self.name, amount=self.amount, unit=self.unit, origin="performance", where=self.where
        )


@dataclass(slots=True)
class NarrativeFigure:
    """A figure the text quotes: the sentence, the figure as printed, and what it claims to be.

    ``claim`` is a dotted key from this vocabulary (checks key on it):
    ``income.total`` 收入总计, ``income.current_year`` 本年收入, ``expenditure.total`` 支出总计,
    ``expenditure.current_year`` 本年支出, ``expenditure.basic``, ``expenditure.personnel``,
    ``expenditure.public``, ``expenditure.project``, ``general_public_budget.total`` (一般公共预算拨款/支出),
    ``government_fund.total``, ``state_capital.total``, ``fiscal.total`` 财政拨款,
    ``three_public.total|outbound|vehicle_total|vehicle_purchase|vehicle_operation|reception``,
    ``operating_costs`` 机关运行经费, ``procurement.total|goods|works|services`` 政府采购,
    ``vehicles.count`` 车辆 (unit 辆) and ``vehicles.<category>`` (``official``, ``leaders``,
    ``confidential``, ``emergency``, ``retired``; ``vehicles.purchased[.<category>]`` 拟购置),
    ``performance.projects`` / ``performance.coverage`` 绩效目标覆盖 / ``performance.funds``,
    ``general_public_budget.basic``, ``fiscal_special_account.total``, ``unit_funds.total``,
    ``income.carryover`` / ``expenditure.carryover`` 结转结余 and ``income.carryover.<fund>`` (the
    part of 上年结转结余 from one fund source), ``function:<code>`` (an amount the text gives for a 功能科目),
    ``function_class:<3-digit code>``. Suffixes: ``.previous`` (上年数 quoted), ``.change``
    (signed: 增加 +, 减少 −, 持平 0), ``.change_pct`` (signed %), ``.actual`` (决算数),
    ``.budget`` (预算数 in a 决算), ``.completion_pct`` (完成率). ``unit`` is the printed unit
    (万元, 元, %, 辆, 个…).
    """

    claim: str
    value: Decimal
    text: str
    unit: str | None
    sentence: str
    where: Provenance | None = None


@dataclass(slots=True)
class NarrativeSection:
    """A heading of the 情况说明 / 概况 / 名词解释 and its text."""

    title: str
    text: str
    line: int | None = None


@dataclass(slots=True)
class Narrative:
    """The explanatory text (情况说明), the figures it quotes, and the glossary (名词解释)."""

    sections: list[NarrativeSection] = field(default_factory=list)
    figures: list[NarrativeFigure] = field(default_factory=list)
    glossary: dict[str, str] = field(default_factory=dict)
    # reasons a person gave for year-on-year changes, by claim (``income.total``, ``three_public``…):
    # filled from a budget-entry workbook, quoted by the published 情况说明 (主要原因是…)
    reasons: dict[str, str] = field(default_factory=dict)

    def figure(self, claim: str) -> NarrativeFigure | None:
        """The first figure quoted for ``claim``."""
        return next((f for f in self.figures if f.claim == claim), None)


@dataclass(slots=True)
class Disclosure:
    """One department's disclosure for one year (部门预算公开 or 部门决算公开)."""

    source: str
    department: str | None = None
    year: int | None = None
    kind: str = BUDGET
    money_unit: str = "万元"
    units: list[str] = field(default_factory=list)
    tables: list[StatementTable] = field(default_factory=list)
    three_public: ThreePublic | None = None
    projects: list[Project] = field(default_factory=list)
    performance: list[PerformanceTarget] = field(default_factory=list)
    narrative: Narrative = field(default_factory=Narrative)
    format: str = "text"
    warnings: list[str] = field(default_factory=list)

    def table(self, kind: str) -> StatementTable | None:
        """The first table of ``kind`` (None when the document has none)."""
        return next((t for t in self.tables if t.kind == kind), None)

    def tables_of(self, kind: str) -> list[StatementTable]:
        """Every table of ``kind`` (a document may print a kind twice, e.g. per unit)."""
        return [t for t in self.tables if t.kind == kind]
