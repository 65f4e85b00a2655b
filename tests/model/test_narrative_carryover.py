"""A fund's figure qualified by 上年结转(结余) is that fund's part of the carry-over, not the fund's
total (docs/wild_pdfs.md, S6): Suzhou lists '上年结转结余的一般公共预算收入0万元' right after
'本年一般公共预算收入48,592.98万元' in one sentence."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import shared_path
from tests.model.textlines import lines_of
from yusuan.check import run_checks
from yusuan.model.disclosure import NarrativeFigure
from yusuan.model.narrative import read_narrative
from yusuan.pipeline import read


def _figures(text: str) -> list[NarrativeFigure]:
    return read_narrative(lines_of(text), "x.txt", []).figures


def _quoted(figures: list[NarrativeFigure], claim: str) -> list[Decimal]:
    return [f.value for f in figures if f.claim == claim]


INCOME_LIST = """一、收支预算总体情况说明
某某局2031年收入预算合计530.00万元，包括本年收入500.00万元，上年结转结余30.00万元。
其中：本年一般公共预算收入450.00万元，占84.91%；本年政府性基金预算收入50.00万元，占9.43%；上年结转结余的一般公共预算收
入20.00万元，占3.77%；上年结转的政府性基金预算收入6.00万元，占1.13%；上年结转结余的国有资本经营预算收入0万元，占0%；上年
结转结余的财政专户管理资金3.00万元，占0.57%；上年结转结余的单位资金1.00万元，占0.19%。
"""


def test_fund_figure_after_carryover_is_the_funds_carryover() -> None:
    figures = _figures(INCOME_LIST)
    assert _quoted(figures, "general_public_budget.total") == [Decimal("450.00")]
    assert _quoted(figures, "government_fund.total") == [Decimal("50.00")]
    assert _quoted(figures, "state_capital.total") == []
    assert _quoted(figures, "income.carryover.general_public_budget") == [Decimal("20.00")]
    assert _quoted(figures, "income.carryover.government_fund") == [Decimal("6.00")]
    assert _quoted(figures, "income.carryover.state_capital") == [0]
    assert _quoted(figures, "income.carryover.fiscal_special_account") == [Decimal("3.00")]
    assert _quoted(figures, "income.carryover.unit_funds") == [Decimal("1.00")]
    # the whole carry-over is the figure of the sentence before, not one of the fund parts
    assert _quoted(figures, "income.carryover") == [Decimal("30.00")]


SUZHOU = ("苏州市审计局_2026_部门预算.pdf", "苏州市水务局_2026_单位预算.pdf")


@pytest.mark.slow
@pytest.mark.parametrize("name", SUZHOU)
def test_suzhou_carryover_list_gives_no_fund_findings(name: str) -> None:
    """审计 p.24 and 水务 p.30 list the carry-over per fund (all 0万元); those 0s were read as the
    fund totals and gave narrative.duplicate and narrative.funds errors."""
    d = read(shared_path("pdf", "wild", name))
    assert _quoted(d.narrative.figures, "income.carryover.general_public_budget") == [0]
    assert 0 not in _quoted(d.narrative.figures, "general_public_budget.total")
    wrong = [
        f.message
        for f in run_checks(d, strict=True)
        if f.rule in ("narrative.duplicate", "narrative.funds")
    ]
    assert wrong == []
