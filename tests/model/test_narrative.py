"""情况说明: sections, glossary and the claims read from sentences (claims.yaml)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import EXAMPLES
from tests.model.textlines import lines_of
from yusuan.model.narrative import heading_level, read_narrative
from yusuan.pipeline import read

TEXT = """第三部分 某市某某局 2030 年部门预算情况说明

一、关于 2030 年收支预算的总体说明

某市某某局 2030 年收支总预算 1,200.50 万元，比 2029 年收支总预算 1,000.00 万元增加 200.50 万元。

二、关于 2030 年“三公”经费预算支出情况说明

2030 年“三公”经费预算数 30.00 万元，其中：因公出国（境）费 5.00 万元；公务用车购置及运行费 20 万元；公务接待费 5 万
元。2030 年预算数比 2029 年预算数减少 2.5 万元，其中：因公出国（境）费与上年持平；公务接待费比 2029 年
预算数增加 0.50 万元。

三、其他重要事项的情况说明

(一) 机关运行经费安排情况。

2030 年机关运行经费财政拨款预算 88.10 万元，比 2029 年预算减少 3.20 万元，下降 3.50%。

(二) 政府采购预算安排情况。

2030 年政府采购预算总额 12.00 万元，其中：政府采购货物预算 2.00 万元、政府采购工程预算 0 万元、政府采购服务预算 10.00 万元。

(三) 国有资产占有使用情况。

截至 2029 年 8 月 31 日，共有车辆 3 辆，其中：一般公务用车 2 辆、其他用车 1 辆。单位价值 200 万元以上大型设备 0 台（套）。

(四) 绩效目标设置情况。

实际编制绩效目标的特定目标类项目共 9 个，编制特定目标类项目绩效目标覆盖率为 100%。本部门无政府性基金预算支出。

第四部分 名词解释

1. 财政拨款收入：指市级财政当年拨付的资金。

2. 机关运行经费：为保障行政单位运行用于购买货物和服务的各项资金，
包括办公及印刷费、邮电费。
"""


@pytest.fixture(scope="module")
def narrative():
    return read_narrative(lines_of(TEXT), "x.txt", codes=[("208", "社会保障和就业支出")])


def _claims(narrative) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for f in narrative.figures:
        out.setdefault(f.claim, f.value)
    return out


def test_claims_read_from_sentences(narrative) -> None:
    claims = _claims(narrative)
    assert claims["income.total"] == Decimal("1200.50")
    assert claims["income.total.previous"] == Decimal("1000.00")
    assert claims["income.total.change"] == Decimal("200.50")
    assert claims["three_public.total"] == Decimal("30.00")
    assert claims["three_public.outbound"] == Decimal("5.00")
    assert claims["three_public.vehicle_total"] == Decimal("20")
    assert claims["three_public.reception"] == Decimal("5")
    assert claims["three_public.total.change"] == Decimal("-2.5")
    assert claims["three_public.outbound.change"] == 0
    assert claims["three_public.reception.change"] == Decimal("0.50")
    assert claims["operating_costs"] == Decimal("88.10")
    assert claims["operating_costs.change"] == Decimal("-3.20")
    assert claims["operating_costs.change_pct"] == Decimal("-3.50")
    assert claims["procurement.total"] == Decimal("12.00")
    assert claims["procurement.goods"] == Decimal("2.00")
    assert claims["procurement.works"] == 0
    assert claims["procurement.services"] == Decimal("10.00")
    assert claims["vehicles.count"] == 3
    assert claims["vehicles.general"] == 2
    assert claims["vehicles.other"] == 1
    assert claims["performance.projects"] == 9
    assert claims["performance.coverage"] == 100
    assert claims["government_fund.total"] == 0
    assert not any(f.claim.startswith("vehicles") and f.unit == "万元" for f in narrative.figures)


def test_figure_keeps_sentence_unit_and_line(narrative) -> None:
    figure = narrative.figure("operating_costs")
    assert figure is not None
    assert figure.unit == "万元" and figure.text == "88.10万元"
    assert "机关运行经费" in figure.sentence
    assert figure.where is not None and figure.where.line == 17


def test_glossary_and_sections(narrative) -> None:
    assert narrative.glossary["财政拨款收入"] == "指市级财政当年拨付的资金。"
    assert narrative.glossary["机关运行经费"].endswith("包括办公及印刷费、邮电费。")
    titles = [s.title for s in narrative.sections]
    assert "(一) 机关运行经费安排情况。" in titles
    assert not any(f.claim == "operating_costs" and "指" in f.sentence for f in narrative.figures)


def test_function_path_claims_with_codes() -> None:
    text = """（二）一般公共预算财政拨款支出情况。
