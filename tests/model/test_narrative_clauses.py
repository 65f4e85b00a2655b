"""A claim is recognised by its structure: the subject of its own clause, its figure and unit, the
comparison words before it. Fixture sentences are real ones (西安, 烟台, 西南大学 disclosures),
shortened; each names the wording it stands for."""

from __future__ import annotations

from decimal import Decimal

from tests.model.textlines import lines_of
from yusuan.model.disclosure import NarrativeFigure
from yusuan.model.narrative import read_narrative
from yusuan.model.narrative_claims import load_patterns
from yusuan.model.narrative_clauses import clause_start, compound_head, foreign_lead


def _figures(text: str) -> list[NarrativeFigure]:
    return read_narrative(lines_of(text), "x.txt").figures


def _quoted(text: str, claim: str) -> list[Decimal]:
    return [f.value for f in _figures(text) if f.claim == claim]


def _claims(text: str) -> set[str]:
    return {f.claim for f in _figures(text)}


def test_a_listed_part_of_an_unknown_subject_is_not_the_known_one() -> None:
    text = (
        "一、收入预算情况\n2021年本年预算收入390,140.45万元，与上年相比减少1,106.89万元，其中：财政拨款收入减少"
        "6,331.03万元，一是因为落实过紧日子要求；事业收入增加2,110.3万元，主要是科研事业收入增加；其他收入增加"
        "3,113.84万元。\n"
    )
    assert _quoted(text, "fiscal.total.change") == [Decimal("-6331.03")]
    assert _quoted(text, "income.total.change") == [Decimal("-1106.89")]


def test_parts_of_a_fund_total_listed_after_it() -> None:
    text = (
        "（三）增减变化情况：2026年收支预算45,761.72万元，比上年减少8,923.16万元，其中：1.收入预算减少8,923.16万元，"
        "其中一般公共预算收入减少5,920.81万元，国有资本经营预算收入减少1万元，其他收入减少11.05万元。\n"
    )
    assert _quoted(text, "general_public_budget.total.change") == [Decimal("-5920.81")]
    assert _quoted(text, "state_capital.total.change") == [Decimal("-1")]


def test_a_general_word_at_the_tail_of_another_subject() -> None:
    text = (
        "我校2021年财政拨款支出预算216,552.53万元，其中教育支出预算数为207,796.18万元，占本年财政拨款的95.96%；"
        "科学技术支出预算数为1,512.9万元，占比0.7%。\n"
    )
    assert _quoted(text, "fiscal.total") == [Decimal("216552.53")]
    assert not any(c.startswith("expenditure.total") for c in _claims(text))


def test_coded_items_listed_under_a_total_claim_nothing_of_it() -> None:
    text = (
        "本部门当年一般公共预算支出9,216.51万元，其中：1.行政运行（2010301）4,414.15万元，较上年增加293.55万元，"
        "增长7.12%，增长的主要原因是：人员经费增加；2.一般行政管理事务（2010302）1,310.26万元，较上年减少163.87万元，"
        "下降11.12%。\n"
    )
    assert _quoted(text, "general_public_budget.total") == [Decimal("9216.51")]
    assert not any(c.startswith("general_public_budget.total.") for c in _claims(text))
    assert not any(c.startswith("expenditure.personnel") for c in _claims(text))


def test_a_change_continuing_its_subject_in_the_next_clause() -> None:
    text = "本部门当年机关运行经费预算安排1487.80万元，比上年增加36.32万元，增长2.50%。\n"
    assert _quoted(text, "operating_costs") == [Decimal("1487.80")]
    assert _quoted(text, "operating_costs.change") == [Decimal("36.32")]
    assert _quoted(text, "operating_costs.change_pct") == [Decimal("2.50")]


def test_operating_costs_breakdown_is_not_the_three_public_figures() -> None:
    text = (
        "2020年机关运行经费预算总计82万元，其中：办公经费41.47万元，公务接待费2万元，委托业务费7.28万元，"
        "公务用车运行维护费12万元。\n"
    )
    claims = _claims(text)
    assert _quoted(text, "operating_costs") == [Decimal("82")]
    assert not any(c.startswith("three_public.") for c in claims)
    assert _quoted(text, "operating_costs.reception") == [Decimal("2")]


