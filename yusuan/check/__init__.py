"""Check a disclosure (DESIGN §2): every identity, every quoted figure, every code, completeness.

``run_checks(d)`` runs every registered rule; a rule is a small pure function registered with
:func:`rule` (see ``yusuan.check.rules``), and plugins register theirs the same way.
"""

from yusuan._callable_package import make_callable
from yusuan.check.context import Context, PreviousProvider
from yusuan.check.finding import ERROR, INFO, ROUNDING, SEVERITIES, WARNING, Finding, Location, report
from yusuan.check.registry import REGISTRY, Rule, all_rules, get, rule
from yusuan.check.run import run_checks

make_callable(__name__, lambda: run_checks)

__all__ = [
    "ERROR",
    "INFO",
    "REGISTRY",
    "ROUNDING",
    "SEVERITIES",
    "WARNING",
    "Context",
    "Finding",
    "Location",
    "PreviousProvider",
    "Rule",
    "all_rules",
    "get",
    "report",
    "rule",
    "run_checks",
]
