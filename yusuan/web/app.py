"""The web application factory (``yusuan serve``): FastAPI over one store, pages rendered by Jinja2.

Why a factory: tests, the benchmark and ``yusuan serve`` each build an app over their own store
and settings; nothing is global. The app holds the store open read-write (DuckDB takes one
writing process per file) and gives every request its own cursor.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

import yusuan
from yusuan.errors import YusuanError
from yusuan.store import jobs
from yusuan.store.db import Store
from yusuan.web import formatting
from yusuan.web.cache import LRU
from yusuan.web.pages import PageRenderer
from yusuan.web.runner import JobRunner
from yusuan.web.security import BodyLimit, SecurityHeaders, WebError, check_csrf, csrf_token, current_session
from yusuan.web.settings import Settings

HERE = Path(__file__).resolve().parent
_STATUS_CODES = {400: "bad_request", 401: "login_required", 403: "forbidden", 404: "not_found",
                 405: "method_not_allowed", 409: "conflict", 413: "too_large", 415: "unsupported_type",
                 422: "invalid_request", 429: "too_many_requests", 500: "internal_error"}


def open_store(request: Request) -> Iterator[Store]:
    """This request's cursor on the app's store (closed when the response is done)."""
    store = request.app.state.store.cursor()
    request.state.store = store
    try:
        yield store
    finally:
        store.con.close()


def templates() -> Jinja2Templates:
    t = Jinja2Templates(directory=str(HERE / "templates"))
    t.env.globals.update(version=yusuan.__version__)
    t.env.filters.update(formatting.FILTERS)
    t.env.globals.update(formatting.GLOBALS)
    return t


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page with the signed-in session, the CSRF token and the settings every layout needs."""
    session = current_session(request) if hasattr(request.state, "store") else None
    context.update(request=request, session=session, csrf=csrf_token(request), settings=request.app.state.settings)
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status_code)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def error_response(request: Request, status: int, code: str, message: str) -> Response:
    """The one error shape: ``{"error": {"status", "code", "message"}}`` for the API, a page for people."""
    if wants_json(request):
        return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status_code=status)
    if status == 401:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={formatting.quote(target)}", status_code=303)
    if not hasattr(request.state, "anon_csrf"):
        request.state.anon_csrf = ""
    return render(request, "error.html", status_code=status, status=status, message=message)


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(WebError)
    async def web_error(request: Request, err: WebError) -> Response:
        return error_response(request, err.status, err.code, err.message)

    @app.exception_handler(YusuanError)
    async def yusuan_error(request: Request, err: YusuanError) -> Response:
        status = getattr(err, "http_status", 400 if err.exit_code in (2, 64) else 503)
        return error_response(request, status, "invalid_input", str(err))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, err: StarletteHTTPException) -> Response:
        message = {404: "页面或资源不存在", 405: "不支持此请求方法"}.get(err.status_code, str(err.detail))
        return error_response(request, err.status_code, _STATUS_CODES.get(err.status_code, "error"), message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, err: RequestValidationError) -> Response:
        parts = ["·".join(str(p) for p in e.get("loc", ())[1:]) or "请求" for e in err.errors()]
        return error_response(request, 422, "invalid_request", f"请求参数不正确：{'、'.join(parts)}")

    @app.exception_handler(Exception)
    async def internal(request: Request, err: Exception) -> Response:
        return error_response(request, 500, "internal_error", f"服务器内部错误（{type(err).__name__}），请联系管理员")


def _docs_route(app: FastAPI) -> None:
    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="yusuan API",
                                   swagger_js_url="/static/vendor/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui.css", swagger_favicon_url="/static/favicon.svg")


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app over ``settings.db`` (created and migrated when absent)."""
    from yusuan.web.routes import ROUTERS

    settings = (settings or Settings()).check()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.runner.close()
        app.state.store.close()

    app = FastAPI(title="yusuan 预算公开审核", version=yusuan.__version__, lifespan=lifespan, docs_url=None,
                  redoc_url=None, dependencies=[Depends(open_store), Depends(check_csrf)],
                  description="读取、核对、审核部门预算/决算公开文件。错误统一为 "
                              '`{"error": {"status", "code", "message"}}`。')
    store = Store(settings.db)
    jobs.abandon_unfinished(store)
    app.state.settings = settings
    app.state.store = store
    app.state.write_lock = threading.Lock()
    app.state.templates = templates()
    app.state.pages = PageRenderer()
    app.state.fragments = LRU(64)
    app.state.runner = JobRunner(store, app.state.write_lock, settings.workers, on_change=app.state.fragments.drop,
                                 timeout=settings.read_timeout)
    app.add_middleware(SecurityHeaders, secure=settings.secure_cookies)
    app.add_middleware(BodyLimit, limit=settings.max_upload_bytes * settings.max_files + (1 << 20))
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    _install_errors(app)
    _docs_route(app)
    for router in ROUTERS:
        app.include_router(router)
    return app
