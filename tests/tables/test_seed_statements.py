"""The statement-table fields of the summary equal ../shared/truth for every seed.

Only revenue, expenditure, general_public_budget_expenditure and basic_by_economic_class: the
fields that come from the table stage, so its progress shows while other fields are built.
"""

from __future__ import annotations

from typing import Any

import pytest

import yusuan
from tests.conftest import diff_summary, load_truth, shared_path
from yusuan.key_figures import summarise

SEEDS = ["000_87792da19c622395.txt", "001_f756e9a8bddbf743.txt", "002_df00543b5fb556ea.txt", "004_307b00c8d6f72425.txt"]
FIELDS = ("revenue", "expenditure", "general_public_budget_expenditure", "basic_by_economic_class")


def _summary(seed: str) -> dict[str, Any]:
    return summarise(yusuan.read(shared_path("seeds", seed)))


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("field", FIELDS)
def test_statement_fields_equal_truth(seed: str, field: str) -> None:
    truth = load_truth(seed)
    actual = _summary(seed)
    differences = diff_summary({field: actual[field]}, {field: truth[field]})
    assert not differences, "\n".join(differences)
