"""On the seed documents: every hard and rounding inconsistency of ../shared/truth/<seed>.json is
reported, at the right place, with both values; and no other error is reported."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import pytest

from tests.conftest import EXAMPLES, load_truth
from yusuan.check import Finding, run_checks

READERS = "the readers do not yet fill this part of the model correctly (see the check report)"


@dataclass(frozen=True)
class Expect:
    """A truth inconsistency as a finding: severity, the two values compared, where (kind/row)."""

    severity: str
    values: tuple[str, str]
    kind: str | None = None
    row: str | None = None
    rule: str | None = None

    def matches(self, f: Finding) -> bool:
        values = {Decimal(v) for v in f.values if _number(v)}
        if f.severity != self.severity or not {Decimal(v) for v in self.values} <= values:
            return False
        if self.rule and f.rule != self.rule:
            return False
        return any(
            (self.kind is None or loc.kind == self.kind) and (self.row is None or self.row in (loc.row or ""))
            for loc in f.locations
        )


def _number(text: str) -> bool:
    return bool(re.fullmatch(r"-?\d+(\.\d+)?", text))


# Hand-translated from ../shared/truth/*.json (kind hard → error, rounding → rounding).
EXPECTED: dict[str, list[Expect]] = {
    "000_87792da19c622395.txt": [],
    "001_f756e9a8bddbf743.txt": [
        Expect("error", ("95177.64", "65212.64"), kind="project_expenditure"),
        Expect("error", ("75.15", "0"), kind="three_public"),
        Expect("error", ("12", "0"), kind="narrative", row="vehicles.count"),
    ],
    "002_df00543b5fb556ea.txt": [
        Expect("rounding", ("82.89", "82.88"), row="208"),
        Expect("rounding", ("21.87", "21.88"), kind="general_budget_basic", row="302"),
        Expect("error", ("0", "1.00"), kind="narrative", row="three_public.vehicle_total"),
    ],
    "004_307b00c8d6f72425.txt": [
        Expect("rounding", ("3510.09", "3510.10"), kind="income_expenditure_summary"),
        Expect("rounding", ("29815.80", "29815.79"), kind="income_expenditure_summary"),
        Expect("rounding", ("35955.78", "35955.79"), rule="summary.income_grand"),
        Expect("rounding", ("35955.78", "35955.79"), rule="summary.expenditure_grand"),
        Expect("rounding", ("35954.74", "35954.75"), kind="fiscal_summary"),
        Expect("rounding", ("34963.73", "34963.72"), kind="income_summary"),
        Expect("rounding", ("8251.70", "8251.71"), kind="expenditure_summary"),
        Expect("rounding", ("25700.27", "25700.26"), kind="expenditure_summary"),
        Expect("rounding", ("8251.70", "8251.71"), kind="general_budget_expenditure"),
        Expect("rounding", ("25699.23", "25699.22"), kind="general_budget_expenditure"),
        Expect("rounding", ("4390.08", "4390.10"), row="301"),
        Expect("rounding", ("902.62", "902.61"), row="302"),
        Expect("rounding", ("2948.23", "2948.24"), row="303"),
        Expect("rounding", ("7338.32", "7338.31"), kind="general_budget_basic"),
    ],
}
# Seeds whose remaining failures come from the readers, not the rules: seed → why.
KNOWN_READER_GAPS: dict[str, dict[str, str]] = {
    "report": {},
    "no_other_error": {},
}


@cache
def findings(seed: str) -> tuple[Finding, ...]:
    import yusuan

    return tuple(run_checks(yusuan.read(EXAMPLES / seed)))


def _params(test: str) -> list:  # type: ignore[type-arg]
    gaps = KNOWN_READER_GAPS[test]
    return [
        pytest.param(s, marks=pytest.mark.xfail(reason=f"{READERS}: {gaps[s]}", strict=False))
        if s in gaps
        else s
        for s in EXPECTED
    ]


def test_expectations_cover_every_hard_and_rounding_truth() -> None:
    for seed, expected in EXPECTED.items():
        truth = load_truth(seed)
        counted = [i for i in truth["inconsistencies"] if i["kind"] in ("hard", "rounding")]
        assert len(expected) >= len(counted), seed


@pytest.mark.parametrize("seed", _params("report"))
def test_every_truth_inconsistency_is_reported(seed: str) -> None:
    found = findings(seed)
    missing = [e for e in EXPECTED[seed] if not any(e.matches(f) for f in found)]
    assert not missing, "\n".join(map(str, missing))


def _truth_numbers(seed: str) -> set[Decimal]:
    """Every number a hard inconsistency of the truth names (values, and figures in its text)."""
    out: set[Decimal] = set()
    for i in load_truth(seed)["inconsistencies"]:
        if i["kind"] == "hard":
            out.update(Decimal(str(v)) for v in i["values"])
            out.update(
                Decimal(n.replace(",", "")) for n in re.findall(r"\d[\d,]*\.\d+|\d+", i["what"] + i["where"])
            )
    return out


@pytest.mark.parametrize("seed", _params("no_other_error"))
def test_no_other_error(seed: str) -> None:
    allowed = _truth_numbers(seed)
    extra = [
        f
        for f in findings(seed)
        if f.severity == "error" and not {Decimal(v) for v in f.values if _number(v)} & allowed
    ]
    assert not extra, "\n".join(f"{f.rule}: {f.message}" for f in extra)
