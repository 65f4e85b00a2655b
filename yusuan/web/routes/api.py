"""The REST API under ``/api`` (OpenAPI at ``/openapi.json``, docs at ``/docs``).

Errors have one shape, ``{"error": {"status", "code", "message"}}``; a file the reader refuses
(the CLI's exit code 2) is a 422 with the reader's own message when the upload waits for it.
Writes need a session (``POST /api/login``) and its CSRF token in ``X-CSRF-Token``.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from fastapi import APIRouter, Depends, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from yusuan.check.registry import all_rules
from yusuan.store import accounts, jobs, reviews
from yusuan.store.compare import compare as run_compare
from yusuan.store.history import load_key_figures
from yusuan.store.query import plain
from yusuan.web import listing
from yusuan.web.document import FindingView
from yusuan.web.routes.auth import login_user
from yusuan.web.routes.common import resolve_doc, writing
from yusuan.web.routes.documents import load_view
from yusuan.web.routes.review import apply_decision
from yusuan.web.security import (
    SESSION_COOKIE,
    Reviewer,
    Uploader,
    WebError,
    check_length,
    may_view,
    set_session_cookie,
)
from yusuan.web.uploads import accept


class ErrorDetail(BaseModel):
    status: int = Field(description="HTTP 状态码")
    code: str = Field(description="稳定的错误代码，如 not_found")
    message: str = Field(description="中文说明")


class ErrorBody(BaseModel):
    error: ErrorDetail


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": text}
    for code, text in ((400, "请求无效"), (401, "需要登录"), (403, "无权操作或缺少 CSRF 令牌"), (404, "不存在"),
                       (413, "上传过大"), (415, "文件格式无法识别"), (422, "参数或文件内容无效"), (429, "请求过多"))
}
router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)


ReviewState = Literal["unreviewed", "in_review", "reviewed"]


class DocumentIdentity(BaseModel):
    """What names a stored document: its content hash, file, department, year, kind and units."""

    id: str = Field(description="文件内容的 sha256（十六进制）")
    file_name: str
    department: str | None
    region: str | None
    year: int | None
    kind: str | None
    money_unit: str | None
    format: str | None
    ingested_at: datetime
    review_state: ReviewState = Field(description="未审 unreviewed / 审核中 in_review / 已审 reviewed")

    @classmethod
    def fields_of(cls, d: dict[str, Any]) -> dict[str, Any]:
        """The identity fields of a ``documents`` row (``doc_id`` as ``id``)."""
        return {"id": d["doc_id"], **{k: d[k] for k in ("file_name", "department", "region", "year", "kind",
                                                       "money_unit", "format", "ingested_at")}}


class DocumentItem(DocumentIdentity):
    findings: dict[str, int] = Field(description="按严重程度计数：error/warning/rounding/info")
    coverage: str = Field(description="读取完整度，如 5/6")


class DocumentDetail(DocumentIdentity):
    size_bytes: int | None
    warnings: list[str]
    summary: dict[str, Any] | None = Field(description="关键数字（SUMMARY_SCHEMA 结构，金额为十进制字符串）")


class Location(BaseModel):
    table: str | None = None
    kind: str | None = None
    row: str | None = None
    column: str | None = None
    page: int | None = None
    line: int | None = None
    bbox: list[float] | None = None
    ocr: bool = False


class Decision(BaseModel):
    decision: Literal["confirmed", "dismissed"]
    reason: str | None
    user: str
    at: datetime


class FindingItem(BaseModel):
    id: str = Field(description="问题编号：文件编号-序号")
    rule: str
    severity: Literal["error", "warning", "rounding", "info"]
    message: str
    values: list[str]
    locations: list[Location]
    category: Literal["check", "read"] = Field(description="read：读取问题（规则以 read. 开头）")
    decision: Decision | None


class ReviewRequest(BaseModel):
    decision: Literal["confirmed", "dismissed", "undo"]
    reason: str = ""


class Job(BaseModel):
    id: str
    batch_id: str | None
    file_name: str
    status: Literal["queued", "running", "done", "duplicate", "failed"]
    error: str | None
    document_id: str | None
    department: str | None
    year: int | None
    kind: str | None
    created_at: datetime
    finished_at: datetime | None


class Batch(BaseModel):
    batch_id: str
    jobs: list[Job]


class LoginRequest(BaseModel):
    name: str
    password: str


class LoginAnswer(BaseModel):
    user: str
    role: str
    csrf_token: str = Field(description="之后每个写请求放在 X-CSRF-Token 头里")


class RuleItem(BaseModel):
    id: str
    title: str
    severity: str
    rationale: str


def _job(job: dict[str, Any]) -> Job:
    return Job(id=job["job_id"], batch_id=job["batch_id"], file_name=job["file_name"], status=job["status"],
               error=job["error"], document_id=job["doc_id"] or None, department=job["department"],
               year=job["year"], kind=job["kind"], created_at=job["created_at"], finished_at=job["finished_at"])


def _finding(doc_id: str, f: FindingView) -> FindingItem:
    d = f.decision
    return FindingItem(
        id=f"{doc_id}-{f.no}", rule=f.rule, severity=f.severity, message=f.message, values=f.values,
        locations=[Location(**{k: v for k, v in loc.items() if k in Location.model_fields}) for loc in f.locations],
        category="read" if f.is_read else "check",
        decision=Decision(decision=d["decision"], reason=d["reason"], user=d["user"], at=d["at"]) if d else None)


@router.post("/login", summary="登录（返回 CSRF 令牌）", response_model=LoginAnswer)
def api_login(request: Request, body: LoginRequest) -> Response:
    """Sign in: sets the session cookie; answers the CSRF token the writes need."""
    token, session = login_user(request, body.name, body.password)
    answer = LoginAnswer(user=session.user.name, role=session.user.role, csrf_token=session.csrf)
    response = JSONResponse(answer.model_dump())
    set_session_cookie(response, token, request.app.state.settings.secure_cookies)
    return response


@router.post("/logout", summary="退出", status_code=204)
def api_logout(request: Request) -> Response:
    with writing(request) as store:
        accounts.close_session(store, request.cookies.get(SESSION_COOKIE))
    response = Response(status_code=204)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/documents", summary="文件清单", response_model=list[DocumentItem], dependencies=[Depends(may_view)])
def api_documents(request: Request) -> list[DocumentItem]:
    """Every stored document with finding counts, review state and read coverage."""
    return [DocumentItem(**DocumentIdentity.fields_of(d), review_state=d["state"], coverage=d["coverage"],
                         findings={s: d[s] for s in ("error", "warning", "rounding", "info")})
            for d in listing.documents(request.state.store)]


@router.post("/documents", summary="上传文件", response_model=Batch, status_code=202, dependencies=[Depends(check_length)])
async def api_upload(request: Request, files: list[UploadFile], session: Uploader,
                     wait: bool = False) -> Response:
    """Upload files (multipart field ``files``); each becomes a job. A single file refused by size or content
    is a 413/415. With ``wait=true`` the answer comes when the files are read, and a single file the
    reader refuses (the CLI's exit code 2) is a 422 with the reader's message."""
    accepted = await accept(request, files, session.user.name)
    if len(accepted.job_ids) == 1 and accepted.job_ids[0] in accepted.refused:
        raise accepted.refused[accepted.job_ids[0]]
    if wait:
        await asyncio.to_thread(request.app.state.runner.wait_for, accepted.job_ids, 600)
    store = request.state.store
    batch = [jobs.get(store, j) for j in accepted.job_ids]
    if wait and len(batch) == 1 and batch[0] and batch[0]["status"] == "failed":
        raise WebError(422, "unreadable", f"{batch[0]['file_name']}: {batch[0]['error']}")
    body = Batch(batch_id=accepted.batch_id, jobs=[_job(j) for j in batch if j])
    return JSONResponse(body.model_dump(mode="json"), status_code=200 if wait else 202)


@router.get("/jobs", summary="最近的上传任务", response_model=list[Job], dependencies=[Depends(may_view)])
def api_jobs(request: Request, limit: int = 50) -> list[Job]:
    """The most recent upload jobs, newest first (at most ``limit``, ≤ 1000)."""
    return [_job(j) for j in jobs.recent(request.state.store, max(1, min(limit, 1000)))]


@router.get("/jobs/{job_id}", summary="上传任务", response_model=Job, dependencies=[Depends(may_view)])
def api_job(request: Request, job_id: str) -> Job:
    job = jobs.get(request.state.store, job_id[:32])
    if job is None:
        raise WebError(404, "not_found", f"没有编号为 {job_id[:32]} 的任务")
    return _job(job)


@router.get("/documents/{ref}", summary="文件信息与关键数字", response_model=DocumentDetail, dependencies=[Depends(may_view)])
def api_document(request: Request, ref: str) -> DocumentDetail:
    """One document's identity and key figures (SUMMARY_SCHEMA, money as decimal strings)."""
    store = request.state.store
    doc_id = resolve_doc(store, ref)
    view = load_view(request, doc_id)
    d = view.doc
    figures = load_key_figures(store, doc_id)
    state = reviews.state_of(len(view.findings), sum(1 for f in view.findings if f.decision))
    return DocumentDetail(**DocumentIdentity.fields_of(d), size_bytes=d["size_bytes"], warnings=d["warnings"],
                          review_state=state, summary=_strings(figures) if figures else None)


def _strings(value: Any) -> Any:
    """Decimals as decimal strings (exact), the rest JSON-ready."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: _strings(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_strings(v) for v in value]
    return plain(value)


@router.get("/documents/{ref}/findings", summary="文件的核对问题", response_model=list[FindingItem], dependencies=[Depends(may_view)])
def api_findings(request: Request, ref: str) -> list[FindingItem]:
    view = load_view(request, ref)
    return [_finding(view.doc["doc_id"], f) for f in view.findings]


def _finding_ref(ref: str) -> tuple[str, int]:
    doc, _, no = ref.rpartition("-")
    if not doc or not no.isdigit():
        raise WebError(404, "not_found", f"问题编号 {ref[:80]!r} 无效（应为 文件编号-序号）")
    return doc, int(no)


@router.post("/findings/{finding_id}/review", summary="审核一个问题", response_model=FindingItem)
def api_review(request: Request, finding_id: str, body: ReviewRequest,
               session: Reviewer) -> FindingItem:
    """Confirm or dismiss a finding (a reason is required to dismiss), or undo the latest decision."""
    ref, no = _finding_ref(finding_id)
    doc_id = resolve_doc(request.state.store, ref)
    apply_decision(request, doc_id, no, body.decision, body.reason, session.user.name)
    view = load_view(request, doc_id)
    return _finding(doc_id, next(f for f in view.findings if f.no == no))


@router.get("/compare", summary="比较两份文件", dependencies=[Depends(may_view)])
def api_compare(request: Request, a: str, b: str) -> dict[str, Any]:
    """B against A: 功能分类 类/款, 基本/项目, 人员/公用, 三公, projects (as ``yusuan compare --json``)."""
    store = request.state.store
    return _strings(run_compare(store, resolve_doc(store, a), resolve_doc(store, b)))


@router.get("/rules", summary="核对规则", response_model=list[RuleItem], dependencies=[Depends(may_view)])
def api_rules() -> list[RuleItem]:
    return [RuleItem(id=r.id, title=r.title, severity=r.severity, rationale=r.rationale) for r in all_rules()]