def test_fiscal_parts_are_the_fiscal_ones() -> None:
    text = "学校2024年度财政拨款支出总计为266,783.56万元，其中：基本支出209,899.51万元，占总支出的78.68%；项目支出56,884.05万元。\n"
    claims = _claims(text)
    assert "expenditure.basic" not in claims and "expenditure.project" not in claims
    assert _quoted(text, "fiscal.total.basic") == [Decimal("209899.51")]


def test_department_words_in_a_fund_section_are_the_funds() -> None:
    text = (
        "（三）政府性基金预算财政拨款支出决算情况\n2022年度政府性基金预算财政拨款年初结转和结余58,830.98万元，"
        "收入决算509,220.66万元，支出决算568,051.63万元。\n本年支出决算568,051.63万元，主要用于医院新院区建设。\n"
    )
    claims = _claims(text)
    assert not any(c.startswith(("expenditure.current_year", "income.carryover")) for c in claims)
    assert any(c.startswith("government_fund.total.current_year") for c in claims)


def test_budget_and_actual_without_linking_verb() -> None:
    text = "2022年度一般公共预算财政拨款支出年初预算139,217.01万元，支出决算296,047.75万元，完成年初预算的212.65%。\n"
    assert _quoted(text, "general_public_budget.total.budget") == [Decimal("139217.01")]
    assert _quoted(text, "general_public_budget.total.actual") == [Decimal("296047.75")]
    assert _quoted(text, "general_public_budget.total") == []


def test_vehicle_categories_by_their_own_wording() -> None:
    text = (
        "截至2025年12月31日，本部门共有车辆11辆，其中机要通信用车0辆、应急保障用车0辆、执法执勤用车0辆、"
        "特种专业技术用车1辆、其他按照规定配备的公务用车10辆。\n"
    )
    assert _quoted(text, "vehicles.count") == [11]
    assert _quoted(text, "vehicles.other") == [10]
    assert _quoted(text, "vehicles.special") == [1]


def test_a_key_evaluation_is_not_the_funds_of_all_targets() -> None:
    text = "拟对文化产业发展专项资金1个项目开展部门重点绩效评价，涉及预算资金430万元，其中财政拨款430万元。\n"
    assert "performance.funds" not in _claims(text)


def test_outbound_written_with_jingfei() -> None:
    text = "其中：因公出国（境）经费0万元，预算未做安排；公务接待费8.6万元，较上年增加1.5万元（1.21%）。\n"
    assert _quoted(text, "three_public.outbound") == [0]
    assert _quoted(text, "three_public.reception.change") == [Decimal("1.5")]


def test_units_are_the_units_printed_beside_each_figure() -> None:
    text = "2025年收入预算1.2亿元，其中：一般公共预算收入9,000万元，“三公”经费预算219,000元。\n"
    units = {f.claim: (f.value, f.unit) for f in _figures(text)}
    assert units["income.total"] == (Decimal("1.2"), "亿元")
    assert units["general_public_budget.total"] == (Decimal("9000"), "万元")
    assert units["three_public.total"] == (Decimal("219000"), "元")


def test_clause_helpers() -> None:
    p = load_patterns()
    sentence = "财政拨款收入减少6,331.03万元；事业收入增加2,110.3万元"
    cut = clause_start(sentence, 0, sentence.index("2,110"))
    assert cut is not None and sentence[cut:].startswith("事业收入")
    assert clause_start("收入1,234.00万元", 0, 10) is None  # a thousands comma is no boundary
    assert foreign_lead("事业收入增加", p.connectives)
    assert not foreign_lead("较上年增加", p.connectives)
    assert not foreign_lead("年初预算为", p.connectives)
    text = "其中教育支出预算数为"
    assert compound_head(text, text.index("支出预算"), p.qualifier_words, p.org_suffix)
    text = "西安市统计局2025年收入预算"
    assert not compound_head(text, text.index("收入预算"), p.qualifier_words, p.org_suffix)
