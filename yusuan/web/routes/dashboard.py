"""首页: the stored documents with filters, search, sorting, finding counts, review state and coverage."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from yusuan.store.reviews import STATES
from yusuan.web import listing
from yusuan.web.app import render
from yusuan.web.security import may_view

router = APIRouter(include_in_schema=False, dependencies=[Depends(may_view)])


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, q: str = "", region: str = "", year: str = "", department: str = "", kind: str = "",
              state: str = "", sort: str = "year", desc: str = "1") -> Response:
    query = listing.Query(q, region, year, department, kind, state, sort if sort in listing.SORTS else "year",
                          desc != "0")
    docs = listing.documents(request.state.store)
    chosen = listing.select(docs, query)
    context = dict(docs=chosen, total=len(docs), query=query, params=query.params(), facets=listing.facets(docs),
                   sorts=listing.SORTS, states=STATES, totals=listing.severity_totals(chosen),
                   history=_history(chosen) if department else None)
    partial = request.headers.get("hx-request") == "true" and request.headers.get("hx-target") == "doc-list"
    return render(request, "_doc_list.html" if partial else "dashboard.html", **context)


def _history(docs: list[dict]) -> list[dict]:
    """A department's documents over the years (oldest first), for the 历年 strip."""
    return sorted(docs, key=lambda d: (d["year"] or 0, d["kind"] or ""))
