"""Claims read from fixture sentences: periods (上年执行数 / 本年安排 / 年初预算 / 决算), statements
that run over several sentences, performance totals, and subjects that must not be mislabelled."""

from __future__ import annotations

from decimal import Decimal

from tests.model.textlines import lines_of
from yusuan.model.disclosure import NarrativeFigure
from yusuan.model.narrative import read_narrative

CODES = [
    ("201", "一般公共服务支出"),
    ("20129", "群众团体事务"),
    ("2012902", "一般行政管理事务"),
    ("208", "社会保障和就业支出"),
    ("20805", "行政事业单位养老支出"),
    ("2080506", "机关事业单位职业年金缴费支出"),
]


def _figures(text: str) -> list[NarrativeFigure]:
    return read_narrative(lines_of(text), "x.txt", CODES).figures


def _quoted(figures: list[NarrativeFigure], claim: str) -> list[Decimal]:
    return [f.value for f in figures if f.claim == claim]


ITEMS = """四、部门预算编制说明
财政拨款支出主要内容如下：1.“一般公共服务支出（类）群众团体事务（款）一般行政管理事务（项）”40.00万元，主要
用于群众团体事务。2030年当年预算执行数为10.00万元，2031年预算安排40.00万元，比2030年预算执行数增加300.00%。主要原
因是：经费增加。2.“社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）”200.00万
元，主要用于职业年金。2030年当年预算执行数为200.00万元，2031年预算安排400.00万元，比2030年预算执行数持平。主要原因
是：保持不变。
"""


def test_previous_execution_this_years_budget_and_percentage() -> None:
    figures = _figures(ITEMS)
    assert _quoted(figures, "function:2012902") == [Decimal("40.00"), Decimal("40.00")]
    assert _quoted(figures, "function:2012902.previous") == [Decimal("10.00")]
    assert _quoted(figures, "function:2012902.change_pct") == [Decimal("300.00")]
    assert _quoted(figures, "function:2080506.change") == [0]


def test_second_quote_of_an_item_shares_its_statement() -> None:
    figures = [f for f in _figures(ITEMS) if f.claim == "function:2080506"]
    assert [f.value for f in figures] == [Decimal("200.00"), Decimal("400.00")]
    assert figures[0].sentence == figures[1].sentence
    assert figures[0].sentence.startswith("2.") and figures[0].sentence.endswith("持平。")


def test_list_heading_is_not_the_subject_of_the_items() -> None:
    claims = {f.claim for f in _figures(ITEMS)}
    assert not any(c.startswith("fiscal.total") for c in claims)


def test_final_accounts_budget_actual_and_completion() -> None:
    text = """（二）一般公共预算财政拨款支出决算具体情况
1.一般公共服务支出（类）群众团体事务（款）一般行政管理事务（项）。年初预算为50.00万元，支出决算为45.00万元，完成
年初预算的90.00%。决算数小于年初预算数的主要原因是：厉行节约。
"""
    figures = _figures(text)
    assert _quoted(figures, "function:2012902.budget") == [Decimal("50.00")]
    assert _quoted(figures, "function:2012902.actual") == [Decimal("45.00")]
    assert _quoted(figures, "function:2012902.completion_pct") == [Decimal("90.00")]
    assert _quoted(figures, "function:2012902") == []


def test_performance_projects_and_funds() -> None:
    text = """四、绩效目标设置情况
本部门2个预算单位开展了2031年项目预算绩效目标编报工作，编报绩效目标的项目5个，涉及项目预算资金300.50万元。
组织对1个单位开展部门整体绩效自评，涉及资金70.00万元，自评90.05分。
"""
    figures = _figures(text)
    assert _quoted(figures, "performance.projects") == [5]
    assert _quoted(figures, "performance.funds") == [Decimal("300.50")]


def test_this_years_expenditure_after_a_list_is_the_total() -> None:
    text = """（二）支出总计 300.00 万元，包括：
1.基本支出 100.00 万元，占支出总计的 33.33%。
2.项目支出 200.00 万元，占支出总计的 66.67%。
与上年相比，今年支出增加 50.00万元，增长 20.00%。主要原因：业务增加。
"""
    figures = _figures(text)
    assert _quoted(figures, "expenditure.total.change") == [Decimal("50.00")]
    assert _quoted(figures, "expenditure.total.change_pct") == [Decimal("20.00")]
    assert not any(f.claim.startswith("expenditure.project.change") for f in figures)


