"""A “三公”经费表 read as a labelled matrix from the page's geometry (PDF, OCR, Excel).

Why a matrix: templates print the same figures along different axes — items as columns under a
header tree (合计 | 因公出国(境)费 | 公务用车购置及运行维护费 › 小计/购置/运行 | 公务接待费), repeated
per period (上年 | 当年 | 增减变化情况, 2025年预算数 | 2026年预算数), with items printed beside the 三公
and outside its subtotal (会议费, 培训费, 机关运行经费), one row per unit under a 合计 and a department
row; or items as rows (合计, 一、因公出国(境)费 …) under period or fund columns (预算数 | 决算数, 合计 |
一般公共预算 | 政府性基金). Each figure is labelled by the header leaf whose room holds it
(:func:`yusuan.tables.header.header_leaves`) and by its row, the words of both axes are read
as evidence (:mod:`yusuan.tables.three_public_words`), and the identities verify the labelling:
total = 出国 + 车辆 + 接待, 车辆 = 购置 + 运行, 合计 = 三公 + the items beside it. A matrix that
cannot be labelled, or whose labelling does not add up, gives None — never zeros.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from yusuan.layout import Cell, Line
from yusuan.model.provenance import Amount, Provenance
from yusuan.money import is_amount, parse_amount, unit_step
from yusuan.tables.align import align
from yusuan.tables.catalogue import squash
from yusuan.tables.header import Leaf, header_leaves
from yusuan.tables.meaning import is_label
from yusuan.tables.table import Table
from yusuan.tables.three_public_labels import NAMES_THREE_PUBLIC, classify_label
from yusuan.tables.three_public_words import (
    GRAND,
    THREE_PUBLIC_ITEMS,
    Period,
    fund_total,
    item_of,
    named,
    nested_well,
    period_of,
    resolve,
    words,
)

Found = dict[str, dict[str, Amount]]
_DASHES = frozenset({"-", "—", "–", "－"})
_RATIO = re.compile(r"率|%|％|比例|比重")
_CODE = re.compile(r"^(\d{3,})")


@dataclass(slots=True)
class _Column:
    """A value column of the header: its leaf, the item it names (columns mode) and its block."""

    leaf: Leaf
    item: str | None
    block: int = 0


@dataclass(slots=True)
class _Row:
    """A body line with figures: its label text and each figure with the column that holds it."""

    line: Line
    label: str
    figures: list[tuple[Cell, _Column]] = field(default_factory=list)
    broken: bool = False  # more figures than columns: the header does not fit this line


def _figure(text: str) -> bool:
    t = text.strip()
    return is_amount(t) or t in _DASHES


def _columns(leaves: Sequence[Leaf]) -> list[_Column] | None:
    """The value columns (label and ratio columns left out); None when a label column stands
    between value columns or the items do not nest (the leaves then are no header of this body)."""
    out: list[_Column] = []
    for leaf in leaves:
        if not nested_well(leaf.path):
            return None
        if is_label(leaf) or _RATIO.search(leaf.text):
            if out and not _RATIO.search(leaf.text):
                return None
            continue
        out.append(_Column(leaf, item_of(leaf.path)))
    return out or None


def _rows(body: Iterable[Line], leaves: Sequence[Leaf], columns: Sequence[_Column]) -> list[_Row]:
    """The body lines that carry figures, each figure under a value column (matched in order, see
    :mod:`yusuan.tables.align`); cells standing in a row-label column are the row's label."""
    labels_at = [lf for lf in leaves if is_label(lf)]
    rows: list[_Row] = []
    for line in body:
        row = _Row(line, "")
        labels: list[str] = []
        figures: list[Cell] = []
        for cell in (c for c in line.cells if c.text.strip()):
            in_label = any(lf.holds(cell.x0, cell.x1) for lf in labels_at)
            (figures if _figure(cell.text) and not in_label else labels).append(cell)
        row.label = squash("".join(c.text for c in labels))
        placed = align([(c.x0, c.x1) for c in figures], [c.leaf for c in columns])
        if placed is None:
            row.broken = True
        else:
            row.figures = [(cell, columns[j]) for cell, j in zip(figures, placed, strict=True)]
        if figures:
            rows.append(row)
    return rows


def _value(cell: Cell) -> Decimal:
    text = cell.text.strip()
    if text in _DASHES:
        return Decimal(0)
    value = parse_amount(text)
    return Decimal(0) if value is None else value


def _amount(cell: Cell, where: Provenance, line: Line, row: str, column: str) -> Amount:
    text = cell.text.strip()
    at = where.at(line=line.number, page=line.page, row=row, column=column, bbox=cell.bbox, ocr=cell.ocr)
    return Amount(_value(cell), "0" if text in _DASHES else text, at)


