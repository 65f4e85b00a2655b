"""Place k printed values into n printed columns when blank cells were dropped from a row.

Why identities: a space-separated extraction keeps the order of the printed values but not which
columns were blank, and the only general evidence is arithmetic — 合计 = 基本 + 项目, 基本 =
人员 + 公用, 合计 = Σ sources. Every order-preserving placement is tried; the one breaking the
fewest identities wins (a printed total may be a cent off its parts: that counts as half a break),
then a caller's preferred columns (e.g. 经济分类 301 → 人员经费), then the leftmost placement.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from itertools import combinations, product

from yusuan.tables.catalogue import Catalogue, load_catalogue

_CENT = Decimal("0.01")
_MAX_PLACEMENTS = 20000


def rules_for(columns: Sequence[str], catalogue: Catalogue | None = None) -> tuple[tuple[int, tuple[int, ...]], ...]:
    """Identities (parent index, member indexes) that apply to these printed columns."""
    catalogue = catalogue or load_catalogue()
    index = {c: i for i, c in enumerate(columns)}
    rules: list[tuple[int, tuple[int, ...]]] = []
    decided: set[str] = set()
    for parent, members in catalogue.identities:
        present = tuple(index[m] for m in members if m in index)
        if parent in index and parent not in decided and present:
            decided.add(parent)
            rules.append((index[parent], present))
    return tuple(rules)


def _cost(values: Sequence[Decimal | None], rules: Sequence[tuple[int, tuple[int, ...]]]) -> float:
    cost = 0.0
    for parent, members in rules:
        diff = abs((values[parent] or 0) - sum((values[m] or 0) for m in members))
        if diff:
            cost += 0.5 if diff <= _CENT * len(members) else 1.0
    return cost


@lru_cache(maxsize=4096)
def candidates(
    values: tuple[Decimal, ...],
    n: int,
    rules: tuple[tuple[int, tuple[int, ...]], ...],
    prefer: frozenset[int] = frozenset(),
) -> tuple[tuple[int, ...], ...]:
    """Every placement of ``values`` among ``n`` columns that breaks the fewest identities, best
    first (preferred columns, then leftmost). More than one means the row alone cannot decide."""
    k = len(values)
    if k >= n:
        return (tuple(range(min(k, n))),)
    scored: list[tuple[float, int, tuple[int, ...]]] = []
    for count, positions in enumerate(combinations(range(n), k)):
        if count > _MAX_PLACEMENTS:
            break
        row: list[Decimal | None] = [None] * n
        for pos, value in zip(positions, values, strict=True):
            row[pos] = value
        scored.append((_cost(row, rules), -len(prefer.intersection(positions)), positions))
    scored.sort()
    best = scored[0][0]
    return tuple(positions for cost, _, positions in scored if cost == best)


def place(
    values: tuple[Decimal, ...],
    n: int,
    rules: tuple[tuple[int, tuple[int, ...]], ...],
    prefer: frozenset[int] = frozenset(),
) -> tuple[int, ...]:
    """Column indexes for ``values`` (same order) among ``n`` columns, best by the rules above."""
    return candidates(values, n, rules, prefer)[0]


_MAX_COMBINATIONS = 4096


def choose_children(parent: Sequence[Decimal], children: Sequence[Sequence[Sequence[Decimal]]]) -> list[int] | None:
    """For child rows with several equally good placements, the choice (index per child) whose
    column sums come closest to the parent row (类 = Σ 款, 款 = Σ 项, column by column).

    ``children[i]`` lists child i's candidate rows (full column vectors). None when there are too
    many combinations to try or nothing to decide.
    """
    total = 1
    for options in children:
        total *= len(options)
    if total <= 1 or total > _MAX_COMBINATIONS:
        return None
    best: tuple[Decimal, list[int]] | None = None
    for choice in product(*(range(len(options)) for options in children)):
        sums = [sum(children[i][c][col] for i, c in enumerate(choice)) for col in range(len(parent))]
        gap = sum((abs(p - s) for p, s in zip(parent, sums, strict=True)), Decimal(0))
        if best is None or gap < best[0]:
            best = (gap, list(choice))
    return None if best is None else best[1]
