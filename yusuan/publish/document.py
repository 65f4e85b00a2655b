"""The printed document as plain values: what every output format renders (文本/HTML/PDF/Excel/Word).

Why a plan between the model and the formats: the template decides every word and figure once
(titles, headers, code layout, number format, narrative); a renderer only lays the plan out, so
the four formats cannot disagree about content.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from yusuan.check.rules.slots import SLOT  # a reason or text only a person can give (主要原因是【待填写】)


@dataclass(frozen=True, slots=True)
class Head:
    """A header cell: text and how many columns/rows it spans."""

    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass(slots=True)
class Row:
    """A body row: its cells as printed and a style (``total``, ``unit``, ``类``, ``款``, ``项``, ``item``)."""

    cells: list[str]
    style: str = "item"
    spans: list[int] | None = None  # columns each cell spans (None: one each)


@dataclass(slots=True)
class Grid:
    """One printed table (表): number, title, meta lines, header rows, body rows, notes."""

    kind: str
    number: str
    title: str
    unit: str
    header: list[list[Head]]
    body: list[Row]
    meta: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    numeric: list[bool] = field(default_factory=list)  # per column: right-aligned figures
    landscape: bool = False
    anchor: str = ""
    number_position: str = "after_title"
    unit_label: str = "单位：万元"
    broken_codes: bool = False  # codes printed over two lines (text renders them so)

    @property
    def width(self) -> int:
        """The number of columns."""
        return max((sum(h.colspan for h in row) for row in self.header), default=0) or max(
            (len(r.cells) for r in self.body), default=0
        )

    def placed_header(self) -> list[list[tuple[Head, int]]]:
        """Each header row's cells with the column they start in (row spans from above skipped)."""
        width = self.width
        cover = [0] * width  # the row index down to which a column is still covered
        out: list[list[tuple[Head, int]]] = []
        for r, row in enumerate(self.header):
            placed = []
            col = 0
            for head in row:
                while col < width and cover[col] > r:
                    col += 1
                placed.append((head, col))
                for c in range(col, min(width, col + head.colspan)):
                    cover[c] = r + head.rowspan
                col += head.colspan
            out.append(placed)
        return out

    def is_label(self, column: int) -> bool:
        """True for a label column (科目, 项目名称: text, left-aligned), False for figures."""
        return column < len(self.numeric) and not self.numeric[column]

    @property
    def caption(self) -> str:
        """Number and title as a 目录 entry prints them."""
        return f"{self.number} {self.title}".strip()


@dataclass(slots=True)
class Section:
    """A heading and its paragraphs (部门概况, 情况说明, 名词解释 entries)."""

    title: str
    paragraphs: list[str]
    level: int = 2
    anchor: str = ""


@dataclass(slots=True)
class Part:
    """A part of the document (第一部分 …) with its sections and tables in order."""

    title: str
    blocks: list[Section | Grid]
    anchor: str = ""


@dataclass(slots=True)
class Document:
    """The whole disclosure as printed."""

    title: str
    cover: list[str]
    department: str
    year: int | None
    kind: str
    template: str
    parts: list[Part]
    draft: bool = False
    note: str = ""  # printed under the cover title (e.g. the draft stamp's reason)

    def grids(self) -> list[Grid]:
        """Every table, in order."""
        return [b for p in self.parts for b in p.blocks if isinstance(b, Grid)]

    def toc(self) -> list[tuple[str, str, str]]:
        """目录 entries (level ``part``/``table``, text, anchor): every part, then each table number
        once (the per-project 绩效目标表 share one number)."""
        out: list[tuple[str, str, str]] = []
        seen: set[str] = set()
        for part in self.parts:
            out.append(("part", part.title, part.anchor))
            for grid in (b for b in part.blocks if isinstance(b, Grid)):
                if grid.caption and grid.number not in seen:
                    seen.add(grid.number)
                    out.append(("table", grid.caption, grid.anchor))
        return out

    def slots(self) -> list[str]:
        """Every paragraph that still holds an unfilled slot (【待填写】)."""
        return [
            text
            for p in self.parts
            for b in p.blocks
            if isinstance(b, Section)
            for text in [b.title, *b.paragraphs]
            if SLOT in text
        ]