def test_zero_fund_with_a_copied_increase_keeps_its_subject() -> None:
    text = """四、部门预算编制说明
财政拨款支出预算中，一般公共预算拨款支出预算500.00万元，比2030年预算增加20.00万元；政府性基金拨款支出预算0万元，比
2030年预算增加20.00万元；国有资本经营预算拨款支出预算0万元，比2030年预算持平。
"""
    figures = _figures(text)
    assert _quoted(figures, "government_fund.total") == [0]
    assert _quoted(figures, "government_fund.total.change") == [Decimal("20.00")]
    assert _quoted(figures, "state_capital.total.change") == [0]
    assert not any(f.claim.startswith("expenditure.total") for f in figures)


SUZHOU_STYLE = """一、收支预算总体情况说明
1．本年支出合计 900.00 万元。
（1）一般公共服务支出（类）支出 600.00 万元，主要用于审计事务。与上年相比减少 17.08 万元，减少 2.77%。主要原因是
项目经费减少。
（2）其他农林水支出 100.00 万元，主要用于建设资金。与上年相比减少 70 万元，减少 10%。
（3）社会保障和就业支出（类）支出 200.00 万元，主要用于社保。与上年相比增加 31.1 万元，增长 18.41%。主要原因是运营
服务费增加 20 万元，新增培训费 11.1 万元。
会议费预算支出 10.05 万元，比上年预算减少 4.95 万元。
"""


def test_class_items_own_their_changes_and_reasons_quote_nothing() -> None:
    figures = _figures(SUZHOU_STYLE)
    assert _quoted(figures, "function_class:201") == [Decimal("600.00")]
    assert _quoted(figures, "function_class:201.change") == [Decimal("-17.08")]
    assert _quoted(figures, "function_class:208.change") == [Decimal("31.1")]
    # item (2) names no class of the tables: its change belongs to nobody, not to the last item
    assert not any(f.value in (Decimal("-70"), Decimal("-10")) for f in figures)
    assert not any(f.value in (Decimal("20"), Decimal("11.1")) for f in figures)
    assert not any(f.claim.startswith("expenditure.current_year.change") for f in figures)


def test_a_costs_own_budget_is_not_the_expenditure_total() -> None:
    claims = {f.claim for f in _figures(SUZHOU_STYLE)}
    assert "expenditure.total" not in claims and "expenditure.total.change" not in claims


def test_page_number_and_running_header_do_not_split_a_sentence() -> None:
    text = (
        "一、收支预算总体情况说明\n（1）一般公共服务支出（类）支出 600.00 万元，主要用于\n"
        "\f- 29 -\n某某局 2031 年度部门预算公开\n审计事务。与上年相比减少 17.08 万元。\n"
        "\f- 30 -\n某某局 2031 年度部门预算公开\n（2）社会保障和就业支出（类）支出 200.00 万元。\n"
    )
    figures = _figures(text)
    assert _quoted(figures, "function_class:201.change") == [Decimal("-17.08")]
    assert not any("部门预算公开" in f.sentence for f in figures)


def test_final_accounts_periods_in_the_subjects_own_sentence() -> None:
    text = """（二）一般公共预算财政拨款支出决算具体情况
（1）一般公共服务支出（类）群众团体事务（款）一般行政管理事务（项）年初预算数为50.00万元，决算数为55.00万元，完成年初
预算的110.00%。
"""
    figures = _figures(text)
    assert _quoted(figures, "function:2012902.budget") == [Decimal("50.00")]
    assert _quoted(figures, "function:2012902.actual") == [Decimal("55.00")]
    assert _quoted(figures, "function:2012902.completion_pct") == [Decimal("110.00")]


def test_vehicles_in_the_assets_list() -> None:
    text = """五、国有资产占有情况
固定资产300.00万元，其中：房屋100.00平方米；车辆7辆（一般公务用车3辆，执法执勤用车4辆）；2031年拟购置车辆1辆。
"""
    figures = _figures(text)
    assert _quoted(figures, "vehicles.count") == [7]
    assert _quoted(figures, "vehicles.general") == [3]
    assert _quoted(figures, "vehicles.purchased") == [1]


def test_coverage_is_the_performance_targets_not_an_indicators() -> None:
    """广州 交通 p.83: a project list in the 情况说明 quotes '项目工程监理覆盖率为100%' — an
    indicator of one project, not the 绩效目标覆盖率."""
    text = "八、绩效目标设置情况\n本部门编制项目绩效目标，绩效目标覆盖率为100%。\n城维计划养护项目：项目工程监理覆盖率为100%。\n"
    assert _quoted(_figures(text), "performance.coverage") == [Decimal(100)]
    assert _quoted(_figures("共涉及项目5个，自评覆盖率为100%。\n"), "performance.coverage") == [Decimal(100)]
