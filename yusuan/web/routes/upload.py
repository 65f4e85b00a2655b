"""上传 and 任务: upload one file or many (drag and drop, folders), then follow each file's job."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from yusuan.store import accounts, jobs
from yusuan.web.app import render
from yusuan.web.routes.documents import KINDS
from yusuan.web.security import Uploader, WebError, check_length, current_session, may_view
from yusuan.web.uploads import accept

router = APIRouter(include_in_schema=False, dependencies=[Depends(may_view)])


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request) -> Response:
    session = current_session(request)
    store = request.state.store
    return render(request, "upload.html", can_upload=bool(session and session.user.can_upload),
                  no_users=accounts.count_users(store) == 0, recent=jobs.recent(store, 20))


@router.post("/upload", dependencies=[Depends(check_length)])
async def upload(request: Request, files: list[UploadFile], session: Uploader) -> Response:
    accepted = await accept(request, files, session.user.name)
    target = f"/jobs/{accepted.job_ids[0]}" if len(accepted.job_ids) == 1 else f"/batches/{accepted.batch_id}"
    return RedirectResponse(target, status_code=303)


def _job(request: Request, job_id: str) -> dict:
    job = jobs.get(request.state.store, job_id) if len(job_id) <= 32 else None
    if job is None:
        raise WebError(404, "not_found", f"没有编号为 {job_id[:32]} 的任务")
    return job


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, job_id: str) -> Response:
    job = _job(request, job_id)
    fragment = request.headers.get("hx-request") == "true"
    return render(request, "_job.html" if fragment else "job.html", job=job, kinds=KINDS)


@router.get("/batches/{batch_id}", response_class=HTMLResponse)
def batch_page(request: Request, batch_id: str) -> Response:
    batch = jobs.batch(request.state.store, batch_id[:32])
    if not batch:
        raise WebError(404, "not_found", f"没有编号为 {batch_id[:32]} 的上传批次")
    fragment = request.headers.get("hx-request") == "true"
    return render(request, "_batch.html" if fragment else "batch.html", batch=batch, batch_id=batch_id,
                  finished=all(j["finished"] for j in batch))
