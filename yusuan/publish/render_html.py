"""The printed document as a web page (HTML), from the template's Jinja2 layout.

Why Jinja2 files in the template folder: the look of a region's document (cover, fonts, spacing) is
data a department edits, like the table spec; the layout extends the shared
``templates/_base/base.html.j2`` and the page's CSS (``base.css`` then the folder's ``style.css``)
also drives the PDF (WeasyPrint: page size, landscape pages, page numbers, repeated headers).
"""

from __future__ import annotations

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from yusuan.publish.document import Document
from yusuan.publish.spec import BASE, TemplateSpec, templates_root


def page_css(spec: TemplateSpec) -> str:
    """The shared print style followed by the template's own ``style.css`` (if it has one)."""
    css = (templates_root() / BASE / "base.css").read_text("utf-8")
    own = spec.folder / "style.css"
    return css + ("\n" + own.read_text("utf-8") if own.exists() else "")


def render_html(doc: Document, spec: TemplateSpec) -> str:
    """The whole document as one HTML page."""
    env = Environment(
        loader=FileSystemLoader([str(spec.folder), str(templates_root() / BASE)]),
        autoescape=select_autoescape(["html", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    layout = "layout.html.j2" if (spec.folder / "layout.html.j2").exists() else "base.html.j2"
    return env.get_template(layout).render(doc=doc, base_css=page_css(spec))
