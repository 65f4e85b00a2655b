"""Layout: what every reader produces and table recognition consumes (DESIGN §3).

Readers differ only up to here. Text input gives one :class:`Line` per source line with its
cells split on tabs or runs of spaces and ``x0`` counted in characters; PDF input gives cells
from character boxes with ``x0``/``x1`` in PDF points; Excel gives one cell per sheet cell with
``x0`` the column index; OCR gives text boxes. ``x`` is therefore comparable within a page, not
across formats: table recognition uses order and gaps, and geometry where it is present.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple


class Cell(NamedTuple):
    """One piece of text on a line (单元格): a tab/space-delimited field, a PDF word run, a sheet cell.

    A NamedTuple, not a frozen dataclass: a document has tens of thousands of cells and a tuple is
    several times cheaper to build, while staying immutable.
    """

    text: str
    x0: float
    x1: float
    top: float | None = None
    bottom: float | None = None
    ocr: bool = False
    confidence: float | None = None

    @property
    def bbox(self) -> tuple[float, float, float, float] | None:
        """(x0, top, x1, bottom) where the format has geometry."""
        if self.top is None or self.bottom is None:
            return None
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass(slots=True)
class Line:
    """A visual line of the document; ``number`` is the 1-based source line (text) or running line index."""

    cells: list[Cell]
    page: int
    number: int
    raw: str = ""
    top: float | None = None
    bottom: float | None = None
    # (cells list, its length, joined text, blank): ``text`` and ``is_blank`` are asked for many
    # times per line by every stage; the cache is dropped when ``cells`` is replaced or resized.
    _text_cache: tuple[list[Cell], int, str, bool] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def _cache(self) -> tuple[list[Cell], int, str, bool]:
        cells = self.cells
        text = " ".join(c.text for c in cells)
        # every cell blank ⇔ their space-joined text is blank
        cached = self._text_cache = (cells, len(cells), text, not text.strip())
        return cached

    @property
    def text(self) -> str:
        """The line's text with its cells joined by single spaces."""
        cached = self._text_cache
        if cached is not None and cached[0] is self.cells and cached[1] == len(cached[0]):
            return cached[2]
        return self._cache()[2]

    @property
    def is_blank(self) -> bool:
        cached = self._text_cache
        if cached is not None and cached[0] is self.cells and cached[1] == len(cached[0]):
            return cached[3]
        return self._cache()[3]


@dataclass(slots=True)
class Page:
    """One page (页); text input has a page per form feed (one page when there is none)."""

    number: int
    lines: list[Line] = field(default_factory=list)
    width: float | None = None
    height: float | None = None
    rotation: int = 0
    ocr: bool = False
    line_offset: int = 0  # Excel: a line's sheet row is ``number - line_offset`` (numbers run on across sheets)


@dataclass(slots=True)
class Layout:
    """A whole document as pages of lines of cells, plus what the reader noticed on the way."""

    source: str
    format: str
    pages: list[Page] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    path: str | None = None

    def lines(self) -> Iterator[Line]:
        """Every line in reading order, across pages."""
        for page in self.pages:
            yield from page.lines

    @property
    def text(self) -> str:
        """The plain text of the layout, one line per line, pages separated by form feeds."""
        return "\f".join("\n".join(line.raw or line.text for line in page.lines) for page in self.pages)
