"""文件: one document — findings (核对 and 读取 apart), the page image with finding boxes, tables as
printed with involved cells highlighted, the narrative with quoted figures linked, the audit log;
and the uploader's confirmation or correction of the detected department, year and kind."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from yusuan.check.coverage import CRITERIA, read_coverage
from yusuan.store import jobs, reviews, sources
from yusuan.store.history import load_key_figures
from yusuan.store.rows import region_of
from yusuan.web.app import render
from yusuan.web.document import DocumentView, FindingView, document_view
from yusuan.web.narrative import sections
from yusuan.web.pages import is_pdf
from yusuan.web.routes.common import resolve_doc, writing
from yusuan.web.runner import Upload, spool
from yusuan.web.security import Admin, Reviewer, Uploader, WebError, may_view
from yusuan.web.sniff import SUFFIXES, sniff

router = APIRouter(include_in_schema=False, dependencies=[Depends(may_view)])
KINDS = ("预算", "决算")


def load_view(request: Request, ref: str) -> DocumentView:
    store = request.state.store
    doc_id = resolve_doc(store, ref)
    view = document_view(store, doc_id, reviews.decisions(store, doc_id))
    if view is None:
        raise WebError(404, "not_found", f"没有编号为 {ref[:16]} 的文件")
    return view


def source_bytes(request: Request, doc_id: str) -> bytes | None:
    return sources.get(request.state.store, doc_id, request.app.state.settings.base_dir)


def _coverage(request: Request, doc_id: str) -> dict:
    figures = load_key_figures(request.state.store, doc_id)
    if not figures:
        return {"label": "—", "criteria": []}
    cov = read_coverage(figures)
    return {"label": cov.label(), "full": cov.full,
            "criteria": [(CRITERIA[k], ok) for k, ok in cov.criteria.items()]}


@router.get("/documents/{ref}", response_class=HTMLResponse)
def document(request: Request, ref: str) -> Response:
    view = load_view(request, ref)
    doc_id = view.doc["doc_id"]
    data = source_bytes(request, doc_id)
    pdf = is_pdf(data)
    first_page = next((f.first_page for f in view.check_findings + view.read_findings if f.first_page), 1)
    page = request.app.state.pages.info(doc_id, data, first_page) if pdf and data else None
    store = request.state.store
    job = store.con.execute("SELECT job_id FROM jobs WHERE doc_id = ? AND status = 'done' ORDER BY created_at DESC "
                            "LIMIT 1", [doc_id]).fetchone()
    return render(request, "document.html", view=view, doc=view.doc, pdf=pdf, page=page,
                  page_boxes=_boxes(view.findings, page.number if page else 0), active=None,
                  static=request.app.state.fragments.get(doc_id, lambda: _static(request, view)),
                  coverage=_coverage(request, doc_id),
                  audit=reviews.history(store, doc_id), has_source=data is not None,
                  state=reviews.state_of(len(view.findings), sum(1 for f in view.findings if f.decision)),
                  states=reviews.STATES,
                  kinds=KINDS, job_id=job[0] if job else None)


def _static(request: Request, view: DocumentView) -> Markup:
    """Tables and narrative, rendered once per document: they depend on its stored rows only."""
    doc_id = view.doc["doc_id"]
    template = request.app.state.templates.env.get_template("_document_static.html")
    return Markup(template.render(view=view, narrative=sections(request.state.store, doc_id, view.index)))


def _boxes(findings: list[FindingView], page: int) -> list[dict]:
    """Every finding's cell boxes on ``page`` (points, origin top-left), worst severity drawn last."""
    order = {"info": 0, "rounding": 1, "warning": 2, "error": 3}
    out = []
    for f in sorted(findings, key=lambda f: order.get(f.severity, 0)):
        for loc in f.boxes:
            if loc["page"] == page:
                x0, top, x1, bottom = loc["bbox"]
                out.append({"no": f.no, "display": f.display_no, "severity": f.severity, "message": f.message,
                            "x": x0, "y": top, "w": max(x1 - x0, 1), "h": max(bottom - top, 1)})
    return out


@router.get("/documents/{ref}/page", response_class=HTMLResponse)
def page_fragment(request: Request, ref: str, n: int = 1, finding: int | None = None) -> Response:
    """The page viewer: page ``n`` with every finding's boxes, ``finding``'s emphasised (an htmx fragment)."""
    view = load_view(request, ref)
    doc_id = view.doc["doc_id"]
    data = source_bytes(request, doc_id)
    if not is_pdf(data):
        raise WebError(404, "no_pages", "此文件不是 PDF，没有页面图像")
    assert data is not None
    page = request.app.state.pages.info(doc_id, data, n)
    if page is None:
        raise WebError(404, "no_such_page", f"第 {n} 页不存在")
    return render(request, "_page.html", doc=view.doc, page=page, page_boxes=_boxes(view.findings, n), active=finding)


