"""A table header read from the page's geometry: every column, known or not, with its header path.

Why: a header names columns in words a region chooses (专项业务经费支出, 事业收入（不含教育收费）,
其中：专项资金列入部门预算的项目), and a column whose word the catalogue does not know must still be a
column, or the figures under it shift into its neighbours. So the header is read as a tree of
cells by where they stand — a cell's children are the cells below it within the room its
neighbours leave it; a group word centred over its members claims the run of members centred on
it, one left-aligned over its first member the run starting there — and every leaf is a column
whose path (基本支出 › 人员经费) is kept. What a path means is decided afterwards
(:mod:`yusuan.tables.meaning`), from the catalogue's words as one piece of evidence.

Only layouts with page geometry (PDF, OCR) are read so; text extractions and workbooks keep the
word-sequence reading of :mod:`yusuan.tables.columns`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from yusuan.layout import Line
from yusuan.tables.catalogue import squash

# headings of row-label columns (科目编码 / 类 款 项 / 单位名称 / 序号 …), never value columns
LABEL_WORDS = re.compile(r"(编码|代码|名称|科目|序号|栏次|行次|备注|说明|^类$|^款$|^项$|^项目$|^单位$|^项目内容|^绩效目标)")
_COLUMN_MARKS = frozenset("甲乙丙丁ABCDEF")
_MIXED = 1000.0  # cost of a row-label group word (项目) heading a value column
_SLACK = 1.5  # points (or, in a workbook, a small fraction of a column) a child may pass its room
_ALIGNED = 2.0  # a group word this close to its first member's left edge is left-aligned over it


@dataclass(slots=True, eq=False)
class HeaderNode:
    """One header cell: its squashed text, box, the line it sits on, and the cells under it."""

    text: str
    x0: float
    x1: float
    row: int
    children: list[HeaderNode] = field(default_factory=list)

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True, slots=True)
class Leaf:
    """A column of the header: its path from the top (group words first), where its heading stands
    and the room it has (``left``–``right``, between its neighbours' headings)."""

    path: tuple[str, ...]
    x0: float
    x1: float
    left: float
    right: float

    @property
    def text(self) -> str:
        """The leaf's own heading."""
        return self.path[-1]

    @property
    def centre_x(self) -> float:
        return (self.x0 + self.x1) / 2

    def holds(self, x0: float, x1: float) -> bool:
        """Whether a body cell spanning ``x0``–``x1`` stands in this column (its middle does)."""
        middle = (x0 + x1) / 2
        return self.left <= middle < self.right


def _column_numbers(texts: list[str]) -> bool:
    """A 栏次 line: the columns' numbers (1 2 3 …, or 甲 乙 / A B), maybe after 栏次/行次."""
    rest = [t for t in texts if t not in ("栏次", "行次", "序号")]
    return len(rest) >= 2 and all((t.isdigit() and len(t) <= 2) or t in _COLUMN_MARKS for t in rest)


def _nodes(header: Sequence[Line]) -> list[list[HeaderNode]] | None:
    """The header's cells line by line, a 栏次 line left out (None when a cell has no position: no
    geometry)."""
    rows: list[list[HeaderNode]] = []
    for index, line in enumerate(header):
        cells = [c for c in line.cells if c.text.strip()]
        if _column_numbers([squash(c.text) for c in cells]):
            continue
        if any(c.top is None for c in cells):
            return None
        nodes = sorted((HeaderNode(squash(c.text), c.x0, c.x1, index) for c in cells), key=lambda n: n.x0)
        if nodes:
            rows.append(nodes)
    return rows or None


def _room(row: list[HeaderNode], i: int) -> tuple[float, float]:
    """The room a cell has on its line: from its left neighbour's end to its right neighbour's start."""
    left = row[i - 1].x1 if i > 0 else float("-inf")
    right = row[i + 1].x0 if i + 1 < len(row) else float("inf")
    return left, right


def _claim(rows: list[list[HeaderNode]]) -> list[HeaderNode]:
    """Link every cell to the cell it stands under (the nearest line above whose cell's room holds
    it); returns the roots in x order."""
    parent: dict[int, HeaderNode] = {}
    for r in range(len(rows) - 1, 0, -1):
        for child in rows[r]:
            if id(child) in parent:
                continue
            for above in range(r - 1, -1, -1):
                owner = _owner(rows[above], child)
                if owner is not None:
                    parent[id(child)] = owner
                    owner.children.append(child)
                    break
    for row in rows:
        for node in row:
            node.children.sort(key=lambda n: n.x0)
    for row in rows:
        for i in range(len(row) - 1):
            _recentre(row[i], row[i + 1], parent)
    return sorted((n for row in rows for n in row if id(n) not in parent), key=lambda n: n.x0)


def _owner(row: list[HeaderNode], child: HeaderNode) -> HeaderNode | None:
    """The cell of ``row`` whose room holds ``child`` whole, preferring for a value heading a cell
    that is no row-label word, then one whose own text stands over it (None: under none of them)."""
    holding = []
    for i, node in enumerate(row):
        left, right = _room(row, i)
        if left - _SLACK <= child.x0 and child.x1 <= right + _SLACK:
            holding.append(node)
    if not LABEL_WORDS.search(child.text):  # a value heading stands under no row-label word (科目编码)
        holding = [n for n in holding if not LABEL_WORDS.search(n.text)] or holding
    over = [n for n in holding if _over(n, child)]
    return (over or holding or [None])[0]


def _over(node: HeaderNode, child: HeaderNode) -> bool:
    """Whether ``node``'s text stands over part of ``child``."""
    return node.x0 < child.x1 and child.x0 < node.x1


def _recentre(a: HeaderNode, b: HeaderNode, parent: dict[int, HeaderNode]) -> None:
    """Two neighbouring cells that both claimed cells below share the ones between them: each gets
    the run it heads best — left-aligned over the run's first cell, or centred on it — and a cell
    whose text stands over none of them (a merged 合计 beside a centred 本年收入) may get none."""
    if not a.children or not b.children:
        return
    pool = sorted([*a.children, *b.children], key=lambda n: n.x0)
    best: tuple[float, int] | None = None
    for cut in range(len(pool) + 1):
        error = _cost(a, pool[:cut], pool) + _cost(b, pool[cut:], pool)
        if best is None or error < best[0]:
            best = (error, cut)
    if best is not None and best[0] != float("inf"):
        _split(a, b, pool, best[1], parent)


def _cost(node: HeaderNode, run: list[HeaderNode], pool: list[HeaderNode]) -> float:
    """How badly ``node`` heads ``run``: it must keep every cell its text stands over; left-aligned
    over the run's first cell it is exact, else it is off by the distance from the run's middle;
    a group named as row labels (项目 over 科目代码 | 科目名称) heads no value column."""
    if any(_over(node, c) and c not in run for c in pool):
        return float("inf")
    if not run:
        return 0.0
    heads_labels = bool(LABEL_WORDS.search(node.text))
    mixed = _MIXED if heads_labels and any(not LABEL_WORDS.search(c.text) for c in run) else 0.0
    if abs(run[0].x0 - node.x0) <= _ALIGNED:
        return mixed
    return mixed + abs((run[0].x0 + run[-1].x1) / 2 - node.centre)


def _split(a: HeaderNode, b: HeaderNode, pool: list[HeaderNode], cut: int, parent: dict[int, HeaderNode]) -> None:
    a.children, b.children = pool[:cut], pool[cut:]
    for c in a.children:
        parent[id(c)] = a
    for c in b.children:
        parent[id(c)] = b


def _leaves(roots: list[HeaderNode]) -> list[tuple[tuple[str, ...], HeaderNode]]:
    out: list[tuple[tuple[str, ...], HeaderNode]] = []

    def walk(node: HeaderNode, path: tuple[str, ...]) -> None:
        here = (*path, node.text)
        if not node.children:
            out.append((here, node))
        for child in node.children:
            walk(child, here)

    for root in roots:
        walk(root, ())
    out.sort(key=lambda item: item[1].x0)
    return out


def column_boxes(body: Sequence[Line]) -> list[tuple[float, float]]:
    """The ruled cells of a body, left to right: a blank cell of a ruled row keeps its box (the
    PDF reader gives a blank box its rules' x), so these are the table's true column edges."""
    seen: dict[tuple[int, int], tuple[float, float]] = {}
    for line in body:
        for cell in line.cells:
            if not cell.text.strip() and cell.top is not None and cell.x1 - cell.x0 > 2:
                seen.setdefault((round(cell.x0), round(cell.x1)), (cell.x0, cell.x1))
    boxes = sorted(seen.values())
    # keep boxes that do not overlap a narrower one (a box spanning merged columns is no column)
    return [b for b in boxes if not any(o != b and b[0] - 1 <= o[0] and o[1] <= b[1] + 1 for o in boxes)]


def _box_of(boxes: Sequence[tuple[float, float]], x: float) -> tuple[float, float] | None:
    return next((b for b in boxes if b[0] <= x < b[1]), None)


def header_leaves(header: Sequence[Line], body: Sequence[Line] = ()) -> list[Leaf] | None:
    """Every column of a geometric header, left to right, with its path and room (None without
    geometry or when the header has no cells). A column's room is its ruled box where the body
    shows one (body text is left-aligned in it, its heading centred), else it reaches halfway to
    its neighbours' headings."""
    rows = _nodes(header)
    if rows is None:
        return None
    leaves = _leaves(_claim(rows))
    boxes = column_boxes(body)
    out: list[Leaf] = []
    for i, (path, node) in enumerate(leaves):
        left = (leaves[i - 1][1].x1 + node.x0) / 2 if i > 0 else float("-inf")
        right = (node.x1 + leaves[i + 1][1].x0) / 2 if i + 1 < len(leaves) else float("inf")
        box = _box_of(boxes, node.centre)
        if box is not None:
            left, right = box
        out.append(Leaf(path, node.x0, node.x1, left, right))
    for i in range(len(out) - 1):  # a room from a box and one from midpoints must not overlap
        if out[i].right > out[i + 1].left:
            edge = out[i + 1].left if _box_of(boxes, out[i + 1].centre_x) else out[i].right
            out[i] = Leaf(out[i].path, out[i].x0, out[i].x1, out[i].left, edge)
            out[i + 1] = Leaf(out[i + 1].path, out[i + 1].x0, out[i + 1].x1, edge, out[i + 1].right)
    return out
