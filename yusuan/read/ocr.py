"""OCR reader: images and scanned PDF pages → :class:`~yusuan.layout.Layout` through RapidOCR.

Why RapidOCR (``rapidocr-onnxruntime`` 1.4): the PP-OCRv4 Chinese detection and recognition
models ship inside the wheel, so OCR works offline and nothing is downloaded at run time; it
runs on onnxruntime on the CPU. It is an optional extra (``pip install 'yusuan[ocr]'``): without
it the functions here raise ImportError, which the PDF reader turns into a clear message.

Images keep pixel coordinates; PDF pages are rendered with pypdfium2 at ``SCALE`` (144 dpi) and
their boxes are given back in PDF points, like the PDF reader's cells. The page's ruling lines
are found in the image (:mod:`yusuan.read.ocr_rules`) and ruled tables rebuilt from them as a
PDF's are, so a scanned table keeps its columns (blank boxes are empty cells) and wrapped names.
Every cell is marked ``ocr=True`` with the recogniser's confidence (none for a blank box);
amounts get the conservative repairs of :mod:`yusuan.read.ocr_numbers`.
"""

from __future__ import annotations

import warnings
from functools import lru_cache
from pathlib import Path
from typing import Any

from yusuan.errors import UnreadableInput
from yusuan.layout import Layout, Page
from yusuan.read.ocr_lines import boxes_from_ocr, lines_from_boxes, page_turn
from yusuan.read.ocr_rules import find_rules, page_rules, skew, text_across

SCALE = 2.0  # PDF points → pixels: 144 dpi, enough for 9-pt table text, ~10 s a dense page on 2 cores


@lru_cache(maxsize=1)
def engine() -> Any:
    """The RapidOCR engine, built once per process (loading the models takes about a second).
    The angle classifier is off: disclosure pages are upright, and it can flip short boxes."""
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError as exc:
        raise ImportError(f"OCR is not available: install yusuan[ocr] ({exc})") from exc
    return RapidOCR(use_cls=False)


def ocr_array(
    image: Any, page: int, scale: float = 1.0, first_line: int = 1, px_per_pt: float | None = None
) -> Page:
    """OCR one page image (RGB array or PIL image); coordinates divided by ``scale``.

    The page's ruling lines are found in the same image (:mod:`yusuan.read.ocr_rules`); they
    give the skew undone for boxes and rules alike, and ruled tables are rebuilt from them.
    ``px_per_pt`` (pixels per typographic point) tells rules from strokes of text; a photo has
    no known resolution, so by default it is guessed from the height of the text boxes."""
    import numpy as np

    if not isinstance(image, np.ndarray):
        image = np.asarray(image.convert("RGB"))
    height, width = image.shape[:2]
    bgr = np.ascontiguousarray(image[:, :, ::-1]) if image.ndim == 3 else image
    results, _ = engine()(bgr)
    results = results or []
    ruling = find_rules(image, px_per_pt or text_scale(results))
    turn = page_turn(results, scale, skew(ruling))
    vrules, hrules = page_rules(ruling, turn)
    boxes = boxes_from_ocr(results, scale, turn)
    return Page(
        number=page,
        lines=lines_from_boxes(boxes, page, first_line, vrules, hrules, width / scale, text_across(ruling, turn)),
        width=width / scale,
        height=height / scale,
        ocr=True,
    )


TEXT_BOX_PT = 13.0  # an OCR box of 9–10.5 pt table text is about this many points tall


def text_scale(results: list[Any]) -> float:
    """Pixels per point guessed from the median height of the OCR boxes (1 without boxes)."""
    from statistics import median

    heights = [abs(q[3][1] - q[0][1]) for q, _, _ in results if len(q) >= 4]
    return max(median(heights) / TEXT_BOX_PT, 0.5) if heights else 1.0


def read_image(path: str | Path) -> Layout:
    """Read a PNG/JPEG image (a photographed or scanned page) into a one-page layout."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    path = Path(path)
    try:
        with warnings.catch_warnings():  # past MAX_IMAGE_PIXELS (10 A4 pages at 300 dpi) is refused, not warned
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as img:
                img.load()
                image = ImageOps.exif_transpose(img).convert("RGB")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise UnreadableInput(f"图像过大（超过 {Image.MAX_IMAGE_PIXELS:,} 像素，疑似解压炸弹） — the image is too large",
                              source=path.name) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise UnreadableInput(f"图像已损坏或格式不受支持（{exc}） — a damaged or unsupported image", source=path.name) from None
    layout = Layout(source=path.name, format="image", path=str(path))
    page = ocr_array(image, 1)
    layout.pages.append(page)
    layout.warnings.append("read by OCR: check the figures against the image")
    if not page.lines:
        layout.warnings.append("OCR found no text on the image")
    return layout


def ocr_pdf_pages(path: str | Path, page_numbers: list[int] | None = None) -> list[Page]:
    """OCR the given 1-based pages of a PDF (all when None), coordinates in PDF points.

    PDFium is not thread-safe, so each page is rendered while holding
    :data:`yusuan.read.pdf.PDFIUM_LOCK` (as are opening and closing the document); the OCR
    itself runs outside the lock. Lines are numbered from 1 on each page; the PDF reader
    renumbers them over the document."""
    import pypdfium2 as pdfium

    from yusuan.read.pdf import PDFIUM_LOCK

    path = Path(path)
    with PDFIUM_LOCK:
        try:
            doc = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as exc:
            raise UnreadableInput(f"无法打开 PDF 进行 OCR（{exc}） — the PDF cannot be opened for OCR", source=path.name) from None
        count = len(doc)
    try:
        numbers = page_numbers if page_numbers is not None else list(range(1, count + 1))
        pages = []
        for number in numbers:
            if not 1 <= number <= count:
                raise UnreadableInput(f"PDF 没有第 {number} 页 — the PDF has no page {number}", source=path.name)
            with PDFIUM_LOCK:
                page = doc[number - 1]
                try:
                    bitmap = page.render(scale=SCALE, grayscale=True)
                    image = bitmap.to_pil().convert("RGB")  # a copy: the bitmap can go
                    bitmap.close()
                finally:
                    page.close()
            pages.append(ocr_array(image, number, SCALE, px_per_pt=SCALE))
        return pages
    finally:
        with PDFIUM_LOCK:
            doc.close()
