"""A table as found in the layout, before its rows are interpreted (Layout → Table stage).

``header`` holds the column-heading lines, ``body`` the data lines, ``notes`` the 注/备注 lines
under it; a table continued over pages is one Table whose repeated headings were dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from yusuan.layout import Line


@dataclass(slots=True)
class Table:
    """A located table: its kind (catalogue key, or ``raw``), title and lines."""

    kind: str
    title: str
    title_line: Line
    number: str | None = None
    money_unit: str | None = None
    header: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    notes: list[Line] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    # header lines printed again on later pages, by page: a page may set its columns differently
    page_headers: dict[int, list[Line]] = field(default_factory=dict)

    @property
    def lines(self) -> list[Line]:
        """Every line of the table in order (title excluded)."""
        return sorted([*self.header, *self.body, *self.notes], key=lambda ln: ln.number)

    @property
    def pages(self) -> list[int]:
        """Pages the table spans."""
        return sorted({self.title_line.page, *(ln.page for part in (self.header, self.body, self.notes) for ln in part)})

    @property
    def line_span(self) -> tuple[int, int]:
        """First and last source line of the table (no sort: a span needs only the ends)."""
        numbers = [self.title_line.number, *(ln.number for part in (self.header, self.body, self.notes) for ln in part)]
        return (min(numbers), max(numbers))

    @property
    def label(self) -> str:
        """How findings and listings name the table: '表3 支出预算总表'."""
        return f"{self.number} {self.title}" if self.number else self.title
