"""The rule catalogue: every rule registers here with its id, Chinese title, severity and rationale.

Why one registry: ``yusuan rules``, docs/rules.md, the test-suite and ``run_checks`` all read the
same list, and a plugin adds rules the same way the built-ins do — by decorating a function
(or through the ``yusuan.rules`` entry-point group, whose modules register on import).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module
from importlib.metadata import entry_points
from typing import TYPE_CHECKING

from yusuan.check.finding import SEVERITIES, Finding

if TYPE_CHECKING:
    from yusuan.check.context import Context

RuleFn = Callable[["Context"], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule: a pure function of the check context that yields findings."""

    id: str
    title: str
    severity: str
    rationale: str
    fn: RuleFn

    @property
    def group(self) -> str:
        """The family a rule belongs to (the id's first segment: ``row``, ``summary``, ``narrative``…)."""
        return self.id.split(".", 1)[0]


REGISTRY: dict[str, Rule] = {}
_loaded = False


def rule(id: str, title: str, severity: str, rationale: str) -> Callable[[RuleFn], RuleFn]:
    """Register the decorated function as rule ``id`` (ids are unique; severities from SEVERITIES)."""
    if severity not in SEVERITIES:
        raise ValueError(f"rule {id}: unknown severity {severity!r}")

    def register(fn: RuleFn) -> RuleFn:
        if id in REGISTRY and REGISTRY[id].fn is not fn:
            raise ValueError(f"rule {id} registered twice")
        REGISTRY[id] = Rule(id, title, severity, rationale, fn)
        return fn

    return register


def all_rules() -> list[Rule]:
    """Every rule, built-ins and plugins, sorted by id."""
    _load()
    return [REGISTRY[k] for k in sorted(REGISTRY)]


def get(rule_id: str) -> Rule:
    """The rule registered as ``rule_id`` (built-ins and plugins loaded first)."""
    _load()
    return REGISTRY[rule_id]


def _load() -> None:
    """Import the built-in rule modules and the plugins once (importing registers them)."""
    global _loaded
    if _loaded:
        return
    import_module("yusuan.check.rules")
    for ep in entry_points(group="yusuan.rules"):
        ep.load()
    _loaded = True
