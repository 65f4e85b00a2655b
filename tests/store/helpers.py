"""Put constructed Disclosures straight into a store (no file): the tests' fixtures for query/export."""

from __future__ import annotations

import hashlib
from typing import Any

from yusuan.model import Disclosure
from yusuan.store import Store
from yusuan.store.worker import document_rows


def put(store: Store, d: Disclosure, findings: list[Any] | None = None) -> str:
    """Store ``d`` under a hash of its identity; returns its doc_id."""
    doc_id = hashlib.sha256(f"{d.department}|{d.year}|{d.kind}|{d.source}".encode()).hexdigest()
    assert store.write(document_rows(d, findings or [], doc_id=doc_id, path=d.source, size=0))
    return doc_id
