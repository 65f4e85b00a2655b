"""Entries of a filled budget-entry workbook → the :class:`Disclosure`, parents computed.

Why computed: most errors reviewers find are totals typed twice. Here a person types only the
leaves — a 项 × unit × fund row of 人员经费/公用经费/项目支出, a 经济分类 款, a project, a 三公 item
— and every 类, 款, 合计, 基本支出, fund column, unit subtotal and the two 总表 are sums of them, so
the identities hold by construction; what cannot hold by construction (本年收入 + 上年结转 against
the spending, 项目 against 项目支出) is left for the checker to report, with the cells it came from.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from yusuan import codes
from yusuan.model import (
    Amount,
    Disclosure,
    Indicator,
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
from yusuan.model.disclosure import FINAL_ACCOUNTS
from yusuan.workbook.entries import Entries, Row
from yusuan.workbook.sheets import FUND_KEYS, FUNDS, PROCUREMENT_KINDS, VEHICLE_KINDS

ZERO = Decimal(0)
_NUMERALS = "一二三四五六七八九十"
_TOPIC_CLAIMS = {
    "收入总计": "income.total", "支出总计": "expenditure.total", "“三公”经费": "three_public.total",
    "因公出国（境）费": "three_public.outbound", "公务用车购置及运行费": "three_public.vehicle_total",
    "公务接待费": "three_public.reception", "机关运行经费": "operating_costs",
}
_VEHICLE_CLAIMS = dict(zip(VEHICLE_KINDS, ("ministerial", "leaders", "confidential", "emergency", "law_enforcement",
                                           "special", "retired", "other"), strict=True))
_PREVIOUS_CLAIMS = {"上年机关运行经费": "operating_costs.previous", "上年收入总计": "income.total.previous",
                    "上年支出总计": "expenditure.total.previous", "上年一般公共预算支出": "general_public_budget.total.previous"}


def ordinal(n: int) -> str:
    """1 → 一, 12 → 十二, 23 → 二十三 (the 收支总表's 类 numbering)."""
    if n <= 10:
        return _NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return (_NUMERALS[tens - 1] if tens > 1 else "") + "十" + (_NUMERALS[ones - 1] if ones else "")


def money_text(value: Decimal) -> str:
    return f"{value:,.2f}" if value else ""


class Builder:
    """Builds one disclosure from the entries of one workbook."""

    def __init__(self, entries: Entries) -> None:
        self.e = entries
        self.source = entries.source
        self.year = entries.year

    def where(self, sheet: str, row: Row | None = None, column: str | None = None, kind: str | None = None) -> Provenance:
        return Provenance(self.source, page=None, line=row.get("_row") if row else None, table=sheet, kind=kind,
                          row=None, column=column)

    def amount(self, value: Decimal, where: Provenance | None = None) -> Amount:
        return Amount(value, money_text(value), where)

    def name(self, code: str, system: str) -> str:
        entry = codes.lookup(code, system, self.year)  # type: ignore[arg-type]
        return entry.name if entry else ""

    # -- the disclosure --------------------------------------------------------------------
    def build(self) -> Disclosure:
        e = self.e
        units = [str(r["单位名称"]).strip() for r in e.of("预算单位") if r.get("单位名称")]
        d = Disclosure(source=self.source, department=str(e.info.get("部门名称") or "").strip() or None,
                       year=self.year, kind=FINAL_ACCOUNTS if e.kind == "决算" else "预算",
                       money_unit=e.money_unit, units=units, format="xlsx")
        spending = e.of("支出")
        d.tables = [
            self.summary_table(spending),
            self.income_table(),
            self.spending_table("expenditure_summary", "支出总表", spending),
            self.fiscal_table(spending),
            self.spending_table("general_budget_expenditure", "一般公共预算支出表", self.fund(spending, 0)),
            self.basic_table(),
            self.spending_table("government_fund", "政府性基金预算支出表", self.fund(spending, 1)),
            self.spending_table("state_capital", "国有资本经营预算支出表", self.fund(spending, 2)),
            self.project_table(),
            self.procurement_table(),
        ]
        d.three_public = self.three_public()
        d.projects = self.projects()
        d.performance = self.performance(d.projects)
        d.narrative = self.narrative()
        return d

    @staticmethod
    def fund(rows: list[Row], index: int) -> list[Row]:
        return [r for r in rows if r.get("资金来源") == FUNDS[index]]

    # -- spending tables (支出总表, 一般公共预算支出表 …) ---------------------------------------
    def spending_table(self, kind: str, title: str, rows: list[Row]) -> StatementTable:
        """Code rows 类/款/项 summed over units and funds, under a 合计 row."""
        sums: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
        first: dict[str, Row] = {}
        for row in rows:
            code = row["功能分类科目"]
            values = self.spending_values(row)
            for part in (code[:3], code[:5], code):
                first.setdefault(part, row)
                for key, value in values.items():
                    sums[part][key] += value
        total = defaultdict(Decimal)
        for code, values in sums.items():
            if len(code) == 3:
                for key, value in values.items():
                    total[key] += value
        columns = ["total", "basic", "personnel", "public", "project"]
        items = [self.item("合计", total, columns, "total", self.where("支出", kind=kind))] if rows else []
        for code in sorted(sums, key=lambda c: (c[:3], c[:5], c)):
            level = {3: "类", 5: "款", 7: "项"}[len(code)]
            items.append(self.item(self.name(code, "functional"), sums[code], columns, level,
                                   self.where("支出", first[code], kind=kind), code=code))
        notes = [] if rows else [f"注：本部门{self.year or ''}年无{title.removesuffix('表')}安排，故本表为空表。"]
        return StatementTable(kind=kind, title=title, money_unit=self.e.money_unit, columns=columns, items=items, notes=notes)

    @staticmethod
    def spending_values(row: Row) -> dict[str, Decimal]:
        personnel, public, project = (row.get(k) or ZERO for k in ("人员经费", "公用经费", "项目支出"))
        basic = personnel + public
        return {"total": basic + project, "basic": basic, "personnel": personnel, "public": public, "project": project}

    def item(self, name: str, values: dict[str, Decimal], columns: Iterable[str], level: str, where: Provenance,
             code: str | None = None, unit: str | None = None, key: str | None = None, side: str | None = None) -> LineItem:
        return LineItem(name=name, code=code, level=level, unit=unit, key=key, side=side, where=where,
                        values={c: self.amount(values.get(c, ZERO), where.at(column=c)) for c in columns})

    # -- income (收入总表) ---------------------------------------------------------------------
    def income_by_unit(self) -> dict[str, dict[str, Decimal]]:
        out: dict[str, dict[str, Decimal]] = {}
        for row in self.e.of("收入"):
            unit = str(row["单位名称"])
            values = out.setdefault(unit, defaultdict(Decimal))
            for fund, key in zip(FUNDS, FUND_KEYS, strict=True):
                values[key] += row.get(f"本年{fund}") or ZERO
                values[f"carryover.{key}"] += row.get(f"上年结转{fund}") or ZERO
            values["current_year_total"] = sum((values[k] for k in FUND_KEYS), ZERO)
            values["carryover"] = sum((values[f"carryover.{k}"] for k in FUND_KEYS), ZERO)
            values["total"] = values["current_year_total"] + values["carryover"]
        return out

    def income_table(self) -> StatementTable:
        columns = ["total", "current_year_total", *FUND_KEYS, "carryover", *(f"carryover.{k}" for k in FUND_KEYS)]
        by_unit = self.income_by_unit()
        total: dict[str, Decimal] = defaultdict(Decimal)
        for values in by_unit.values():
            for key, value in values.items():
                total[key] += value
        where = self.where("收入", kind="income_summary")
        items = [self.item("合计", total, columns, "total", where)]
        unit_codes = {str(r.get("单位名称")): str(r.get("单位编码") or "") or None for r in self.e.of("预算单位")}
        for unit, values in by_unit.items():
            items.append(self.item(unit, values, columns, "unit", where, code=unit_codes.get(unit), unit=unit))
        return StatementTable(kind="income_summary", title="收入总表", money_unit=self.e.money_unit, columns=columns, items=items)

    def income_totals(self) -> dict[str, Decimal]:
        total: dict[str, Decimal] = defaultdict(Decimal)
        for values in self.income_by_unit().values():
            for key, value in values.items():
                total[key] += value
        return total

    # -- the two 总表 ----------------------------------------------------------------------------
    def class_sums(self, rows: list[Row]) -> dict[str, dict[str, Decimal]]:
        """类 → total by fund (``total`` and each fund key)."""
        out: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
        for row in rows:
            value = self.spending_values(row)["total"]
            fund = FUND_KEYS[FUNDS.index(row["资金来源"])]
            out[row["功能分类科目"][:3]]["total"] += value
            out[row["功能分类科目"][:3]][fund] += value
        return out

    def summary_table(self, spending: list[Row]) -> StatementTable:
        income = self.income_totals()
        where = self.where("收入", kind="income_expenditure_summary")
        labels = ("一般公共预算拨款收入", "政府性基金预算拨款收入", "国有资本经营预算拨款收入", "财政专户管理资金收入", "单位资金收入")
        items = [self.side_item(f"{ordinal(n)}、{label}", income[key], key, "income", where)
                 for n, (label, key) in enumerate(zip(labels, FUND_KEYS, strict=True), start=1)]
        classes = self.class_sums(spending)
        items += [self.side_item(f"{ordinal(n)}、{self.name(c, 'functional')}", classes[c]["total"], None, "expenditure",
                                 self.where("支出", kind="income_expenditure_summary"))
                  for n, c in enumerate(sorted(classes), start=1)]
        spent = sum((v["total"] for v in classes.values()), ZERO)
        grand = income["total"]
        items += [
            self.side_item("本年收入合计", income["current_year_total"], "current_year_total", "income", where),
            self.side_item("本年支出合计", spent, "current_year_total", "expenditure", where),
            self.side_item("上年结转结余", income["carryover"], "carryover_from_last_year", "income", where),
            self.side_item("年终结转结余", max(grand - spent, ZERO), "carryover_to_next_year", "expenditure", where),
            self.side_item("收入总计", grand, "grand_total", "income", where),
            self.side_item("支出总计", spent + max(grand - spent, ZERO), "grand_total", "expenditure", where),
        ]
        return StatementTable(kind="income_expenditure_summary", title="收支总表", money_unit=self.e.money_unit,
                              columns=["total"], items=items)

    def side_item(self, name: str, value: Decimal, key: str | None, side: str, where: Provenance,
                  extra: dict[str, Decimal] | None = None) -> LineItem:
        values = {"total": value, **(extra or {})}
        return LineItem(name=name, key=key, side=side, where=where,
                        values={k: self.amount(v, where.at(column=k)) for k, v in values.items()})

    def fiscal_table(self, spending: list[Row]) -> StatementTable:
        """财政拨款收支总表: the three 财政拨款 funds only."""
        income = self.income_totals()
        fiscal = FUND_KEYS[:3]
        where = self.where("收入", kind="fiscal_summary")
        labels = ("一般公共预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款")
        items = [self.side_item(f"（{ordinal(n)}）{label}", income[k], k, "income", where)
                 for n, (label, k) in enumerate(zip(labels, fiscal, strict=True), start=1)]
        rows = [r for r in spending if r.get("资金来源") in FUNDS[:3]]
        classes = self.class_sums(rows)
        out_where = self.where("支出", kind="fiscal_summary")
        items += [self.side_item(f"（{ordinal(n)}）{self.name(c, 'functional')}", classes[c]["total"], None, "expenditure",
                                 out_where, {k: classes[c][k] for k in fiscal})
                  for n, c in enumerate(sorted(classes), start=1)]
        current = sum((income[k] for k in fiscal), ZERO)
        carry = sum((income[f"carryover.{k}"] for k in fiscal), ZERO)
        spent = {k: sum((v[k] for v in classes.values()), ZERO) for k in ("total", *fiscal)}
        left = max(current + carry - spent["total"], ZERO)
        items += [
            self.side_item("本年收入", current, "current_year_total", "income", where),
            self.side_item("本年支出", spent["total"], "current_year_total", "expenditure", out_where,
                           {k: spent[k] for k in fiscal}),
            self.side_item("上年结转", carry, "carryover_from_last_year", "income", where),
            self.side_item("年终结转结余", left, "carryover_to_next_year", "expenditure", out_where),
            self.side_item("收入总计", current + carry, "grand_total", "income", where),
            self.side_item("支出总计", spent["total"] + left, "grand_total", "expenditure", out_where),
        ]
        return StatementTable(kind="fiscal_summary", title="财政拨款收支总表", money_unit=self.e.money_unit,
                              columns=["total", *fiscal], items=items)

    # -- 基本支出 by 经济分类 -------------------------------------------------------------------
    def basic_table(self) -> StatementTable:
        """一般公共预算基本支出表: 款 rows as typed (人员经费 | 公用经费), 类 and 合计 summed."""
        rows = [r for r in self.e.of("基本支出经济分类") if r.get("资金来源") == FUNDS[0]]
        sums: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
        first: dict[str, Row] = {}
        total: dict[str, Decimal] = defaultdict(Decimal)
        for row in rows:
            code = row["经济分类科目"]
            personnel, public = row.get("人员经费") or ZERO, row.get("公用经费") or ZERO
            for target in (sums[code[:3]], sums[code], total):
                target["personnel"] += personnel
                target["public"] += public
                target["total"] += personnel + public
            first.setdefault(code[:3], row)
            first.setdefault(code, row)
        columns = ["total", "personnel", "public"]
        where = self.where("基本支出经济分类", kind="general_budget_basic")
        items = [self.item("合计", total, columns, "total", where)]
        for code in sorted(sums):
            items.append(self.item(self.name(code, "economic_department"), sums[code], columns,
                                   "类" if len(code) == 3 else "款", self.where("基本支出经济分类", first[code]), code=code))
        return StatementTable(kind="general_budget_basic", title="一般公共预算基本支出表", money_unit=self.e.money_unit,
                              columns=columns, items=items)

    # -- 三公, projects, performance, procurement --------------------------------------------
    def three_public(self) -> ThreePublic | None:
        rows = {r["项目"]: r for r in self.e.of("三公经费")}
        if not rows:
            return None

        def period(column: str) -> dict[str, Amount]:
            get = {item: (rows.get(item, {}).get(column) or ZERO) for item in ("因公出国（境）费", "公务用车购置费", "公务用车运行费", "公务接待费")}
            where = self.where("三公经费", column=column, kind="three_public")
            vehicle = get["公务用车购置费"] + get["公务用车运行费"]
            values = {"outbound": get["因公出国（境）费"], "vehicle_purchase": get["公务用车购置费"],
                      "vehicle_operation": get["公务用车运行费"], "vehicle_total": vehicle, "reception": get["公务接待费"],
                      "total": get["因公出国（境）费"] + vehicle + get["公务接待费"]}
            return {k: self.amount(v, where.at(row=k)) for k, v in values.items()}

        previous = period("上年数") if any(r.get("上年数") is not None for r in rows.values()) else {}
        return ThreePublic(current=period("本年数"), previous=previous, money_unit=self.e.money_unit, table="三公经费")

    def project_table(self) -> StatementTable:
        rows = self.e.of("项目")
        columns = ["total", "current_year_total", *FUND_KEYS, "carryover"]

        def values(row: Row) -> dict[str, Decimal]:
            current, carry = row.get("本年金额") or ZERO, row.get("上年结转") or ZERO
            fund = FUND_KEYS[FUNDS.index(row["资金来源"])]
            return {"total": current + carry, "current_year_total": current, fund: current, "carryover": carry}

        by_unit: dict[str, list[Row]] = defaultdict(list)
        for row in rows:
            by_unit[str(row["单位名称"])].append(row)
        where = self.where("项目", kind="project_expenditure")
        total: dict[str, Decimal] = defaultdict(Decimal)
        body: list[LineItem] = []
        for unit, members in by_unit.items():
            subtotal: dict[str, Decimal] = defaultdict(Decimal)
            for row in members:
                for k, v in values(row).items():
                    subtotal[k] += v
                    total[k] += v
            body.append(self.item(unit, subtotal, columns, "unit", where, unit=unit))
            body += [self.item(str(r["项目名称"]), values(r), columns, "item", self.where("项目", r), unit=unit) for r in members]
        items = [self.item("合计", total, columns, "total", where), *body] if rows else []
        return StatementTable(kind="project_expenditure", title="项目支出表", money_unit=self.e.money_unit,
                              columns=columns, items=items,
                              notes=[] if rows else ["注：本部门无项目支出，故本表为空表。"])

    def projects(self) -> list[Project]:
        out = []
        for row in self.e.of("项目"):
            where = self.where("项目", row, "本年金额", "project_expenditure")
            amount = (row.get("本年金额") or ZERO) + (row.get("上年结转") or ZERO)
            out.append(Project(name=str(row["项目名称"]), amount=self.amount(amount, where), unit=str(row["单位名称"]),
                               content=row.get("项目内容") or None, where=where))
        return out

    def performance(self, projects: list[Project]) -> list[PerformanceTarget]:
        by_name = {p.name: p for p in projects}
        targets: dict[str, PerformanceTarget] = {}
        for row in self.e.of("绩效目标"):
            name = str(row["项目名称"])
            project = by_name.get(name)
            target = targets.get(name)
            if target is None:
                target = targets[name] = PerformanceTarget(
                    scope="project", name=name, unit=project.unit if project else None,
                    amount=project.amount if project else None, goal=row.get("年度目标") or None,
                    where=self.where("绩效目标", row, kind="performance_project"))
            if row.get("三级指标"):
                target.indicators.append(Indicator(
                    level1=row.get("一级指标") or None, level2=row.get("二级指标") or None, name=str(row["三级指标"]),
                    operator=row.get("运算符") or None, value=_text(row.get("指标值")), unit=row.get("度量单位") or None,
                    where=self.where("绩效目标", row)))
        return list(targets.values())

    def procurement_table(self) -> StatementTable:
        rows = self.e.of("政府采购")
        where = self.where("政府采购", kind="procurement")
        totals = {k: sum((r.get("金额") or ZERO for r in rows if r["采购类别"] == k), ZERO) for k in PROCUREMENT_KINDS}
        items = [self.item("合计", {"total": sum(totals.values(), ZERO)}, ["total"], "total", where)]
        for kind, key in zip(PROCUREMENT_KINDS, ("goods", "works", "services"), strict=True):
            items.append(self.item(kind, {"total": totals[kind]}, ["total"], "category", where, key=key))
            items += [self.item(str(r.get("采购项目") or kind), {"total": r.get("金额") or ZERO}, ["total"], "item",
                                self.where("政府采购", r)) for r in rows if r["采购类别"] == kind]
        return StatementTable(kind="procurement", title="政府采购预算表", money_unit=self.e.money_unit, columns=["total"],
                              items=items if rows else [], notes=[] if rows else ["注：本部门无政府采购预算，故本表为空表。"])

    # -- the text a person gave, and the figures only text states -----------------------------------
    def narrative(self) -> Narrative:
        e = self.e
        sections = [NarrativeSection(title, str(e.info[key]).strip())
                    for title, key in (("一、主要职责", "主要职责"), ("二、机构设置", "机构设置")) if e.info.get(key)]
        figures: list[NarrativeFigure] = []
        unit = e.money_unit

        def figure(claim: str, value: Decimal, printed_unit: str | None, sheet: str, row: Row) -> None:
            figures.append(NarrativeFigure(claim, value, str(value), printed_unit, f"{sheet}：{claim}",
                                           self.where(sheet, row, kind="narrative")))

        for row in e.of("其他数字"):
            if row.get("金额") is None:
                continue
            claim = "operating_costs" if row["项目"] == "机关运行经费" else _PREVIOUS_CLAIMS.get(row["项目"])
            if claim:
                figure(claim, row["金额"], unit, "其他数字", row)
        assets = e.of("资产")
        if assets:
            figure("vehicles.count", sum((r.get("实有数") or ZERO for r in assets), ZERO), "辆", "资产", assets[0])
            for row in assets:
                figure(f"vehicles.{_VEHICLE_CLAIMS[row['车辆类别']]}", row.get("实有数") or ZERO, "辆", "资产", row)
        purchase = e.of("政府采购")
        if purchase:
            parts = {k: sum((r.get("金额") or ZERO for r in purchase if r["采购类别"] == k), ZERO) for k in PROCUREMENT_KINDS}
            figure("procurement.total", sum(parts.values(), ZERO), unit, "政府采购", purchase[0])
            for kind, key in zip(PROCUREMENT_KINDS, ("goods", "works", "services"), strict=True):
                figure(f"procurement.{key}", parts[kind], unit, "政府采购", purchase[0])
        reasons = {_TOPIC_CLAIMS[r["事项"]]: str(r["原因"]).strip() for r in e.of("变化原因") if r.get("原因")}
        return Narrative(sections=sections, figures=figures, reasons=reasons)


def _text(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def build(entries: Entries) -> Disclosure:
    """The disclosure the entries describe."""
    return Builder(entries).build()
