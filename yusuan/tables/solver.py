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

_SCALE = 10000
_CENT = 100  # one cent in units of 1/10000
_MAX_PLACEMENTS = 20000
_MAX_TIES = 24  # enough exact placements for the hierarchy to choose from; stops wide tables early


def rules_for(columns: Sequence[str], catalogue: Catalogue | None = None) -> tuple[tuple[int, tuple[int, ...]], ...]:
    """Identities (parent index, member indexes) that apply to these printed columns."""
    catalogue = catalogue or load_catalogue()
    index = {c: i for i, c in enumerate(columns)}
    rules: list[tuple[int, tuple[int, ...]]] = []
    decided: set[str] = set()
    for parent, members in catalogue.identities:
        present = tuple(index[m] for m in members if m in index)
        if parent in index and parent not in decided and members[0] in index:
            decided.add(parent)
            rules.append((index[parent], present))
    return tuple(rules)


def _cost(values: Sequence[int | None], rules: Sequence[tuple[int, tuple[int, ...]]]) -> float:
    cost = 0.0
    for parent, members in rules:
        diff = abs((values[parent] or 0) - sum(values[m] or 0 for m in members))
        if diff:
            cost += 0.5 if diff <= _CENT * len(members) else 1.0
    return cost


def scale(value: Decimal) -> int:
    """A figure in the solver's integer unit (1/10000)."""
    return int(value * _SCALE)


def breaks(values: tuple[Decimal, ...], positions: tuple[int, ...], n: int, rules: tuple[tuple[int, tuple[int, ...]], ...]) -> float:
    """How many identities a given placement breaks (a cent-off total counts half); a row printing
    one figure k times shares its answer with every such row."""
    if len(values) > 1 and all(v == values[0] for v in values) and values[0]:
        values = (Decimal(1),) * len(values)
    return _breaks(values, positions, n, rules)


@lru_cache(maxsize=4096)
def _breaks(values: tuple[Decimal, ...], positions: tuple[int, ...], n: int, rules: tuple[tuple[int, tuple[int, ...]], ...]) -> float:
    row: list[int | None] = [None] * n
    for pos, value in zip(positions, values, strict=True):
        row[pos] = int(value * _SCALE)
    return _cost(row, rules)


def candidates(
    values: tuple[Decimal, ...],
    n: int,
    rules: tuple[tuple[int, tuple[int, ...]], ...],
    prefer: frozenset[int] = frozenset(),
) -> tuple[tuple[int, ...], ...]:
    """Every placement of ``values`` (see :func:`_candidates`); rows printing one figure k times
    ('84.73 84.73 84.73', the commonest row) share one answer, identities being scale-free."""
    if len(values) > 1 and all(v == values[0] for v in values) and values[0]:
        values = (Decimal(1),) * len(values)
    return _candidates(values, n, rules, prefer)


@lru_cache(maxsize=4096)
def _candidates(
    values: tuple[Decimal, ...],
    n: int,
    rules: tuple[tuple[int, tuple[int, ...]], ...],
    prefer: frozenset[int] = frozenset(),
) -> tuple[tuple[int, ...], ...]:
    """Every placement of ``values`` among ``n`` columns that breaks the fewest identities, best
    first (preferred columns, then leftmost). More than one means the row alone cannot decide.

    When column 0 is a total and the first value is the largest, it stands in column 0 (a row
    prints its total first), which keeps wide income tables cheap.
    """
    k = len(values)
    if k >= n:
        return (tuple(range(min(k, n))),)
    scaled = [int(v * _SCALE) for v in values]
    anchored = k > 0 and any(parent == 0 for parent, _ in rules) and scaled[0] == max(scaled)
    pool = combinations(range(1, n), k - 1) if anchored else combinations(range(n), k)
    scored: list[tuple[float, int, tuple[int, ...]]] = []
    row: list[int | None] = [None] * n
    exact = 0
    for count, rest in enumerate(pool):
        if count > _MAX_PLACEMENTS or exact >= _MAX_TIES:
            break
        positions = (0, *rest) if anchored else rest
        for i in range(n):
            row[i] = None
        for pos, value in zip(positions, scaled, strict=True):
            row[pos] = value
        cost = _cost(row, rules)
        exact += cost == 0
        scored.append((cost, -len(prefer.intersection(positions)), positions))
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


