"""The web application under a bounded loopback load: 50 concurrent clients of one session each
upload a document and view one, and no request gets an error (bench/robustness_bench.py --web
records p50/p95 over more rounds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.robustness.web_load import run_load, serving

pytestmark = pytest.mark.slow
CLIENTS = 50


def test_fifty_clients_upload_and_view_without_an_error(tmp_path: Path) -> None:
    with serving(tmp_path) as base:
        results = run_load(base, CLIENTS, rounds=1)
    assert len(results) == 2 * CLIENTS
    errors = [(what, code) for what, code, _ in results if code >= 400]
    assert not errors, errors
