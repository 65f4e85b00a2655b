"""The work one reader process (or Dask worker) does for one file: read, check, flatten to rows.

Why top-level functions with plain arguments: they must pickle to a process pool or a remote Dask
worker; the result (:class:`Outcome`) carries only rows and strings back to the single writer.
"""

from __future__ import annotations

import hashlib
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from yusuan.errors import YusuanError
from yusuan.store.rows import DocumentRows, to_rows


@dataclass(slots=True)
class Outcome:
    """What became of one file: its rows, or the reason it could not be read."""

    path: str
    doc_id: str
    rows: DocumentRows | None = None
    error: str | None = None
    seconds: float = 0.0
    cpu_seconds: float = 0.0


def content_hash(data: bytes) -> str:
    """The document id: sha256 of the file's bytes, hex."""
    return hashlib.sha256(data).hexdigest()


def run_checks_guarded(d: Any) -> list[Any]:
    """The checker's findings; none while ``yusuan.check`` is not importable; a crash becomes a warning."""
    try:
        from yusuan.check import run_checks
    except ImportError:
        return []
    try:
        return list(run_checks(d))
    except Exception as err:  # a checker bug must not lose the document
        d.warnings.append(f"checker failed: {type(err).__name__}: {err}")
        return []


def _key_figures(d: Any) -> str | None:
    from yusuan.key_figures import dumps, summarise

    try:
        return dumps(summarise(d), indent=None)
    except Exception as err:  # summary of a half-read document; keep the document anyway
        d.warnings.append(f"key figures failed: {type(err).__name__}: {err}")
        return None


def document_rows(d: Any, findings: list[Any], *, doc_id: str, path: str, size: int | None = None) -> DocumentRows:
    """The store rows of a read (and checked) disclosure, key figures included."""
    return to_rows(
        d, findings, doc_id=doc_id, file_name=Path(path).name, path=path, size=size, key_figures_json=_key_figures(d)
    )


def process_file(path: str, doc_id: str, display: str | None = None) -> Outcome:
    """Read, check and flatten the file at ``path`` (``display`` names it in rows and errors)."""
    from yusuan.pipeline import read

    start, cpu = time.perf_counter(), time.process_time()
    name = display or path
    try:
        d = read(path)
        d.source = name
        rows = document_rows(d, run_checks_guarded(d), doc_id=doc_id, path=name, size=Path(path).stat().st_size)
        rows.freeze()  # to Arrow here: a figure that does not fit DECIMAL(20,4) fails this file only
    except YusuanError as err:
        reason = str(err).removeprefix(f"{err.source}: ") if err.source else str(err)
        return Outcome(name, doc_id, error=reason, seconds=time.perf_counter() - start,
                       cpu_seconds=time.process_time() - cpu)
    except Exception as err:  # a reader bug: report this file, go on with the others
        return Outcome(name, doc_id, error=f"{type(err).__name__}: {err}", seconds=time.perf_counter() - start,
                       cpu_seconds=time.process_time() - cpu)
    return Outcome(name, doc_id, rows=rows, seconds=time.perf_counter() - start,
                   cpu_seconds=time.process_time() - cpu)


def process_bytes(name: str, data: bytes, doc_id: str) -> Outcome:
    """Like :func:`process_file` for bytes sent over the wire (a Dask worker without the shared path)."""
    with tempfile.TemporaryDirectory(prefix="yusuan-") as tmp:
        local = Path(tmp) / Path(name).name
        local.write_bytes(data)
        return process_file(str(local), doc_id, display=name)
