"""What each header column means: header paths → canonical column keys, from evidence.

Why separate from the geometry: where a column stands is structure (:mod:`yusuan.tables.header`);
what it is, is meaning, and a region's words are only one piece of evidence for it. A leaf's key is
what its own heading adds to its path read with the catalogue's words and groups (基本支出 › 人员经费
→ ``personnel``; 上年结转 › 一般公共预算 → ``carryover.general_public_budget``; 本年收入 › 小计 →
``current_year_total``: a subtotal word is its group's total). A heading that names nothing the
catalogue knows stays a column of its own, keyed by its path, so no figure moves into a neighbour.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from yusuan.tables.catalogue import Catalogue, load_catalogue
from yusuan.tables.columns import columns_of_text
from yusuan.tables.header import LABEL_WORDS, Leaf

UNKNOWN = "col:"  # prefix of a column the catalogue has no word for: 'col:上年实户资金余额'
_SUBTOTALS = frozenset({"小计", "合计", "总计"})


@dataclass(frozen=True, slots=True)
class Column:
    """A value column: its key (canonical, or ``col:…`` when unknown) and the leaf it comes from."""

    key: str
    leaf: Leaf

    @property
    def label(self) -> str:
        """How the column is printed: its header path joined by ›."""
        return " › ".join(self.leaf.path)

    @property
    def known(self) -> bool:
        return not self.key.startswith(UNKNOWN)


def is_label(leaf: Leaf) -> bool:
    """A row-label column (codes, names, 序号): its heading says so."""
    return bool(LABEL_WORDS.search(leaf.text)) and not columns_of_text(leaf.text)


def leaf_key(path: Sequence[str], catalogue: Catalogue | None = None) -> str | None:
    """The canonical key a header path names (None when its own heading adds nothing known)."""
    catalogue = catalogue or load_catalogue()
    full = columns_of_text("".join(path), catalogue)
    if not full:
        return None
    above = columns_of_text("".join(path[:-1]), catalogue) if len(path) > 1 else []
    if full != above:
        return full[-1]
    return full[-1] if path[-1] in _SUBTOTALS else None


def columns_of(leaves: Sequence[Leaf], catalogue: Catalogue | None = None) -> list[Column]:
    """The value columns of a header, left to right: every leaf that is not a row label, keyed by
    its meaning; a key met twice, or no key, gives the path itself (``col:本年收入›其中：…``)."""
    catalogue = catalogue or load_catalogue()
    out: list[Column] = []
    seen: set[str] = set()
    for leaf in leaves:
        if is_label(leaf):
            continue
        key = leaf_key(leaf.path, catalogue)
        if key is None or key in seen:
            key = UNKNOWN + "›".join(leaf.path)
        while key in seen:
            key += "'"
        seen.add(key)
        out.append(Column(key, leaf))
    return out
