"""The source file of a stored document (原件): kept in the store for uploads, found on disk otherwise.

Why both: a file uploaded through the web exists nowhere else, so its bytes go into ``sources``
(schema v4) for page images and the annotated PDF; a document ingested from the command line
is found again at its stored path, accepted only when its sha256 is still the document's id.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from yusuan.store.db import Store


def put(store: Store, doc_id: str, file_name: str, content: bytes) -> None:
    """Keep an uploaded file's bytes (once per content)."""
    store.con.execute(
        "INSERT INTO sources VALUES (?, ?, ?, ?) ON CONFLICT (doc_id) DO NOTHING",
        [doc_id, file_name, content, datetime.now(UTC).replace(tzinfo=None)],
    )


def remove(store: Store, doc_id: str) -> None:
    store.con.execute("DELETE FROM sources WHERE doc_id = ?", [doc_id])


def get(store: Store, doc_id: str, base: Path | None = None) -> bytes | None:
    """The bytes of the document's source: from the store, else from its path if it still hashes to ``doc_id``."""
    row = store.con.execute("SELECT content FROM sources WHERE doc_id = ?", [doc_id]).fetchone()
    if row is not None:
        return bytes(row[0])
    found = store.con.execute("SELECT path FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
    if found is None or not found[0]:
        return None
    path = Path(found[0])
    candidates = [path] if path.is_absolute() else [Path.cwd() / path, *([base / path] if base else [])]
    for candidate in candidates:
        try:
            data = candidate.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() == doc_id:
            return data
    return None
