"""Build layout lines and tables from inline text, so interpreters are tested without the segmenter."""

from __future__ import annotations

from yusuan.layout import Line
from yusuan.read.text import layout_from_text
from yusuan.tables.table import Table


def lines_of(text: str) -> list[Line]:
    """The lines of ``text`` as the text reader makes them (tabs kept as cell boundaries)."""
    return list(layout_from_text(text, "fixture.txt").lines())


def table_of(text: str, kind: str, money_unit: str | None = "万元") -> tuple[Table, list[Line]]:
    """A table whose title is the first non-blank line of ``text``, and all lines of ``text``."""
    lines = lines_of(text)
    title = next(ln for ln in lines if not ln.is_blank)
    return Table(kind=kind, title=title.text, title_line=title, money_unit=money_unit), lines
