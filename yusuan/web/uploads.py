"""Accepting uploaded files: bounded in size, sniffed by content, deduplicated by content hash,
then queued as jobs for the reader processes.

Why every file becomes a job, even a refused one: the status page lists each file of an upload
with what became of it (queued, already stored, refused and why), so nothing vanishes silently.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request, UploadFile

from yusuan.store import jobs
from yusuan.store.worker import content_hash
from yusuan.web.routes.common import writing
from yusuan.web.runner import Upload, spool
from yusuan.web.security import WebError
from yusuan.web.sniff import SUFFIXES, sniff

CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Accepted:
    batch_id: str
    job_ids: list[str]
    refused: dict[str, WebError]
    """job_id → why a file was refused before reading (size, format)."""


async def _read(file: UploadFile, limit: int, limit_mb: int) -> bytes:
    """The file's bytes, refusing it once it passes ``limit`` (never reads more than ``limit`` + 1 MiB)."""
    parts, size = [], 0
    while chunk := await file.read(CHUNK):
        size += len(chunk)
        if size > limit:
            raise WebError(413, "too_large", f"{file.filename}：超过单个文件上限 {limit_mb} MB，未处理")
        parts.append(chunk)
    return b"".join(parts)


def _display_name(file: UploadFile) -> str:
    """The file's name without any folder part a browser sent (a folder upload), at most 200 characters."""
    name = (file.filename or "未命名文件").replace("\\", "/").rsplit("/", 1)[-1].strip() or "未命名文件"
    return name[:200]


async def accept(request: Request, files: list[UploadFile], user: str) -> Accepted:
    """Turn the uploaded ``files`` into jobs (one batch); reading starts in the background."""
    settings = request.app.state.settings
    if not files:
        raise WebError(400, "no_file", "没有选择文件")
    if len(files) > settings.max_files:
        raise WebError(413, "too_many_files", f"一次最多上传 {settings.max_files} 个文件（收到 {len(files)} 个）")
    batch_id, job_ids, queued, refused = jobs.new_id(), [], [], {}
    for file in files:
        name = _display_name(file)
        try:
            data = await _read(file, settings.max_upload_bytes, settings.max_upload_mb)
            fmt = sniff(name, data)
        except WebError as err:
            with writing(request) as store:
                job_id = jobs.create(store, batch_id=batch_id, file_name=name, size=0, fmt="", doc_id="",
                                     user=user, status="failed", error=err.message)
            job_ids.append(job_id)
            refused[job_id] = err
            continue
        doc_id = content_hash(data)
        with writing(request) as store:
            known = store.has(doc_id) or store.con.execute(
                "SELECT 1 FROM jobs WHERE doc_id = ? AND status IN ('queued', 'running')", [doc_id]).fetchone()
            status = "duplicate" if known or doc_id in {u.doc_id for u in queued} else "queued"
            job_id = jobs.create(store, batch_id=batch_id, file_name=name, size=len(data), fmt=fmt, doc_id=doc_id,
                                 user=user, status=status)
        job_ids.append(job_id)
        if status == "queued":
            queued.append(Upload(job_id, doc_id, name, spool(data, SUFFIXES[fmt]), user))
    for upload in queued:
        request.app.state.runner.submit(upload)
    return Accepted(batch_id, job_ids, refused)
