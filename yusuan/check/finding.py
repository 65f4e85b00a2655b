"""Findings as data (DESIGN §3): rule id, severity, a Chinese message, the values compared, locations.

Why plain frozen dataclasses: the CLI, the store and the web UI all read the same JSON shape
(:meth:`Finding.as_dict`), and tests compare findings by value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ERROR = "error"
WARNING = "warning"
ROUNDING = "rounding"
INFO = "info"
SEVERITIES = (ERROR, WARNING, ROUNDING, INFO)
# Order for --fail-on: a threshold fails on its own severity and every one ranked above it.
RANK = {INFO: 0, ROUNDING: 1, WARNING: 2, ERROR: 3}


@dataclass(frozen=True, slots=True)
class Location:
    """One cell a finding involves: table label and kind, row (code/label), column, page, line, and
    for PDF/OCR cells the cell's box on the page and whether OCR read it.

    ``column`` is the canonical key (``total``, ``basic``, ``carryover.general_public_budget``…; the
    三公 keys ``outbound``/``vehicle_total``…; ``amount`` for a 绩效目标), ``None`` for text; ``kind``
    is the table kind, ``narrative`` for the 情况说明, ``previous_year`` for last year's document.
    """

    table: str | None = None
    kind: str | None = None
    row: str | None = None
    column: str | None = None
    page: int | None = None
    line: int | None = None
    bbox: tuple[float, float, float, float] | None = None  # the cell on its page (PDF/OCR, points)
    ocr: bool = False  # the figure was read by OCR

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of the check contract (every key, None kept)."""
        return {
            "table": self.table,
            "kind": self.kind,
            "row": self.row,
            "column": self.column,
            "page": self.page,
            "line": self.line,
            "bbox": [round(v, 1) for v in self.bbox] if self.bbox else None,
            "ocr": self.ocr,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found: which rule, how bad, what it says, the values compared, where."""

    rule: str
    severity: str
    message: str
    values: tuple[str, ...] = ()
    locations: tuple[Location, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of the check contract; values stay decimal strings as printed."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "values": list(self.values),
            "locations": [loc.as_dict() for loc in self.locations],
        }


def report(source: str, findings: list[Finding]) -> dict[str, Any]:
    """The whole ``yusuan check --json`` object for one document."""
    return {"source": source, "findings": [f.as_dict() for f in findings]}


def at_or_above(findings: list[Finding], threshold: str) -> list[Finding]:
    """The findings whose severity ranks at or above ``threshold`` (what makes the exit code 1)."""
    floor = RANK[threshold]
    return [f for f in findings if RANK[f.severity] >= floor]
