"""Accounts (账号) and login sessions of the web application, kept in the store (schema v4).

Why in the store: one DuckDB file holds everything a deployment has; passwords are argon2 hashes
(argon2-cffi), session tokens are random and only their sha256 is stored, so a copy of the store
gives away neither.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import duckdb
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from yusuan.errors import UsageError
from yusuan.store.db import Store

ROLES = {"admin": "管理员", "reviewer": "审核员", "viewer": "查看者"}
"""Roles: admin may do everything, a reviewer uploads and reviews, a viewer only looks."""
_NAME = re.compile(r"^[\w.@-]{2,40}$")
MIN_PASSWORD = 8
SESSION_HOURS = 12


@dataclass(frozen=True, slots=True)
class User:
    """A signed-in person: name and role."""

    name: str
    role: str

    @property
    def can_upload(self) -> bool:
        return self.role in ("admin", "reviewer")

    @property
    def can_review(self) -> bool:
        return self.role in ("admin", "reviewer")

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role, self.role)


@dataclass(frozen=True, slots=True)
class Session:
    """A login: who, and the CSRF token every form of this session carries."""

    user: User
    csrf: str


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _hasher() -> PasswordHasher:
    return PasswordHasher()


def add_user(store: Store, name: str, role: str, password: str) -> User:
    """Create (or reset the password and role of) account ``name``; UsageError on a bad name/role/password."""
    if not _NAME.match(name):
        raise UsageError(f"用户名 {name!r} 不合规：2–40 个字母、数字或 . _ @ -")
    if role not in ROLES:
        raise UsageError(f"角色 {role!r} 不存在，可选：{'、'.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise UsageError(f"密码至少 {MIN_PASSWORD} 个字符")
    digest = _hasher().hash(password)
    store.con.execute(
        "INSERT INTO users VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET role = excluded.role, "
        "password_hash = excluded.password_hash",
        [name, role, digest, _now()],
    )
    return User(name, role)


def authenticate(store: Store, name: str, password: str) -> User | None:
    """The user when ``password`` is theirs, else None (an unknown name costs a hash too)."""
    row = store.con.execute("SELECT role, password_hash FROM users WHERE name = ?", [name]).fetchone()
    hasher = _hasher()
    if row is None:
        hasher.hash(password)  # same cost as a real check: no timing hint that the name is unknown
        return None
    try:
        hasher.verify(row[1], password)
    except (VerificationError, InvalidHashError):
        return None
    return User(name, row[0])


def count_users(store: Store) -> int:
    row = store.con.execute("SELECT count(*) FROM users").fetchone()
    return int(row[0]) if row else 0


def list_users(store: Store) -> list[User]:
    return [User(n, r) for n, r in store.con.execute("SELECT name, role FROM users ORDER BY name").fetchall()]


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(store: Store, user: User) -> tuple[str, Session]:
    """A new session for ``user``: the cookie token (shown once) and the session with its CSRF token."""
    token, csrf, now = secrets.token_urlsafe(32), secrets.token_urlsafe(24), _now()
    store.con.execute(
        "INSERT INTO sessions VALUES (?, ?, ?, ?, ?)",
        [_digest(token), user.name, csrf, now, now + timedelta(hours=SESSION_HOURS)],
    )
    return token, Session(user, csrf)


def session_for(store: Store, token: str | None) -> Session | None:
    """The live session a cookie token names (None when unknown or expired)."""
    if not token:
        return None
    try:
        row = store.con.execute(
            "SELECT u.name, u.role, s.csrf FROM sessions s JOIN users u ON u.name = s.user_name "
            "WHERE s.token_hash = ? AND s.expires_at > ?",
            [_digest(token), _now()],
        ).fetchone()
    except duckdb.Error:
        return None
    return None if row is None else Session(User(row[0], row[1]), row[2])


def close_session(store: Store, token: str | None) -> None:
    """Log out: forget the session (and every expired one)."""
    if token:
        store.con.execute("DELETE FROM sessions WHERE token_hash = ? OR expires_at <= ?", [_digest(token), _now()])
