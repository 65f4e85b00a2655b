"""`yusuan summary --json` equals ../shared/truth/<seed>.json on every field, for each seed."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from tests.conftest import EXAMPLES, SEEDS, diff_summary, load_truth
from yusuan.cli.app import main


@pytest.mark.parametrize("seed", SEEDS)
def test_summary_json_equals_truth(seed: str, capsys: pytest.CaptureFixture[str]) -> None:
    truth = load_truth(seed)
    assert main(["summary", str(EXAMPLES / seed), "--json"]) == 0
    actual = json.loads(capsys.readouterr().out, parse_float=Decimal, parse_int=Decimal)
    differences = diff_summary(actual, truth)
    assert not differences, "\n".join(differences)
