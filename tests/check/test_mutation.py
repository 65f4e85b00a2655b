"""Mutation recall on the seeds: change one printed amount that takes part in an identity (a
fixed-seed sample of 200 per seed) → an error finding now points at the changed cell."""

from __future__ import annotations

import pytest

from tests.check.builders import clean
from tests.conftest import EXAMPLES, SEEDS
from yusuan.check.mutation import measure

RECALL_FLOOR = 0.95  # measured 0.99–1.00 on the four seeds (bench/README.md, section Check)


def test_every_cell_of_the_built_disclosure_is_caught() -> None:
    recall = measure(clean(), sample=None)
    assert recall.tried > 150
    assert recall.rate == 1.0, recall.missed


@pytest.mark.slow
@pytest.mark.parametrize("seed", SEEDS)
def test_seed_mutation_recall(seed: str) -> None:
    import yusuan

    recall = measure(yusuan.read(EXAMPLES / seed), sample=200)
    assert recall.tried > 0
    assert recall.rate >= RECALL_FLOOR, f"recall {recall.rate:.3f}; missed {recall.missed[:5]}"
