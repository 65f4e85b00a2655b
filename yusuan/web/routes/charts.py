"""图表: a document's charts (功能分类, 基本/项目, 人员/公用, 经济分类, 三公 and totals across years)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from yusuan.web.app import render
from yusuan.web.charts import chart_data, json_script
from yusuan.web.routes.common import resolve_doc
from yusuan.web.security import WebError, may_view

router = APIRouter(include_in_schema=False, dependencies=[Depends(may_view)])


@router.get("/documents/{ref}/charts", response_class=HTMLResponse)
def charts(request: Request, ref: str) -> Response:
    store = request.state.store
    doc_id = resolve_doc(store, ref)
    cur = store.con.execute("SELECT * FROM documents WHERE doc_id = ?", [doc_id])
    row = cur.fetchone()
    if row is None:
        raise WebError(404, "not_found", "文件不存在")
    doc = dict(zip([c[0] for c in cur.description or []], row, strict=True))
    data = chart_data(store, doc)
    return render(request, "charts.html", doc=doc, data=data, data_json=json_script(data))
