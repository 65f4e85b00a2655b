"""The non-grid parts of the model equal ../shared/truth: identity, 三公, 机关运行经费, 政府采购 total,
projects and the count of per-project performance tables — on the four text seeds and on the
Putuo PDFs (another region's template, read through the PDF reader)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES, SEEDS, diff_summary, load_truth, shared_path
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
PDFS = (
    "shanghai_putuo_caizhengju_2025_bumen_yusuan.pdf",
    "shanghai_putuo_wanlijiedao_2023_bumen_yusuan.pdf",
    "shanghai_putuo_wanlijiedao_2024_bumen_yusuan.pdf",
    "shanghai_putuo_wanlijiedao_2025_bumen_yusuan.pdf",
)
_cache: dict[str, dict[str, Any]] = {}


def _summary(path: Path) -> dict[str, Any]:
    if path.name not in _cache:
        _cache[path.name] = summarise(read(path))
    return _cache[path.name]


def _compare(path: Path, field: str) -> None:
    truth = load_truth(path.name)
    differences = diff_summary({field: _summary(path)[field]}, {field: truth[field]})
    assert not differences, "\n".join(differences)


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("seed", SEEDS)
def test_seed_field_equals_truth(seed: str, field: str) -> None:
    _compare(EXAMPLES / seed, field)


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("pdf", PDFS)
def test_putuo_pdf_field_equals_truth(pdf: str, field: str) -> None:
    _compare(shared_path("pdf", pdf), field)
