"""The statement-table fields of the summary equal ../shared/truth for every seed and Shanghai PDF.

Only revenue, expenditure, general_public_budget_expenditure and basic_by_economic_class: the
fields that come from the table stage, so its progress shows while other fields are built.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

import yusuan
from tests.conftest import diff_summary, load_truth, shared_path
from yusuan.key_figures import summarise

SEEDS = ["000_87792da19c622395.txt", "001_f756e9a8bddbf743.txt", "002_df00543b5fb556ea.txt", "004_307b00c8d6f72425.txt"]
PDFS = [
    "shanghai_putuo_caizhengju_2025_bumen_yusuan.pdf",
    "shanghai_putuo_wanlijiedao_2023_bumen_yusuan.pdf",
    "shanghai_putuo_wanlijiedao_2024_bumen_yusuan.pdf",
    "shanghai_putuo_wanlijiedao_2025_bumen_yusuan.pdf",
]
FIELDS = ("revenue", "expenditure", "general_public_budget_expenditure", "basic_by_economic_class")


@cache
def _summary(folder: str, name: str) -> dict[str, Any]:
    return summarise(yusuan.read(shared_path(folder, name)))


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("field", FIELDS)
def test_statement_fields_equal_truth(seed: str, field: str) -> None:
    truth = load_truth(seed)
    actual = _summary("seeds", seed)
    differences = diff_summary({field: actual[field]}, {field: truth[field]})
    assert not differences, "\n".join(differences)


@pytest.mark.parametrize("pdf", PDFS)
@pytest.mark.parametrize("field", FIELDS)
def test_pdf_statement_fields_equal_truth(pdf: str, field: str) -> None:
    """The Shanghai PDFs (tables in 元, 类|款|项 code columns) go through the same table stage."""
    truth = load_truth(pdf)
    actual = _summary("pdf", pdf)
    differences = diff_summary({field: actual[field]}, {field: truth[field]})
    assert not differences, "\n".join(differences)
