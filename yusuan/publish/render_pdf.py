"""The printed document as PDF, through WeasyPrint from the HTML layout (Noto CJK fonts embedded).

Why WeasyPrint: CSS paged media gives what a government PDF needs without a word processor — A4
pages, landscape pages for wide tables (``@page wide``), page numbers, a 目录 with the page each
part and table starts on (``target-counter``), table headers repeated on continuation pages. The
fonts are subset and embedded by WeasyPrint; ``fonts_of`` lists them for the embedding check.
"""

from __future__ import annotations

import logging

from yusuan.publish.document import Document
from yusuan.publish.render_html import render_html
from yusuan.publish.spec import TemplateSpec


def render_pdf(doc: Document, spec: TemplateSpec) -> bytes:
    """The whole document as PDF bytes."""
    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    html = render_html(doc, spec)
    return HTML(string=html, base_url=str(spec.folder)).write_pdf()  # the <title> is the PDF's title
