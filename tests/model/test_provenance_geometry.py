"""Every figure of a PDF table keeps its page and the cell's box; a scan's figures say they were
read by OCR (issue: provenance keeps page and bounding box, OCR figures are flagged)."""

from __future__ import annotations

import pytest

import yusuan
from tests.conftest import ROOT
from yusuan.check import run_checks
from yusuan.check.cells import table_cell

DATA = ROOT / "tests" / "data"
SEED = "000_87792da19c622395"


def _figures(d: yusuan.Disclosure) -> list:
    return [a for t in d.tables for i in t.items for a in i.values.values() if not a.blank]


def test_pdf_figures_keep_page_and_box() -> None:
    d = yusuan.read(DATA / f"{SEED}.pdf")
    figures = _figures(d)
    assert len(figures) > 300
    for a in figures:
        assert a.where is not None and a.where.page is not None and a.where.bbox is not None, a
        x0, top, x1, bottom = a.where.bbox
        assert 0 <= x0 < x1 <= 842 and 0 <= top < bottom <= 842 and not a.where.ocr


def test_text_figures_have_no_box() -> None:
    assert all(a.where is not None and a.where.bbox is None for a in _figures(yusuan.read(ROOT / "examples" / f"{SEED}.txt")))


@pytest.mark.slow
def test_scan_figures_are_flagged_as_ocr_up_to_the_findings() -> None:
    pytest.importorskip("rapidocr_onnxruntime", reason="OCR extra not installed: pip install 'yusuan[ocr]'")
    d = yusuan.read(DATA / f"{SEED}.scan.pdf")
    figures = _figures(d)
    assert figures and all(a.where.ocr and a.where.bbox is not None for a in figures)  # type: ignore[union-attr]
    table = d.tables[0]
    cell = table_cell(table, next(i for i in table.items if i.values), "total", d.money_unit)
    assert cell is not None and cell.loc.ocr and cell.loc.bbox is not None
    assert all(loc.ocr for f in run_checks(d) for loc in f.locations if loc.kind == table.kind)


def test_three_public_and_project_figures_keep_their_box_too() -> None:
    d = yusuan.read(DATA / "004_307b00c8d6f72425.pdf")
    assert d.three_public is not None and d.three_public.current["total"].where.bbox is not None  # type: ignore[union-attr]
    d = yusuan.read(DATA / f"{SEED}.pdf")
    listed = [p for p in d.projects if p.origin == "project_expenditure"]
    assert listed and all(p.amount and p.amount.where and p.amount.where.bbox for p in listed)
