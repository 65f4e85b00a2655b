"""The annotated PDF (批注版): the source PDF with every finding's cells boxed in its severity's
colour and numbered, followed by the numbered list of findings with their review decisions.

Why PDFium for the boxes: the source pages are kept as they are (text stays selectable) and
only vector rectangles and numbers are added, at the reader's cell boxes (points, origin top
left, turned to PDF's bottom-left origin here). The list is HTML printed by WeasyPrint.
"""

from __future__ import annotations

import ctypes
import io
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from jinja2 import Environment, FileSystemLoader, select_autoescape

from yusuan.web.document import DocumentView
from yusuan.web.formatting import FILTERS, when
from yusuan.web.pages import PageRenderer, is_pdf

COLOURS = {"error": (200, 30, 30), "warning": (214, 120, 0), "rounding": (40, 100, 200), "info": (110, 110, 110)}
_TEMPLATES = Path(__file__).resolve().parent / "templates"


def _rect(page: pdfium.PdfPage, box: list[float], colour: tuple[int, int, int]) -> None:
    _, height = page.get_size()
    x0, top, x1, bottom = box
    obj = pdfium_c.FPDFPageObj_CreateNewRect(x0 - 1.5, height - bottom - 1.5, x1 - x0 + 3, bottom - top + 3)
    pdfium_c.FPDFPageObj_SetStrokeColor(obj, *colour, 255)
    pdfium_c.FPDFPageObj_SetStrokeWidth(obj, ctypes.c_float(1.2))
    pdfium_c.FPDFPageObj_SetFillColor(obj, *colour, 40)
    pdfium_c.FPDFPath_SetDrawMode(obj, pdfium_c.FPDF_FILLMODE_ALTERNATE, True)
    pdfium_c.FPDFPage_InsertObject(page.raw, obj)


def _number(pdf: pdfium.PdfDocument, page: pdfium.PdfPage, box: list[float], text: str,
            colour: tuple[int, int, int]) -> None:
    _, height = page.get_size()
    obj = pdfium_c.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica-Bold", ctypes.c_float(6.5))
    encoded = (text + "\x00").encode("utf-16-le")
    buffer = ctypes.create_string_buffer(encoded)
    pdfium_c.FPDFText_SetText(obj, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
    pdfium_c.FPDFPageObj_SetFillColor(obj, *colour, 255)
    pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, box[0] - 1.5, height - box[1] + 2.5)
    pdfium_c.FPDFPage_InsertObject(page.raw, obj)


def _boxed_source(view: DocumentView, data: bytes) -> pdfium.PdfDocument:
    pdf = pdfium.PdfDocument(data)
    by_page: dict[int, list[tuple[list[float], str, str]]] = {}
    for f in view.findings:
        for loc in f.boxes:
            by_page.setdefault(loc["page"], []).append((loc["bbox"], f.severity, f"#{f.display_no}"))
    for number, boxes in by_page.items():
        if not 1 <= number <= len(pdf):
            continue
        page = pdf[number - 1]
        labelled: set[tuple[float, float]] = set()
        for box, severity, label in boxes:
            _rect(page, box, COLOURS.get(severity, COLOURS["info"]))
            spot = (round(box[0]), round(box[1]))
            if spot not in labelled:  # one number per cell, that of the first finding naming it
                labelled.add(spot)
                _number(pdf, page, box, label, COLOURS.get(severity, COLOURS["info"]))
        pdfium_c.FPDFPage_GenerateContent(page.raw)
    return pdf


def _finding_list(view: DocumentView, boxed: bool) -> bytes:
    from weasyprint import HTML

    env = Environment(loader=FileSystemLoader(str(_TEMPLATES)), autoescape=select_autoescape(["html"]))
    env.filters.update(FILTERS)
    html = env.get_template("annotated_list.html").render(view=view, doc=view.doc, boxed=boxed, when=when)
    return HTML(string=html).write_pdf()


def annotated_pdf(view: DocumentView, data: bytes | None, renderer: PageRenderer) -> bytes:
    """The source with boxes and numbers plus the finding list; only the list when the source is no PDF."""
    boxed = is_pdf(data)
    listing = _finding_list(view, boxed)
    with renderer.lock:
        out = _boxed_source(view, data) if boxed and data else pdfium.PdfDocument.new()
        try:
            extra = pdfium.PdfDocument(listing)
            out.import_pages(extra)
            buffer = io.BytesIO()
            out.save(buffer)
            extra.close()
        finally:
            out.close()
    return buffer.getvalue()
