"""Small disclosures built in code, consistent in every identity (``clean``), and edits that break one.

Why hand-built: rules are tested on figures whose every identity is known, independent of the
readers; a rule's failing example is the clean disclosure with one printed figure changed.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import count

from yusuan.model import (
    BUDGET,
    FINAL_ACCOUNTS,
    Amount,
    Disclosure,
    LineItem,
    Narrative,
    NarrativeFigure,
    NarrativeSection,
    PerformanceTarget,
    Project,
    Provenance,
    StatementTable,
    ThreePublic,
)
from yusuan.money import parse_amount

SOURCE = "builder.txt"
_lines = count(10)


def amount(text: str, **where: object) -> Amount:
    """A printed figure ('' = blank cell) with its own source line."""
    value = parse_amount(text) if text else None
    return Amount(
        value if value is not None else Decimal(0), text, Provenance(SOURCE, 1, next(_lines), **where)
    )  # type: ignore[arg-type]


def item(
    name: str,
    code: str | None = None,
    level: str | None = None,
    *,
    unit: str | None = None,
    key: str | None = None,
    side: str | None = None,
    **values: str,
) -> LineItem:
    """A row; ``level`` defaults from the code length (类/款/项) or ``item``."""
    if level is None:
        level = {3: "类", 5: "款", 7: "项"}.get(len(code), "项") if code else "item"
    return LineItem(name, {k: amount(v, column=k) for k, v in values.items()}, code, level, unit, key, side)


def table(
    kind: str, title: str, columns: list[str], rows: list[LineItem], notes: list[str] | None = None
) -> StatementTable:
    start = next(_lines)
    return StatementTable(
        kind=kind,
        title=title,
        money_unit="万元",
        pages=[1],
        lines=(start, start + len(rows)),
        columns=columns,
        items=rows,
        notes=notes or [],
    )


SPENDING = ["total", "basic", "personnel", "public", "project"]


def _spending_rows() -> list[LineItem]:
    cols = SPENDING
    spec = [
        ("合计", None, "total", ("200.00", "150.00", "130.00", "20.00", "50.00")),
        ("社会保障和就业支出", "208", None, ("30.00", "30.00", "30.00", "", "")),
        ("行政事业单位养老支出", "20805", None, ("30.00", "30.00", "30.00", "", "")),
        ("机关事业单位基本养老保险缴费支出", "2080505", None, ("20.00", "20.00", "20.00", "", "")),
        ("机关事业单位职业年金缴费支出", "2080506", None, ("10.00", "10.00", "10.00", "", "")),
        ("资源勘探工业信息等支出", "215", None, ("150.00", "100.00", "80.00", "20.00", "50.00")),
        ("工业和信息产业", "21505", None, ("150.00", "100.00", "80.00", "20.00", "50.00")),
        ("行政运行", "2150501", None, ("100.00", "100.00", "80.00", "20.00", "")),
        ("一般行政管理事务", "2150502", None, ("50.00", "", "", "", "50.00")),
        ("住房保障支出", "221", None, ("20.00", "20.00", "20.00", "", "")),
        ("住房改革支出", "22102", None, ("20.00", "20.00", "20.00", "", "")),
        ("住房公积金", "2210201", None, ("20.00", "20.00", "20.00", "", "")),
    ]
    return [item(n, c, lv, **dict(zip(cols, v, strict=True))) for n, c, lv, v in spec]


def _funded_rows() -> list[LineItem]:
    """功能分类 rows by fund source: 一般公共预算 and 上年结转 (the 20.00 carried over funds 2150502)."""
    cols = ["total", "general_public_budget", "carryover"]
    spec = [
        ("合计", None, "total", ("200.00", "180.00", "20.00")),
        ("社会保障和就业支出", "208", None, ("30.00", "30.00", "")),
        ("行政事业单位养老支出", "20805", None, ("30.00", "30.00", "")),
        ("机关事业单位基本养老保险缴费支出", "2080505", None, ("20.00", "20.00", "")),
        ("机关事业单位职业年金缴费支出", "2080506", None, ("10.00", "10.00", "")),
        ("资源勘探工业信息等支出", "215", None, ("150.00", "130.00", "20.00")),
        ("工业和信息产业", "21505", None, ("150.00", "130.00", "20.00")),
        ("行政运行", "2150501", None, ("100.00", "100.00", "")),
        ("一般行政管理事务", "2150502", None, ("50.00", "30.00", "20.00")),
        ("住房保障支出", "221", None, ("20.00", "20.00", "")),
        ("住房改革支出", "22102", None, ("20.00", "20.00", "")),
        ("住房公积金", "2210201", None, ("20.00", "20.00", "")),
    ]
    return [item(n, c, lv, **dict(zip(cols, v, strict=True))) for n, c, lv, v in spec]


def _summary() -> StatementTable:
    inc, exp = "income", "expenditure"
    rows = [
        item("一、一般公共预算拨款收入", key="general_public_budget", side=inc, total="180.00"),
        item("二、政府性基金预算拨款收入", key="government_fund", side=inc, total=""),
        item("三、国有资本经营预算拨款收入", key="state_capital", side=inc, total=""),
        item("四、财政专户管理资金收入", key="fiscal_special_account", side=inc, total=""),
        item("五、单位资金", key="unit_funds", side=inc, total=""),
        item("本年收入合计", key="current_year_total", side=inc, total="180.00"),
        item("上年结转结余", key="carryover_from_last_year", side=inc, total="20.00"),
        item("收入总计", key="grand_total", side=inc, total="200.00"),
        item("八、社会保障和就业支出", side=exp, level="类", total="30.00"),
        item("十五、资源勘探工业信息等支出", side=exp, level="类", total="150.00"),
        item("二十、住房保障支出", side=exp, level="类", total="20.00"),
        item("本年支出合计", key="current_year_total", side=exp, total="200.00"),
        item("年终结转结余", key="carryover_to_next_year", side=exp, total=""),
        item("支出总计", key="grand_total", side=exp, total="200.00"),
    ]
    return table("income_expenditure_summary", "部门收支预算总表", ["total"], rows)


def _fiscal() -> StatementTable:
    inc, exp = "income", "expenditure"
    cols = ["total", "general_public_budget", "government_fund", "state_capital"]

    def e(name: str, values: tuple[str, ...], code: str | None = None, key: str | None = None) -> LineItem:
        return item(
            name, code, "类" if code else "item", key=key, side=exp, **dict(zip(cols, values, strict=True))
        )

    rows = [
        item("一、一般公共预算拨款", key="general_public_budget", side=inc, total="180.00"),
        item("二、政府性基金预算拨款", key="government_fund", side=inc, total=""),
        item("三、国有资本经营预算拨款", key="state_capital", side=inc, total=""),
        item("本年收入合计", key="current_year_total", side=inc, total="180.00"),
        item("上年结转", key="carryover_from_last_year", side=inc, total="20.00"),
        item("收入总计", key="grand_total", side=inc, total="200.00"),
        e("社会保障和就业支出", ("30.00", "30.00", "", ""), code="208"),
        e("资源勘探工业信息等支出", ("150.00", "150.00", "", ""), code="215"),
        e("住房保障支出", ("20.00", "20.00", "", ""), code="221"),
        e("本年支出合计", ("200.00", "200.00", "", ""), key="current_year_total"),
        e("年终结转结余", ("", "", "", ""), key="carryover_to_next_year"),
        e("支出总计", ("200.00", "200.00", "", ""), key="grand_total"),
    ]
    return table("fiscal_summary", "财政拨款收支预算总表", cols, rows)


def _basic() -> StatementTable:
    cols = ["total", "personnel", "public"]
    spec = [
        ("合计", None, "total", ("150.00", "130.00", "20.00")),
        ("工资福利支出", "301", None, ("130.00", "130.00", "")),
        ("基本工资", "30101", None, ("70.00", "70.00", "")),
        ("津贴补贴", "30102", None, ("10.00", "10.00", "")),
        ("机关事业单位基本养老保险缴费", "30108", None, ("20.00", "20.00", "")),
        ("职业年金缴费", "30109", None, ("10.00", "10.00", "")),
        ("住房公积金", "30113", None, ("20.00", "20.00", "")),
        ("商品和服务支出", "302", None, ("20.00", "", "20.00")),
        ("办公费", "30201", None, ("12.00", "", "12.00")),
        ("公务接待费", "30217", None, ("3.00", "", "3.00")),
        ("公务用车运行维护费", "30231", None, ("5.00", "", "5.00")),
    ]
    rows = [item(n, c, lv, **dict(zip(cols, v, strict=True))) for n, c, lv, v in spec]
    return table("general_budget_basic", "一般公共预算基本支出表", cols, rows)


def _economic(kind: str, title: str, spec: list[tuple[str, str | None, tuple[str, ...]]]) -> StatementTable:
    cols = ["total", "general_public_budget", "carryover"]
    rows = [item(n, c, None if c else "total", **dict(zip(cols, v, strict=True))) for n, c, v in spec]
    return table(kind, title, cols, rows)


def _economic_department() -> StatementTable:
    return _economic(
        "economic_classification_department",
        "支出经济分类预算表（部门预算）",
        [
            ("合计", None, ("200.00", "180.00", "20.00")),
            ("工资福利支出", "301", ("130.00", "130.00", "")),
            ("基本工资", "30101", ("70.00", "70.00", "")),
            ("津贴补贴", "30102", ("10.00", "10.00", "")),
            ("机关事业单位基本养老保险缴费", "30108", ("20.00", "20.00", "")),
            ("职业年金缴费", "30109", ("10.00", "10.00", "")),
            ("住房公积金", "30113", ("20.00", "20.00", "")),
            ("商品和服务支出", "302", ("70.00", "50.00", "20.00")),
            ("办公费", "30201", ("12.00", "12.00", "")),
            ("公务接待费", "30217", ("3.00", "3.00", "")),
            ("委托业务费", "30227", ("50.00", "30.00", "20.00")),
            ("公务用车运行维护费", "30231", ("5.00", "5.00", "")),
        ],
    )


def _economic_government() -> StatementTable:
    return _economic(
        "economic_classification_government",
        "支出经济分类预算表（政府预算）",
        [
            ("合计", None, ("200.00", "180.00", "20.00")),
            ("机关工资福利支出", "501", ("130.00", "130.00", "")),
            ("工资奖金津补贴", "50101", ("80.00", "80.00", "")),
            ("社会保障缴费", "50102", ("30.00", "30.00", "")),
            ("住房公积金", "50103", ("20.00", "20.00", "")),
            ("机关商品和服务支出", "502", ("70.00", "50.00", "20.00")),
            ("办公经费", "50201", ("12.00", "12.00", "")),
            ("委托业务费", "50205", ("50.00", "30.00", "20.00")),
            ("公务接待费", "50206", ("3.00", "3.00", "")),
            ("公务用车运行维护费", "50208", ("5.00", "5.00", "")),
        ],
    )


def _by_unit() -> StatementTable:
    """A 支出总表 printed per unit: department rows, then each unit's subtotal and 类 rows."""
    rows = [
        item("合计", level="total", total="200.00"),
        item("社会保障和就业支出", "208", total="30.00"),
        item("资源勘探工业信息等支出", "215", total="150.00"),
        item("住房保障支出", "221", total="20.00"),
        item("本级", level="unit", unit="本级", total="120.00"),
        item("社会保障和就业支出", "208", unit="本级", total="20.00"),
        item("资源勘探工业信息等支出", "215", unit="本级", total="100.00"),
        item("中心", level="unit", unit="中心", total="80.00"),
        item("社会保障和就业支出", "208", unit="中心", total="10.00"),
        item("资源勘探工业信息等支出", "215", unit="中心", total="50.00"),
        item("住房保障支出", "221", unit="中心", total="20.00"),
    ]
    return table("expenditure_summary", "支出预算总表（分单位）", ["total"], rows)


