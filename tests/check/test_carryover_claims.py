"""A quoted 上年结转结余 figure (and its fund parts) is checked against the 收入总表's carry-over
columns and the 收支总表's 上年结转结余 row, like the other totals the text quotes."""

from __future__ import annotations

from decimal import Decimal

import pytest

import yusuan
from tests.check.builders import say
from tests.conftest import ROOT
from yusuan.check import run_checks
from yusuan.model import NarrativeFigure

SEED = ROOT / "examples" / "004_307b00c8d6f72425.txt"  # quotes 上年结转结余 992.06 万元
FUNDED = ROOT / "examples" / "001_f756e9a8bddbf743.txt"  # 收入总表 prints 上年结转结余 by fund


def _totals(d: yusuan.Disclosure) -> list[str]:
    return [f.message for f in run_checks(d) if f.rule == "narrative.totals"]


def test_the_seed_quotes_its_carryover_as_printed() -> None:
    d = yusuan.read(SEED)
    assert [str(f.value) for f in d.narrative.figures if f.claim == "income.carryover"] == ["992.06"]
    assert _totals(d) == []


def test_a_wrong_carryover_figure_is_reported() -> None:
    d = yusuan.read(SEED)
    say(d, "income.carryover", "993.06")
    (message,) = _totals(d)
    assert "income.carryover" in message and "993.06" in message


@pytest.mark.parametrize(("fund", "printed"), [("general_public_budget", "28665.25"), ("unit_funds", "0")])
def test_a_fund_part_of_the_carryover_is_checked(fund: str, printed: str) -> None:
    d = yusuan.read(FUNDED)
    like = d.narrative.figures[0]
    for value in (Decimal(printed), Decimal(printed) + 1):
        d.narrative.figures = [f for f in d.narrative.figures if not f.claim.startswith("income.carryover")]
        d.narrative.figures.append(
            NarrativeFigure(f"income.carryover.{fund}", value, str(value), "万元", like.sentence, like.where)
        )
        found = [m for m in _totals(d) if f"income.carryover.{fund}" in m]
        assert bool(found) == (value != Decimal(printed)), found
