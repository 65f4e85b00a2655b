"""Previous-year providers for the cross-document rules (``history.*``).

Why a provider function: the checker must not know where last year's figures live. ``yusuan check
--db PATH`` passes :func:`from_store`; tests pass a lambda; the web app may pass its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from yusuan.check.context import PreviousProvider
from yusuan.model import Disclosure


def from_store(db: str | Path) -> PreviousProvider:
    """Last year's key figures of the same department, from the yusuan store at ``db``."""
    from yusuan.store import previous_year

    def provide(d: Disclosure) -> dict[str, Any] | None:
        return previous_year(db, d)

    return provide


def from_disclosure(previous: Disclosure) -> PreviousProvider:
    """A provider that always answers with one given disclosure's key figures."""
    from yusuan.key_figures import summarise

    figures = summarise(previous)
    return lambda d: figures
