"""比较: two stored documents side by side — the content of ``yusuan compare``, changes highlighted."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from yusuan.store.compare import compare as run_compare
from yusuan.store.query import list_documents
from yusuan.web.app import render
from yusuan.web.routes.common import resolve_doc
from yusuan.web.security import may_view

router = APIRouter(include_in_schema=False, dependencies=[Depends(may_view)])


def default_pair(docs: list[dict], a: str) -> str:
    """For A, the same department's next year if stored (else nothing): the change a reviewer asks about."""
    chosen = next((d for d in docs if d["doc_id"] == a), None)
    if chosen is None:
        return ""
    earlier = [d for d in docs if d["department"] == chosen["department"] and (d["year"] or 0) > (chosen["year"] or 0)]
    return min(earlier, key=lambda d: d["year"])["doc_id"] if earlier else ""


@router.get("/compare", response_class=HTMLResponse)
def compare(request: Request, a: str = "", b: str = "") -> Response:
    store = request.state.store
    docs = list_documents(store)
    result = None
    if a and not b:
        b = default_pair(docs, resolve_doc(store, a))[:16]
    if a and b:
        result = run_compare(store, resolve_doc(store, a), resolve_doc(store, b))
        for r in result["by_function"]:
            r["label"] = f"{r['code']} {r['name']}"
    return render(request, "compare.html", docs=docs, a=a, b=b, result=result)
