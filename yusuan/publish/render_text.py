"""The printed document as extracted text: tab-separated tables, a form feed between pages.

Why a text format: it is what yusuan's seeds are (text extracted from PDFs), the cheapest output
to read back, and what the template-variation suite prints most of. A header cell spanning columns
prints at its first column (as a PDF extraction places a group word over its members); a cell
holding a line break continues on the next line at the same column (a code broken over lines).
"""

from __future__ import annotations

from yusuan.publish.document import Document, Grid, Row, Section

FORM_FEED = "\f"


def render_text(doc: Document) -> str:
    """The whole document as text."""
    pages = [_cover(doc)]
    for part in doc.parts:
        lines = [part.title, ""]
        for block in part.blocks:
            if isinstance(block, Grid):
                pages.append("\n".join(lines))
                pages.append("\n".join(grid_lines(block)))
                lines = []
            else:
                lines += _section(block)
        if any(line.strip() for line in lines):
            pages.append("\n".join(lines))
    return FORM_FEED.join(pages) + "\n"


def _cover(doc: Document) -> str:
    lines = [*doc.cover, ""]
    if doc.draft:
        lines += ["草稿（未通过发布核对，仅供内部审阅）", doc.note, ""]
    lines += ["目 录", "", *(text for _, text, _ in doc.toc())]
    return "\n".join(lines)


def _section(section: Section) -> list[str]:
    return [section.title, *section.paragraphs, ""]


def grid_lines(grid: Grid) -> list[str]:
    """One table: number and title, meta, unit, header rows, body rows, notes."""
    out: list[str] = []
    if grid.number_position == "inline":
        out += [f"{grid.number} {grid.title}".strip(), ""]
    elif grid.number_position == "before_title":
        out += [grid.number, grid.title, ""]
    else:
        out += [grid.title, "", grid.number, ""]
    meta = [*grid.meta, grid.unit_label] if grid.meta else [grid.unit_label]
    out += ["\t\t\t".join(meta), ""]
    for placed in grid.placed_header():
        cells = [""] * grid.width
        for head, col in placed:
            if col < grid.width:
                cells[col] = head.text
        out += _cells_lines(cells)
    for body in grid.body:
        out += _cells_lines(_body_cells(body))
    if grid.notes:
        out += ["", *grid.notes]
    return out


def _body_cells(row: Row) -> list[str]:
    if not row.spans:
        return list(row.cells)
    out: list[str] = []
    for text, span in zip(row.cells, row.spans, strict=True):
        out += [text] + [""] * (span - 1)
    return out


def _cells_lines(cells: list[str]) -> list[str]:
    """Tab-separated line(s) of one row; a cell with a line break continues on a second line."""
    parts = [c.split("\n") for c in cells]
    depth = max((len(p) for p in parts), default=1)
    return ["\t".join(p[i] if i < len(p) else "" for p in parts).rstrip("\t") for i in range(depth)]
