"""The output formats: one renderer each, all from the same printed document."""

from __future__ import annotations

from yusuan.errors import UsageError
from yusuan.publish.document import Document
from yusuan.publish.spec import TemplateSpec

# format → file suffix; ``text`` is the extracted-text form the variation suite prints
FORMATS = {"html": ".html", "pdf": ".pdf", "xlsx": ".xlsx", "docx": ".docx", "text": ".txt"}


def render(doc: Document, spec: TemplateSpec, fmt: str) -> bytes:
    """The bytes of ``doc`` in ``fmt``."""
    if fmt == "html":
        from yusuan.publish.render_html import render_html

        return render_html(doc, spec).encode("utf-8")
    if fmt == "pdf":
        from yusuan.publish.render_pdf import render_pdf

        return render_pdf(doc, spec)
    if fmt == "xlsx":
        from yusuan.publish.render_xlsx import render_xlsx

        return render_xlsx(doc)
    if fmt == "docx":
        from yusuan.publish.render_docx import render_docx

        return render_docx(doc)
    if fmt == "text":
        from yusuan.publish.render_text import render_text

        return render_text(doc).encode("utf-8")
    raise UsageError(f"不支持的发布格式 {fmt!r}（可用：{'、'.join(FORMATS)}） — unknown format")
