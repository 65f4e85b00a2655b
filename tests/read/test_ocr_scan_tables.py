"""A committed scan read through yusuan.read gives the ruled rows of its PDF's text layer.

tests/data/002_….scan.pdf is an image-only scan (150 dpi, turned, noised, blurred, JPEG) of pages
1–3 of tests/data/002_….pdf (tests/data/MANIFEST.json). Its tables are ruled: with the rules found
in the image, OCR rows are rebuilt box by box like the PDF's, so blank boxes are empty cells and
columns are positional. Before the rules, 5 of these 42 table rows came back equal to the text
layer's (no empty cells, wrapped names split); now nearly all do. RapidOCR reads 3 pages in
10–30 s, so the test is slow.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT
from yusuan.read import read_layout

DATA = ROOT / "tests" / "data"
SEED = "002_df00543b5fb556ea"
_WS = re.compile(r"\s+")


def _path(name: str) -> Path:
    path = DATA / name
    if not path.exists():
        pytest.skip(f"{path} is absent (run tests/data/make_test_documents.py)")
    return path


def _rows(lines: list) -> list[list[str]]:
    return [[_WS.sub("", c.text) for c in line.cells] for line in lines]


@pytest.mark.slow
def test_scanned_ruled_tables_give_the_text_layer_rows() -> None:
    pytest.importorskip("rapidocr_onnxruntime", reason="OCR extra not installed: pip install 'yusuan[ocr]'")
    pages = json.loads(_path("MANIFEST.json").read_text())[SEED]["scan_of_pdf_pages"]
    text = read_layout(_path(f"{SEED}.pdf"))
    scan = read_layout(_path(f"{SEED}.scan.pdf"))
    assert [p.number for p in scan.pages] == [1, 2, 3] and all(p.ocr for p in scan.pages)
    equal = total = 0
    for scan_page, number in zip(scan.pages, pages, strict=True):
        got = _rows(scan_page.lines)
        want = [row for row in _rows(text.pages[number - 1].lines) if sum(1 for c in row if c) >= 2]
        total += len(want)
        equal += sum(1 for row in want if row in got)
    assert total >= 40
    assert equal >= 0.85 * total, f"{equal} of {total} table rows equal the text layer's"
    # blank 预算数 boxes are empty cells, so the amounts stay in their columns
    page2 = _rows(scan.pages[1].lines)
    assert ["15", "十五、资源勘探工业信息等支出", "794.50", "", ""] in page2
    assert ["20", "二十、住房保障支出", "16.21", "", ""] in page2
    assert ["17", "十七、金融支出", "", "", ""] in page2
