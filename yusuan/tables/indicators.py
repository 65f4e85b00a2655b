"""绩效指标 rows of a 绩效目标表 read by the columns of their heading line (PDF, OCR geometry).

Why by columns: a form prints its indicators under '一级指标 | 二级指标 | 三级指标 | 指标值', the
一级/二级 cells merged over the rows they head, and a row label repeated at the left of every row
('绩效指标', '年度绩效指标'); read as a sequence of words, that label and a 一级 word ('成本指标')
that is also a 二级 word look alike. Read by where each cell stands, a row is its columns: the
label left of the first column is no part of it, a merged cell's text carries down to the rows
under it, and a 三级 name wrapped onto a line without a value continues the row above.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from yusuan.layout import Cell, Line
from yusuan.model.disclosure import Indicator
from yusuan.model.provenance import Provenance
from yusuan.model.wrapped import join_wrapped, squash

# heading word → the field it heads, tried in order on each heading cell
_HEADINGS = (
    (re.compile(r"一级指标"), "level1"),
    (re.compile(r"二级指标"), "level2"),
    (re.compile(r"三级指标|指标名称|绩效指标内容"), "name"),
    (re.compile(r"运算符"), "operator"),
    (re.compile(r"指标值|目标值"), "value"),
    (re.compile(r"计量单位|度量单位"), "unit"),
)
_REPEATED = re.compile(r"绩效(?:目标|自评)表|^表\d|^公开\d|^[(（]\d{4}年度?[)）]$|^[—－-]+\d+[—－-]+$|^第\d+页")
_SCORE = re.compile(r"^(?:总分|总得分|得分小计|合计)")
_VALUE = re.compile(r"^(>=|<=|≥|≤|=|>|<|＞|＜|＝)?\s*(\d[\d,]*(?:\.\d+)?)\s*((?![-－~～至\d])\S*)$")


def _columns(head: Line) -> list[tuple[str, float, float]] | None:
    """(field, left, right) of each heading the line prints, left to right (a heading the form
    names but this reader does not, 分值权重, is an ``other`` column); None without geometry or
    without a 三级 name column and a value column."""
    cells = sorted((c for c in head.cells if c.text.strip()), key=lambda c: c.x0)
    if not cells or any(c.top is None for c in cells):
        return None
    found = [(next((f for pattern, f in _HEADINGS if pattern.search(squash(c.text))), "other"), c) for c in cells]
    while found and found[0][0] == "other":
        found.pop(0)  # the form's row label (年度绩效指标) left of the first heading
    fields = [f for f, _ in found if f != "other"]
    if "name" not in fields or "value" not in fields or len(set(fields)) != len(fields):
        return None
    out: list[tuple[str, float, float]] = []
    for i, (field, cell) in enumerate(found):
        left = (found[i - 1][1].x1 + cell.x0) / 2 if i else cell.x0 - (cell.x1 - cell.x0) / 2
        right = (cell.x1 + found[i + 1][1].x0) / 2 if i + 1 < len(found) else float("inf")
        out.append((field, left, right))
    return out


def _fields(cells: Sequence[Cell], columns: Sequence[tuple[str, float, float]]) -> dict[str, str]:
    """A row's cells by field. The value stands under its heading (a narrow column, its figure
    centred); the text cells left of it are, from the right, the 三级 name, then the 二级 and 一级
    headings where the row prints them (a wide name column starts far left of its centred
    heading, so its cells may stand in the 二级 heading's room); the row's label left of the
    first column is none of them."""
    start = columns[0][1]
    rooms = {f: (left, right) for f, left, right in columns}
    kept = sorted((c for c in cells if (c.x0 + c.x1) / 2 >= start), key=lambda c: c.x0)
    out: dict[str, list[str]] = {}
    left_of_value: list[Cell] = []
    for cell in kept:
        middle = (cell.x0 + cell.x1) / 2
        field = next((f for f, (lo, hi) in rooms.items() if lo <= middle < hi), None)
        if field in ("value", "operator", "unit", "other"):
            out.setdefault(field, []).append(cell.text.strip())
        elif "value" not in out:
            left_of_value.append(cell)
    order = [f for f in ("level1", "level2", "name") if f in rooms]
    for field, cell in zip(reversed(order), reversed(left_of_value), strict=False):
        out.setdefault(field, []).insert(0, cell.text.strip())
    return {f: join_wrapped(parts) for f, parts in out.items()}


def _split(value: str) -> tuple[str | None, str, str | None]:
    """'≤30万元' → ('≤', '30', '万元'); text that is no figure stays the value as printed."""
    m = _VALUE.match(squash(value))
    if m is None:
        return None, value, None
    return m.group(1), m.group(2), m.group(3) or None


def geometric_indicators(lines: Sequence[Line], head: Line, where: Provenance) -> list[Indicator] | None:
    """The indicators under ``head`` (the 一级指标 line), or None when it gives no columns."""
    columns = _columns(head)
    if columns is None:
        return None
    out: list[Indicator] = []
    level1 = level2 = None
    for line in lines:
        if _REPEATED.search(squash(line.text)):
            continue  # the next form's title, or the table's, printed on a new page
        got = _fields([c for c in line.cells if c.text.strip()], columns)
        if _SCORE.match(got.get("level1") or got.get("level2") or got.get("name") or ""):
            continue  # a 自评表's score row
        level1, level2 = got.get("level1") or level1, got.get("level2") or level2
        name, value = got.get("name"), got.get("value")
        continues = bool(out) and out[-1].where is not None and out[-1].where.page == line.page
        if name and not value and continues and "level1" not in got and "level2" not in got:
            last = out[-1]
            out[-1] = Indicator(last.level1, last.level2, join_wrapped([last.name, name]), last.operator, last.value, last.unit, last.where)
            continue
        if not name:
            continue
        operator, figure, unit = _split(value) if value else (None, None, None)
        out.append(
            Indicator(
                level1=level1,
                level2=level2,
                name=name,
                operator=got.get("operator") or operator,
                value=figure,
                unit=got.get("unit") or unit,
                where=where.at(line=line.number, page=line.page),
            )
        )
    return out
