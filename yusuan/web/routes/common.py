"""What several routes need: resolving a document id from a URL, and the write lock around a cursor."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import Request

from yusuan.store.db import Store
from yusuan.web.security import WebError

_HEX = re.compile(r"^[0-9a-f]{4,64}$")


def resolve_doc(store: Store, ref: str) -> str:
    """The doc_id a URL's id names (the full hash or a prefix of at least 4 hex digits); 404 otherwise."""
    ref = ref.lower()
    if not _HEX.match(ref):
        raise WebError(404, "not_found", f"文件编号 {ref[:70]!r} 无效（应为文件内容的 sha256 或其前缀）")
    ids = [r[0] for r in store.con.execute(
        "SELECT doc_id FROM documents WHERE starts_with(doc_id, ?) LIMIT 2", [ref]).fetchall()]
    if not ids:
        raise WebError(404, "not_found", f"没有编号为 {ref[:16]} 的文件")
    if len(ids) > 1:
        raise WebError(409, "ambiguous", f"编号 {ref} 对应多个文件，请给出更长的编号")
    return ids[0]


@contextmanager
def writing(request: Request) -> Iterator[Store]:
    """This request's cursor, holding the app's write lock (one writer at a time in the process)."""
    with request.app.state.write_lock:
        yield request.state.store
