"""The documents derived from each seed text (tests/data/, made by make_test_documents.py) give
the seed's summary: the openpyxl .xlsx, LibreOffice's .xls of it, and the PDF LibreOffice prints
from the same cells. Only ``source`` may differ. About 0.1–0.5 s per document, no OCR."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import yusuan
from tests.conftest import ROOT
from yusuan.key_figures import dumps

DATA = ROOT / "tests" / "data"
EXAMPLES = ROOT / "examples"
SEEDS = ["000_87792da19c622395", "001_f756e9a8bddbf743", "002_df00543b5fb556ea", "004_307b00c8d6f72425"]

def _leaves(value: Any, path: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        return {k: v for key, item in value.items() for k, v in _leaves(item, f"{path}.{key}" if path else key).items()}
    if isinstance(value, list):
        return {k: v for i, item in enumerate(value) for k, v in _leaves(item, f"{path}[{i}]").items()}
    return {path: value}


def _summary(path: Path) -> dict[str, Any]:
    """The summary as ``yusuan summary --json`` prints it, by leaf path, ``source`` left out."""
    data = json.loads(dumps(yusuan.summary(yusuan.read(path))))
    return {k: v for k, v in _leaves(data).items() if not k.startswith("source")}


@cache
def _text_summary(seed: str) -> dict[str, Any]:
    return _summary(EXAMPLES / f"{seed}.txt")


def _cases() -> list[Any]:
    cases = []
    for seed in SEEDS:
        for ext in ("xlsx", "xls", "pdf"):
            if ext == "xls" and not (DATA / f"{seed}.xls").exists():
                continue
            cases.append(pytest.param(seed, ext, id=f"{seed[:3]}.{ext}"))
    return cases


@pytest.mark.parametrize(("seed", "ext"), _cases())
def test_derived_document_gives_the_text_summary(seed: str, ext: str) -> None:
    path = DATA / f"{seed}.{ext}"
    if not path.exists():
        pytest.skip(f"{path} is absent (run tests/data/make_test_documents.py)")
    want, got = _text_summary(seed), _summary(path)
    wrong = {k: (want.get(k), got.get(k)) for k in sorted(set(want) | set(got)) if want.get(k) != got.get(k)}
    assert not wrong, f"{len(wrong)} of {len(want)} fields differ, first: {list(wrong.items())[:5]}"
