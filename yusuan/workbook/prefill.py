"""A model → the entries of a budget-entry workbook (``yusuan template --from``).

From this year's tables the leaves are copied as they are; from last year's document they are
the starting point a department updates, and last year's totals, 三公 and 机关运行经费 become the
上年数 the 情况说明 compares with. What the model cannot say (人员经费 vs 公用经费 where a table
prints only 基本支出, the fund of spending outside 财政拨款) is put where a person will look:
人员经费 and 单位资金, named in the instructions sheet.
"""

from __future__ import annotations

import re
from decimal import Decimal

import yusuan
from yusuan.model import Disclosure, LineItem, StatementTable
from yusuan.money import convert
from yusuan.publish.derive import with_basic_split
from yusuan.publish.facts import reasons_from_text
from yusuan.publish.overview import source_paragraphs
from yusuan.workbook.build import ZERO
from yusuan.workbook.entries import Entries, Row
from yusuan.workbook.sheets import FUND_KEYS, FUNDS

_DUTIES = re.compile(r"职责|职能")
_STOP = re.compile(r"机构设置|第[二三四五六七八九]部分|情况说明|名词解释|编制说明")
_VEHICLES = {"ministerial": "部级领导干部用车", "leaders": "主要领导干部用车", "confidential": "机要通信用车",
             "emergency": "应急保障用车", "law_enforcement": "执法执勤用车", "special": "特种专业技术用车",
             "retired": "离退休干部用车", "other": "其他用车"}
_REASONS = {"income.total": "收入总计", "expenditure.total": "支出总计", "three_public.total": "“三公”经费",
            "three_public.outbound": "因公出国（境）费", "three_public.vehicle_total": "公务用车购置及运行费",
            "three_public.reception": "公务接待费", "operating_costs": "机关运行经费"}


def prefill(d: Disclosure, kind: str, year: int) -> Entries:
    """Entries for a ``kind`` workbook of ``year`` pre-filled from ``d``."""
    last_year = d.year is not None and d.year < year
    e = Entries(source="budget.xlsx")
    e.info = {"部门名称": d.department or "", "年度": year, "类型": kind, "金额单位": d.money_unit,
              "主要职责": "\n".join(source_paragraphs(d.narrative, _DUTIES, _STOP)), "机构设置": ""}
    units = d.units or [d.department or "本级"]
    e.rows["预算单位"] = [{"单位编码": _unit_code(d, u), "单位名称": u} for u in units]
    e.rows["收入"] = _income(d, units)
    e.rows["支出"] = _spending(d, units[0])
    e.rows["基本支出经济分类"] = _basic(d, units)
    e.rows["三公经费"] = _three_public(d, last_year)
    e.rows["项目"] = [
        {"单位名称": p.unit if p.unit in units else units[0], "项目名称": p.name, "项目内容": p.content,
         "资金来源": _fund_of(p.sources), "本年金额": p.amount.value if p.amount else ZERO, "上年结转": None}
        for p in d.projects
    ]
    e.rows["绩效目标"] = _indicators(d)
    e.rows["政府采购"] = _procurement(d)
    e.rows["资产"] = [{"车辆类别": label, "实有数": f.value, "拟购置数": None}
                    for key, label in _VEHICLES.items() if (f := d.narrative.figure(f"vehicles.{key}")) is not None]
    e.rows["其他数字"] = _others(d, last_year)
    e.rows["变化原因"] = [{"事项": _REASONS[k], "原因": v} for k, v in reasons_from_text(d.narrative).items() if k in _REASONS]
    return e


def _basic(d: Disclosure, units: list[str]) -> list[Row]:
    """款 rows of the 基本支出表 with their 人员经费/公用经费 (by 类 where the table prints only 合计)."""
    rows: list[Row] = []
    for table in d.tables_of("general_budget_basic"):
        for item in (i for i in with_basic_split(table).items if i.level == "款" and i.code and len(i.code) == 5):
            rows.append({"单位名称": item.unit if item.unit in units else units[0], "经济分类科目": item.code,
                         "资金来源": FUNDS[0], "人员经费": item.get("personnel"), "公用经费": item.get("public")})
    return rows


def _indicators(d: Disclosure) -> list[Row]:
    rows: list[Row] = []
    for target in (t for t in d.performance if t.scope == "project"):
        first = {"项目名称": target.name, "年度目标": target.goal}
        if not target.indicators:
            rows.append(first)
        for n, ind in enumerate(target.indicators):
            operator = ind.operator if ind.operator in (">=", "<=", "=", ">", "<") else None
            rows.append({**(first if n == 0 else {"项目名称": target.name}), "一级指标": ind.level1, "二级指标": ind.level2,
                         "三级指标": ind.name, "运算符": operator, "指标值": ind.value, "度量单位": ind.unit})
    return rows


def _unit_code(d: Disclosure, unit: str) -> str | None:
    for table in d.tables:
        for item in table.items:
            if item.level == "unit" and (item.unit or item.name) == unit and item.code:
                return item.code
    return None


def _fund_of(sources: dict) -> str:  # type: ignore[type-arg]
    for key, fund in zip(FUND_KEYS, FUNDS, strict=True):
        amount = sources.get(key)
        if amount is not None and amount.value:
            return fund
    return FUNDS[0]


