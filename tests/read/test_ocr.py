"""OCR reader end to end: a rendered table image and one scanned seed page (RapidOCR, a few
seconds a page, so only two images are read); damaged images without the engine."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from tests.conftest import ROOT
from yusuan.errors import UnreadableInput
from yusuan.layout import Layout
from yusuan.read import read_layout
from yusuan.read.ocr import read_image

DATA = ROOT / "tests" / "data"


def _data(name: str) -> Path:
    path = DATA / name
    if not path.exists():
        pytest.skip(f"{path} is absent (run tests/data/make_test_documents.py)")
    return path


def _texts(lines: list) -> list[list[str]]:
    return [[c.text for c in line.cells] for line in lines]


@pytest.fixture(scope="module")
def table_image() -> Layout:
    pytest.importorskip("rapidocr_onnxruntime", reason="OCR extra not installed: pip install 'yusuan[ocr]'")
    return read_layout(_data("ocr_table.png"))


@pytest.mark.slow
def test_table_image_gives_its_rows(table_image: Layout) -> None:
    assert table_image.format == "image"
    (page,) = table_image.pages
    assert page.ocr and (page.width, page.height) == (1180, 380)
    rows = _texts(page.lines)
    assert rows[0] == ["科目编码", "科目名称", "合计", "基本支出"]
    assert rows[1] == ["208", "社会保障和就业支出", "1,425.40", "1,380.12"]
    assert rows[2] == ["20801", "人力资源和社会保障管理事务", "74,934.98", "746.43"]
    assert rows[3][0] == "2080505" and rows[3][2:] == ["96.70", "0.50"]
    assert rows[4] == ["合计", "76,457.08", "2,127.05"]


@pytest.mark.slow
def test_every_ocr_cell_has_geometry_and_confidence(table_image: Layout) -> None:
    cells = [c for line in table_image.lines() for c in line.cells]
    assert all(c.ocr and c.confidence is not None and 0 < c.confidence <= 1 for c in cells)
    assert all(c.bbox is not None and c.x0 < c.x1 for c in cells)
    lines = list(table_image.lines())
    assert all(a.top < b.top for a, b in pairwise(lines))
    assert any("OCR" in w for w in table_image.warnings)


@pytest.mark.slow
def test_scanned_seed_page_gives_the_key_amounts() -> None:
    """Pages 1–2 of the scan of seed 000 (rasterised at 150 dpi, turned, noised): 收支预算总表,
    whose last two rows (上年结转结余, 收入总计) run on to page 2."""
    pytest.importorskip("rapidocr_onnxruntime", reason="OCR extra not installed: pip install 'yusuan[ocr]'")
    from yusuan.read.ocr import ocr_pdf_pages

    page, page2 = ocr_pdf_pages(_data("000_87792da19c622395.scan.pdf"), [1, 2])
    assert page.number == 1 and page.ocr and page2.number == 2
    assert page.width == pytest.approx(841.89, abs=1) and page.height == pytest.approx(595.3, abs=1)
    rows = _texts([*page.lines, *page2.lines])
    flat = [t for row in rows for t in row]
    assert "收支预算总表" in flat
    for amount in ["1,425.40", "435.73", "47.43", "868.43", "73.81"]:
        assert amount in flat, amount
    # The ruled 收支预算总表 printed by LibreOffice: the OCR may drop a small '一、'/'二、' prefix.
    # Its blank 预算数 box is an empty cell, as in the PDF's text layer (columns are positional)
    assert [row[1:] for row in rows if "47.43" in row] == [["二、卫生健康支出", "47.43", ""]]
    by_last = {kept[-1]: kept for row in rows if (kept := [t for t in row if t])}
    assert by_last["47.43"][0].endswith("政府性基金预算拨款收入")
    assert by_last["47.43"][1:] == ["二、卫生健康支出", "47.43"]
    assert by_last["435.73"][0].endswith("一般公共预算拨款收入") and by_last["435.73"][1] == "1,425.40"
    assert ["本年收入合计", "1,425.40", "本年支出合计", "1,425.40"] in rows
    assert ["收入总计", "1,425.40", "支出总计", "1,425.40"] in _texts(page2.lines)  # 收 入 总 计, one cell
    assert all(line.page == 1 for line in page.lines)
    assert all(c.top is not None and 0 <= c.top <= 595.3 for line in page.lines for c in line.cells)


def test_a_damaged_image_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "page.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 20)
    with pytest.raises(UnreadableInput, match="damaged or unsupported image"):
        read_image(path)
    with pytest.raises(UnreadableInput):
        read_layout(path)


@pytest.mark.slow
def test_the_pdf_reader_sends_a_scanned_page_to_ocr(tmp_path: Path) -> None:
    """End to end through read_layout: an image-only one-page PDF comes back as OCR lines."""
    pytest.importorskip("rapidocr_onnxruntime", reason="OCR extra not installed: pip install 'yusuan[ocr]'")
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(_data("000_87792da19c622395.scan.pdf")))
    image = doc[0].render(scale=150 / 72, grayscale=True).to_pil()
    doc.close()
    path = tmp_path / "scan.pdf"
    image.save(path, "PDF", resolution=150)
    layout = read_layout(path)
    assert layout.format == "pdf"
    (page,) = layout.pages
    assert page.ocr and page.lines
    assert any("sent to OCR" in w for w in layout.warnings)
    assert [line.number for line in page.lines] == list(range(1, len(page.lines) + 1))
    assert "1,425.40" in [c.text for line in page.lines for c in line.cells]
