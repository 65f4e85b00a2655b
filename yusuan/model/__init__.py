"""The canonical model: :class:`Disclosure` and the parts it is made of."""

from yusuan.model.disclosure import (
    BUDGET,
    FINAL_ACCOUNTS,
    Disclosure,
    Indicator,
    LineItem,
    Narrative,
    NarrativeFigure,
    NarrativeSection,
    PerformanceTarget,
    Project,
    StatementTable,
    ThreePublic,
)
from yusuan.model.provenance import Amount, Provenance, zero

__all__ = [
    "BUDGET",
    "FINAL_ACCOUNTS",
    "Amount",
    "Disclosure",
    "Indicator",
    "LineItem",
    "Narrative",
    "NarrativeFigure",
    "NarrativeSection",
    "PerformanceTarget",
    "Project",
    "Provenance",
    "StatementTable",
    "ThreePublic",
    "zero",
]