def _income(d: Disclosure, units: list[str]) -> list[Row]:
    table = d.table("income_summary")
    unit_rows = [i for i in table.items if i.level == "unit"] if table else []
    if unit_rows and any(k in unit_rows[0].values for k in FUND_KEYS):
        return [_income_row(i.unit or i.name, i) for i in unit_rows if (i.unit or i.name) in units] or [_income_row(units[0], unit_rows[0])]
    revenue = yusuan.summary(d)["revenue"]
    row: Row = {"单位名称": units[0]}
    for fund, key in zip(FUNDS, FUND_KEYS, strict=True):
        row[f"本年{fund}"] = revenue.get(key)
    row[f"上年结转{FUNDS[0]}"] = revenue.get("carryover_from_last_year")
    return [row]


def _income_row(unit: str, item: LineItem) -> Row:
    row: Row = {"单位名称": unit}
    for fund, key in zip(FUNDS, FUND_KEYS, strict=True):
        row[f"本年{fund}"] = item.get(key)
        row[f"上年结转{fund}"] = item.get(f"carryover.{key}")
    return row


def _spending(d: Disclosure, first_unit: str) -> list[Row]:
    """项 × unit × fund rows: the 财政拨款 tables by fund, the rest of the 支出总表 as 单位资金."""
    rows: list[Row] = []
    covered: dict[tuple[str | None, str], Decimal] = {}
    for kind, fund in (("general_budget_expenditure", FUNDS[0]), ("government_fund", FUNDS[1]), ("state_capital", FUNDS[2])):
        for item in _items(d.table(kind)):
            rows.append(_spending_row(item, fund, first_unit))
            key = (item.unit, item.code or "")
            covered[key] = covered.get(key, ZERO) + (item.get("total") or ZERO)
    for item in _items(d.table("expenditure_summary")):
        rest = (item.get("total") or ZERO) - covered.get((item.unit, item.code or ""), ZERO)
        if rest > 0:
            share = rest / (item.get("total") or rest)
            rows.append(_spending_row(item, FUNDS[4], first_unit, share))
    return rows


def _items(table: StatementTable | None) -> list[LineItem]:
    if table is None:
        return []
    rows = [i for i in table.items if i.level == "项" and i.code and len(i.code) == 7]
    top = [i for i in rows if i.unit is None]
    return top or rows


def _spending_row(item: LineItem, fund: str, first_unit: str, share: Decimal = Decimal(1)) -> Row:
    basic, personnel, public, project = (item.get(k) for k in ("basic", "personnel", "public", "project"))
    if personnel is None and public is None:
        personnel = basic  # only 基本支出 printed: a person splits it (instructions sheet)
    return {"单位名称": item.unit or first_unit, "功能分类科目": item.code, "资金来源": fund,
            "人员经费": _part(personnel, share), "公用经费": _part(public, share), "项目支出": _part(project, share)}


def _part(value: Decimal | None, share: Decimal) -> Decimal | None:
    if value is None:
        return None
    return value if share == 1 else (value * share).quantize(Decimal("0.01"))


def _three_public(d: Disclosure, last_year: bool) -> list[Row]:
    tp = d.three_public
    if tp is None or not tp.current:
        return []
    keys = (("因公出国（境）费", "outbound"), ("公务用车购置费", "vehicle_purchase"), ("公务用车运行费", "vehicle_operation"),
            ("公务接待费", "reception"))

    def get(period: dict, key: str) -> Decimal | None:  # type: ignore[type-arg]
        amount = period.get(key)
        return None if amount is None else _in_model_unit(d, amount.value, tp.money_unit or d.money_unit)

    if last_year:
        return [{"项目": label, "本年数": None, "上年数": get(tp.current, key)} for label, key in keys]
    return [{"项目": label, "本年数": get(tp.current, key), "上年数": get(tp.previous, key)} for label, key in keys]


def _procurement(d: Disclosure) -> list[Row]:
    rows = []
    for key, kind in (("goods", "货物"), ("works", "工程"), ("services", "服务")):
        figure = d.narrative.figure(f"procurement.{key}")
        if figure is not None:
            rows.append({"采购类别": kind, "采购项目": f"{kind}类采购", "金额": _in_model_unit(d, figure.value, figure.unit)})
    return rows


def _in_model_unit(d: Disclosure, value: Decimal, unit: str | None) -> Decimal:
    return convert(value, unit, d.money_unit) if unit in ("元", "万元", "亿元") else value


def _others(d: Disclosure, last_year: bool) -> list[Row]:
    summary = yusuan.summary(d)
    if last_year:
        pairs = (("上年机关运行经费", summary.get("operating_costs")),
                 ("上年收入总计", summary["revenue"].get("grand_total")),
                 ("上年支出总计", summary["expenditure"].get("grand_total")),
                 ("上年一般公共预算支出", summary["general_public_budget_expenditure"].get("total")))
    else:
        previous = {c: d.narrative.figure(f"{c}.previous") for c in ("operating_costs", "income.total", "expenditure.total")}
        pairs = (("机关运行经费", summary.get("operating_costs")),
                 *((label, _in_model_unit(d, f.value, f.unit)) for label, f in (
                     ("上年机关运行经费", previous["operating_costs"]), ("上年收入总计", previous["income.total"]),
                     ("上年支出总计", previous["expenditure.total"])) if f is not None))
    return [{"项目": name, "金额": value} for name, value in pairs if value is not None]
