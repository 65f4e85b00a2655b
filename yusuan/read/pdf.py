"""PDF reader: the text layer (PDFium character boxes) → :class:`~yusuan.layout.Layout`.

Each page becomes a :class:`Page` of visual lines whose cells carry real positions in PDF points
(top-left origin of the displayed page, ``top`` growing downward; ``Page.rotation`` is the page's
/Rotate, already applied; text printed sideways is turned upright, with a warning). Glyphs become
cells in :mod:`yusuan.read.pdf_lines`; in ruled tables :mod:`yusuan.read.pdf_boxes` rebuilds rows
from the cell boxes (wrapped text joined, an empty cell per blank box), so a ruled PDF table reads
like its spreadsheet. ``Line.number`` runs over the whole document. Pages whose text layer is
garbled (fonts without Unicode mapping), scans and text drawn as outlines go to OCR
(``yusuan.read.ocr``, an optional extra); a file that cannot be opened raises
:class:`UnreadableInput` naming the reason: password, truncation, damage.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from yusuan.errors import UnreadableInput
from yusuan.layout import Layout, Line, Page
from yusuan.read.pdf_boxes import ruled_lines
from yusuan.read.pdf_garble import garbled_share, is_garbled, repair, textless_reason
from yusuan.read.pdf_glyphs import PageGlyphs, Rule, read_page_glyphs
from yusuan.read.pdf_lines import LineCells, page_lines

_OCR_MISSING = "OCR is not available: install yusuan[ocr]"
PDFIUM_LOCK = threading.RLock()
"""PDFium is not thread-safe: every use of it in one process (reading here, rendering for OCR)
holds this lock, so a threaded server may read PDFs concurrently without crashing."""


def _tail_has_eof(path: Path) -> bool:
    """Whether the file ends (within the last KiB, as the spec allows) with %%EOF."""
    with path.open("rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - 1024))
        return b"%%EOF" in fh.read()


def _contains_eof(path: Path) -> bool:
    return b"%%EOF" in path.read_bytes()


def open_pdf(path: Path) -> pdfium.PdfDocument:
    """Open ``path`` with PDFium, turning every failure into an UnreadableInput with its reason."""
    name = path.name
    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise UnreadableInput(
                "PDF 设有密码保护（已加密），请先解除密码 — the PDF is password-protected (encrypted); remove the password first", source=name
            ) from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise UnreadableInput(
                "PDF 使用了不支持的加密方式 — the PDF uses an unsupported security (encryption) handler", source=name
            ) from None
        if code == pdfium_c.FPDF_ERR_FILE:
            raise UnreadableInput(
                "无法打开 PDF（文件不存在或不可读） — the PDF cannot be opened (file not found or unreadable)", source=name
            ) from None
        if not _tail_has_eof(path):
            raise UnreadableInput(
                "PDF 文件不完整（在 %%EOF 之前中断，可能未下载完） — the PDF is truncated (it ends before %%EOF; an incomplete download?)", source=name
            ) from None
        raise UnreadableInput("PDF 已损坏（PDFium 无法解析） — the PDF is damaged (PDFium cannot parse it)", source=name) from None
    except OSError as exc:
        raise UnreadableInput(f"无法打开（{exc.strerror}） — cannot be opened", source=name) from None
    if len(doc) == 0:
        doc.close()
        if not _tail_has_eof(path):
            raise UnreadableInput(
                "PDF 文件不完整（在 %%EOF 之前中断，没有完整的页面） — the PDF is truncated (no pages survive; it ends before %%EOF)", source=name
            )
        raise UnreadableInput("PDF 没有页面 — the PDF has no pages", source=name)
    return doc


def _page_of(number: int, glyphs: PageGlyphs, first_line: int) -> Page:
    """Build the Page for one page's glyphs; lines numbered from ``first_line``."""
    page = Page(number=number, width=glyphs.width, height=glyphs.height, rotation=glyphs.rotation)

    def merge(lines: list[LineCells], vrules: list[Rule]) -> list[LineCells]:
        return ruled_lines(lines, vrules, glyphs.hrules(), glyphs.width)

    for index, (cells, top, bottom) in enumerate(page_lines(glyphs.glyphs, glyphs.rules, merge)):
        fixed = [c if c.text.isascii() else c._replace(text=repair(c.text)) for c in cells]
        text = " ".join(c.text for c in fixed)
        page.lines.append(Line(fixed, number, first_line + index, text, top, bottom))
    return page


