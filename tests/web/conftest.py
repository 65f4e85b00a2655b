"""Web test fixtures: a store holding the bundled examples and one account per role, and an app over a
fresh copy of it for each test (served in-process through httpx, HTTPS so Secure cookies flow)."""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT
from yusuan.store import Store, accounts
from yusuan.store.ingest import SerialBackend, ingest_paths

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from yusuan.web import Settings, create_app  # noqa: E402

PASSWORD = "correct-horse-9"
USERS = {"admin": "admin", "rita": "reviewer", "victor": "viewer"}
PDF_NAME = "002_df00543b5fb556ea.pdf"
SEED_PDF = ROOT / "tests" / "data" / PDF_NAME


@pytest.fixture(scope="session")
def base_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The four examples (text) and the 002 PDF, read once per session, with three accounts."""
    db = tmp_path_factory.mktemp("web") / "base.duckdb"
    with Store(db) as store:
        report = ingest_paths(store, [*sorted(EXAMPLES.glob("*.txt")), SEED_PDF], SerialBackend())
        assert not report.failed, report.failed
        for name, role in USERS.items():
            accounts.add_user(store, name, role, PASSWORD)
    return db


@pytest.fixture
def db(base_store: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "s.duckdb"
    shutil.copy(base_store, copy)
    return copy


def make_client(db: Path, **settings: object) -> TestClient:
    app = create_app(Settings(db=db, base_dir=ROOT, **settings))  # type: ignore[arg-type]
    return TestClient(app, base_url="https://testserver")


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    with make_client(db) as c:
        yield c


def login(client: TestClient, name: str) -> str:
    """Sign ``name`` in through the API (anyone signed in before is forgotten); returns the session's CSRF token."""
    client.cookies.delete("yusuan_session")
    r = client.post("/api/login", json={"name": name, "password": PASSWORD},
                    headers={"X-CSRF-Token": anon_csrf(client)})
    assert r.status_code == 200, r.text
    return r.json()["csrf_token"]


def anon_csrf(client: TestClient) -> str:
    """The anonymous CSRF token (the cookie the first page view sets)."""
    if "yusuan_csrf" not in client.cookies:
        client.get("/login")
    return client.cookies["yusuan_csrf"]


def doc_id(client: TestClient, file_name: str) -> str:
    return next(d["id"] for d in client.get("/api/documents").json() if d["file_name"] == file_name)