_EXACT_COMBINATIONS = 256
_PASSES = 4
_PAIR_LIMIT = 40  # open children beyond which pair moves (quadratic) are skipped


def _gap(parent: Sequence[int], sums: Sequence[int]) -> int:
    return sum(abs(p - q) for p, q in zip(parent, sums, strict=True))


def choose_children(parent: Sequence[Decimal], children: Sequence[Sequence[Sequence[Decimal]]]) -> list[int] | None:
    """For child rows with several equally good placements, the choice (index per child) whose
    column sums come closest to the parent row (类 = Σ 款, 款 = Σ 项, column by column).

    ``children[i]`` lists child i's candidate rows (full column vectors). Few combinations are
    tried exhaustively, many by coordinate descent (one child at a time, twice round); integer
    arithmetic in 1/10000 keeps it fast. None when there is nothing to decide.
    """
    scaled = [[[int(v * _SCALE) for v in option] for option in options] for options in children]
    return choose_scaled([int(v * _SCALE) for v in parent], scaled)


def choose_scaled(target: list[int], scaled: list[list[list[int]]]) -> list[int] | None:
    """:func:`choose_children` on figures already in integer units of 1/10000 (see :func:`scale`)."""
    total = 1
    for options in scaled:
        total *= len(options)
    if total <= 1:
        return None
    if total <= _EXACT_COMBINATIONS:
        return _exhaustive(target, scaled)
    return _descent(target, scaled)


def _exhaustive(target: list[int], children: list[list[list[int]]]) -> list[int]:
    best: tuple[int, list[int]] | None = None
    width = len(target)
    for choice in product(*(range(len(options)) for options in children)):
        sums = [0] * width
        for i, c in enumerate(choice):
            row = children[i][c]
            for col in range(width):
                sums[col] += row[col]
        gap = _gap(target, sums)
        if best is None or gap < best[0]:
            best = (gap, list(choice))
            if gap == 0:
                break
    assert best is not None
    return best[1]


def _descent(target: list[int], children: list[list[list[int]]]) -> list[int]:
    """Coordinate descent (one child at a time), then moves of two children at once while they
    help: a single move cannot swap two children's columns (类 A 基本→项目 and 类 B 项目→基本)."""
    width = len(target)
    choice = [0] * len(children)
    sums = [sum(children[i][0][col] for i in range(len(children))) for col in range(width)]
    open_ = [i for i, options in enumerate(children) if len(options) > 1]
    for _ in range(_PASSES):
        for i in open_:
            options = children[i]
            rest = [s - c - t for s, c, t in zip(sums, options[choice[i]], target, strict=True)]
            gaps = [sum(abs(r + o) for r, o in zip(rest, option, strict=True)) for option in options]
            choice[i] = gaps.index(min(gaps))
            sums = [r + o + t for r, o, t in zip(rest, options[choice[i]], target, strict=True)]
        if not _pair_move(target, children, open_, choice, sums):
            break
    return choice


def _pair_move(target: list[int], children: list[list[list[int]]], open_: list[int], choice: list[int], sums: list[int]) -> bool:
    """Apply the best improving change of two children's options (in place); False when none helps."""
    width = len(target)
    best = _gap(target, sums)
    if best <= _CENT * len(children) or len(open_) > _PAIR_LIMIT:
        return False  # exact, or off by the parts' rounding: no swap of columns can explain that
    move: tuple[int, int, int, int] | None = None
    for a, i in enumerate(open_):
        for j in open_[a + 1 :]:
            rest = [sums[col] - children[i][choice[i]][col] - children[j][choice[j]][col] - target[col] for col in range(width)]
            for ci, oi in enumerate(children[i]):
                partial = [r + o for r, o in zip(rest, oi, strict=True)]
                for cj, oj in enumerate(children[j]):
                    gap = sum(abs(p + o) for p, o in zip(partial, oj, strict=True))
                    if gap < best:
                        best, move = gap, (i, ci, j, cj)
    if move is None:
        return False
    i, ci, j, cj = move
    for child, new in ((i, ci), (j, cj)):
        for col in range(width):
            sums[col] += children[child][new][col] - children[child][choice[child]][col]
        choice[child] = new
    return True
