"""Which column each printed figure of a grid table stands in, from the header's geometry.

Why: where the page gives positions (PDF, OCR, workbook cells), a figure is in the column whose
heading it stands under — no vocabulary needed, blank cells need no guessing. The header of every
page the table runs over is read again (a page may set its columns differently); a page whose
header names other columns keeps the first page's. When figures do not fall one to a column
under the headings, there is no plan and the caller falls back to the identities.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from yusuan.tables.catalogue import Catalogue, load_catalogue
from yusuan.tables.columns import misplaced
from yusuan.tables.header import Leaf, header_leaves
from yusuan.tables.meaning import Column, columns_of, is_label
from yusuan.tables.rows import RawRow, Value
from yusuan.tables.table import Table


@dataclass(frozen=True, slots=True)
class Plan:
    """The value columns (keys in printed order, with their header paths) and, per row, the
    column index of each printed figure."""

    columns: list[str]
    labels: dict[str, str]
    positions: list[tuple[int, ...]]


def _span(value: Value) -> tuple[float, float] | None:
    """Where a figure stands: its cell, or just left of its right edge (a figure glued to text)."""
    if value.bbox is not None:
        return value.bbox[0], value.bbox[2]
    if value.x1 is not None:
        return value.x1 - 2.0, value.x1 - 1.0
    return None


def _leaves_by_page(table: Table) -> dict[int, list[Leaf]] | None:
    first = header_leaves(table.header, table.body)
    if not first:
        return None
    pages = {table.header[0].page if table.header else table.title_line.page: first}
    for page, lines in table.page_headers.items():
        found = header_leaves(lines, [ln for ln in table.body if ln.page == page])
        if found and [leaf.path for leaf in found] == [leaf.path for leaf in first]:
            pages[page] = found
    return pages


def _side_by_side(leaves: Sequence[Leaf]) -> bool:
    """Whether label columns come again after value columns, themselves followed by values."""
    kinds = "".join("l" if is_label(leaf) else "v" for leaf in leaves)
    return "vl" in kinds.rstrip("l") and "lv" in kinds[kinds.index("v") :]


def _leaf_for(leaves: Sequence[Leaf], span: tuple[float, float]) -> int | None:
    return next((i for i, leaf in enumerate(leaves) if leaf.holds(*span)), None)


def plan(table: Table, rows: Sequence[RawRow], catalogue: Catalogue | None = None) -> Plan | None:
    """The geometric plan of a grid table, or None (no geometry, or figures that do not stand one
    to a value column)."""
    catalogue = catalogue or load_catalogue()
    if misplaced(table.header, table.body, catalogue):
        return None  # a flattened header printing its words over the row labels: no geometry to read
    by_page = _leaves_by_page(table)
    if by_page is None or not any(r.values for r in rows):
        return None
    first_page = min(by_page)
    leaves = by_page[first_page]
    if _side_by_side(leaves):
        return None  # 科目编码|科目名称|金额 panels printed two or three times across the page
    columns = columns_of(leaves, catalogue)
    value_leaf = {id(c.leaf): k for k, c in enumerate(columns)}
    index_of = {i: value_leaf.get(id(leaf)) for i, leaf in enumerate(leaves)}
    placed: list[list[int]] = []
    used: set[int] = set()
    for row in rows:
        positions: list[int] = []
        for value in row.values:
            span = _span(value)
            if span is None:
                return None
            page = max((p for p in by_page if p <= value.line.page), default=first_page)
            leaf = _leaf_for(by_page[page], span)
            if leaf is None or is_label(leaves[leaf]):
                return None
            k = index_of[leaf]
            if k is None:
                return None
            positions.append(k)
        if positions != sorted(set(positions)):
            return None
        used.update(positions)
        placed.append(positions)
    keep = [k for k, c in enumerate(columns) if c.known or k in used]
    renumber = {k: n for n, k in enumerate(keep)}
    kept: list[Column] = [columns[k] for k in keep]
    keys = [c.key for c in kept]
    if len(kept) == 1 and not kept[0].known:
        keys = ["total"]  # one figure column under any heading (预算 / 金额 / 决算数) is the row's amount
    return Plan(
        columns=keys,
        labels={key: c.label for key, c in zip(keys, kept, strict=True)},
        positions=[tuple(renumber[k] for k in p) for p in placed],
    )
