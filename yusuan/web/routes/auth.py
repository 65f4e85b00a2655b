"""登录 / 退出: sessions in HttpOnly cookies, failed attempts rate-limited per client and per account."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from yusuan.store import accounts, reviews
from yusuan.web.app import render
from yusuan.web.routes.common import writing
from yusuan.web.security import SESSION_COOKIE, LoginLimiter, WebError, client_key, set_session_cookie

router = APIRouter(include_in_schema=False)


def limiter(request: Request) -> LoginLimiter:
    state = request.app.state
    if not hasattr(state, "login_limiter"):
        state.login_limiter = LoginLimiter(state.settings.login_attempts, state.settings.login_window)
    return state.login_limiter


def _safe_next(target: str | None) -> str:
    """Only a path on this site (no scheme, no '//host'), so a login link cannot send users elsewhere."""
    return target if target and target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"


def login_user(request: Request, name: str, password: str) -> tuple[str, accounts.Session]:
    """Check a password under the rate limit; the new session token and session, or WebError 401/429."""
    keys = (client_key(request), f"user:{name}")
    wait = limiter(request).wait(*keys)
    if wait:
        raise WebError(429, "too_many_requests", f"登录失败次数过多，请 {max(1, wait // 60)} 分钟后再试")
    store = request.state.store
    user = accounts.authenticate(store, name, password)
    with writing(request):
        if user is None:
            limiter(request).failed(*keys)
            reviews.log(store, name, "login.failed")
            raise WebError(401, "bad_credentials", "用户名或密码不正确")
        limiter(request).succeeded(*keys)
        token, session = accounts.open_session(store, user)
        reviews.log(store, name, "login")
    return token, session


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/") -> Response:
    return render(request, "login.html", next=_safe_next(next), error=None)


@router.post("/login")
def login(request: Request, name: Annotated[str, Form()], password: Annotated[str, Form()],
          next: Annotated[str, Form()] = "/") -> Response:
    try:
        token, _ = login_user(request, name.strip(), password)
    except WebError as err:
        if err.status not in (401, 429):
            raise
        return render(request, "login.html", status_code=err.status, next=_safe_next(next), error=err.message,
                      name=name)
    response = RedirectResponse(_safe_next(next), status_code=303)
    set_session_cookie(response, token, request.app.state.settings.secure_cookies)
    return response


@router.post("/logout")
def logout(request: Request) -> Response:
    token = request.cookies.get(SESSION_COOKIE)
    with writing(request) as store:
        accounts.close_session(store, token)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
