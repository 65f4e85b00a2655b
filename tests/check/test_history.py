"""history.change / history.change_pct on the builder disclosure, and the seed-text variant helper
the end-to-end tests use (tests/check/test_history_e2e.py)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tests.check.builders import clean, say, three_public, unsay
from tests.conftest import EXAMPLES
from yusuan import summary
from yusuan.check import run_checks
from yusuan.check.finding import ERROR, ROUNDING, WARNING, Finding
from yusuan.check.previous import from_disclosure, resolve
from yusuan.check.registry import get
from yusuan.model import Disclosure, NarrativeFigure

RULES = [get("history.change"), get("history.change_pct")]
SEED_TEXT = EXAMPLES / "001_f756e9a8bddbf743.txt"
# The seed's 三公 table prints these as its 2023 预算数 and its text's changes imply them.
PREVIOUS_TEXT_ROW = ["108.65", "75.48", "32.00", "18.00", "14.00", "1.17"]
_SEED_ROW = "108.65\t75.48\t32.00\t18.00\t14.00\t1.17\t86.35\t75.15\t10.00\t\t10.00\t1.20"


def previous_variant(seed: str, row: list[str], *, operating: str = "391.25", total: str = "83,405.60") -> str:
    """The seed 2024 budget as if it were the 2023 one: years shifted back, the 三公 table's current
    columns set to ``row`` (合计, 出国, 车小计, 购置, 运行, 接待), 机关运行经费 ``operating`` 万元 and
    收支总计 ``total`` (the seed says 2023 was 83,405.6, 机关运行经费 388.03 + 3.22)."""
    assert _SEED_ROW in seed and "388.03 万元" in seed
    text = seed.replace("2023", "2022").replace("2024", "2023")
    text = text.replace(_SEED_ROW, "\t".join([*_SEED_ROW.split("\t")[:6], *row]))
    return text.replace("388.03 万元", f"{operating} 万元").replace("103,600.23", total)


def _figures(**changes: Any) -> dict[str, Any]:
    """Last year's key figures agreeing with the clean disclosure's statements (支出总计 190, 三公 10)."""
    figures = summary(clean())
    figures.update(year=2024, file_name="last_2024.txt")
    figures["expenditure"]["grand_total"] = Decimal("190.00")
    figures["three_public"] = {"total": Decimal("10.00"), "vehicle_total": Decimal("6.00")}
    for key, value in changes.items():
        figures["three_public" if key.startswith("tp_") else "expenditure"][key.removeprefix("tp_")] = value
    return figures


def _run(d: Disclosure, figures: dict[str, Any] | None) -> list[Finding]:
    return run_checks(d, RULES, previous=lambda _: figures, strict=True)


def _sentence(d: Disclosure, claim: str, sentence: str) -> None:
    """Put ``claim``'s quotation (and its companions) in ``sentence``."""
    figures = d.narrative.figures
    for i, f in enumerate(figures):
        if f.claim.startswith(claim):
            figures[i] = NarrativeFigure(f.claim, f.value, f.text, f.unit, sentence, f.where)


def test_consistent_previous_year_has_no_findings() -> None:
    assert _run(clean(), _figures()) == []


def test_without_previous_document_nothing_is_compared() -> None:
    assert _run(clean(), None) == []
    assert run_checks(clean(), RULES, strict=True) == []


def test_stated_change_against_previous_document_is_an_error_naming_it() -> None:
    d = clean()
    unsay(d, "expenditure.total.previous")  # '比上年增加10.00万元' without a 上年数: last year's document is the basis
    found = _run(d, _figures(grand_total=Decimal("185.00")))
    change = [f for f in found if f.rule == "history.change"]
    assert [(f.severity, f.values) for f in change] == [(ERROR, ("10.00", "15.00"))]
    f = change[0]
    assert "上年文件（2024年，last_2024.txt）" in f.message and "本年 200.00万元 − 上年 185.00万元" in f.message
    assert f.locations[0].row == "expenditure.total.change"
    assert f.locations[-1].table == "上年文件 last_2024.txt" and f.locations[-1].kind == "previous_year"
    pct = [f for f in found if f.rule == "history.change_pct"]
    assert [f.severity for f in pct] == [ERROR] and pct[0].values == ("5.26", "8.11")


