"""Store many disclosures in DuckDB, query and compare them, export them (DESIGN §3 ``store/``).

Public API: :class:`Store` (open a store), :func:`yusuan.store.ingest.ingest_paths` (read, check, store),
:func:`previous_year` (the cross-document hook for checks). Schema: ``SCHEMA.md`` beside this file.
"""

from __future__ import annotations

from yusuan.store.db import DEFAULT_DB, Store
from yusuan.store.history import load_disclosure, previous_year, previous_year_figures

__all__ = ["DEFAULT_DB", "Store", "load_disclosure", "previous_year", "previous_year_figures"]
