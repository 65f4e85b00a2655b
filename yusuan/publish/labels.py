"""The label columns of a coded table (科目编码 | 科目名称) in each code layout of a template.

Layouts (DESIGN §1): ``whole`` (2010350 | 事业运行), ``split`` over 类|款|项 (201 | 03 | 50 | 事业运行;
经济分类 类|款), ``glued`` (2010350-事业运行 in one cell), ``indented`` (names only, indented by
level, no codes) and ``broken`` (a 7-digit 项 code broken over two lines: 201035 / 0, as narrow
columns print it). A unit row prints its name (and its unit code where the layout has a code column); a
total row prints the template's total label, which may be empty (a 合计 row known only by its
place and arithmetic).
"""

from __future__ import annotations

from yusuan.model import LineItem
from yusuan.publish.document import Head

INDENT = "\u3000\u3000"  # two full-width spaces per level, as printed tables indent


def split_width(items: list[LineItem]) -> int:
    """How many code columns a split layout needs: 3 for 功能分类 (类|款|项), 2 for 经济分类 (类|款)."""
    longest = max((len(i.code) for i in items if i.code and i.code.isdigit() and i.level != "unit"), default=5)
    return 3 if longest > 5 else 2


def label_header(
    layout: str, code_header: str, name_header: str, width: int, depth: int, caption: str | None = None
) -> list[list[Head]]:
    """The header cells of the label columns, ``depth`` rows high (the figure header's depth); a
    ``caption`` (部门预算支出经济分类科目) heads them all where the header has two rows or more."""
    if caption and depth >= 2:
        below = label_header(layout, code_header, name_header, width, depth - 1)
        return [[Head(caption, label_count(layout, width), 1)], *below]
    rows: list[list[Head]] = [[] for _ in range(depth)]
    if layout == "split":
        if depth == 1:
            rows[0] += [Head(w) for w in "类款项"[:width]] + [Head(name_header)]
            return rows
        rows[0] += [Head(code_header, width, 1), Head(name_header, 1, depth)]
        rows[1] = [Head(w, 1, depth - 1) for w in "类款项"[:width]] + rows[1]
        return rows
    if layout in ("glued", "indented"):
        rows[0].append(Head(f"{code_header}及{name_header}" if layout == "glued" else name_header, 1, depth))
        return rows
    rows[0] += [Head(code_header, 1, depth), Head(name_header, 1, depth)]
    return rows


def label_cells(item: LineItem, layout: str, width: int, total_label: str) -> list[str]:
    """The label cells of one row."""
    count = label_count(layout, width)
    if item.level == "total":
        return [total_label] + [""] * (count - 1) if layout != "split" else [""] * (count - 1) + [total_label]
    code = item.code if item.code and item.code.isdigit() else ""
    if item.level == "unit":
        return _unit_cells(item, layout, count)
    if not code:
        return [""] * (count - 1) + [item.name]
    if layout == "split":
        return [*_split(code, width), item.name]
    if layout == "glued":
        return [f"{code}-{item.name}"]
    if layout == "indented":
        return [INDENT * _depth(code) + item.name]
    if layout == "broken" and len(code) == 7:  # a narrow column breaks the 项 code: 206010 / 1
        return [f"{code[:-1]}\n{code[-1]}", item.name]
    return [code, item.name]


def label_count(layout: str, width: int) -> int:
    """How many label columns a layout prints."""
    if layout == "split":
        return width + 1
    return 1 if layout in ("glued", "indented") else 2


def _unit_cells(item: LineItem, layout: str, count: int) -> list[str]:
    name = item.unit or item.name
    if layout in ("whole", "broken") and item.code:
        return [item.code, name]
    return [""] * (count - 1) + [name]


def _split(code: str, width: int) -> list[str]:
    """'2010350' → ['201', '03', '50']; '30201' → ['302', '01'] (blank where the code is shorter)."""
    return [code[:3], code[3:5], code[5:7]][:width]


def _depth(code: str) -> int:
    return {3: 0, 5: 1, 7: 2}.get(len(code), 0)
