"""A document read back from the store has its figures at their printed precision, although the
store keeps money as DECIMAL(20,4): Decimal('21.22'), not Decimal('21.2200')."""

from __future__ import annotations

from decimal import Decimal
from functools import partial
from pathlib import Path

import pytest

from tests.store.conftest import make_disclosure
from tests.store.helpers import put
from yusuan.check import ROUNDING, Finding, run_checks
from yusuan.model import Amount, NarrativeFigure
from yusuan.store import Store, previous_year
from yusuan.store.history import printed_value

# (claim, value as the reader makes it, text as printed): every kind of quoted figure
QUOTED = [
    ("three_public.total", Decimal("21.22"), "21.22万元"),
    ("three_public.total.change", Decimal("-17.08"), "17.08万元"),  # 减少: the sign is not printed
    ("three_public.total.change_pct", Decimal("-3.50"), "3.50%"),
    ("operating_costs", Decimal("4651.67"), "4,651.67万元"),
    ("procurement.total", Decimal(0), "无"),
    ("operating_costs.change", Decimal(0), "持平"),
    ("government_fund.total", Decimal("0"), "0万元"),
    ("government_fund.total.previous", Decimal("0.00"), "0.00万元"),
    ("performance.coverage", Decimal("100"), "100%"),
    ("performance.funds", Decimal("12.345678"), "12.345678万元"),  # more decimals than the column
    ("vehicles.count", Decimal("7"), "7辆"),
    ("expenditure.total", Decimal("1.2"), "1.2亿元"),
]


def _stored_and_back(tmp_path: Path) -> tuple[list[NarrativeFigure], list[NarrativeFigure], dict[str, Amount]]:
    last = make_disclosure(year=2024)
    last.narrative.figures = [NarrativeFigure(c, v, t, None, f"{t}。") for c, v, t in QUOTED]
    assert last.three_public is not None
    last.three_public.current["reception"] = Amount(Decimal(0), "")  # a blank cell
    with Store(tmp_path / "s.duckdb") as store:
        put(store, last)
        found = previous_year(store, make_disclosure(year=2025))
    assert found is not None and found.three_public is not None
    return last.narrative.figures, found.narrative.figures, found.three_public.current


def test_quoted_figures_come_back_as_printed(tmp_path: Path) -> None:
    before, after, _ = _stored_and_back(tmp_path)
    assert [(f.claim, str(f.value)) for f in after] == [(f.claim, str(f.value)) for f in before]
    assert str(after[0].value) == "21.22"


def test_blank_cell_comes_back_as_an_exact_zero(tmp_path: Path) -> None:
    _, _, three = _stored_and_back(tmp_path)
    assert three["reception"].blank and str(three["reception"].value) == "0"
    assert str(three["total"].value) == "12.00"


@pytest.mark.parametrize(
    ("stored", "text", "expected"),
    [
        ("21.2200", "21.22万元", "21.22"),
        ("-17.0800", "17.08万元", "-17.08"),
        ("-1.5000", "(1.50)", "-1.50"),
        ("0.0000", "-", "0"),
        ("12.3457", "12.345678%", "12.345678"),
        # a text that does not print the stored value: the stored value is kept, not the text's
        ("5.0000", "7.00", "5.0000"),
        ("5.0000", "持平", "5.0000"),
        ("1.0000", None, "1.0000"),
    ],
)
def test_printed_value(stored: str, text: str | None, expected: str) -> None:
    assert str(printed_value(Decimal(stored), text)) == expected


def _history(last_quoted: str, now_quoted: str, stated: NarrativeFigure, tmp_path: Path) -> list[Finding]:
    """The history.change/change_pct findings on this year's 机关运行经费 statement, against last
    year's document (which quotes ``last_quoted``万元) read back from a store."""
    last = make_disclosure(year=2024)
    last.narrative.figures = [
        NarrativeFigure("operating_costs", Decimal(last_quoted), f"{last_quoted}万元", "万元", "机关运行经费。")
    ]
    now = make_disclosure(year=2025)
    now.narrative.figures = [
        NarrativeFigure("operating_costs", Decimal(now_quoted), f"{now_quoted}万元", "万元", stated.sentence),
        stated,
    ]
    with Store(tmp_path / "s.duckdb") as store:
        put(store, last)
        findings = run_checks(now, previous=partial(previous_year, store), strict=True)
    return [f for f in findings if f.rule in ("history.change", "history.change_pct")]


def test_history_change_names_last_years_figure_as_printed(tmp_path: Path) -> None:
    sentence = "机关运行经费21.72万元，比上年增加0.6万元。"
    stated = NarrativeFigure("operating_costs.change", Decimal("0.6"), "0.6万元", "万元", sentence)
    findings = _history("21.22", "21.72", stated, tmp_path)
    assert [f.rule for f in findings] == ["history.change"]
    assert "上年 21.22万元" in findings[0].message, findings[0].message


def test_history_change_pct_allows_the_rounding_of_last_years_print(tmp_path: Path) -> None:
    """Last year printed '10万元' (anything from 9.5 to 10.5): 10.6 is then 1–12 % more, so a stated
    3 % is a rounding question, not an error; read back as 10.0000 it would be one."""
    sentence = "机关运行经费10.6万元，比上年增长3%。"
    stated = NarrativeFigure("operating_costs.change_pct", Decimal("3"), "3%", "%", sentence)
    findings = _history("10", "10.6", stated, tmp_path)
    assert [(f.rule, f.severity) for f in findings] == [("history.change_pct", ROUNDING)]
