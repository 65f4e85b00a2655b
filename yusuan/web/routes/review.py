"""审核: confirm or dismiss a finding (with a reason), undo a decision; exports of the findings with
their decisions (CSV, XLSX) and the annotated PDF."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from yusuan.errors import UsageError
from yusuan.store import reviews
from yusuan.web import exports
from yusuan.web.annotate import annotated_pdf
from yusuan.web.app import render
from yusuan.web.routes.common import resolve_doc, writing
from yusuan.web.routes.documents import load_view, source_bytes
from yusuan.web.security import Reviewer, WebError, may_view

router = APIRouter(include_in_schema=False, dependencies=[Depends(may_view)])


def apply_decision(request: Request, doc_id: str, finding_no: int, decision: str, reason: str, user: str) -> None:
    """Record a decision (or an undo, ``decision == 'undo'``) under the write lock; 400/404 on bad input."""
    with writing(request) as store:
        try:
            if decision == "undo":
                if not reviews.undo(store, doc_id, finding_no, user):
                    raise WebError(409, "nothing_to_undo", f"第 {finding_no + 1} 号问题没有可撤销的审核")
            else:
                reviews.decide(store, doc_id, finding_no, decision, reason, user)
        except UsageError as err:
            raise WebError(400, "invalid_review", str(err)) from err
        except LookupError as err:
            raise WebError(404, "not_found", str(err)) from err


def _answer(request: Request, ref: str, finding_no: int) -> Response:
    """The updated finding (an htmx fragment), or back to the document for a plain form."""
    view = load_view(request, ref)
    if request.headers.get("hx-request") != "true":
        return RedirectResponse(f"/documents/{view.doc['doc_id'][:16]}#f{finding_no}", status_code=303)
    finding = next(f for f in view.findings if f.no == finding_no)
    return render(request, "_finding.html", f=finding, doc=view.doc)


@router.post("/documents/{ref}/findings/{finding_no}/review", response_class=HTMLResponse)
def review(request: Request, ref: str, finding_no: int, session: Reviewer, decision: Annotated[str, Form()],
           reason: Annotated[str, Form()] = "") -> Response:
    doc_id = resolve_doc(request.state.store, ref)
    apply_decision(request, doc_id, finding_no, decision, reason, session.user.name)
    return _answer(request, ref, finding_no)


@router.post("/documents/{ref}/findings/{finding_no}/undo", response_class=HTMLResponse)
def undo(request: Request, ref: str, finding_no: int, session: Reviewer) -> Response:
    doc_id = resolve_doc(request.state.store, ref)
    apply_decision(request, doc_id, finding_no, "undo", "", session.user.name)
    return _answer(request, ref, finding_no)


def _download(body: bytes, media: str, name: str) -> Response:
    from urllib.parse import quote

    return Response(body, media_type=media,
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name, safe='')}"})


@router.get("/documents/{ref}/findings.csv")
def findings_csv(request: Request, ref: str) -> Response:
    view = load_view(request, ref)
    return _download(exports.findings_csv(view), "text/csv; charset=utf-8", exports.file_name(view, "csv"))


@router.get("/documents/{ref}/findings.xlsx")
def findings_xlsx(request: Request, ref: str) -> Response:
    view = load_view(request, ref)
    return _download(exports.findings_xlsx(view),
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", exports.file_name(view, "xlsx"))


@router.get("/documents/{ref}/annotated.pdf")
def annotated(request: Request, ref: str) -> Response:
    view = load_view(request, ref)
    data = source_bytes(request, view.doc["doc_id"])
    body = annotated_pdf(view, data, request.app.state.pages)
    return _download(body, "application/pdf", exports.file_name(view, "pdf", "批注"))
