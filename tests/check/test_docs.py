"""docs/rules.md is generated from the registry and documents every rule id."""

from __future__ import annotations

from tests.conftest import ROOT
from yusuan.check import all_rules
from yusuan.check.docs import FAMILIES, render

DOC = ROOT / "docs" / "rules.md"


def test_every_rule_id_is_documented() -> None:
    text = DOC.read_text("utf-8")
    missing = [r.id for r in all_rules() if f"`{r.id}`" not in text]
    assert not missing, f"undocumented rules {missing}: run python -m yusuan.check.docs"


def test_rules_doc_is_up_to_date() -> None:
    assert DOC.read_text("utf-8") == render(all_rules()), "regenerate: python -m yusuan.check.docs"


def test_every_family_has_a_heading() -> None:
    assert {r.group for r in all_rules()} <= set(FAMILIES)


def test_every_rule_has_title_and_rationale() -> None:
    for r in all_rules():
        assert r.title and r.rationale and r.rationale.endswith(("。", "）")), r.id
