"""Page images of a PDF source (原件页面), rendered with PDFium (pypdfium2) and kept in a small cache.

Why one lock: PDFium is not thread-safe, and the server answers requests on many threads.
Finding boxes are not burnt into the image: the page is drawn as an SVG whose coordinates are
PDF points with the origin at the top left — exactly the reader's cell boxes — so the browser
draws and highlights each finding's cells over the image.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass

import pypdfium2 as pdfium

from yusuan.web.cache import LRU

SCALE = 1.5  # 108 dpi: sharp enough for 8-pt table text on a laptop screen
CACHE_PAGES = 64


@dataclass(frozen=True, slots=True)
class PageInfo:
    """A page's size in points (the SVG's viewBox) and the document's page count."""

    number: int
    width: float
    height: float
    count: int


def is_pdf(data: bytes | None) -> bool:
    return bool(data) and data[:5] == b"%PDF-"  # type: ignore[index]


class PageRenderer:
    """Renders pages to PNG (cached by document and page) and tells page sizes."""

    def __init__(self, capacity: int = CACHE_PAGES) -> None:
        self._png: LRU[bytes | None] = LRU(capacity)
        self._info: LRU[PageInfo | None] = LRU(capacity * 4)
        self.lock = threading.Lock()

    def info(self, doc_id: str, data: bytes, number: int) -> PageInfo | None:
        """Size of page ``number`` (1-based) and the page count; None when the page does not exist."""
        return self._info.get((doc_id, number), lambda: self._read_info(data, number))

    def _read_info(self, data: bytes, number: int) -> PageInfo | None:
        with self.lock:
            pdf = pdfium.PdfDocument(data)
            try:
                count = len(pdf)
                if not 1 <= number <= count:
                    return None
                width, height = pdf[number - 1].get_size()
                return PageInfo(number, width, height, count)
            finally:
                pdf.close()

    def png(self, doc_id: str, data: bytes, number: int) -> bytes | None:
        """Page ``number`` as PNG at :data:`SCALE` (None when it does not exist)."""
        return self._png.get((doc_id, number), lambda: self._render(data, number))

    def _render(self, data: bytes, number: int) -> bytes | None:
        with self.lock:
            pdf = pdfium.PdfDocument(data)
            try:
                if not 1 <= number <= len(pdf):
                    return None
                image = pdf[number - 1].render(scale=SCALE).to_pil()
            finally:
                pdf.close()
        out = io.BytesIO()
        image.save(out, format="PNG", optimize=False)
        return out.getvalue()
