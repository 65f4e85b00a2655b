"""Word reader: .docx → :class:`~yusuan.layout.Layout` (paragraphs and tables, merged cells).

Why this shape: departments publish their disclosure as a Word file too, and it must read like the
text and spreadsheet it was typed from. The body is walked in order: a paragraph is a line split
into cells as the text reader splits a line (tabs, else runs of spaces), a line break inside it
starts a new line; a table row is a line whose cells sit at their grid columns
(:mod:`yusuan.read.grid`: ``gridSpan`` widens a cell, a ``vMerge`` continuation is an empty cell,
``gridBefore`` shifts the row). Pages break where the document breaks them explicitly (a page
break, ``pageBreakBefore``, a section break); Word's own pagination is not in the file. Hidden
(``vanish``) and deleted text, headers and footers are left out, as a reader of the page never
sees them beside the tables.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from yusuan.errors import UnreadableInput
from yusuan.layout import Layout, Line, Page
from yusuan.read.excel import cell_text
from yusuan.read.grid import GridCell, grid_lines
from yusuan.read.text import split_cells

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PAGE_BREAK = "\f"


def read_docx(path: str | Path) -> Layout:
    """Read a Word document (see module doc); UnreadableInput for a damaged or foreign zip."""
    path = Path(path)
    body = _body(path)
    layout = Layout(source=path.name, format="docx", path=str(path))
    page = Page(number=1)
    layout.pages.append(page)
    number = 0
    for element in body.iterchildren():
        if element.tag == f"{_W}p":
            for text in _paragraph_lines(element):
                if text == _PAGE_BREAK:
                    page = _next_page(layout, page)
                    continue
                number += 1
                cells = split_cells(text)
                if cells:
                    page.lines.append(Line(cells, page.number, number, text))
        elif element.tag == f"{_W}tbl":
            rows, skip = _table_rows(element)
            lines = grid_lines(rows, page.number, number + 1, skip)
            page.lines.extend(lines)
            number += len(rows)
    if not any(p.lines for p in layout.pages):
        raise UnreadableInput("Word 文档中没有任何文字（空文档）", source=path.name)
    layout.pages = [p for p in layout.pages if p.lines] or layout.pages[:1]
    for i, p in enumerate(layout.pages, start=1):
        p.number = i
        for line in p.lines:
            line.page = i
    return layout


def _body(path: Path) -> Any:
    """The ``w:body`` element of the main document part."""
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise UnreadableInput(f"读取 Word 文档需要 python-docx（{exc}）", source=path.name) from None
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise UnreadableInput(f"损坏的 Word 文档（{str(exc)[:120]}）", source=path.name) from None
    return document.element.body


def _next_page(layout: Layout, page: Page) -> Page:
    if not page.lines:
        return page
    new = Page(number=page.number + 1)
    layout.pages.append(new)
    return new


def _paragraph_lines(p: Any) -> Iterator[str]:
    """The visual lines of one paragraph, with ``\\f`` where a page break falls."""
    ppr = p.find(f"{_W}pPr")
    if ppr is not None and _on(ppr.find(f"{_W}pageBreakBefore")):
        yield _PAGE_BREAK
    parts: list[str] = []
    for node in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        if _hidden(node):
            continue
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.get(f"{_W}type") == "page":
            yield "".join(parts)
            parts = []
            yield _PAGE_BREAK
        else:
            yield "".join(parts)
            parts = []
    yield "".join(parts)
    if ppr is not None and ppr.find(f"{_W}sectPr") is not None:
        yield _PAGE_BREAK


def _on(flag: Any) -> bool:
    """A Word on/off property: present and not switched off (``w:val="0"``/``false``)."""
    return flag is not None and flag.get(f"{_W}val") not in ("0", "false", "off")


def _hidden(node: Any) -> bool:
    """True for text in a hidden (``vanish``) run or inside a deletion."""
    run = node.getparent()
    if run is None:
        return False
    if run.tag == f"{_W}del" or (run.getparent() is not None and run.getparent().tag == f"{_W}del"):
        return True
    rpr = run.find(f"{_W}rPr")
    return rpr is not None and _on(rpr.find(f"{_W}vanish"))


def _table_rows(tbl: Any) -> tuple[list[list[GridCell]], list[int]]:
    """The rows of a table as grid cells, and each row's leading skipped grid columns."""
    rows: list[list[GridCell]] = []
    skip: list[int] = []
    for tr in tbl.iterchildren(f"{_W}tr"):
        trpr = tr.find(f"{_W}trPr")
        before = trpr.find(f"{_W}gridBefore") if trpr is not None else None
        skip.append(int(before.get(f"{_W}val", "0")) if before is not None else 0)
        rows.append([_grid_cell(tc) for tc in tr.iterchildren(f"{_W}tc")])
    return rows, skip


def _grid_cell(tc: Any) -> GridCell:
    tcpr = tc.find(f"{_W}tcPr")
    span, continued = 1, False
    if tcpr is not None:
        grid_span = tcpr.find(f"{_W}gridSpan")
        if grid_span is not None:
            span = max(1, int(grid_span.get(f"{_W}val", "1")))
        v_merge = tcpr.find(f"{_W}vMerge")
        continued = v_merge is not None and v_merge.get(f"{_W}val", "continue") == "continue"
    paragraphs = ["\n".join(t for t in _paragraph_lines(p) if t != _PAGE_BREAK) for p in tc.iter(f"{_W}p")]
    text = "\n".join(paragraphs).replace("\t", " ")
    return GridCell(cell_text(text), span, 1, continued)
