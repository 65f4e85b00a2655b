"""The registry: unique ids, known severities, plugins register like built-ins, a crashing rule is
reported rather than fatal, and the previous-year hook reaches the cross-year rules."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from tests.check.builders import clean, say, three_public
from yusuan.check import REGISTRY, Context, Finding, get, rule, run_checks
from yusuan.check.previous import from_disclosure


def test_unknown_severity_is_refused() -> None:
    with pytest.raises(ValueError):
        rule("x.bad", "t", "fatal", "r")


def test_duplicate_id_is_refused() -> None:
    with pytest.raises(ValueError):
        rule("row.total_basic_project", "t", "error", "r")(lambda ctx: iter(()))


def test_a_plugin_rule_runs_and_a_crash_becomes_a_warning() -> None:
    @rule("plugin.example", "示例", "error", "示例规则。")
    def example(ctx: Context) -> Iterator[Finding]:
        raise RuntimeError("boom")

    try:
        findings = run_checks(clean(), [get("plugin.example")])
        assert [(f.rule, f.severity) for f in findings] == [("plugin.example", "warning")]
        with pytest.raises(RuntimeError):
            run_checks(clean(), [get("plugin.example")], strict=True)
    finally:
        del REGISTRY["plugin.example"]


def test_previous_year_provider() -> None:
    last = clean()
    for row in last.tables_of("income_expenditure_summary")[0].items:
        if row.key == "grand_total" and row.side == "expenditure":
            row.values["total"] = row.values["total"].__class__(Decimal("190.00"), "190.00")
    three_public(last, "current", "total", "10.00")
    d = clean()
    assert run_checks(d, [get("history.previous")], previous=from_disclosure(last)) == []
    say(d, "expenditure.total.previous", "180.00")
    found = run_checks(d, [get("history.previous")], previous=from_disclosure(last))
    assert [f.values for f in found] == [("180.00", "190.00")]


def test_the_same_finding_is_reported_once() -> None:
    from yusuan.check.registry import Rule

    def twice(ctx: object) -> list[Finding]:
        f = Finding("", "error", "同一比较", ("1.00", "2.00"))
        return [f, f]

    rule_ = Rule("test.twice", "重复", "error", "", twice)
    assert len(run_checks(clean(), [rule_])) == 1