THREE_PUBLIC_KEYS = (
    "total",
    "outbound",
    "vehicle_total",
    "vehicle_purchase",
    "vehicle_operation",
    "reception",
)


def _three_public() -> tuple[ThreePublic, StatementTable]:
    current = dict(zip(THREE_PUBLIC_KEYS, map(amount, ("8.00", "", "5.00", "", "5.00", "3.00")), strict=True))
    previous = dict(
        zip(THREE_PUBLIC_KEYS, map(amount, ("10.00", "", "6.00", "", "6.00", "4.00")), strict=True)
    )
    tp = ThreePublic(
        current=current, previous=previous, money_unit="万元", table="一般公共预算“三公”经费支出表"
    )
    t = table(
        "three_public",
        "一般公共预算“三公”经费支出表",
        list(THREE_PUBLIC_KEYS),
        [LineItem("本年", dict(current)), LineItem("上年", dict(previous))],
    )
    return tp, t


def _projects() -> tuple[StatementTable, list[Project], list[PerformanceTarget]]:
    cols = ["total", "general_public_budget", "carryover"]
    rows = [
        item("合计", level="total", total="50.00", general_public_budget="30.00", carryover="20.00"),
        item("信息化运维项目", total="30.00", general_public_budget="30.00", carryover=""),
        item("产业发展专项", total="20.00", general_public_budget="", carryover="20.00"),
    ]
    t = table("project_expenditure", "项目支出预算表", cols, rows)
    projects = [Project(r.name, r.values["total"], unit="本级") for r in rows[1:]]
    targets = [
        PerformanceTarget("overall", "部门整体绩效目标", amount=amount("200.00")),
        PerformanceTarget("project", "信息化运维项目", amount=amount("30.00")),
        PerformanceTarget(
            "project",
            "产业发展专项",
            amount=amount("20.00"),
            funds={
                k: amount(v)
                for k, v in [
                    ("total", "20.00"),
                    ("fiscal", "20.00"),
                    ("requested", "20.00"),
                    ("current_fiscal", "0.00"),
                    ("carryover", "20.00"),
                    ("other", "0.00"),
                ]
            },
        ),
    ]
    return t, projects, targets


