"""Accounts: argon2 hashes, sessions by token digest, roles and names checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from yusuan.errors import UsageError
from yusuan.store import Store, accounts


def test_password_is_hashed_and_checked(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        accounts.add_user(store, "li.ming", "reviewer", "secret-pass")
        digest = store.con.execute("SELECT password_hash FROM users").fetchone()[0]
        assert digest.startswith("$argon2") and "secret-pass" not in digest
        assert accounts.authenticate(store, "li.ming", "secret-pass") == accounts.User("li.ming", "reviewer")
        assert accounts.authenticate(store, "li.ming", "wrong") is None
        assert accounts.authenticate(store, "nobody", "secret-pass") is None
        accounts.add_user(store, "li.ming", "admin", "another-pass")  # reset: new role and password
        assert accounts.authenticate(store, "li.ming", "another-pass").role == "admin"


def test_sessions_store_only_a_digest(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        user = accounts.add_user(store, "wang", "viewer", "secret-pass")
        token, session = accounts.open_session(store, user)
        assert store.con.execute("SELECT count(*) FROM sessions WHERE token_hash = ?", [token]).fetchone() == (0,)
        assert accounts.session_for(store, token) == session
        accounts.close_session(store, token)
        assert accounts.session_for(store, token) is None


@pytest.mark.parametrize(("name", "role", "password"), [("x", "viewer", "long-enough"), ("ok", "boss", "long-enough"),
                                                         ("ok", "viewer", "short"), ("a b", "viewer", "long-enough")])
def test_bad_accounts_refused(tmp_path: Path, name: str, role: str, password: str) -> None:
    with Store(tmp_path / "s.duckdb") as store, pytest.raises(UsageError):
        accounts.add_user(store, name, role, password)
