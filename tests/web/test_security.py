"""Sessions, cookies, CSRF, roles, rate-limited login, private viewing, security headers."""

from __future__ import annotations

from tests.web.conftest import PASSWORD, anon_csrf, login, make_client


def test_login_sets_a_secure_httponly_samesite_cookie(client) -> None:
    r = client.post("/login", data={"name": "rita", "password": PASSWORD, "csrf_token": anon_csrf(client),
                                    "next": "/upload"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/upload"
    cookie = next(v for k, v in r.headers.multi_items() if k == "set-cookie" and "yusuan_session=" in v)
    assert "HttpOnly" in cookie and "Secure" in cookie and "SameSite=lax" in cookie
    assert "rita（审核员）" in client.get("/").text


def test_login_redirect_stays_on_site(client) -> None:
    r = client.post("/login", data={"name": "rita", "password": PASSWORD, "csrf_token": anon_csrf(client),
                                    "next": "//evil.example/x"}, follow_redirects=False)
    assert r.headers["location"] == "/"


def test_login_form_needs_its_csrf_token(client) -> None:
    r = client.post("/login", data={"name": "rita", "password": PASSWORD})
    assert r.status_code == 403 and "CSRF" in r.text


def test_failed_logins_are_rate_limited(db) -> None:
    with make_client(db, login_attempts=3) as client:
        token = anon_csrf(client)
        for _ in range(3):
            r = client.post("/login", data={"name": "rita", "password": "wrong", "csrf_token": token})
            assert r.status_code == 401 and "用户名或密码不正确" in r.text
        r = client.post("/login", data={"name": "rita", "password": PASSWORD, "csrf_token": token})
        assert r.status_code == 429 and "分钟后再试" in r.text
        audit = client.app.state.store.con.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'login.failed'").fetchone()[0]
        assert audit == 3


def test_logout_ends_the_session(client) -> None:
    token = login(client, "rita")
    assert client.post("/logout", data={"csrf_token": token}, follow_redirects=False).status_code == 303
    assert "登录" in client.get("/").text and "rita（" not in client.get("/").text


def test_private_mode_needs_login_to_view(db) -> None:
    with make_client(db, public=False) as client:
        r = client.get("/", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")
        assert client.get("/api/documents").status_code == 401
        login(client, "victor")
        assert client.get("/").status_code == 200


def test_security_headers(client) -> None:
    r = client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"


def test_correcting_the_detected_identity_is_audited(client) -> None:
    token = login(client, "rita")
    doc = client.get("/api/documents").json()[0]
    r = client.post(f"/documents/{doc['id'][:16]}/identity", follow_redirects=False,
                    data={"department": "测试部门", "year": "2023", "kind": "决算", "csrf_token": token})
    assert r.status_code == 303
    detail = client.get(f"/api/documents/{doc['id']}").json()
    assert (detail["department"], detail["year"], detail["kind"]) == ("测试部门", 2023, "决算")
    assert "更正文件信息" in client.get(f"/documents/{doc['id'][:16]}").text
    r = client.post(f"/documents/{doc['id'][:16]}/identity", data={"department": "x", "year": "12", "kind": "决算",
                                                                   "csrf_token": token})
    assert r.status_code == 400 and "年度" in r.text
