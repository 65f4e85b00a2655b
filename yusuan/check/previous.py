"""Previous-year providers for the cross-document rules (``history.*``), and what they give.

Why a provider function: the checker must not know where last year's figures live. ``yusuan check
--db PATH`` passes :func:`from_store` (read-only); tests pass a lambda; the web app may pass its own.
A provider may answer with last year's Disclosure (richest: every table printing, with pages) or
with its key figures (SUMMARY_SCHEMA dict); :func:`resolve` turns either into a :class:`PreviousYear`
so that the rules read one shape and every finding can name the document it compared with.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from yusuan.check.context import Context, PreviousProvider
from yusuan.model import Disclosure


@dataclass(frozen=True, slots=True)
class PreviousYear:
    """Last year's document as the history rules see it."""

    figures: dict[str, Any]
    file_name: str
    year: int | None
    kind: str | None
    ctx: Context | None = None  # a check context over last year's Disclosure, when the provider gave one

    @property
    def table(self) -> str:
        """How a finding's location names the document: '上年文件 <file>'."""
        return f"上年文件 {self.file_name}".strip()

    @property
    def label(self) -> str:
        """How a message names the document: '上年文件（2023年，<file>）'."""
        year = f"{self.year}年" if self.year is not None else "年份不详"
        return f"上年文件（{year}，{self.file_name}）" if self.file_name else f"上年文件（{year}）"


def resolve(previous: Any) -> PreviousYear | None:
    """A provider's answer (Disclosure, key-figures dict or None) as a :class:`PreviousYear`."""
    if previous is None:
        return None
    if isinstance(previous, Disclosure):
        from yusuan.key_figures import summarise

        return PreviousYear(summarise(previous), Path(previous.source or "").name, previous.year, previous.kind,
                            Context(previous))
    if isinstance(previous, dict):
        name = previous.get("file_name") or previous.get("source") or ""
        year = previous.get("year")
        return PreviousYear(previous, Path(str(name)).name, int(year) if year is not None else None,
                            previous.get("kind"))
    return None


def from_store(db: str | Path) -> PreviousProvider:
    """Last year's Disclosure of the same department, rebuilt from the yusuan store at ``db``.

    The store is opened read-only for each look-up, so ``yusuan check --db`` never writes and may
    run while another process reads the same store; no previous document means None (rules silent).
    """
    from yusuan.store import previous_year

    def provide(d: Disclosure) -> Any:
        return previous_year(db, d)

    return provide


def from_disclosure(previous: Disclosure) -> PreviousProvider:
    """A provider that always answers with one given disclosure (tests, the web app's upload pair)."""
    return lambda d: previous
