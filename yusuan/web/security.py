"""Who is asking and may they: sessions from cookies, CSRF tokens, roles, login rate limits, headers.

Why one module: every route relies on the same few decisions, made before the route runs —
a session cookie (HttpOnly, SameSite=Lax, Secure) names the user; every unsafe request carries
the CSRF token of its session (or of the anonymous ``yusuan_csrf`` cookie before login) in a
form field or the ``X-CSRF-Token`` header; roles are checked by dependencies; failed logins are
counted per client and per account.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, Request
from starlette.datastructures import UploadFile
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.responses import Response

from yusuan.store import accounts
from yusuan.store.accounts import Session

SESSION_COOKIE = "yusuan_session"
CSRF_COOKIE = "yusuan_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; frame-ancestors 'none'")


class WebError(Exception):
    """An error a user meets: HTTP status, a stable code and a Chinese message (one shape for HTML and API)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class LoginRequired(WebError):
    def __init__(self, message: str = "请先登录") -> None:
        super().__init__(401, "login_required", message)


class Forbidden(WebError):
    def __init__(self, message: str) -> None:
        super().__init__(403, "forbidden", message)


class LoginLimiter:
    """Failed logins per key (client address, account name) in a sliding window; thread-safe."""

    def __init__(self, attempts: int, window: float) -> None:
        self.attempts, self.window = attempts, window
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._failures[key]
        while q and q[0] <= now - self.window:
            q.popleft()
        return q

    def wait(self, *keys: str) -> int:
        """Seconds until a login may be tried again for any of ``keys`` (0 when it may now)."""
        now = time.monotonic()
        with self._lock:
            waits = [int(q[0] + self.window - now) + 1 for k in keys if len(q := self._recent(k, now)) >= self.attempts]
        return max(waits, default=0)

    def failed(self, *keys: str) -> None:
        now = time.monotonic()
        with self._lock:
            for k in keys:
                self._recent(k, now).append(now)

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for k in keys:
                self._failures.pop(k, None)


def current_session(request: Request) -> Session | None:
    """The signed-in session of this request (looked up once per request)."""
    if not hasattr(request.state, "session"):
        token = request.cookies.get(SESSION_COOKIE)
        request.state.session = accounts.session_for(request.state.store, token) if token else None
    return request.state.session


def csrf_token(request: Request) -> str:
    """The token this request's forms must carry: the session's, else the anonymous cookie's."""
    session = current_session(request)
    return session.csrf if session else request.state.anon_csrf


def check_length(request: Request) -> None:
    """Refuse a request body larger than every allowed file together, before reading it (413)."""
    settings = request.app.state.settings
    length = request.headers.get("content-length")
    limit = settings.max_upload_bytes * settings.max_files + (1 << 20)
    if length and length.isdigit() and int(length) > limit:
        raise WebError(413, "too_large", f"上传内容过大（上限每个文件 {settings.max_upload_mb} MB，"
                                         f"每次 {settings.max_files} 个文件）")


async def check_csrf(request: Request) -> None:
    """Refuse an unsafe request whose CSRF token is missing or wrong (403); a body too large is 413 first."""
    if request.method not in UNSAFE:
        return
    check_length(request)
    sent = request.headers.get(CSRF_HEADER)
    if not sent and request.headers.get("content-type", "").startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form(max_files=request.app.state.settings.max_files + 1)
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
        if isinstance(value, UploadFile):
            sent = None
    if not sent or not secrets.compare_digest(sent, csrf_token(request)):
        raise Forbidden("表单已失效或来源不明（缺少 CSRF 令牌），请刷新页面后重试")


def may_view(request: Request) -> Session | None:
    """Viewing: anyone when the app is public, else a signed-in user."""
    session = current_session(request)
    if session is None and not request.app.state.settings.public:
        raise LoginRequired("本站需登录后查看")
    return session


def need_role(*roles: str, action: str) -> Callable[[Request], Session]:
    """A dependency that lets only signed-in users with one of ``roles`` through."""

    def dependency(request: Request) -> Session:
        session = current_session(request)
        if session is None:
            raise LoginRequired(f"{action}需先登录")
        if session.user.role not in roles:
            raise Forbidden(f"{session.user.role_label}“{session.user.name}”无权{action}")
        return session

    return dependency


may_upload = need_role("admin", "reviewer", action="上传文件")
may_review = need_role("admin", "reviewer", action="审核问题")
may_delete = need_role("admin", action="删除文件")


class SecurityHeaders(BaseHTTPMiddleware):
    """Security headers on every response, and the anonymous CSRF cookie for visitors without one."""

    def __init__(self, app: object, secure: bool) -> None:
        super().__init__(app)  # type: ignore[arg-type]
        self.secure = secure

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        anon = request.cookies.get(CSRF_COOKIE)
        fresh = None if anon and len(anon) >= 20 else secrets.token_urlsafe(24)
        request.state.anon_csrf = anon if fresh is None else fresh
        response = await call_next(request)
        docs = request.url.path in ("/docs", "/docs/oauth2-redirect")
        response.headers.setdefault("Content-Security-Policy", DOCS_CSP if docs else CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if fresh is not None:
            response.set_cookie(CSRF_COOKIE, fresh, httponly=True, samesite="strict", secure=self.secure, path="/")
        return response


class BodyLimit:
    """Refuse a request body over ``limit`` bytes (413) before any of it is parsed, by its Content-Length or,
    for a chunked body, as soon as the bytes received pass the limit.

    Why ASGI-level: FastAPI parses a form before the route's dependencies run, so a bound checked
    in a dependency would come after the whole upload was spooled to disk.
    """

    def __init__(self, app: Any, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] not in UNSAFE:
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length", b"")
        if length.isdigit() and int(length) > self.limit:
            await self._refuse(scope, send)
            return
        seen = 0

        async def counted() -> dict[str, Any]:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise _TooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge:
            await self._refuse(scope, send)

    async def _refuse(self, scope: dict[str, Any], send: Any) -> None:
        message = f"上传内容过大（超过 {self.limit // (1 << 20)} MB），未处理"
        if scope["path"].startswith("/api/"):
            body = json.dumps({"error": {"status": 413, "code": "too_large", "message": message}}, ensure_ascii=False)
            kind = b"application/json"
        else:
            body, kind = f"<!doctype html><meta charset=utf-8><title>文件过大</title><p>{message}</p>", b"text/html; charset=utf-8"
        data = body.encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", kind), (b"content-length", str(len(data)).encode())]})
        await send({"type": "http.response.body", "body": data})


class _TooLarge(Exception):
    pass


def set_session_cookie(response: Response, token: str, secure: bool) -> None:
    response.set_cookie(SESSION_COOKIE, token, max_age=accounts.SESSION_HOURS * 3600, httponly=True,
                        samesite="lax", secure=secure, path="/")


def client_key(request: Request) -> str:
    return f"ip:{request.client.host if request.client else '?'}"


Uploader = Annotated[Session, Depends(may_upload)]
"""A route parameter: the session of a user allowed to upload (401/403 otherwise)."""
Reviewer = Annotated[Session, Depends(may_review)]
"""A route parameter: the session of a user allowed to review findings."""
Admin = Annotated[Session, Depends(may_delete)]
"""A route parameter: the session of an administrator (who alone deletes documents)."""
