"""Fuzz the read path (text, PDF, Excel) for a bounded number of inputs: typed errors only, never a crash.

bench/fuzz_bench.py runs the same targets for longer and records inputs tried and crashes.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from tests.property.fuzz_targets import TARGETS, read_bytes


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_the_reader_raises_only_its_typed_errors(name: str) -> None:
    strategy, suffix = TARGETS[name]

    @settings(max_examples=40, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(strategy())
    def run(data: bytes) -> None:
        read_bytes(data, suffix)

    run()
