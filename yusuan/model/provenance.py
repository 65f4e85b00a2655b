"""Provenance (出处) and the printed figure (金额) that carries it.

Every figure in the model keeps where it stood so a finding can point at the exact cell and the
web UI can highlight it: source file, page, table, row, column and text line (or cell bbox).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from yusuan.layout import Cell


class Provenance(NamedTuple):
    """Where a figure was printed. ``line`` is the 1-based source text line; PDF/Excel give page + bbox.

    A NamedTuple, not a frozen dataclass: every figure carries one, and tuples are several times
    cheaper to build while staying immutable and hashable.
    """

    source: str
    page: int | None = None
    line: int | None = None
    table: str | None = None
    kind: str | None = None
    row: str | None = None
    column: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    ocr: bool = False

    def at(self, **changes: object) -> Provenance:
        """A copy with some fields changed (e.g. the column once it is known)."""
        return self._replace(**changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Amount:
    """A printed money figure: exact value, the text as printed ('' for a blank cell), its provenance.

    ``derived``: not printed but the sum of printed figures (a 基本支出 column printed only through
    its 人员经费 and 公用经费); its ``text`` is the sum as digits."""

    value: Decimal
    text: str
    where: Provenance | None = None
    derived: bool = False

    @property
    def blank(self) -> bool:
        """True when the cell was empty (read as zero)."""
        return self.text == ""

    def __str__(self) -> str:
        return self.text or "0"


def zero(where: Provenance | None = None) -> Amount:
    """A blank cell: zero, printed as nothing."""
    return Amount(Decimal(0), "", where)


def figure_boxes(cells: Sequence[Cell], texts: Sequence[str]) -> list[tuple[tuple[float, float, float, float] | None, bool]]:
    """(bbox, ocr) of each printed figure in ``texts``, matched in order against a line's cells:
    a figure read from a PDF or a scan keeps where its cell stood (None where nothing matches)."""
    filled = [c for c in cells if c.text.strip()]
    out: list[tuple[tuple[float, float, float, float] | None, bool]] = []
    j = 0
    for text in texts:
        while j < len(filled) and filled[j].text.strip() != text.strip():
            j += 1
        if j < len(filled):
            out.append((filled[j].bbox, filled[j].ocr))
            j += 1
        else:
            out.append((None, False))
    return out