def figure(claim: str, text: str, unit: str | None = "万元", sentence: str | None = None) -> NarrativeFigure:
    """A figure quoted by the text (its own sentence unless one is given)."""
    line = next(_lines)
    return NarrativeFigure(
        claim, Decimal(text), text, unit, sentence or f"句{line}：{claim} {text}", Provenance(SOURCE, 2, line)
    )


VEHICLES = "共有车辆2辆，其中：一般公务用车2辆。"
# a change is checked against the figures of its own statement (narrative_changes._stated)
SPENDING_CHANGE = "支出预算200.00万元，上年190.00万元，增加10.00万元，增长5.26%。"
THREE_PUBLIC_CHANGE = "“三公”经费8.00万元，上年10.00万元，减少2.00万元，下降20.00%。"
STATEMENTS = {
    "expenditure.total": SPENDING_CHANGE,
    "expenditure.total.previous": SPENDING_CHANGE,
    "expenditure.total.change": SPENDING_CHANGE,
    "expenditure.total.change_pct": SPENDING_CHANGE,
    "three_public.total": THREE_PUBLIC_CHANGE,
    "three_public.total.previous": THREE_PUBLIC_CHANGE,
    "three_public.total.change": THREE_PUBLIC_CHANGE,
    "three_public.total.change_pct": THREE_PUBLIC_CHANGE,
}


