"""“三公”经费表 read from the sequence of its words and figures: text layouts without geometry.

Two layouts exist. A *grid* prints one line of figures under a multi-line header
(合计 | 因公出国(境)费 | 公务用车购置及运行费: 小计, 购置费, 运行费 | 公务接待费), sometimes once per year;
a *row* layout prints one line per item (合计, 一、因公出国(境)费, 二、公务用车购置及运行费, 其中…).
Space-separated text drops blank cells, so a grid line may carry fewer figures than columns: the
figures are then placed by the identities total = outbound + vehicle_total + reception and
vehicle_total = purchase + operation (the reading that adds up; ties go to 运行费, because a
purchase is the exception in a year's budget). Where the page gives geometry, the labelled matrix
of :mod:`yusuan.tables.three_public_matrix` is read first and this reading is only its fallback.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from itertools import combinations, pairwise

from yusuan.layout import Cell, Line
from yusuan.model.provenance import Amount, Provenance, figure_boxes
from yusuan.model.wrapped import squash
from yusuan.money import is_amount, parse_amount
from yusuan.tables.three_public_labels import KEYS, classify_label

_YEAR = re.compile(r"(20\d{2})")
# Columns some templates print beside the 三公 ones; they are read past, not into 三公 keys.
_OTHER_COLUMNS = ("机关运行", "行政经费", "会议费", "培训费")
_VEHICLE_GROUP = re.compile(r"购置(?:及|和|与)(?:运行|运维)")


def _amount(text: str, where: Provenance) -> Amount:
    value = parse_amount(text)
    return Amount(Decimal(0) if value is None else value, text.strip(), where)


def _columns(header: str) -> list[str]:
    """Which figure block is which, from the header: 'previous'/'current' or 'budget'/'current'."""
    if "决算" in header and "预算" in header:
        return ["budget", "current"] if header.find("预算") < header.find("决算") else ["current", "budget"]
    years = sorted({int(y) for y in _YEAR.findall(header)})
    if len(years) >= 2:
        first = _YEAR.search(header)
        earliest_first = first is not None and int(first.group(1)) == years[0]
        return ["previous", "current"] if earliest_first else ["current", "previous"]
    return ["current"]


def _leaf_order(header: str) -> list[str]:
    """The six grid columns in header order (vehicle sub-columns: 小计, then 购置/运行 as printed)."""
    spots = {
        "total": header.find("合计"),
        "outbound": header.find("出国"),
        "vehicle": min(
            (i for i in (header.find("购置及"), header.find("购置和"), header.find("用车")) if i >= 0),
            default=-1,
        ),
        "reception": header.find("接待"),
    }
    top = sorted((k for k, i in spots.items() if i >= 0), key=lambda k: spots[k])
    rest = re.sub(r"购置(?:及|和)(?:运行|运维)", "", header)
    purchase, operation = rest.find("购置"), max(rest.find("运行"), rest.find("运维"))
    vehicle = ["vehicle_total", "vehicle_purchase", "vehicle_operation"]
    if 0 <= operation < purchase:
        vehicle = ["vehicle_total", "vehicle_operation", "vehicle_purchase"]
    out: list[str] = []
    for key in top:
        out.extend(vehicle if key == "vehicle" else [key])
    return out


def _leaf_key(text: str) -> str | None:
    """The grid column a header cell names, or None ('group' for 公务用车购置及运行费 over its parts)."""
    t = squash(text)
    if any(word in t for word in _OTHER_COLUMNS):
        return "extra"
    if _VEHICLE_GROUP.search(t):
        return "group"
    for word, key in (
        ("合计", "total"),
        ("总计", "total"),
        ("出国", "outbound"),
        ("接待", "reception"),
        ("小计", "vehicle_total"),
    ):
        if word in t:
            return key
    if "购置" in t:
        return "vehicle_purchase"
    if "运行" in t or "运维" in t:
        return "vehicle_operation"
    return None


def _leaves_by_position(header: Sequence[Line]) -> list[tuple[str, float]] | None:
    """Leaf columns left to right from the header cells' x positions (PDF, Excel); None without geometry.

    Header rows of a PDF come out in vertical order, so their text order says nothing about columns.
    """
    cells = [c for ln in header for c in ln.cells if c.text.strip()]
    if not cells or any(c.top is None for c in cells):
        return None
    keyed = sorted(
        ((c.x0, (c.x0 + c.x1) / 2, k) for c in cells if (k := _leaf_key(c.text))), key=lambda item: item[0]
    )
    leaves = [(k, centre) for _, centre, k in keyed]
    if any(k in ("vehicle_total", "vehicle_purchase", "vehicle_operation") for k, _ in leaves):
        leaves = [(k, c) for k, c in leaves if k != "group"]
    leaves = [("vehicle_total" if k == "group" else k, c) for k, c in leaves]
    keys = {k for k, _ in leaves}
    if "total" not in keys or "reception" not in keys:
        return None
    return leaves


def _nearest(figures: Sequence[Cell], centres: Sequence[float]) -> list[int] | None:
    """Slot of each figure by the nearest header centre; None unless strictly left to right."""
    slots = [min(range(len(centres)), key=lambda i: abs(centres[i] - (f.x0 + f.x1) / 2)) for f in figures]
    return slots if all(a < b for a, b in pairwise(slots)) else None


def _consistent(values: dict[str, Decimal]) -> bool:
    """Both 三公 identities hold (the total one only where the grid has a 合计 column)."""
    v = {k: values.get(k, Decimal(0)) for k in KEYS}
    vehicle_ok = v["vehicle_total"] == v["vehicle_purchase"] + v["vehicle_operation"]
    if "total" not in values:
        return vehicle_ok
    return vehicle_ok and v["total"] == v["outbound"] + v["vehicle_total"] + v["reception"]


def place_by_identities(figures: Sequence[Decimal], slots: Sequence[str], blocks: int) -> list[int] | None:
    """Slot indices for ``figures`` printed with blanks dropped, such that every block adds up.

    Preference among readings that add up: no 购置费 where a 运行费 reading exists (see module doc).
    """
    per_block = len(slots)
    candidates: list[tuple[int, list[int]]] = []
    for chosen in combinations(range(per_block * blocks), len(figures)):
        ok = True
        purchases = 0
        for b in range(blocks):
            values = {
                slots[i % per_block]: f for i, f in zip(chosen, figures, strict=True) if i // per_block == b
            }
            full = {k: values.get(k, Decimal(0)) for k in slots}
            if not _consistent(full):
                ok = False
                break
            purchases += sum(1 for k, f in values.items() if k == "vehicle_purchase" and f)
        if ok:
            candidates.append((purchases, list(chosen)))
    if not candidates:
        return None
    candidates.sort(key=lambda c: c[0])
    return candidates[0][1]


def _figure_cells(line: Line) -> list[tuple[int, str]] | None:
    """(cell index, text) of a figures-only line (blanks kept for tab lines), else None."""
    cells = [(i, c.text.strip()) for i, c in enumerate(line.cells)]
    texts = [t for _, t in cells if t]
    if not texts or not all(is_amount(t) or t in ("-", "—") for t in texts):
        return None
    while cells and not cells[-1][1]:
        cells.pop()
    return cells


def read_grid(lines: Sequence[Line], where: Provenance) -> dict[str, dict[str, Amount]] | None:
    """A grid 三公 table: header lines, then the line of figures."""
    header_parts: list[str] = []
    header_lines: list[Line] = []
    for line in lines:
        cells = _figure_cells(line)
        if cells is None:
            header_parts.append(squash(line.text))
            header_lines.append(line)
            continue
        header = "".join(header_parts)
        if "接待" not in header or "出国" not in header:
            return None
        blocks = max(1, header.count("接待"))
        columns = _columns(header)[:blocks] if blocks > 1 else ["current"]
        if "决算" in header and "预算" in header and blocks == 1:
            columns = ["current"]
        first_block = header[: _nth(header, "接待", 1) + 2] if blocks > 1 else header
        placed_leaves = _leaves_by_position(header_lines)
        if placed_leaves and len(placed_leaves) % blocks == 0:
            slots = [k for k, _ in placed_leaves[: len(placed_leaves) // blocks]]
        else:
            slots = _leaf_order(first_block)
        if not slots:
            return None
        tabbed = "\t" in (line.raw or "")
        texts = [t for _, t in cells]
        figures = [t for t in texts if t]
        out: dict[str, dict[str, Amount]] = {c: {} for c in columns}
        width = len(slots) * len(columns)
        blanks_kept = tabbed and (len(texts) == width or (len(texts) <= width and "" in texts))
        if blanks_kept:
            positions = list(range(len(texts)))
            values = texts
        elif len(figures) == width:
            positions, values = list(range(width)), figures
        elif (
            placed_leaves
            and len(placed_leaves) == width
            and (near := _nearest([c for c in line.cells if c.text.strip()], [c for _, c in placed_leaves]))
        ):
            positions, values = near, figures
        else:
            decimals = [parse_amount(t) or Decimal(0) for t in figures]
            placed = place_by_identities(decimals, slots, len(columns))
            if placed is None:
                return None
            positions, values = placed, figures
        boxes = figure_boxes(line.cells, values)
        for (pos, text), (bbox, ocr) in zip(zip(positions, values, strict=False), boxes, strict=False):
            column, key = columns[pos // len(slots)], slots[pos % len(slots)]
            if key not in KEYS:
                continue
            out[column][key] = _amount(
                text, where.at(line=line.number, page=line.page, row=key, column=column, bbox=bbox, ocr=ocr)
            )
        return out
    header = "".join(header_parts)
    if "接待" in header and "出国" in header and "，" not in header:
        return {"current": {}}
    return None


def _nth(text: str, word: str, n: int) -> int:
    """Index of the ``n``-th (0-based) occurrence of ``word``."""
    index = -1
    for _ in range(n + 1):
        index = text.find(word, index + 1)
        if index < 0:
            return len(text)
    return index


def read_rows(lines: Sequence[Line], where: Provenance) -> dict[str, dict[str, Amount]] | None:
    """A row-layout 三公 table: one labelled line per item."""
    header_parts: list[str] = []
    rows: list[tuple[str, Line, list[str]]] = []
    for line in lines:
        texts = [c.text.strip() for c in line.cells]
        label_cells: list[str] = []
        figures: list[str] = []
        for t in texts:
            if not t:
                continue
            if is_amount(t) and label_cells:
                figures.append(t)
            elif is_amount(t) and not label_cells and re.fullmatch(r"\d{1,2}", t):
                continue  # 序号
            elif figures:
                label_cells = []
                break
            else:
                label_cells.append(t)
        key = classify_label("".join(label_cells)) if label_cells else None
        if key is None:
            if not rows:
                header_parts.append(squash(line.text))
            continue
        rows.append((key, line, figures))
    labelled = {k for k, _, _ in rows}
    if len(labelled) < 2 or not any(figures for _, _, figures in rows):
        return None
    header = "".join(header_parts)
    columns = _columns(header) if ("决算" in header and "预算" in header) else ["current"]
    out: dict[str, dict[str, Amount]] = {c: {} for c in columns}
    for key, line, figures in rows:
        boxes = figure_boxes(line.cells, figures)
        for column, text, (bbox, ocr) in zip(columns, figures, boxes, strict=False):
            if key not in out[column]:
                out[column][key] = _amount(
                    text, where.at(line=line.number, page=line.page, row=key, column=column, bbox=bbox, ocr=ocr)
                )
    return out


def empty_rows(lines: Sequence[Line]) -> dict[str, dict[str, Amount]] | None:
    """A row-layout table printed without any figure (空表): present, so every item is zero."""
    keys = {classify_label(ln.text) for ln in lines} - {None}
    has_figures = any(is_amount(c.text) and "." in c.text for ln in lines for c in ln.cells)
    return {"current": {}} if len(keys) >= 2 and not has_figures else None