def _read_pages(doc: pdfium.PdfDocument, layout: Layout) -> tuple[list[Page], dict[int, str]]:
    """Read every page's text layer; return the pages and {page number: reason} for OCR."""
    pages: list[Page] = []
    to_ocr: dict[int, str] = {}
    line_no = 1
    for index in range(len(doc)):
        number = index + 1
        handle = pdfium_c.FPDF_LoadPage(doc.raw, index)
        if not handle:
            raise UnreadableInput(
                f"PDF 第 {number} 页已损坏，无法载入 — page {number} of the PDF is damaged and cannot be loaded", source=layout.source
            )
        textpage = pdfium_c.FPDFText_LoadPage(handle)
        try:
            glyphs = read_page_glyphs(handle, textpage)
            if glyphs.turn != glyphs.rotation // 90:
                layout.warnings.append(f"page {number}: text runs sideways on the page; read turned upright")
            if is_garbled(glyphs):
                to_ocr[number] = f"text layer garbled ({garbled_share(glyphs):.0%} of glyphs unmapped)"
                page = Page(number=number, width=glyphs.width, height=glyphs.height, rotation=glyphs.rotation)
            elif reason := textless_reason(glyphs):
                to_ocr[number] = reason
                page = Page(number=number, width=glyphs.width, height=glyphs.height, rotation=glyphs.rotation)
            else:
                page = _page_of(number, glyphs, line_no)
                line_no += len(page.lines)
        finally:
            if textpage:
                pdfium_c.FPDFText_ClosePage(textpage)
            pdfium_c.FPDF_ClosePage(handle)
        pages.append(page)
    return pages, to_ocr


def _ocr(path: Path, layout: Layout, to_ocr: dict[int, str]) -> None:
    """Replace the pages in ``to_ocr`` by their OCR reading, or explain why that is impossible."""
    has_text = any(p.lines for p in layout.pages if p.number not in to_ocr)
    reasons = set(to_ocr.values())
    none = all(r.startswith("no text") for r in reasons)
    what = ("没有文字层", "has no text layer") if none else ("没有可用的文字层", "has no usable text layer")
    try:
        from yusuan.read.ocr import ocr_pdf_pages
    except ImportError:
        ocr_pdf_pages = None
    if ocr_pdf_pages is not None:
        for number, reason in sorted(to_ocr.items()):
            layout.warnings.append(f"page {number}: {reason}, sent to OCR")
        try:
            read = ocr_pdf_pages(path, sorted(to_ocr))
        except ImportError:
            read = None
        if read is not None:
            by_number = {p.number: p for p in read}
            layout.pages = [by_number.get(p.number, p) if p.number in to_ocr else p for p in layout.pages]
            return
    if not has_text:
        raise UnreadableInput(f"PDF {what[0]}，且未安装 OCR（请安装 yusuan[ocr]） — the PDF {what[1]}; {_OCR_MISSING}",
                              source=path.name)
    for number, reason in sorted(to_ocr.items()):
        layout.warnings.append(f"page {number}: {reason}; {_OCR_MISSING}; page left empty")


def _renumber(layout: Layout) -> None:
    """Make Line.number the running 1-based index over the document again (after OCR)."""
    n = 0
    for page in layout.pages:
        for line in page.lines:
            n += 1
            line.number = n
            line.page = page.number


def read_pdf(path: str | Path) -> Layout:
    """Read a PDF into a layout (raises UnreadableInput with the reason when it cannot)."""
    path = Path(path)
    layout = Layout(source=path.name, format="pdf", path=str(path))
    with PDFIUM_LOCK:
        doc = open_pdf(path)
        try:
            if not _tail_has_eof(path):
                if not _contains_eof(path):
                    raise UnreadableInput(
                        "PDF 文件不完整（在 %%EOF 之前中断，可能未下载完） — the PDF is truncated (it ends before %%EOF; an incomplete download?)",
                        source=path.name,
                    )
                layout.warnings.append("the file does not end with %%EOF (trailing data or a cut-off update)")
            layout.pages, to_ocr = _read_pages(doc, layout)
        finally:
            doc.close()
    if to_ocr:
        _ocr(path, layout, to_ocr)
        _renumber(layout)
    return layout