def _blocks(columns: list[_Column]) -> int:
    """Number the blocks of columns: a new block starts where an item already seen comes again
    (a heading the geometry put under the next period word still belongs to its own block)."""
    block, seen = 0, set()
    for column in columns:
        if column.item is not None and column.item in seen:
            block, seen = block + 1, set()
        if column.item is not None:
            seen.add(column.item)
        column.block = block
    return block + 1


def _block_periods(columns: Sequence[_Column], count: int) -> list[Period]:
    """Each block's period: the words its columns' group headings share (the majority of them)."""
    out: list[Period] = []
    for b in range(count):
        members = [c for c in columns if c.block == b]
        votes: dict[Period, int] = {}
        for c in members:
            p = period_of(c.leaf.path[:-1])
            votes[p] = votes.get(p, 0) + 1
        out.append(max(votes, key=lambda p: (votes[p], len(p.tags) + len(p.years))))
    return _distinguishing(out)


def _distinguishing(periods: list[Period]) -> list[Period]:
    """Periods without the tags every live one shares ('预算' in 2025年预算数 | 2026年预算数 tells
    nothing); a change block keeps its tag."""
    live = [p for p in periods if not p.change]
    common = frozenset.intersection(*(p.tags for p in live)) if len(live) > 1 else frozenset()
    return [p if p.change else Period(p.tags - common, p.years) for p in periods]


def _pick_row(rows: Sequence[_Row]) -> _Row | None:
    """The department's row: the 合计 row; else the only row; else the row of the shortest code
    when it heads the others (unit rows 263001 under department 263); else None."""
    w = words()
    total = next((r for r in rows if w.row_total.match(r.label)), None)
    if total is not None:
        return total
    if len(rows) == 1:
        return rows[0]
    coded = [(m.group(1), r) for r in rows if (m := _CODE.match(r.label))]
    if len(coded) != len(rows):
        return None
    shortest = min(len(code) for code, _ in coded)
    heads = [(code, r) for code, r in coded if len(code) == shortest]
    if len(heads) == 1 and all(code.startswith(heads[0][0]) for code, _ in coded):
        return heads[0][1]
    return None


def _period_rows(rows: Sequence[_Row]) -> list[str | None] | None:
    """Rows labelled only by a period (预算数 / 决算数, 2025年 / 2026年): which block each row is."""
    w = words()
    if len(rows) < 2 or not all(r.label and w.row_period.match(r.label) for r in rows):
        return None
    return resolve(_distinguishing([period_of([r.label]) for r in rows]))


def _by_columns(rows: list[_Row], columns: list[_Column], where: Provenance) -> Found | None:
    """Items as columns: blocks of columns per period, or one block and a row per period."""
    count = _blocks(columns)
    blocks = resolve(_block_periods(columns, count))
    if blocks is None:
        return None
    row_periods = _period_rows(rows)
    if row_periods is not None:
        if count != 1:
            return None
        picked = [(name, r) for name, r in zip(row_periods, rows, strict=True) if name]
        if any(r.broken for _, r in picked):
            return None
    else:
        row = _pick_row(rows) if rows else None
        if rows and (row is None or row.broken):
            return None
        picked = [(None, row)] if row is not None else []
    names = row_periods if row_periods is not None else blocks
    found: Found = {name: {} for name in names if name}
    others: dict[str, dict[str, Decimal]] = {name: {} for name in found}
    for period, row in picked:
        for cell, column in row.figures:
            name = period or blocks[column.block]
            if name is None:
                continue
            if column.item is None:
                if _value(cell):
                    return None  # a figure under a heading that names nothing known
                continue
            if column.item in THREE_PUBLIC_ITEMS:
                found[name][column.item] = _amount(cell, where, row.line, column.item, name)
            else:
                others[name][column.item] = _value(cell)
    return _settle(found, others)


