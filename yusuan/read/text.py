"""Text reader: extracted text (tab- or space-separated) → :class:`~yusuan.layout.Layout`.

Cells: a tab-separated line is split on every tab (empty fields kept as empty cells, since the
tab count places values in columns; trailing ones place nothing and are dropped); otherwise the
line is split on runs of whitespace and each cell's ``x0`` is its character offset, so later
stages can use gaps. Pages: one per form feed.
"""

from __future__ import annotations

import re
from pathlib import Path

from yusuan.errors import UnreadableInput
from yusuan.layout import Cell, Layout, Line, Page
from yusuan.read.encoding import decode

_SPACES = re.compile(r"\S+")
_new = tuple.__new__  # Cell is a NamedTuple: building it from a full tuple skips the defaults wrapper


def split_cells(raw: str) -> list[Cell]:
    """Split one source line into cells (see module doc)."""
    line = raw.rstrip("\r\n")
    if not line or line.isspace():
        return []
    if "\t" in line:
        cells, offset = [], 0
        for field in line.rstrip().split("\t"):  # trailing empty fields place nothing
            end = offset + len(field)
            cells.append(_new(Cell, (field.strip(), float(offset), float(end), None, None, False, None)))
            offset = end + 1
        return cells
    if "\u3000" in line:
        line = line.replace("\u3000", " ")
    return [_new(Cell, (m.group(), float(m.start()), float(m.end()), None, None, False, None)) for m in _SPACES.finditer(line)]


def layout_from_text(text: str, source: str, path: str | None = None) -> Layout:
    """Build the layout of already-decoded text; line numbers are 1-based over the whole file."""
    layout = Layout(source=source, format="text", path=path)
    page = Page(number=1)
    layout.pages.append(page)
    for number, raw in enumerate(text.split("\n"), start=1):
        if "\f" in raw:
            before, *rest = raw.split("\f")
            if before.strip():
                page.lines.append(Line(split_cells(before), page.number, number, before))
            for part in rest:
                page = Page(number=page.number + 1)
                layout.pages.append(page)
                if part.strip():
                    page.lines.append(Line(split_cells(part), page.number, number, part))
            continue
        page.lines.append(Line(split_cells(raw), page.number, number, raw.rstrip("\r")))
    return layout


MAX_TEXT_BYTES = 16 * 1024 * 1024
"""The largest text file read: 130× the longest disclosure seen (120 KB), and bounded memory."""


def read_text(path: Path) -> Layout:
    """Read a text file of any supported encoding into a layout."""
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise UnreadableInput(
            f"文本文件过大（{size / 2**20:,.0f} MB，上限 {MAX_TEXT_BYTES // 2**20} MB） — text file too large",
            source=path.name,
        )
    text, encoding = decode(path.read_bytes(), path.name)
    layout = layout_from_text(text, path.name, str(path))
    if encoding not in ("utf-8",):
        layout.warnings.append(f"encoding {encoding}")
    return layout