def _narrative() -> Narrative:
    money = [
        ("income.total", "200.00"),
        ("expenditure.total", "200.00"),
        ("expenditure.basic", "150.00"),
        ("expenditure.project", "50.00"),
        ("expenditure.personnel", "130.00"),
        ("expenditure.public", "20.00"),
        ("general_public_budget.total", "180.00"),
        ("government_fund.total", "0"),
        ("state_capital.total", "0"),
        ("expenditure.total.previous", "190.00"),
        ("expenditure.total.change", "10.00"),
        ("three_public.total", "8.00"),
        ("three_public.outbound", "0"),
        ("three_public.vehicle_total", "5.00"),
        ("three_public.vehicle_purchase", "0"),
        ("three_public.vehicle_operation", "5.00"),
        ("three_public.reception", "3.00"),
        ("three_public.total.previous", "10.00"),
        ("three_public.total.change", "-2.00"),
        ("operating_costs", "20.00"),
        ("procurement.total", "20.00"),
        ("procurement.goods", "8.00"),
        ("procurement.works", "0"),
        ("procurement.services", "12.00"),
        ("performance.funds", "50.00"),
        ("function:2150501", "100.00"),
        ("function_class:208", "30.00"),
    ]
    figures = [figure(c, t, sentence=STATEMENTS.get(c)) for c, t in money]
    figures += [
        figure("expenditure.total.change_pct", "5.26", "%", STATEMENTS["expenditure.total.change_pct"]),
        figure("three_public.total.change_pct", "-20.00", "%", STATEMENTS["three_public.total.change_pct"]),
        figure("vehicles.count", "2", "辆", VEHICLES),
        figure("vehicles.general", "2", "辆", VEHICLES),
        figure("performance.projects", "2", "个"),
        figure("performance.coverage", "100", "%"),
    ]
    sections = [
        NarrativeSection("一、收支预算情况", "收入总计200.00万元。", 100),
        NarrativeSection("二、“三公”经费", "“三公”经费预算8.00万元。", 110),
        NarrativeSection("三、机关运行经费", "机关运行经费20.00万元。", 120),
        NarrativeSection("四、政府采购", "政府采购预算20.00万元。", 130),
        NarrativeSection("五、国有资产占有使用情况", "共有车辆2辆。", 140),
        NarrativeSection("六、绩效目标", "2个项目编制了绩效目标。", 150),
        NarrativeSection("名词解释", "财政拨款收入：……", 160),
    ]
    return Narrative(sections=sections, figures=figures, glossary={"财政拨款收入": "……"})


