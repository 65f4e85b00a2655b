"""The web application under a bounded loopback load: 50 concurrent clients of one session each
upload a document and view one, and no request gets an error (bench/web_bench.py --clients 50 measures p95).

Only 127.0.0.1 is ever addressed; every loop is bounded by count; the server is stopped at the end.
"""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import EXAMPLES
from yusuan.store import Store
from yusuan.store.ingest import SerialBackend, ingest_paths

pytestmark = pytest.mark.slow
CLIENTS = 50
PASSWORD = "load-test-password"
SEED = EXAMPLES / "000_87792da19c622395.txt"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path):
    from yusuan.store import accounts

    db = tmp_path / "web.duckdb"
    with Store(db) as store:
        ingest_paths(store, [SEED], SerialBackend())
        accounts.add_user(store, "load", "reviewer", PASSWORD)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-c", "from yusuan.cli.app import run; run()", "serve", "--db", str(db),
                             "--host", "127.0.0.1", "--port", str(port), "--insecure-cookies"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/api/rules", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


async def _session(base: str) -> tuple[httpx.Cookies, str]:
    """One login (argon2 costs ~0.1 s a try: the clients share the session, not the CPU of 50 logins)."""
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        await client.get("/login")
        r = await client.post("/api/login", json={"name": "load", "password": PASSWORD},
                              headers={"X-CSRF-Token": client.cookies["yusuan_csrf"]})
        r.raise_for_status()
        return client.cookies, str(r.json()["csrf_token"])


async def _client(base: str, n: int, doc: str, cookies: httpx.Cookies, token: str) -> list[tuple[str, int]]:
    """One client on its own connection: upload a new variant of the seed, view the stored document."""
    out = []
    async with httpx.AsyncClient(base_url=base, timeout=300, cookies=cookies) as client:
        data = SEED.read_bytes() + f"\n（负载测试副本 {n}）\n".encode()
        r = await client.post("/api/documents", files={"files": (f"load-{n}.txt", data, "text/plain")},
                              headers={"X-CSRF-Token": token})
        out.append(("upload", r.status_code))
        r = await client.get(f"/documents/{doc}")
        out.append(("view", r.status_code))
    return out


def test_fifty_clients_upload_and_view_without_an_error(server: str) -> None:
    doc = httpx.get(server + "/api/documents").json()[0]["id"][:16]

    async def run() -> list[tuple[str, int]]:
        cookies, token = await _session(server)
        results = await asyncio.gather(*(_client(server, n, doc, cookies, token) for n in range(CLIENTS)))
        return [r for client in results for r in client]

    results = asyncio.run(run())
    assert len(results) == 2 * CLIENTS
    errors = [(what, code) for what, code in results if code >= 400]
    assert not errors, errors
