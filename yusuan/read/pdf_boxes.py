"""Ruled boxes: text wrapped inside one ruled table cell becomes one cell on one line.

Why: spreadsheets exported to PDF wrap long names and headers inside their cell ("机关事业单位基本
养老保险缴费" / "支出"; "一般公共预" / "算"), which the page shows as separate visual lines. Where a
cell's four sides are ruling lines, everything inside is one cell, as the workbook had it; the
visual lines that share such a box are one table row. A "box" holding several lines that each
carry a number is not a cell but rows drawn without separators, and a wide box holding many lines
is a frame around prose; both are left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import pairwise

from yusuan.layout import Cell
from yusuan.read.pdf_glyphs import HRule, Rule
from yusuan.read.pdf_lines import MIN_COLUMN, LineCells, fill_blank_columns, rules_across

MAX_LINES = 5  # a box wider than half the page with more visual lines is a frame, not a cell
MAX_NARROW_LINES = 60  # a narrow column box (long 绩效指标 text) may wrap this far
_SLACK = 1.5  # text may touch its rules by this much (points)
_NUMBER = re.compile(r"^[-−+]?[\d,，.]+%?$")

Box = tuple[float, float, float, float]


def _nearest(rules: list[Rule] | list[HRule], keys: list[float], at: float, cross: float, backward: bool) -> float | None:
    """The nearest rule before (or after) ``at`` along its axis whose span covers ``cross``.

    A rule is (position, span start, span end), sorted by position with ``keys`` its positions;
    vertical and horizontal rules are searched alike."""
    if backward:
        indices: range = range(bisect_right(keys, at + _SLACK) - 1, -1, -1)
    else:
        indices = range(bisect_left(keys, at - _SLACK), len(rules))
    for i in indices:
        position, lo, hi = rules[i]
        if lo - _SLACK <= cross <= hi + _SLACK:
            return position
    return None


def _vertical_at(rules: list[Rule], xs: list[float], x: float, y: float, leftward: bool) -> float | None:
    """The nearest vertical rule left of (or right of) x that crosses height y."""
    return _nearest(rules, xs, x, y, leftward)


def _horizontal_at(rules: list[HRule], ys: list[float], y: float, x: float, upward: bool) -> float | None:
    """The nearest horizontal rule above (or below) y that spans x."""
    return _nearest(rules, ys, y, x, upward)


def _join(parts: list[str]) -> str:
    """Wrapped pieces of one cell: CJK joins solid, Latin words and numbers with a space."""
    out = parts[0]
    for part in parts[1:]:
        if (
            out
            and part
            and out[-1].isascii()
            and out[-1].isalnum()
            and part[0].isascii()
            and part[0].isalnum()
        ):
            out += " "
        out += part
    return out


def _visual_lines(cells: list[Cell]) -> list[str]:
    """The texts of the cells in one box, a string per visual line in reading order.

    Pieces of one visual line (split at a wide gap: '558001  沈阳市…') are ordered by x and keep
    a space; their tops differ a little (a digit's top sits below a CJK glyph's), so lines are
    told apart by vertical overlap, not by equal tops."""
    out: list[list[Cell]] = []
    for c in sorted(cells, key=lambda c: c.top):  # type: ignore[arg-type, return-value]
        last = out[-1][0] if out else None
        if last is not None and c.top < (last.top + last.bottom) / 2:  # type: ignore[operator]
            out[-1].append(c)
        else:
            out.append([c])
    return [" ".join(c.text for c in sorted(line, key=lambda c: c.x0)) for line in out]


def _cell_box(c: Cell, vrules, xs, hrules, ys) -> Box | None:
    """The ruled box around a cell: the nearest rule on each side, or None if a side is open."""
    if c.top is None or c.bottom is None:
        return None
    cx, cy = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
    left = _vertical_at(vrules, xs, c.x0, cy, True)
    right = _vertical_at(vrules, xs, c.x1, cy, False)
    top = _horizontal_at(hrules, ys, c.top, cx, True)
    bottom = _horizontal_at(hrules, ys, c.bottom, cx, False)
    if left is None or right is None or top is None or bottom is None:
        return None
    return (round(left, 1), round(top, 1), round(right, 1), round(bottom, 1))


def _row_keys(tops: list[float]) -> dict[float, float]:
    """Box tops within 2 pt of each other are one row (rules drawn as thin rectangles differ a little)."""
    keys: dict[float, float] = {}
    current = None
    for top in sorted(set(tops)):
        if current is None or top - current > 2.0:
            current = top
        keys[top] = current
    return keys


def merge_wrapped(
    lines: list[LineCells], vrules: list[Rule], hrules: list[HRule], page_width: float | None = None
) -> list[LineCells]:
    """Rebuild the rows of ruled tables from their boxes (see module doc); other lines pass through."""
    return _merge(lines, vrules, hrules, page_width)[0]


def ruled_lines(
    lines: list[LineCells], vrules: list[Rule], hrules: list[HRule], page_width: float | None = None
) -> list[LineCells]:
    """Ruled rows rebuilt from their boxes, with an empty cell for each column box without text;
    other lines get empty cells for the ruled column boxes they cross (``fill_blank_columns``)."""
    merged, rebuilt = _merge(lines, vrules, hrules, page_width)
    return [
        line
        if done
        else (
            fill_blank_columns(line[0], rules_across(vrules, line[1], line[2]), line[1], line[2]),
            *line[1:],
        )
        for line, done in zip(merged, rebuilt, strict=True)
    ]


def _merge(
    lines: list[LineCells], vrules: list[Rule], hrules: list[HRule], page_width: float | None
) -> tuple[list[LineCells], list[bool]]:
    """The lines after rebuilding ruled runs, and which of them were rebuilt (blanks included)."""
    if len(lines) < 2 or not vrules or not hrules:
        return lines, [False] * len(lines)
    xs = [r[0] for r in vrules]
    ys = [r[0] for r in hrules]
    box_of: dict[tuple[int, int], Box] = {}
    members: dict[Box, list[tuple[int, int]]] = {}
    for li, (cells, _, _) in enumerate(lines):
        for ci, c in enumerate(cells):
            if c.text and (box := _cell_box(c, vrules, xs, hrules, ys)) is not None:
                box_of[li, ci] = box
                members.setdefault(box, []).append((li, ci))
    for box, cells_in in members.items():
        rows = {li for li, _ in cells_in}
        numbers = sum(1 for li, ci in cells_in if _NUMBER.match(lines[li][0][ci].text))
        narrow = page_width is not None and box[2] - box[0] < 0.5 * page_width
        limit = MAX_NARROW_LINES if narrow else MAX_LINES
        if len(rows) > limit or max(rows) - min(rows) >= limit or (len(rows) > 1 and numbers > 1):
            for m in cells_in:  # rows drawn without separators: not one cell
                del box_of[m]
    ruled = [
        any(c.text for c in cells) and all((li, ci) in box_of for ci, c in enumerate(cells) if c.text)
        for li, (cells, _, _) in enumerate(lines)
    ]
    if not any(ruled):
        return lines, [False] * len(lines)
    out: list[LineCells] = []
    rebuilt: list[bool] = []
    li = 0
    while li < len(lines):
        if not ruled[li]:
            out.append(lines[li])
            rebuilt.append(False)
            li += 1
            continue
        end = li
        while end < len(lines) and ruled[end]:
            end += 1
        rows = _rebuild(lines, range(li, end), box_of, vrules)
        out.extend(rows)
        rebuilt.extend([True] * len(rows))
        li = end
    return out, rebuilt


def _rebuild(
    lines: list[LineCells], run: range, box_of: dict[tuple[int, int], Box], vrules: list[Rule] | None = None
) -> list[LineCells]:
    """The rows of one run of ruled lines: one cell per box, one line per row of box tops.

    The columns are the boxes' edges and the vertical rules crossing the run between them: a
    column blank all down the run (no text box in it) still gives each row its empty cell."""
    by_box: dict[Box, list[Cell]] = {}
    for li in run:
        for ci, c in enumerate(lines[li][0]):
            if c.text:
                by_box.setdefault(box_of[li, ci], []).append(c)
    keys = _row_keys([box[1] for box in by_box])
    rows: dict[float, list[Cell]] = {}
    row_boxes: dict[float, list[Box]] = {}
    for box, cells in by_box.items():
        if len(cells) == 1:
            cell = cells[0]
        else:
            confidences = [c.confidence for c in cells if c.confidence is not None]
            cell = Cell(
                _join(_visual_lines(cells)),
                min(c.x0 for c in cells),
                max(c.x1 for c in cells),
                min(c.top for c in cells),  # type: ignore[type-var]
                max(c.bottom for c in cells),  # type: ignore[type-var]
                any(c.ocr for c in cells),  # OCR pieces stay OCR, at their least sure
                min(confidences) if confidences else None,
            )
        rows.setdefault(keys[box[1]], []).append(cell)
        row_boxes.setdefault(keys[box[1]], []).append(box)
    xs = {x for box in by_box for x in (box[0], box[2])}
    if vrules and by_box:
        left, right = min(xs), max(xs)
        run_top = min(box[1] for box in by_box)
        run_bottom = max(box[3] for box in by_box)
        xs |= {x for x in rules_across(vrules, run_top, run_bottom) if left < x < right}
    edges: list[float] = []
    for x in sorted(xs):
        if not edges or x - edges[-1] > MIN_COLUMN:
            edges.append(x)
    out: list[LineCells] = []
    for key in sorted(rows):
        cells = rows[key]
        top = min(c.top for c in cells)  # type: ignore[type-var]
        bottom = max(c.bottom for c in cells)  # type: ignore[type-var]
        boxes = row_boxes[key]
        cells += [  # a column box of this row without text; never inside a box spanning columns
            Cell("", a, b, top, bottom)
            for a, b in pairwise(edges)
            if b - a > MIN_COLUMN and not any(bl <= a + _SLACK and br >= b - _SLACK for bl, _, br, _ in boxes)
        ]
        cells.sort(key=lambda c: c.x0)
        out.append((cells, top, bottom))
    return out
