"""Which rows of a 项目支出表 are budget units' subtotals, not projects (单位小计行).

A unit row is not a project: where the page prints units and projects in columns of their own the
column tells; otherwise the sums do (a unit's amount is the sum of the rows under it, and the
units add up to the 合计) — and where every row together already adds up to the 合计, no row is
a subtotal of others, however its amount happens to equal the next rows' (150.00 = 60 + 40 + 50).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from yusuan.layout import Line
from yusuan.model.disclosure import LineItem, Project, StatementTable
from yusuan.model.wrapped import clean_unit_name, squash
from yusuan.money import unit_step

ALIGN = 12.0  # points: a row's text starting this near a heading's left edge is in its column


def add_up(amounts: Sequence[Decimal], total: Decimal) -> bool:
    """Whether ``amounts`` add up to ``total``, each printed part allowed half a unit of its last
    digit."""
    slack = sum((unit_step(a) / 2 for a in amounts), unit_step(total) / 2)
    return abs(sum(amounts, Decimal(0)) - total) <= slack


def _column_xs(lines: Sequence[Line], label: str) -> dict[int, float]:
    """x0 of the header cell ``label`` on each page that prints it (PDF geometry): a table
    printed one sheet per page may set its columns differently on every page."""
    out: dict[int, float] = {}
    for line in lines:
        for cell in line.cells:
            if cell.top is not None and line.page not in out and squash(cell.text) == label:
                out[line.page] = cell.x0
    return out


def _on_page(xs: dict[int, float], page: int) -> float | None:
    """The value for ``page``, else for the nearest page before it (a header not repeated)."""
    before = [p for p in xs if p <= page]
    return xs[max(before)] if before else None


def unit_by_column(lines: Sequence[Line], starts: Sequence[tuple[int, float | None]]) -> list[bool] | None:
    """Whether each row (its page and the x where its text starts) starts in the 单位名称 column
    rather than the 项目名称 column, where the PDF places them apart and the rows really use
    both; None otherwise."""
    unit_xs, name_xs = _column_xs(lines, "单位名称"), _column_xs(lines, "项目名称")
    out: list[bool] = []
    uses_names = False
    for page, x in starts:
        unit_x, name_x = _on_page(unit_xs, page), _on_page(name_xs, page)
        if unit_x is None or name_x is None or abs(unit_x - name_x) <= ALIGN:
            return None
        uses_names = uses_names or (x is not None and abs(x - name_x) <= ALIGN)
        out.append(x is not None and abs(x - unit_x) < abs(x - name_x))
    return out if uses_names else None


def units_by_sums(amounts: Sequence[Decimal], total: Decimal | None) -> list[bool] | None:
    """Which rows are unit subtotals, read off the sums of the whole table: the first row is a
    unit, its projects follow until they add up to it, then the next unit, and so on to the last
    row; the units add up to the 合计. None when the rows do not parse that way (no unit rows,
    or figures that do not add up), and for a parse without a 合计 to confirm it that finds one
    unit only. Why the whole table: one subtotal matched alone can be a coincidence (two
    projects of 1,000.00 under a third of 2,000.00)."""
    flags = [False] * len(amounts)
    units_sum = Decimal(0)
    units_slack = Decimal(0)
    i = 0
    while i < len(amounts):
        flags[i] = True
        running, slack, j = Decimal(0), Decimal(0), i + 1
        while j < len(amounts):
            running += amounts[j]
            slack += unit_step(amounts[j]) / 2
            j += 1
            if abs(running - amounts[i]) <= slack and (j == len(amounts) or amounts[j] != 0):
                break
        if j == i + 1 or abs(running - amounts[i]) > slack:
            return None
        units_sum += amounts[i]
        units_slack += unit_step(amounts[i]) / 2
        i = j
    if total is None:
        return flags if sum(flags) >= 2 else None
    return flags if abs(units_sum - total) <= units_slack else None


# How a budget unit's name ends (局, 中心, 委员会, 本级 …): a row equal to the one row after it is
# that unit's subtotal only when it is named like a unit — two projects of 1,000.00 in a row
# ('增加珠实集团资本金，用于市康养平台' then '…用于演艺投资平台') are not a unit and its project.
_TRAILING_NOTE = re.compile(r"[（(][^（()）]*[)）]$")  # '广州市统计监测中心（广州市统计发展中心）'
_UNIT_NAME = re.compile(r"(局|委员会|委|办公室|中心|院|所|站|队|馆|学校|校|本级|部|处|署|团|社|室|厅|政府|协会|联合会)$")


def sums_following(amounts: Sequence[Decimal], i: int, name: str = "") -> bool:
    """True when amounts[i] equals amounts[i+1] + … + amounts[j] for some j > i (a subtotal row),
    allowing each printed part its rounding (half a unit of its last digit); a match with the
    next row alone counts only for a row named like a unit."""
    running = Decimal(0)
    slack = Decimal(0)
    for j, value in enumerate(amounts[i + 1 :], start=i + 1):
        running += value
        slack += unit_step(value) / 2
        if abs(running - amounts[i]) <= slack:
            return j > i + 1 or _UNIT_NAME.search(_TRAILING_NOTE.sub("", name)) is not None
        if running > amounts[i] + slack:
            return False
    return False


def mark_unit_rows(table: StatementTable, projects: Sequence[Project]) -> StatementTable:
    """Give the 项目支出表's unit subtotal rows level ``unit`` (and the rows under them their unit),
    as the project reader told them apart: a row that is no project and bears a project's unit
    name. Why here: a project may be named like a unit ('广州市城市规划展览中心' 1,250.00, a project
    of 规划局 printed before that centre's own subtotal row), so names alone cannot tell them.
    A project row whose name ran into a column beside it ('民政业务工作经费' + 项目类别
    '其他运转类') takes the project's name; a row with figures among the projects that is neither
    a project nor a unit groups projects (通用项目 › 大型活动) and gets level ``category``."""
    by_line = {p.where.line: p for p in projects if p.where is not None}
    lines = set(by_line)
    units = {p.unit for p in projects if p.unit}
    current: str | None = None
    for item in table.items:
        if item.level == "total":
            current = None
            continue
        line = item.where.line if item.where is not None else None
        project = by_line.get(line)
        if project is not None and item.name != project.name and squash(item.name).startswith(squash(project.name)):
            item.name = project.name
        if item.level == "item" and not item.code and line not in lines and clean_unit_name(item.name) in units:
            item.level, current = "unit", clean_unit_name(item.name)
        elif item.level == "item" and lines and line not in lines and _subtotal_in(item, lines):
            item.level = "category"  # a group of projects (通用项目, 大型活动): neither project nor unit
        if item.level in ("item", "unit") and current is not None:
            item.unit = current
    return table


def _subtotal_in(item: LineItem, lines: set[int | None]) -> bool:
    """A row printing a figure above the last project row (the groups head their projects)."""
    line = item.where.line if item.where is not None else None
    numbers = [n for n in lines if n is not None]
    printed = any(not a.blank for a in item.values.values())
    return printed and line is not None and bool(numbers) and line < max(numbers)


_SEARCH_STEPS = 200000  # subtree readings kept at most: a table needing more is read otherwise
_TREE_ROWS = 400  # longer tables are not searched
_ENDS = 4  # subtree ends looked for per row
_VISITS = 20000  # states visited per row at most


def tree_by_sums(amounts: Sequence[Decimal], total: Decimal) -> list[int | None] | None:
    """The parent row of each row (None: the top level) of a table printed as a tree of subtotals
    (单位 › 通用项目 › 大型活动 › 项目, each subtotal the sum of the rows right under it, the top
    level summing to the 合计), or None when no such reading is found (a table whose rows all make
    the 合计 as they stand is read as projects before this is asked).

    Bottom-up: for each row, from the last, the rows where its subtree can end — a leaf ends at
    the next row; a subtotal where the trees after it (each ending where its own may) have root
    amounts adding up to it, no row under it larger than it. Then the top level is a run of
    trees from the first row to the last whose roots make the 合计."""
    n = len(amounts)
    if not n or n > _TREE_ROWS:
        return None
    step = max(unit_step(a) for a in amounts) / 2
    # ends[s][m] = the roots of the trees right under row s when its subtree is rows s … m-1
    ends: list[dict[int, tuple[int, ...]]] = [{} for _ in range(n)]
    work = 0
    for s in range(n - 1, -1, -1):
        ends[s][s + 1] = ()
        stop = s + 1
        while stop < n and amounts[stop] <= amounts[s] + 2 * step:
            stop += 1
        found = _paths(amounts, ends, s + 1, stop, amounts[s], step)
        work += len(found)
        if work > _SEARCH_STEPS:
            return None
        for end, roots in found.items():
            ends[s].setdefault(end, roots)
    top = _paths(amounts, ends, 0, n, total, step).get(n)
    if top is None:
        return None
    parents: list[int | None] = [None] * n
    _assign(ends, top, n, None, parents)
    return parents


def _paths(
    amounts: Sequence[Decimal], ends: list[dict[int, tuple[int, ...]]], start: int, stop: int, target: Decimal, step: Decimal
) -> dict[int, tuple[int, ...]]:
    """Where a run of trees from ``start`` (each ending where ``ends`` lets it, none past
    ``stop``) can end with root amounts making ``target``: end → the roots, the first found.
    Depth first, the longest tree first (a subtotal's rows follow it), at most ``_ENDS`` ends and
    ``_VISITS`` states: enough for a printed tree, and bounded for a table that is none."""
    out: dict[int, tuple[int, ...]] = {}
    seen: set[tuple[int, Decimal]] = set()
    todo: list[tuple[int, Decimal, tuple[int, ...]]] = [(start, target, ())]
    while todo and len(out) < _ENDS and len(seen) < _VISITS:
        pos, remaining, roots = todo.pop()
        if (pos, remaining) in seen:
            continue
        seen.add((pos, remaining))
        slack = step * (len(roots) + 1)
        if roots and abs(remaining) <= slack:
            out.setdefault(pos, roots)
        if pos >= stop or remaining < amounts[pos] - slack - step:
            continue
        left = remaining - amounts[pos]
        todo.extend((end, left, (*roots, pos)) for end in sorted(ends[pos]) if end <= stop)
    return out


def _assign(ends: list[dict[int, tuple[int, ...]]], roots: tuple[int, ...], stop: int, parent: int | None, parents: list[int | None]) -> None:
    """Each row's parent from the roots of a run of trees (their subtrees recursively)."""
    for i, root in enumerate(roots):
        parents[root] = parent
        end = roots[i + 1] if i + 1 < len(roots) else stop
        _assign(ends, ends[root][end], end, root, parents)


def unit_like(name: str) -> bool:
    """A row named like a budget unit: its code printed before it (117001 西安市审计局) or a unit's
    ending (局, 中心, 本级 …)."""
    return bool(re.match(r"^\d{3,}", name.strip())) or _UNIT_NAME.search(_TRAILING_NOTE.sub("", name.strip())) is not None
