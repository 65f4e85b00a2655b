"""Store many disclosures in DuckDB, query and compare them, export them (DESIGN §3 ``store/``).

Public API: :class:`Store` (open a store), :func:`yusuan.store.ingest.ingest_paths` (read, check, store),
:func:`previous_year` (the cross-document hook for checks). Schema: ``SCHEMA.md`` beside this file.

Why the names are resolved on first use (PEP 562): importing ``yusuan.store`` for ``DEFAULT_DB``
(every store command's option default) must not load DuckDB and pyarrow, so ``yusuan --help``
and the commands that never open a store start fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

DEFAULT_DB = "yusuan.duckdb"
"""The store file when neither ``--db`` nor ``YUSUAN_DB`` names one."""

_LAZY = {
    "Store": "yusuan.store.db",
    "load_disclosure": "yusuan.store.history",
    "previous_year": "yusuan.store.history",
    "previous_year_figures": "yusuan.store.history",
}

if TYPE_CHECKING:
    from yusuan.store.db import Store
    from yusuan.store.history import load_disclosure, previous_year, previous_year_figures

__all__ = ["DEFAULT_DB", "Store", "load_disclosure", "previous_year", "previous_year_figures"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'yusuan.store' has no attribute {name!r}")
