"""Web-page reader: .html → :class:`~yusuan.layout.Layout` (tables and text).

Why this shape: departments publish their disclosure as a web page too; it must read like the text
and spreadsheet it was typed from. The page is walked in document order: each block of text
(paragraph, heading, list item, ``<br>``-separated line) is a line split into cells as the text
reader splits a line; a ``<pre>`` keeps its own lines and spaces; a table row is a line whose cells
sit at their grid columns (:mod:`yusuan.read.grid`: ``colspan`` widens a cell, a ``rowspan``
leaves the cells it covers below empty). Pages break where the page's CSS breaks them
(``page-break-before/after: always``, ``break-before/after: page`` in a ``style`` attribute), else
the page is one page. Scripts, styles and hidden elements (``hidden``, ``display: none``) are
left out, as a reader never sees them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from yusuan.errors import UnreadableInput
from yusuan.layout import Layout, Line, Page
from yusuan.read.encoding import decode
from yusuan.read.excel import cell_text
from yusuan.read.grid import GridCell, grid_lines
from yusuan.read.text import split_cells

_SKIP = {"script", "style", "head", "template", "noscript", "iframe", "object", "svg", "button", "select"}
_BLOCK = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "header",
    "footer", "blockquote", "dt", "dd", "dl", "figure", "figcaption", "address", "center", "hr", "main",
    "nav", "aside", "caption", "form", "fieldset", "legend", "body", "html", "tr", "td", "th",
}
_WS = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
_BREAK_BEFORE = re.compile(r"(?:page-break-before|break-before)\s*:\s*(?:always|page)", re.IGNORECASE)
_BREAK_AFTER = re.compile(r"(?:page-break-after|break-after)\s*:\s*(?:always|page)", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def looks_like_html(head: bytes) -> bool:
    """True when the first bytes of a file are an HTML page (a doctype, ``<html``, or a markup
    start with ``<body``/``<table`` close behind)."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html")):
        return True
    return text.startswith(b"<") and any(tag in text for tag in (b"<body", b"<table", b"<meta"))


def read_html(path: str | Path) -> Layout:
    """Read a web page (see module doc); UnreadableInput for a page without any text."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"无法打开（{exc.strerror}）", source=path.name) from None
    root = _parse(data, path.name)
    walker = _Walker(Layout(source=path.name, format="html", path=str(path)))
    walker.walk(root)
    walker.flush()
    layout = walker.layout
    layout.pages = [p for p in layout.pages if p.lines]
    if not layout.pages:
        raise UnreadableInput("网页中没有任何文字或表格", source=path.name)
    for i, page in enumerate(layout.pages, start=1):
        page.number = i
        for line in page.lines:
            line.page = i
    return layout


def _parse(data: bytes, source: str) -> Any:
    """The page's element tree, decoded by its declared charset or, without one, detected."""
    import lxml.html

    declared = _CHARSET.search(data[:4096])
    text: str | None = None
    if declared:
        try:
            text = data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text, _ = decode(data, source)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        return lxml.html.document_fromstring(text)
    except Exception as exc:  # lxml raises ParserError / ValueError for pages it cannot build
        raise UnreadableInput(f"无法解析的网页（{str(exc)[:120]}）", source=source) from None


class _Walker:
    """Walks the element tree in document order, collecting text lines and table rows."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.page = Page(number=1)
        layout.pages.append(self.page)
        self.number = 0
        self.buffer: list[str] = []

    def walk(self, element: Any) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in _SKIP or _hidden(element):  # a comment or processing instruction has no str tag
            self._text(element.tail)
            return
        style = element.get("style") or ""
        if _BREAK_BEFORE.search(style):
            self.flush()
            self.page_break()
        if tag == "table":
            self.flush()
            self.table(element)
        elif tag == "pre":
            self.flush()
            for raw in element.text_content().split("\n"):
                self.line(raw.rstrip(), keep_spaces=True)
        elif tag == "br":
            self.flush()
        else:
            block = tag in _BLOCK
            if block:
                self.flush()
            self._text(element.text)
            for child in element:
                self.walk(child)
            if block:
                self.flush()
        if _BREAK_AFTER.search(style):
            self.flush()
            self.page_break()
        self._text(element.tail)

    def _text(self, text: str | None) -> None:
        if text:
            self.buffer.append(text)

    def flush(self) -> None:
        if self.buffer:
            self.line(_WS.sub(" ", "".join(self.buffer)).strip())
            self.buffer = []

    def line(self, text: str, keep_spaces: bool = False) -> None:
        if not text.strip():
            return
        self.number += 1
        raw = text if keep_spaces else text.replace("\u3000", " ")
        cells = split_cells(raw)
        if cells:
            self.page.lines.append(Line(cells, self.page.number, self.number, raw))

    def page_break(self) -> None:
        if self.page.lines:
            self.page = Page(number=self.page.number + 1)
            self.layout.pages.append(self.page)

    def table(self, table: Any) -> None:
        caption = table.find("caption")
        if caption is not None:
            self.line(_WS.sub(" ", caption.text_content()).strip())
        rows = [[_grid_cell(c) for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th") and not _hidden(c)]
                for tr in _rows(table) if not _hidden(tr)]
        lines = grid_lines(rows, self.page.number, self.number + 1)
        self.page.lines.extend(lines)
        self.number += len(rows)


def _rows(table: Any) -> list[Any]:
    """The table's own rows in order (through thead/tbody/tfoot, not those of nested tables)."""
    out = []
    for child in table:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "tr":
            out.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            out.extend(tr for tr in child if isinstance(tr.tag, str) and tr.tag == "tr")
    return out


def _grid_cell(cell: Any) -> GridCell:
    for br in cell.iter("br"):
        br.tail = "\n" + (br.tail or "")
    lines = [_WS.sub(" ", part).strip() for part in cell.text_content().split("\n")]
    return GridCell(cell_text("\n".join(p for p in lines if p)), _span(cell, "colspan"), _span(cell, "rowspan"))


def _span(cell: Any, name: str) -> int:
    try:
        return max(1, min(1000, int(cell.get(name, "1"))))
    except ValueError:
        return 1


def _hidden(element: Any) -> bool:
    if not isinstance(element.tag, str):
        return False
    return element.get("hidden") is not None or bool(_HIDDEN_STYLE.search(element.get("style") or ""))
