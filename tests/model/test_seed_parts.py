"""The non-grid parts of the model equal ../shared/truth on each seed: identity, 三公, 机关运行经费,
政府采购 total, projects and the count of per-project performance tables."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import EXAMPLES, SEEDS, diff_summary, load_truth
from yusuan.key_figures import summarise
from yusuan.pipeline import read

FIELDS = (
    "department",
    "year",
    "units",
    "three_public",
    "operating_costs",
    "government_procurement_total",
    "projects",
    "project_performance_tables",
)


@pytest.fixture(scope="module")
def summaries() -> dict[str, dict[str, Any]]:
    return {seed: summarise(read(EXAMPLES / seed)) for seed in SEEDS}


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("seed", SEEDS)
def test_field_equals_truth(seed: str, field: str, summaries: dict[str, dict[str, Any]]) -> None:
    truth = load_truth(seed)
    actual = summaries[seed]
    differences = diff_summary({field: actual[field]}, {field: truth[field]})
    assert not differences, "\n".join(differences)
