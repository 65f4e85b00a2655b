"""情况说明 from the figures: sentences built from templates, no language model.

Every figure quoted is one the tables print (or, for what only text states — 机关运行经费, 政府采购,
车辆 — what the model's text stated), so the text agrees with the tables by construction. What only
a person can say is a marked slot, 【待填写】: a reason for a year-on-year change larger than the
template's threshold (default 10 %), or a figure the model does not have. An unfilled slot is a
finding (rule ``text.unfilled_slot``) and stops publishing unless forced.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from yusuan.publish.document import SLOT, Section
from yusuan.publish.facts import Facts
from yusuan.publish.numbers import money_text, needed_decimals

HUNDRED = Decimal(100)
_VEHICLE_KINDS = (
    ("vehicles.ministerial", "部级领导干部用车"), ("vehicles.leaders", "主要领导干部用车"),
    ("vehicles.confidential", "机要通信用车"), ("vehicles.emergency", "应急保障用车"),
    ("vehicles.law_enforcement", "执法执勤用车"), ("vehicles.special", "特种专业技术用车"),
    ("vehicles.retired", "离退休干部用车"), ("vehicles.other", "其他用车"),
)


def amount(value: Decimal, unit: str) -> str:
    """'103,600.23万元': the figure with as many decimals as it needs (at least 2)."""
    return money_text(value, needed_decimals([value], 2), True, "0.00") + unit


class Writer:
    """Builds the sentences of one document's 情况说明 from its :class:`Facts`."""

    def __init__(self, facts: Facts, year: int | None, kind_word: str, threshold: Decimal) -> None:
        self.facts = facts
        self.year = year
        self.kind = kind_word
        self.noun = "预算" if kind_word == "预算" else "支出"  # '三公经费预算' / '三公经费支出' (决算)
        self.threshold = threshold

    @property
    def unit(self) -> str:
        return self.facts.unit

    def money(self, claim: str, label: str) -> str | None:
        """'label X万元' for a figure the model has (None otherwise)."""
        value = self.facts.now(claim)
        return None if value is None else f"{label}{amount(value, self.unit)}"

    def change(self, claim: str, label: str) -> str:
        """'，比上年<label>X万元增加Y万元，增长Z%' (+ '。主要原因是…' above the threshold); '' without last year."""
        now, before = self.facts.now(claim), self.facts.before(claim)
        if now is None or before is None:
            return ""
        delta = now - before
        if delta == 0:
            return "，与上年持平"
        word, trend = ("增加", "增长") if delta > 0 else ("减少", "下降")
        text = f"，比上年{label}{amount(before, self.unit)}{word}{amount(abs(delta), self.unit)}"
        if before != 0:
            pct = (abs(delta) / before * HUNDRED).quantize(Decimal("0.01"), ROUND_HALF_UP)
            text += f"，{trend}{pct}%"
        if before == 0 or abs(delta) / before * HUNDRED > self.threshold:
            text += f"。主要原因是{self.facts.reason(claim) or SLOT}"
        return text

    def overall(self, department: str) -> Section:
        """一、收支总体情况."""
        y = f"{self.year}年" if self.year else "本年"
        income = [s for s in (
            self.money("income.current_year", "本年收入"),
            self.money("income.carryover", "上年结转结余"),
        ) if s]
        sources = [s for s in (
            self.money("revenue.general_public_budget", "一般公共预算拨款收入"),
            self.money("revenue.government_fund", "政府性基金预算拨款收入"),
            self.money("revenue.state_capital", "国有资本经营预算拨款收入"),
            self.money("revenue.fiscal_special_account", "财政专户管理资金收入"),
            self.money("revenue.unit_funds", "单位资金收入"),
        ) if s]
        paragraphs = []
        total = self.money("income.total", "收入总计")
        if total:
            text = f"{y}{department}{total}{self.change('income.total', '收入总计')}"
            text += f"。其中：{'，'.join(income)}" if income else ""
            paragraphs.append(text + "。" + (f"本年收入中，{'，'.join(sources)}。" if sources else ""))
        spend = self.money("expenditure.total", "支出总计")
        if spend:
            parts = [s for s in (
                self.money("expenditure.current_year", "本年支出"),
                self.money("expenditure.carryover", "年终结转结余"),
            ) if s]
            uses = [s for s in (
                self.money("expenditure.basic", "基本支出"),
                self.money("expenditure.project", "项目支出"),
            ) if s]
            staff = [s for s in (
                self.money("expenditure.personnel", "人员经费"),
                self.money("expenditure.public", "公用经费"),
            ) if s]
            text = f"{y}{spend}{self.change('expenditure.total', '支出总计')}"
            text += f"。其中：{'，'.join(parts)}" if parts else ""
            text += "。" + (f"本年支出中，{'，'.join(uses)}。" if uses else "")
            text += f"基本支出中，{'，'.join(staff)}。" if staff and uses else ""
            paragraphs.append(text)
        return Section(f"一、关于{department}{y}{self.kind}收支的总体说明", paragraphs or [f"{y}收支{SLOT}。"])

    def general_budget(self, classes: list[tuple[str, Decimal]]) -> Section | None:
        """二、一般公共预算支出: total, basic, and the share of each 功能分类 类."""
        total = self.facts.now("general_public_budget.total")
        if total is None:
            return None
        y = f"{self.year}年" if self.year else "本年"
        text = f"{y}一般公共预算支出{amount(total, self.unit)}"
        basic = self.facts.now("general_public_budget.basic")
        if basic is not None:
            text += f"，其中一般公共预算基本支出{amount(basic, self.unit)}"
        paragraphs = [text + "。"]
        if classes and total:
            shares = [f"{name}{amount(value, self.unit)}，占{(value / total * HUNDRED).quantize(Decimal('0.01'), ROUND_HALF_UP)}%"
                      for name, value in classes]
            paragraphs.append("按支出功能分类科目，" + "；".join(shares) + "。")
        return Section(f"二、关于一般公共预算{self.kind}支出的说明", paragraphs)

    def three_public(self) -> Section:
        """三、“三公”经费: total, parts, changes (reasons above the threshold)."""
        y = f"{self.year}年" if self.year else "本年"
        total = self.money("three_public.total", f"“三公”经费{self.noun}")
        if not total:
            return Section(f"三、关于“三公”经费{self.kind}的说明", [f"{y}“三公”经费{self.noun}{SLOT}万元。"])
        parts = []
        for claim, label in (
            ("three_public.outbound", "因公出国（境）费"),
            ("three_public.vehicle_total", "公务用车购置及运行费"),
            ("three_public.reception", "公务接待费"),
        ):
            part = self.money(claim, label)
            if part:
                parts.append(part + self.change(claim, label))
        text = f"{y}{total}{self.change('three_public.total', '“三公”经费')}。"
        if parts:
            text += "其中：" + "；".join(parts) + "。"
        vehicle = [p for p in (
            self.money("three_public.vehicle_purchase", "公务用车购置费"),
            self.money("three_public.vehicle_operation", "公务用车运行费"),
        ) if p]
        if vehicle:
            text += "公务用车购置及运行费中，" + "，".join(vehicle) + "。"
        return Section(f"三、关于“三公”经费{self.kind}的说明", [text])

    def operating_costs(self) -> Section:
        y = f"{self.year}年" if self.year else "本年"
        stated = self.money("operating_costs", f"机关运行经费{self.noun}")
        text = f"{y}{stated}{self.change('operating_costs', '机关运行经费')}。" if stated else f"{y}机关运行经费{self.noun}{SLOT}万元。"
        return Section("（一）机关运行经费", [text], level=3)

    def procurement(self) -> Section:
        y = f"{self.year}年" if self.year else "本年"
        total = self.facts.now("procurement.total")
        if total is None:
            return Section("（二）政府采购情况", [f"{y}政府采购{self.noun}总额{SLOT}万元。"], level=3)
        parts = [f"{label}{amount(v, self.unit)}" for claim, label in (
            ("procurement.goods", "政府采购货物预算"), ("procurement.works", "政府采购工程预算"),
            ("procurement.services", "政府采购服务预算"),
        ) if (v := self.facts.stated(claim)) is not None]
        text = f"{y}政府采购{self.noun}总额{amount(total, self.unit)}" + (f"，其中：{'、'.join(parts)}" if parts else "")
        return Section("（二）政府采购情况", [text + "。"], level=3)

    def assets(self) -> Section:
        count = self.facts.stated("vehicles.count")
        if count is None:
            return Section("（三）国有资产占有使用情况", [f"截至上年底，共有车辆{SLOT}辆。"], level=3)
        kinds = [f"{label}{v}辆" for claim, label in _VEHICLE_KINDS if (v := self.facts.stated(claim)) is not None]
        text = f"截至上年底，共有车辆{count}辆" + (f"，其中：{'、'.join(kinds)}" if kinds else "") + "。"
        return Section("（三）国有资产占有使用情况", [text], level=3)

    def performance(self, projects: int, funds: Decimal | None, listed: list[tuple[str, Decimal]] | None = None) -> Section:
        """（四）绩效目标: how many projects carry targets and their funds; projects the text alone names
        (no 项目支出表, no 绩效目标表) are listed by name and amount."""
        if listed:
            projects, funds = len(listed), self.facts.stated("performance.funds")
            funds = sum((v for _, v in listed), Decimal(0)) if funds is None else funds
        elif projects == 0:
            stated = self.facts.stated("performance.projects")
            if stated is None:
                return Section("（四）绩效目标设置情况", [f"编报绩效目标的项目{SLOT}个。"], level=3)
            projects = int(stated)
            funds = self.facts.stated("performance.funds")
        text = f"按照预算绩效管理工作的要求，编报绩效目标的项目共{projects}个"
        text += f"，涉及项目预算资金{amount(funds, self.unit)}。" if funds is not None else "。"
        if listed:
            text += "其中：" + "，".join(f"{name}{amount(v, self.unit)}" for name, v in listed) + "。"
        return Section("（四）绩效目标设置情况", [text], level=3)
