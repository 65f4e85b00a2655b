"""The values the dictionary hands out: plain frozen records a checker can keep in its findings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

System = Literal["functional", "economic_department", "economic_government"]
SYSTEMS: tuple[System, ...] = ("functional", "economic_department", "economic_government")

Status = Literal["exact", "renamed", "misprint", "differs", "unknown"]


@dataclass(frozen=True)
class PrintedName:
    """One (code, name) pair as real documents print it, with what we know about it."""

    name: str
    years: frozenset[int]
    documents: int
    kind: Literal["official", "renaming", "misprint"] = "official"
    note: str = ""
    level: str = ""  # as the table gives it: 类 / 款 / 项 / 项(地方细化)


@dataclass(frozen=True)
class CodeEntry:
    """A classification code: its level (项(地方细化) for 7-digit economic refinements) and the
    name expected in the year asked about."""

    code: str
    system: System
    level: str
    name: str
    printed: tuple[PrintedName, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """Every name documents print for this code, the expected one first."""
        rest = [p.name for p in self.printed if p.name != self.name]
        return (self.name, *rest)

    @property
    def years(self) -> frozenset[int]:
        """Budget years of the documents printing this code under any name."""
        return frozenset().union(*(p.years for p in self.printed))


@dataclass(frozen=True)
class MatchResult:
    """How a printed name compares with the dictionary; ``unknown`` means "not seen", never "wrong"."""

    status: Status
    code: str
    printed_name: str
    expected: str | None = None
    note: str = ""

    @property
    def ok(self) -> bool:
        """True when the printed name is the expected one or a known renaming of it."""
        return self.status in ("exact", "renamed")
