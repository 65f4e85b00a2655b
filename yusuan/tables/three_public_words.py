"""What the words of a “三公”经费表 name: items, periods and fund columns (three_public.yaml).

Why apart from the matrix reader: a heading or a row label is *evidence* for a label of the
matrix (an item: 因公出国(境)费; a period: 上年, 2026年预算数, 决算数; a fund column: 一般公共预算),
and which of its words count is data a new template extends, while how the labels are put
together is the reader's mechanism (:mod:`yusuan.tables.three_public_matrix`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import yaml

from yusuan.tables.catalogue import squash

GRAND = "grand"  # a 合计 over the whole block, items printed beside the 三公 included
THREE_PUBLIC_ITEMS = frozenset({"total", "outbound", "vehicle_total", "vehicle_purchase", "vehicle_operation", "reception"})
_GROUP_TOTALS = frozenset({"total", "vehicle_total"})
_SHORT_FRAGMENT = 4  # a parent heading this short may be the first part of a wrapped word ('公务' › '用车运行维护')


@dataclass(frozen=True, slots=True)
class Words:
    """The loaded vocabulary: item patterns in match order (key, other?, pattern) and the rest."""

    items: tuple[tuple[str, bool, re.Pattern[str]], ...]
    subtotal: re.Pattern[str]
    periods: tuple[tuple[str, re.Pattern[str]], ...]
    year: re.Pattern[str]
    funds: re.Pattern[str]
    row_period: re.Pattern[str]
    row_total: re.Pattern[str]

    @property
    def others(self) -> frozenset[str]:
        """Items printed beside the 三公 and outside its subtotal (会议费, 培训费 …)."""
        return frozenset(key for key, other, _ in self.items if other)


@cache
def words() -> Words:
    """The vocabulary of three_public.yaml (loaded once: it is package data)."""
    data = yaml.safe_load(files("yusuan.tables").joinpath("three_public.yaml").read_text("utf-8"))
    return Words(
        items=tuple((e["key"], bool(e.get("other")), re.compile(e["pattern"])) for e in data["items"]),
        subtotal=re.compile(data["subtotal"]),
        periods=tuple((name, re.compile(p)) for name, p in data["periods"].items()),
        year=re.compile(data["year"]),
        funds=re.compile(data["funds"]),
        row_period=re.compile(data["row_period"]),
        row_total=re.compile(data["row_total"]),
    )


def named(text: str) -> str | None:
    """The item a heading's own text names (first pattern that matches), or None.

    A heading naming the 三公 *and* an item beside it ('“三公”经费及会议费、培训费合计') totals both:
    ``GRAND`` when it ends in a subtotal word, else None (a title-like group word).
    """
    w = words()
    t = squash(text)
    found = [key for key, _, pattern in w.items if pattern.search(t)]
    if not found:
        return None
    if "total" in found and any(k in w.others for k in found):
        return GRAND if re.search(r"(?:小计|合计|总计)$", t) else None
    return found[0]


def item_of(path: Sequence[str]) -> str | None:
    """The item a header path names: its own heading's item; for a subtotal word, the group above
    it (公务用车购置及运行费 › 小计 → vehicle_total; “三公”经费 › 小计 → total; 上年 › 合计 → ``GRAND``);
    for a fragment of a wrapped word, the word with its short parent ('公务' › '用车购置经费')."""
    own = squash(path[-1])
    key = named(own)
    if key is not None:
        return key
    if words().subtotal.match(own):
        for text in reversed(path[:-1]):
            above = named(text)
            if above in _GROUP_TOTALS:
                return above
            if above is not None:
                return GRAND
        return GRAND
    if len(path) > 1 and len(squash(path[-2])) <= _SHORT_FRAGMENT:
        return named(squash(path[-2]) + own)
    return None


_VEHICLE_PARTS = frozenset({"vehicle_total", "vehicle_purchase", "vehicle_operation"})


def nested_well(path: Sequence[str]) -> bool:
    """Whether the items a header path names nest as the 三公 do: under the 三公 group anything,
    under the vehicle group only its parts and subtotal, under any other item nothing (a path
    '公务用车购置及运行费 › 公务接待费 › 小计' is a header whose geometry does not hold)."""
    leaf = item_of(path)
    for depth, text in enumerate(path[:-1]):
        above = named(text)
        if above in (None, GRAND, "total"):
            continue
        below = item_of(path[: depth + 2]) if depth + 2 < len(path) else leaf
        if above != "vehicle_total" or (leaf not in _VEHICLE_PARTS and below not in _VEHICLE_PARTS):
            return False
    return True


@dataclass(frozen=True, slots=True)
class Period:
    """The period words of a block of columns or of a row: tags (previous, actual …) and years."""

    tags: frozenset[str]
    years: frozenset[int]

    @property
    def change(self) -> bool:
        """A 增减变化 block: differences, read past."""
        return "change" in self.tags


def period_of(texts: Sequence[str]) -> Period:
    """The period the ``texts`` (a column's header path, a row label) name; fund words are left out
    first ('政府性基金预算' names a fund, not 预算数)."""
    w = words()
    tags: set[str] = set()
    years: set[int] = set()
    for text in texts:
        t = w.funds.sub("", squash(text))
        tags.update(name for name, pattern in w.periods if pattern.search(t))
        years.update(int(y) for y in w.year.findall(t))
    return Period(frozenset(tags), frozenset(years))


def resolve(periods: Sequence[Period]) -> list[str | None] | None:
    """Which ThreePublic block each group of columns (or row) is: 'current', 'previous', 'budget', or
    None (read past: a 增减 block, an older year); None when the words do not tell them apart.

    A 决算's 预算数/决算数 pair is budget/current; otherwise the latest year is current and the one
    before it previous; otherwise 上年/当年. One group alone is the current one.
    """
    live = [i for i, p in enumerate(periods) if not p.change]
    out: list[str | None] = [None] * len(periods)
    if len(live) == 1:
        out[live[0]] = "current"
        return out
    if not live:
        return None
    by_kind = _by_actual(periods, live) or _by_year(periods, live) or _by_words(periods, live)
    if by_kind is None:
        return None
    for i, name in by_kind.items():
        out[i] = name
    return out


def _by_actual(periods: Sequence[Period], live: list[int]) -> dict[int, str] | None:
    actual = [i for i in live if "actual" in periods[i].tags]
    budget = [i for i in live if "budget" in periods[i].tags and "actual" not in periods[i].tags]
    if len(actual) != 1 or len(budget) != 1 or len(live) != 2:
        return None
    years = periods[actual[0]].years | periods[budget[0]].years
    return {actual[0]: "current", budget[0]: "budget"} if len(years) <= 1 else None


def _by_year(periods: Sequence[Period], live: list[int]) -> dict[int, str] | None:
    if any(len(periods[i].years) != 1 for i in live):
        return None
    year = {i: next(iter(periods[i].years)) for i in live}
    ordered = sorted(set(year.values()), reverse=True)
    if len(ordered) != len(live):
        return None
    names = {ordered[0]: "current", ordered[1]: "previous"}
    return {i: names[y] for i, y in year.items() if y in names}


def _by_words(periods: Sequence[Period], live: list[int]) -> dict[int, str] | None:
    out: dict[int, str] = {}
    for i in live:
        tags = periods[i].tags & {"previous", "current"}
        if len(tags) != 1:
            return None
        out[i] = next(iter(tags))
    return out if len(set(out.values())) == len(out) else None


def fund_total(text: str) -> bool:
    """Whether a fund column's own heading totals the funds (合计, 小计) or names no fund at all."""
    t = squash(text)
    return bool(words().subtotal.match(t)) or not words().funds.search(t)