def clean(kind: str = BUDGET) -> Disclosure:
    """A small 部门预算 in which every identity holds and every quoted figure agrees."""
    tp, tp_table = _three_public()
    project_table, projects, targets = _projects()
    fund_note = "注：本部门无政府性基金预算财政拨款安排的支出，故本表为空表。"
    capital_note = "注：本部门无国有资本经营预算财政拨款安排的支出，故本表为空表。"
    tables = [
        _summary(),
        table(
            "income_summary", "收入预算总表", ["total", "general_public_budget", "carryover"], _funded_rows()
        ),
        table("expenditure_summary", "支出预算总表", SPENDING, _spending_rows()),
        _fiscal(),
        table("general_budget_expenditure", "一般公共预算支出表", SPENDING, _spending_rows()),
        _basic(),
        tp_table,
        table(
            "government_fund",
            "政府性基金预算支出表",
            SPENDING,
            [item("合计", level="total", total="")],
            [fund_note],
        ),
        table(
            "state_capital",
            "国有资本经营预算支出表",
            SPENDING,
            [item("合计", level="total", total="")],
            [capital_note],
        ),
        project_table,
        table(
            "function_classification",
            "支出功能分类预算表",
            ["total", "general_public_budget", "carryover"],
            _funded_rows(),
        ),
        _economic_government(),
        _economic_department(),
        table(
            "procurement",
            "政府采购预算表",
            ["total"],
            [
                item("合计", level="total", total="20.00"),
                item("办公设备", total="8.00"),
                item("运维服务", total="12.00"),
            ],
        ),
        _by_unit(),
    ]
    return Disclosure(
        source=SOURCE,
        department="示范局",
        year=2025,
        kind=kind,
        units=["本级", "中心"],
        tables=tables,
        three_public=tp,
        projects=projects,
        performance=targets,
        narrative=_narrative(),
    )


def final_accounts() -> Disclosure:
    """The clean disclosure as a 部门决算, quoting budget, actual and completion rate."""
    d = clean(FINAL_ACCOUNTS)
    d.narrative.figures += [
        figure("expenditure.total.budget", "210.00"),
        figure("expenditure.total.actual", "200.00"),
        figure("expenditure.total.completion_pct", "95.24", "%"),
    ]
    return d


# -- edits -------------------------------------------------------------------------------------
def find_row(
    d: Disclosure, kind: str, match: str, *, side: str | None = None, unit: str | None = None, nth: int = 0
) -> LineItem:
    """The row of the ``nth`` table of ``kind`` whose code, key or name is ``match``."""
    t = d.tables_of(kind)[nth]
    return next(
        i
        for i in t.items
        if match in (i.code, i.key, i.name)
        and (side is None or i.side == side)
        and (unit is None or i.unit == unit)
    )


def put(d: Disclosure, kind: str, match: str, column: str, text: str, **how: object) -> None:
    """Print ``text`` in one cell instead of what was there (same provenance)."""
    row = find_row(d, kind, match, **how)  # type: ignore[arg-type]
    old = row.values.get(column)
    value = parse_amount(text) if text else None
    row.values[column] = Amount(value if value is not None else Decimal(0), text, old.where if old else None)


def say(d: Disclosure, claim: str, text: str) -> None:
    """Make the text quote ``text`` for ``claim`` (replacing the quoted figure)."""
    figures = d.narrative.figures
    i = next(i for i, f in enumerate(figures) if f.claim == claim)
    old = figures[i]
    figures[i] = NarrativeFigure(claim, Decimal(text), text, old.unit, old.sentence, old.where)


def unsay(d: Disclosure, claim: str) -> None:
    d.narrative.figures = [f for f in d.narrative.figures if f.claim != claim]


def three_public(d: Disclosure, period: str, key: str, text: str) -> None:
    assert d.three_public is not None
    parts = getattr(d.three_public, period)
    parts[key] = Amount(parse_amount(text) or Decimal(0), text, parts[key].where)