@router.get("/documents/{ref}/pages/{n}.png")
def page_image(request: Request, ref: str, n: int) -> Response:
    doc_id = resolve_doc(request.state.store, ref)
    data = source_bytes(request, doc_id)
    png = request.app.state.pages.png(doc_id, data, n) if is_pdf(data) and data else None
    if png is None:
        raise WebError(404, "no_such_page", f"第 {n} 页不存在")
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=86400"})


@router.get("/documents/{ref}/source")
def source_file(request: Request, ref: str) -> Response:
    """The source file itself (attachment; its type from its content)."""
    doc_id = resolve_doc(request.state.store, ref)
    data = source_bytes(request, doc_id)
    if data is None:
        raise WebError(404, "no_source", "原件未保存在库中，且原路径已找不到该文件")
    name = request.state.store.con.execute("SELECT file_name FROM documents WHERE doc_id = ?", [doc_id]).fetchone()[0]
    media = "application/pdf" if is_pdf(data) else "application/octet-stream"
    return Response(data, media_type=media, headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''{_ascii_safe(name)}"})


def _ascii_safe(name: str) -> str:
    from urllib.parse import quote

    return quote(name, safe="")


@router.post("/documents/{ref}/identity")
def correct_identity(request: Request, ref: str, session: Uploader, department: Annotated[str, Form()],
                     year: Annotated[str, Form()], kind: Annotated[str, Form()],
                     job: Annotated[str, Form()] = "") -> Response:
    """Confirm (unchanged) or correct the detected department, year and kind; recorded in the audit log."""
    store = request.state.store
    doc_id = resolve_doc(store, ref)
    department = department.strip()
    if not department or len(department) > 100:
        raise WebError(400, "invalid_department", "部门名称不能为空，且不超过 100 字")
    if kind not in KINDS:
        raise WebError(400, "invalid_kind", "类型应为“预算”或“决算”")
    if not (year.isdigit() and 1990 <= int(year) <= 2100):
        raise WebError(400, "invalid_year", f"年度 {year!r} 无效（应为 1990–2100 的四位数）")
    with writing(request):
        before = store.con.execute("SELECT department, year, kind FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
        changed = tuple(before) != (department, int(year), kind)
        if changed:
            store.con.execute("UPDATE documents SET department = ?, region = ?, year = ?, kind = ? WHERE doc_id = ?",
                              [department, region_of(department), int(year), kind, doc_id])
        reviews.log(store, session.user.name, "document.correct" if changed else "document.confirm", doc_id,
                    before=list(before), after=[department, int(year), kind])
        if job:
            jobs.confirm(store, job, session.user.name)
    return RedirectResponse(f"/jobs/{job}" if job else f"/documents/{doc_id[:16]}", status_code=303)


@router.post("/documents/{ref}/recheck")
def recheck(request: Request, ref: str, session: Reviewer) -> Response:
    """Read and check the stored source again (a newer yusuan may read more); decisions follow their findings."""
    store = request.state.store
    doc_id = resolve_doc(store, ref)
    data = source_bytes(request, doc_id)
    if data is None:
        raise WebError(409, "no_source", "原件不在库中，原路径也找不到该文件，无法重新核对")
    name = store.con.execute("SELECT file_name FROM documents WHERE doc_id = ?", [doc_id]).fetchone()[0]
    fmt = sniff(name, data)
    with writing(request):
        job_id = jobs.create(store, batch_id=jobs.new_id(), file_name=name, size=len(data), fmt=fmt, doc_id=doc_id,
                             user=session.user.name)
    request.app.state.runner.submit(Upload(job_id, doc_id, name, spool(data, SUFFIXES[fmt]), session.user.name,
                                           replace=True))
    return RedirectResponse(f"/jobs/{job_id}", status_code=303)


@router.post("/documents/{ref}/delete")
def delete(request: Request, ref: str, session: Admin) -> Response:
    """Remove a document, its source and its decisions (the audit log keeps that it was deleted, and by whom)."""
    store = request.state.store
    doc_id = resolve_doc(store, ref)
    with writing(request):
        name = store.con.execute("SELECT file_name FROM documents WHERE doc_id = ?", [doc_id]).fetchone()[0]
        store.delete(doc_id)
        sources.remove(store, doc_id)
        reviews.forget(store, doc_id)
        reviews.log(store, session.user.name, "document.delete", doc_id, file=name)
    request.app.state.fragments.drop(doc_id)
    return RedirectResponse("/", status_code=303)
