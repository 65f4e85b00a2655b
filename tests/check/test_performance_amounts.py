"""performance.amounts when several units each have a project of one name (实施公车统管费用)."""

from __future__ import annotations

from tests.check.builders import amount, clean
from yusuan.check import run_checks
from yusuan.check.registry import get
from yusuan.model import Disclosure, PerformanceTarget, Project

RULE = get("performance.amounts")
NAME = "实施公车统管费用"


def _with(projects: list[str], targets: list[str]) -> Disclosure:
    d = clean()
    d.projects = [Project(NAME, amount(v), unit=f"单位{i}") for i, v in enumerate(projects)]
    d.performance = [PerformanceTarget("project", NAME, amount=amount(v)) for v in targets]
    return d


def test_each_project_meets_the_target_of_its_amount() -> None:
    assert run_checks(_with(["30.00", "0.50"], ["30.00", "0.50"]), [RULE], strict=True) == []


def test_a_project_whose_amount_no_target_prints_is_compared_with_its_own_target() -> None:
    (f,) = run_checks(_with(["30.00", "0.60"], ["30.00", "0.50"]), [RULE], strict=True)
    assert f.severity == "error" and set(f.values) == {"0.60", "0.50"}


def test_a_project_past_the_targets_of_its_name_has_none() -> None:
    assert run_checks(_with(["70.00", "30.00", "10.50"], ["70.00"]), [RULE], strict=True) == []


def test_one_project_and_its_target_still_disagree() -> None:
    (f,) = run_checks(_with(["30.00"], ["31.00"]), [RULE], strict=True)
    assert f.severity == "error"