def test_three_public_parts_from_zero() -> None:
    """购置费 0 → 25 style: a part absent last year, stated as 增加; and 持平 against last year."""
    d = clean()
    d.narrative.figures.append(
        NarrativeFigure("three_public.vehicle_total.change", Decimal(-1), "1万元", "万元", "比上年减少1万元")
    )
    assert _run(d, _figures()) == []
    found = _run(d, _figures(tp_vehicle_total=Decimal("0")))
    assert [(f.rule, f.values) for f in found] == [("history.change", ("-1", "5.00"))]


def test_rounded_statement_is_rounding() -> None:
    d = clean()
    say(d, "expenditure.total.change", "10.01")
    assert [f.severity for f in _run(d, _figures())] == [ROUNDING]


def test_truncated_percentage_is_accepted() -> None:
    d = clean()
    say(d, "three_public.total.change_pct", "-20.00")
    # 8.00 / 10.05 − 1 = −20.398 %: −20.39 truncates, −20.40 rounds
    say(d, "three_public.total.change_pct", "-20.39")
    figures = _figures(tp_total=Decimal("10.05"))
    d.narrative.figures = [f for f in d.narrative.figures if f.claim != "three_public.total.change"]
    assert [f for f in _run(d, figures) if f.rule == "history.change_pct"] == []


def test_execution_figures_are_not_compared() -> None:
    d = clean()
    _sentence(d, "expenditure.total", "2024年当年预算执行数为190.00万元，2025年预算安排200.00万元，增加10.00万元。")
    assert [f for f in _run(d, _figures(grand_total=Decimal("150.00"))) if "expenditure" in f.message] == []


def test_adjusted_budget_or_other_quoted_previous_is_a_warning() -> None:
    d = clean()
    _sentence(d, "expenditure.total", "比2024年调整预算190.00万元增加10.00万元。")
    found = _run(d, _figures(grand_total=Decimal("185.00")))
    assert {f.severity for f in found if "expenditure" in f.message} == {WARNING}
    # the text's own 上年数 (190.00) is not last year's document's (185.00): another basis
    assert {f.severity for f in _run(clean(), _figures(grand_total=Decimal("185.00")))} == {WARNING}
    # … while a 上年数 that is last year's document's makes that document the basis
    d = clean()
    say(d, "expenditure.total.change", "12.00")
    assert {f.severity for f in _run(d, _figures()) if "expenditure" in f.message} == {ERROR}


def test_disclosure_provider_compares_table_printings() -> None:
    """A provider answering with last year's Disclosure: its tables and 三公 table are read, and the
    location names the table of last year's document."""
    last = clean()
    last.source, last.year = "last_2024.pdf", 2024
    three_public(last, "current", "total", "10.00")
    three_public(last, "current", "vehicle_total", "6.00")
    say(last, "three_public.total", "10.00")
    prev = resolve(last)
    assert prev is not None and prev.ctx is not None and prev.year == 2024
    found = run_checks(clean(), RULES, previous=from_disclosure(last), strict=True)
    by_claim = {f.locations[0].row for f in found}
    # 支出总计 was 200.00 last year too: the stated +10.00 / 5.26 % fail; 三公 −2.00 / −20 % hold
    assert by_claim == {"expenditure.total.change", "expenditure.total.change_pct"}
    assert all(f.locations[-1].table == "上年文件 last_2024.pdf" for f in found)


def test_previous_variant_shifts_years_and_figures() -> None:
    seed = SEED_TEXT.read_text("utf-8")
    text = previous_variant(seed, ["1.00", "0", "0.50", "0", "0.50", "0.50"])
    assert "2024 年部门预算" not in text and "2023 年部门预算" in text
    assert "\t1.00\t0\t0.50\t0\t0.50\t0.50" in text and "391.25 万元" in text


def test_actual_figures_compare_only_with_a_final_accounts_document() -> None:
    """'比上年决算数增加' is compared with last year's 决算, never with last year's 预算."""
    d = clean()
    unsay(d, "expenditure.total.previous")
    _sentence(d, "expenditure.total", "比2024年决算数增加10.00万元。")
    assert [f for f in _run(d, _figures(grand_total=Decimal("185.00"))) if "expenditure" in f.message] == []
    d.kind = "决算"
    found = _run(d, {**_figures(grand_total=Decimal("185.00")), "kind": "决算"})
    assert {f.severity for f in found if "expenditure" in f.message} == {ERROR}
