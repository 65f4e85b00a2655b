"""Recall by mutation: change one printed amount that takes part in an identity, and see whether
an error finding now points at it.

Why in the package: the test-suite and ``bench/check_bench.py`` both measure it, and a reader
change that silently drops provenance shows up here as lost recall.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from yusuan.check.compare import tracing
from yusuan.check.finding import ERROR, Finding, Location
from yusuan.check.registry import all_rules
from yusuan.check.run import run_checks
from yusuan.model import Amount, Disclosure
from yusuan.money import decimals, unit_step

Slot = tuple[Any, Any]  # (container, key or attribute name)


@dataclass
class Recall:
    """How many single-cell mutations produced a new error finding at the changed cell."""

    candidates: int = 0  # printed amounts taking part in an error identity
    tried: int = 0
    caught: int = 0
    missed: list[Location] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.caught / self.tried if self.tried else 1.0


def slots(d: Disclosure) -> dict[int, list[Slot]]:
    """id(Amount) → every place in the model that holds that Amount object."""
    out: dict[int, list[Slot]] = {}
    seen: set[int] = set()

    def walk(node: Any) -> Iterator[tuple[Any, Any, Any]]:
        if id(node) in seen:
            return
        seen.add(id(node))
        if dataclasses.is_dataclass(node) and not isinstance(node, (type, Amount)):
            for f in dataclasses.fields(node):
                yield node, f.name, getattr(node, f.name)
        elif isinstance(node, dict):
            yield from ((node, k, v) for k, v in node.items())
        elif isinstance(node, list):
            yield from ((node, i, v) for i, v in enumerate(node))

    stack: list[Any] = [d]
    while stack:
        for container, key, value in walk(stack.pop()):
            if isinstance(value, Amount):
                out.setdefault(id(value), []).append((container, key))
            elif isinstance(value, (list, dict)) or dataclasses.is_dataclass(value):
                stack.append(value)
    return out


def _put(slot: Slot, value: Amount) -> None:
    container, key = slot
    if isinstance(container, (dict, list)):
        container[key] = value
    else:
        setattr(container, key, value)


def _get(slot: Slot) -> Amount:
    container, key = slot
    return container[key] if isinstance(container, (dict, list)) else getattr(container, key)


def changed(a: Amount) -> Amount:
    """The amount printed a thousand units of its last digit higher (10.00 for 2 decimals)."""
    value = a.value + unit_step(a.value) * 1000
    return Amount(value, f"{value:.{decimals(a.value)}f}", a.where)


def _key(f: Finding) -> tuple[Any, ...]:
    return (f.rule, f.severity, f.values, f.locations)


def measure(d: Disclosure, sample: int | None = 200, seed: int = 20251122) -> Recall:
    """Mutate each participating printed amount (or a fixed-seed sample of ``sample`` of them)."""
    identities = [r for r in all_rules() if r.severity == ERROR]  # warning rules are heuristics
    with tracing() as seen:
        run_checks(d, identities)
    baseline = {_key(f) for f in run_checks(d)}
    where = slots(d)
    candidates = sorted(i for i in seen if i in where and not _get(where[i][0]).blank)
    recall = Recall(candidates=len(candidates))
    if sample is not None and len(candidates) > sample:
        candidates = sorted(random.Random(seed).sample(candidates, sample))
    for ident in candidates:
        places = where[ident]
        original = _get(places[0])
        new = changed(original)
        for slot in places:
            _put(slot, new)
        try:
            with tracing() as traced:
                found = [f for f in run_checks(d) if f.severity == ERROR and _key(f) not in baseline]
        finally:
            for slot in places:
                _put(slot, original)
        loc = traced.get(id(new))
        recall.tried += 1
        if loc is not None and any(loc in f.locations for f in found):
            recall.caught += 1
        else:
            recall.missed.append(loc or seen[ident])
    return recall
