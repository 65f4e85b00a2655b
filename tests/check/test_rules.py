"""Every registered rule passes on the clean disclosure and fails on its broken example."""

from __future__ import annotations

import pytest

from tests.check.cases import CASES
from yusuan.check import all_rules, run_checks
from yusuan.check.registry import get

RULE_IDS = [r.id for r in all_rules()]


def test_catalogue_is_large_and_ids_unique() -> None:
    assert len(RULE_IDS) >= 40
    assert len(set(RULE_IDS)) == len(RULE_IDS)


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_has_a_case(rule_id: str) -> None:
    assert rule_id in CASES, f"rule {rule_id} has no failing example in tests/check/cases.py"


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_passes_on_clean(rule_id: str) -> None:
    case = CASES[rule_id]
    d = case.build()
    if case.good:
        case.good(d)
    assert run_checks(d, [get(rule_id)], previous=case.previous, strict=True) == []


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_fails_on_its_case(rule_id: str) -> None:
    case, rule = CASES[rule_id], get(rule_id)
    d = case.build()
    case.edit(d)
    findings = run_checks(d, [rule], previous=case.previous, strict=True)
    assert findings, f"{rule_id} found nothing"
    assert {f.severity for f in findings} == {rule.severity}
    assert all(f.rule == rule_id and f.message for f in findings)


def test_clean_disclosures_have_no_findings() -> None:
    from tests.check.builders import clean, final_accounts

    for d in (clean(), final_accounts()):
        assert run_checks(d, strict=True) == []


def test_stale_cases_are_removed() -> None:
    assert set(CASES) <= set(RULE_IDS)