按支出功能分类科目分，包括：1.社会保障和就业支出 3,510.10万元，具体包括：
（1）社会保障和就业支出（类）行政事业单位养老支出（款）
行政单位离退休（项）2,373.01 万元，主要是离退休干部人员经
费及公用经费等支出，完成年初预算的 99.15%。
"""
    codes = [("208", "社会保障和就业支出"), ("20805", "行政事业单位养老支出"), ("2080501", "行政单位离退休")]
    claims = _claims(read_narrative(lines_of(text), "x.txt", codes))
    assert claims["function_class:208"] == Decimal("3510.10")
    assert claims["function:2080501"] == Decimal("2373.01")
    assert claims["function:2080501.completion_pct"] == Decimal("99.15")
    assert not any(c.startswith("expenditure.public") for c in claims)


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("第四部分 名词解释", 0),
        ("二、机构设置", 1),
        ("(一) 机关运行经费安排情况。", 2),
        ("1、收入说明", 3),
        ("（1）社会保障和就业支出（类）", 4),
        ("1.财政拨款收入 34,963.73 万元，占收入总计的 97.24%。其", None),
        ("2025 年预算收入 1186.91 万元", None),
    ],
)
def test_heading_level(line: str, level: int | None) -> None:
    assert heading_level(line) == level


# Figures read by hand in each seed's 情况说明 (claim → value as printed).
SEED_CLAIMS = {
    "001_f756e9a8bddbf743.txt": {
        "income.total": "103600.23",
        "income.total.change": "20194.63",
        "three_public.total": "86.35",
        "three_public.total.change": "-22.3",
        "three_public.outbound.change": "-0.33",
        "three_public.vehicle_total.change": "-22",
        "three_public.reception.change": "0.03",
        "operating_costs": "388.03",
        "operating_costs.change": "-3.22",
        "operating_costs.change_pct": "-0.82",
        "procurement.total": "0",
        "vehicles.count": "12",
        "performance.projects": "57",
        "performance.coverage": "100",
    },
    "002_df00543b5fb556ea.txt": {
        "income.total": "1186.91",
        "general_public_budget.total": "1076.91",
        "state_capital.total": "10.00",
        "income.carryover": "100.00",
        "expenditure.basic": "307.09",
        "expenditure.personnel": "285.22",
        "expenditure.public": "21.87",
        "expenditure.project": "879.82",
        "income.total.change": "-282.64",
        "expenditure.basic.change": "34.38",
        "expenditure.project.change": "-317.02",
        "operating_costs": "21.87",
        "three_public.total": "1.0",
        "three_public.vehicle_operation": "1.0",
        "three_public.total.change": "0",
    },
    "004_307b00c8d6f72425.txt": {
        "income.total": "35955.78",
        "income.total.change": "6714.05",
        "income.total.change_pct": "22.96",
        "expenditure.total": "33951.97",
        "expenditure.project": "25700.27",
        "fiscal.total.completion_pct": "241.02",
        "function_class:208": "3510.10",
        "function:2080501": "2373.01",
        "function:2080501.completion_pct": "99.15",
        "function:2150599": "862.05",
        "function:2230199": "1.04",
        "three_public.total": "24.03",
        "three_public.total.completion_pct": "77.52",
        "three_public.reception": "2.32",
        "three_public.reception.change": "0.82",
        "three_public.reception.change_pct": "54.80",
        "three_public.vehicle_total": "21.71",
        "three_public.vehicle_operation": "21.71",
        "operating_costs": "913.38",
        "operating_costs.change": "-109.31",
        "operating_costs.change_pct": "-10.69",
        "procurement.total": "7477.33",
        "procurement.goods": "4263.83",
        "procurement.services": "3213.50",
        "vehicles.count": "85",
        "vehicles.special": "70",
        "performance.projects": "18",
        "performance.coverage": "100",
    },
}


@pytest.mark.parametrize("seed", sorted(SEED_CLAIMS))
def test_seed_narrative_claims(seed: str) -> None:
    path = EXAMPLES / seed
    if not path.exists():
        pytest.skip(f"{path} is absent")
    figures = read(path).narrative.figures
    found = {}
    for f in figures:
        found.setdefault(f.claim, f.value)
    wrong = {c: (v, found.get(c)) for c, v in SEED_CLAIMS[seed].items() if found.get(c) != Decimal(v)}
    assert not wrong, wrong


def test_seed_without_narrative_has_no_figures() -> None:
    path = EXAMPLES / "000_87792da19c622395.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    assert read(path).narrative.figures == []


def test_continuation_sentence_scoped_parts_and_fund_wording() -> None:
    text = """一、2031年“三公”经费预算情况说明
2031年“三公”经费预算数为1.35万元。其中：
（一）公务接待费1.35万元。比2030年预算持平，主要原因是保持不变。
二、其他
政府性基金拨款支出预算0.00万元，比2030年预算持平。
2031年部门预算安排购置车辆1辆，其中：一般公务用车0辆、其他用车1辆。
"""
    narrative = read_narrative(lines_of(text), "x.txt")
    claims = _claims(narrative)
    assert claims["three_public.reception.change"] == 0
    assert "three_public.total.change" not in claims
    assert claims["government_fund.total"] == 0 and claims["government_fund.total.change"] == 0
    assert "expenditure.total" not in claims
    assert claims["vehicles.purchased"] == 1
    assert claims["vehicles.purchased.other"] == 1 and "vehicles.other" not in claims


def test_parenthesised_parts_and_stated_change_over_wording() -> None:
    text = """二、“三公”经费安排情况
2031年本部门财政拨款安排“三公”经费100万元，比上年增加10万元。其中：因公出国（境）费20万元；公务用车购置及运行
维护费70万元（公务用车购置费0万元，比上年减少18万元；公务用车运行维护费70万元，比上年增加28万元。）比上年增
加10万元，增长16.7%；公务接待费10万元，比上年减少0.3万元，主要原因是基本与上年持平。
"""
    figures = read_narrative(lines_of(text), "x.txt").figures
    claims = {f.claim: f.value for f in figures}
    assert claims["three_public.vehicle_purchase.change"] == Decimal("-18")
    assert claims["three_public.vehicle_operation.change"] == Decimal("28")
    assert claims["three_public.vehicle_total.change"] == Decimal("10")
    assert claims["three_public.vehicle_total.change_pct"] == Decimal("16.7")
    assert [f.value for f in figures if f.claim == "three_public.reception.change"] == [Decimal("-0.3")]
