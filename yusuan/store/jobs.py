"""Upload jobs (上传任务): one row per uploaded file, from queued to done, duplicate or failed (schema v4).

Why a table: the reading runs in the background, so the status page (and ``GET /api/jobs/{id}``)
reads the job's state from the store; a server restart finds jobs that never finished and marks
them failed instead of leaving them running forever.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Any

from yusuan.store.db import Store

STATUSES = {"queued": "排队中", "running": "读取中", "done": "已入库", "duplicate": "已存在", "failed": "失败"}
FINISHED = frozenset({"done", "duplicate", "failed"})
_COLUMNS = ("job_id", "batch_id", "file_name", "size_bytes", "format", "doc_id", "status", "error", "created_by",
            "created_at", "started_at", "finished_at", "confirmed_by", "confirmed_at")


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def new_id() -> str:
    """A job or batch id: 16 random hex digits."""
    return secrets.token_hex(8)


def create(store: Store, *, batch_id: str, file_name: str, size: int, fmt: str, doc_id: str, user: str | None,
           status: str = "queued", error: str | None = None) -> str:
    """Record a new job and return its id (a duplicate or refused file is recorded finished at once)."""
    job_id, now = new_id(), _now()
    finished = now if status in FINISHED else None
    store.con.execute(
        "INSERT INTO jobs (job_id, batch_id, file_name, size_bytes, format, doc_id, status, error, created_by, "
        "created_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [job_id, batch_id, file_name, size, fmt, doc_id, status, error, user, now, finished],
    )
    return job_id


def start(store: Store, job_id: str) -> None:
    store.con.execute("UPDATE jobs SET status = 'running', started_at = ? WHERE job_id = ?", [_now(), job_id])


def finish(store: Store, job_id: str, status: str, error: str | None = None) -> None:
    """Mark a job done, duplicate or failed (with its reason)."""
    assert status in FINISHED
    store.con.execute("UPDATE jobs SET status = ?, error = ?, finished_at = ? WHERE job_id = ?",
                      [status, error, _now(), job_id])


def confirm(store: Store, job_id: str, user: str) -> None:
    """The uploader confirmed the detected department, year and kind."""
    store.con.execute("UPDATE jobs SET confirmed_by = ?, confirmed_at = ? WHERE job_id = ?", [user, _now(), job_id])


def abandon_unfinished(store: Store) -> int:
    """Jobs left queued or running by a stopped server become failed; returns how many."""
    rows = store.con.execute(
        "UPDATE jobs SET status = 'failed', error = '服务重启，读取中断，请重新上传', finished_at = ? "
        "WHERE status IN ('queued', 'running') RETURNING job_id", [_now()]).fetchall()
    return len(rows)


def _job(row: tuple[Any, ...]) -> dict[str, Any]:
    job = dict(zip(_COLUMNS, row, strict=True))
    job["status_label"] = STATUSES.get(job["status"], job["status"])
    job["finished"] = job["status"] in FINISHED
    return job


def _select(where: str) -> str:
    return (f"SELECT {', '.join('j.' + c for c in _COLUMNS)}, d.department, d.year, d.kind "
            f"FROM jobs j LEFT JOIN documents d ON d.doc_id = j.doc_id WHERE {where}")


def _with_document(row: tuple[Any, ...]) -> dict[str, Any]:
    job = _job(row[: len(_COLUMNS)])
    job["department"], job["year"], job["kind"] = row[len(_COLUMNS):]
    return job


def get(store: Store, job_id: str) -> dict[str, Any] | None:
    """One job with the detected department, year and kind of its document (once stored)."""
    row = store.con.execute(_select("j.job_id = ?"), [job_id]).fetchone()
    return None if row is None else _with_document(row)


def batch(store: Store, batch_id: str) -> list[dict[str, Any]]:
    """The jobs of one upload, in the order the files came."""
    rows = store.con.execute(_select("j.batch_id = ?") + " ORDER BY j.created_at, j.job_id", [batch_id]).fetchall()
    return [_with_document(r) for r in rows]


def recent(store: Store, limit: int = 50) -> list[dict[str, Any]]:
    rows = store.con.execute(_select("TRUE") + " ORDER BY j.created_at DESC LIMIT ?", [limit]).fetchall()
    return [_with_document(r) for r in rows]