def _by_rows(rows: list[_Row], columns: list[_Column], where: Provenance) -> Found | None:
    """Items as rows: a column per period (maybe per fund: the column totalling the funds). Of two
    total rows the one naming the 三公 ('“三公”经费小计') wins over a bare 合计, and a bare 合计 over
    rows of items beside the 三公 (会议费, 行政经费) totals them too."""
    blocks = resolve(_distinguishing([period_of(c.leaf.path) for c in columns]))
    if blocks is None:
        return None
    picked: dict[str, _Column] = {}
    for column, name in zip(columns, blocks, strict=True):
        rival = picked.get(name) if name else None
        if name is None or (rival is not None and (fund_total(rival.leaf.text) or not fund_total(column.leaf.text))):
            continue
        picked[name] = column
    chosen = {id(column): name for name, column in picked.items()}
    found: Found = {name: {} for name in chosen.values()}
    others: dict[str, dict[str, Decimal]] = {name: {} for name in found}
    explicit: set[tuple[str, str]] = set()
    for row in rows:
        key = classify_label(row.label)
        if row.broken and key is not None:
            return None
        strong = key == "total" and bool(NAMES_THREE_PUBLIC.search(row.label))
        other = named(row.label) if key is None else None
        for cell, column in row.figures:
            name = chosen.get(id(column))
            if name is None:
                continue
            if key is None:
                if other in words().others:
                    others[name][other] = _value(cell)
                continue
            if key in found[name] and (not strong or (name, key) in explicit):
                continue
            if strong:
                explicit.add((name, key))
            found[name][key] = _amount(cell, where, row.line, key, name)
    for name, block in found.items():
        if (name, "total") not in explicit and others[name] and "total" in block:
            others[name][GRAND] = block.pop("total").value
    return _settle(found, others)


def _settle(found: Found, others: dict[str, dict[str, Decimal]]) -> Found | None:
    """The 三公 blocks if every identity the printed figures allow holds (within one unit of the
    last digit per part); a block's ``GRAND`` 合计 is its 三公 total when nothing beside the 三公
    is printed in the block, and must equal the 三公 plus the items beside it otherwise."""
    for name, block in found.items():
        extra = others.get(name, {})
        grand = extra.pop(GRAND, None)
        if grand is not None and not extra and "total" not in block:
            block["total"] = _grand_amount(grand, block)
        # with the 三公 total printed, a 合计 over other items is theirs to add up, not the 三公's
        if not adds_up(block, grand if "total" not in block else None, extra):
            return None
    return found


def _grand_amount(value: Decimal, block: dict[str, Amount]) -> Amount:
    where = next(iter(block.values())).where if block else None
    return Amount(value, str(value), where.at(row="total") if where else None)


def _close(total: Decimal, parts: Sequence[Decimal]) -> bool:
    slack = sum((unit_step(p) for p in parts), unit_step(total))
    return abs(total - sum(parts, Decimal(0))) <= slack


def adds_up(block: dict[str, Amount], grand: Decimal | None = None, extra: dict[str, Decimal] | None = None) -> bool:
    """Whether a block's printed figures satisfy the 三公 identities (and 合计 = 三公 + ``extra``
    where a ``grand`` 合计 is printed), each within one unit of the last digit per part."""
    v = {k: a.value for k, a in block.items()}
    vehicle = v.get("vehicle_total")
    parts = [v[k] for k in ("vehicle_purchase", "vehicle_operation") if k in v]
    if vehicle is not None and parts and not _close(vehicle, parts):
        return False
    if vehicle is None:
        vehicle = sum(parts, Decimal(0))
    three = [v.get("outbound", Decimal(0)), vehicle, v.get("reception", Decimal(0))]
    if "total" in v and not _close(v["total"], three):
        return False
    if grand is not None:
        total = v.get("total", sum(three, Decimal(0)))
        return _close(grand, [total, *(extra or {}).values()])
    return True


def _page(table: Table, page: int, body: list[Line]) -> tuple[list[_Column], list[_Row]] | None:
    """The value columns of ``page`` (its own header if it repeats one) and its rows with figures."""
    header = table.page_headers.get(page) or table.header
    leaves = header_leaves(header) if header else None
    columns = _columns(leaves) if leaves else None
    if leaves is None or columns is None:
        return None
    return columns, _rows(body, leaves, columns)


def read_matrix(table: Table, where: Provenance) -> Found | None:
    """The 三公 blocks of a table with geometry, labelled and verified; None when the header has
    no geometry or the matrix cannot be labelled so that it adds up.

    A table over several pages is read on the page that prints its 合计 row (else its first page),
    with that page's header."""
    pages = sorted({ln.page for ln in table.body}) or [table.title_line.page]
    read = [(p, _page(table, p, [ln for ln in table.body if ln.page == p])) for p in pages]
    if any(r is None for _, r in read[:1]):
        return None
    total_pages = [r for _, r in read if r is not None and any(words().row_total.match(row.label) for row in r[1])]
    first = read[0][1]
    assert first is not None
    columns, rows = total_pages[0] if total_pages else first
    items = {c.item for c in columns} & THREE_PUBLIC_ITEMS
    if len(items) >= 2:
        return _by_columns(rows, columns, where)
    if any(classify_label(r.label) for r in rows):
        return _by_rows(rows, columns, where)
    return None
