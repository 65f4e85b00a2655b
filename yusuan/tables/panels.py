"""The panels of a two-sided summary (收支总表, 财政拨款收支总表), read from the header's geometry.

Why: such a table prints side by side an income panel (项目 | 预算数) and one or more expenditure
panels — by 功能分类 类, and in some templates by 部门 and 政府 经济分类 too (西安: four panels on
one page), or one expenditure panel split by fund (总计 | 一般公共预算 | 政府性基金预算 | …). Each
panel is a label column followed by its value columns; which side it is on, and which
classification its labels print, its headings say (收入/支出 over it; 支出功能分类科目, 部门预算支出
经济科目 …). A figure then belongs to the column it stands under, and a label to its panel, so
panels never mix and a blank fund cell needs no guessing.
"""

from __future__ import annotations

from dataclasses import dataclass

from yusuan.layout import Line
from yusuan.tables.amounts import amount_text
from yusuan.tables.catalogue import Catalogue, load_catalogue, squash
from yusuan.tables.header import Leaf, header_leaves
from yusuan.tables.meaning import leaf_key
from yusuan.tables.rows import Value, is_value
from yusuan.tables.table import Table

_VALUE_WORDS = ("预算数", "决算数", "金额", "本年数", "执行数", "合计", "总计")


@dataclass(frozen=True, slots=True)
class Panel:
    """One panel: its side, the classification its labels print (None: named rows only), the
    x-range of its label column and its value columns (canonical key, leaf)."""

    side: str
    system: str | None
    label: Leaf
    values: tuple[tuple[str, Leaf], ...]

    @property
    def left(self) -> float:
        return self.label.left

    @property
    def right(self) -> float:
        return self.values[-1][1].right if self.values else self.label.right

    @property
    def columns(self) -> list[str]:
        return [key for key, _ in self.values]


def _is_value_leaf(leaf: Leaf, catalogue: Catalogue) -> bool:
    text = leaf.text
    return any(w in text for w in _VALUE_WORDS) or leaf_key(leaf.path, catalogue) is not None


def _side(path: tuple[str, ...], index: int) -> str:
    top = "".join(path[:-1]) if len(path) > 1 else ""
    if "收入" in top:
        return "income"
    if "支出" in top:
        return "expenditure"
    return "income" if index == 0 else "expenditure"


def _system(label: Leaf) -> str | None:
    text = "".join(label.path)
    if "经济" in text:
        return "economic_government" if "政府" in text else "economic_department"
    return "functional" if "功能" in text else None


def panels_of(table: Table, catalogue: Catalogue | None = None) -> list[Panel] | None:
    """The panels of a two-sided table with geometry (None: no geometry, or not label-then-values
    panels)."""
    catalogue = catalogue or load_catalogue()
    leaves = header_leaves(table.header, table.body)
    if not leaves:
        return None
    out: list[Panel] = []
    label: Leaf | None = None
    values: list[Leaf] = []
    for leaf in leaves:
        if leaf.text in ("序号", "行次", "栏次"):
            continue
        if _is_value_leaf(leaf, catalogue):
            if label is None:
                return None  # figures before any label column: not a panel layout
            values.append(leaf)
            continue
        if label is not None:
            out.append(_panel(label, values, len(out), catalogue))
        label, values = leaf, []
    if label is not None:
        out.append(_panel(label, values, len(out), catalogue))
    if len(out) < 2 or any(not p.values for p in out) or _text_in_values(table.body, out):
        return None
    return out


def _text_in_values(body: list[Line], panels: list[Panel]) -> bool:
    """Whether a label stands under a value heading somewhere (a layout whose columns shift from
    line to line): then the panels' columns say nothing and the labels' meaning must decide."""
    for line in body:
        for cell in line.cells:
            text = cell.text.strip()
            if not text or amount_text(text) or text.isdigit():
                continue
            if any(leaf.holds(cell.x0, cell.x1) for p in panels for _, leaf in p.values):
                return True
    return False


def _panel(label: Leaf, values: list[Leaf], index: int, catalogue: Catalogue) -> Panel:
    if len(values) == 1:
        keyed = [("total", values[0])]
    else:
        keyed = []
        for leaf in values:
            key = leaf_key(leaf.path, catalogue) or "col:" + "›".join(leaf.path)
            keyed.append(("total" if key in ("total", "current_year_total") else key, leaf))
    return Panel(_side(label.path, index), _system(label), label, tuple(keyed))


@dataclass(slots=True)
class PanelRow:
    """What one line prints in one panel: the label text and each figure with its column index."""

    panel: Panel
    label: str
    values: list[tuple[int, Value]]


def read_line(line: Line, panels: list[Panel]) -> list[PanelRow]:
    """The panel rows of a body line: each cell goes to the panel whose columns hold it; text is
    the label, figures go to the value column they stand under."""
    rows: dict[int, PanelRow] = {}
    for cell in line.cells:
        text = cell.text.strip()
        if not text:
            continue
        middle = (cell.x0 + cell.x1) / 2
        k = next((i for i, p in enumerate(panels) if p.left <= middle < p.right), None)
        if k is None:
            continue
        panel = panels[k]
        row = rows.setdefault(k, PanelRow(panel, "", []))
        if amount_text(text) and is_value(text, True) and not panel.label.holds(cell.x0, cell.x1):
            column = next((j for j, (_, leaf) in enumerate(panel.values) if leaf.holds(cell.x0, cell.x1)), None)
            if column is not None:
                row.values.append((column, Value(text, None, line, cell.x1, cell.bbox, cell.ocr)))
            continue
        if text.isdigit():
            continue  # a 行次 number printed in the label column
        row.label += squash(text)
    return [rows[k] for k in sorted(rows)]
