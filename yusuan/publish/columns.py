"""A table's figure columns arranged by the template: order, header words, header groups.

Why from the model's columns: a template says how columns are named and grouped (基本支出 over
人员经费/公用经费), but which columns a table has is the model's — dropping one would break its
identities (合计 = Σ members), inventing one would print a figure nobody stated. So the template's
arrangement is filtered to the keys the table prints, and any key it does not arrange follows at
the end under its vocabulary word.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from yusuan.publish.document import Head
from yusuan.publish.spec import ColumnNode


@dataclass(frozen=True, slots=True)
class _Printed:
    """A node as it will print: its header, its own key (a 小计 leaf or a flat column), children."""

    header: str
    key: str | None
    children: tuple[_Printed, ...]
    subtotal: str

    @property
    def leaves(self) -> list[tuple[str, str]]:
        """(key, header) of every printed column under this node, left to right."""
        if not self.children:
            return [(self.key, self.header)] if self.key else []
        own = [(self.key, self.subtotal)] if self.key else []
        return own + [leaf for c in self.children for leaf in c.leaves]

    @property
    def depth(self) -> int:
        if not self.children:
            return 1
        return 1 + max(c.depth for c in self.children)


def _printed(node: ColumnNode, present: set[str], header: Callable[[str], str], used: set[str]) -> list[_Printed]:
    """The node as printed: nothing, a flat column, a group, or — for a group whose own 小计 column
    the table lacks — its children side by side (a group word over members without its 小计 would
    say the first member is the subtotal)."""
    children = tuple(p for c in node.children for p in _printed(c, present, header, used))
    if node.caption and node.key and children:  # the group's 小计 is implied by its members: not printed
        used.add(node.key)
        return [_Printed(node.header, None, children, node.subtotal)]
    own = node.key if node.key in present and node.key not in used else None
    if own:
        used.add(own)
    if not children:
        return [] if own is None else [_Printed(node.header or header(own), own, (), node.subtotal)]
    if node.key and own is None and not node.caption:
        return list(children)
    return [_Printed(node.header, own, children, node.subtotal)]


def arrange(
    nodes: Sequence[ColumnNode], present: Sequence[str], header: Callable[[str], str]
) -> tuple[list[list[Head]], list[str]]:
    """Header rows and the leaf keys (in printed order) of the columns ``present`` in a table."""
    used: set[str] = set()
    printed = [p for n in nodes for p in _printed(n, set(present), header, used)]
    printed += [_Printed(header(k), k, (), "小计") for k in present if k not in used]
    depth = max((p.depth for p in printed), default=1)
    rows: list[list[Head]] = [[] for _ in range(depth)]
    for p in printed:
        _place(p, 0, depth, rows)
    keys = [k for p in printed for k, _ in p.leaves]
    return rows, keys


def _place(p: _Printed, level: int, depth: int, rows: list[list[Head]]) -> None:
    if not p.children:
        rows[level].append(Head(p.header, 1, depth - level))
        return
    rows[level].append(Head(p.header, len(p.leaves), 1))
    if p.key:
        rows[level + 1].append(Head(p.subtotal, 1, depth - level - 1))
    for child in p.children:
        _place(child, level + 1, depth, rows)
