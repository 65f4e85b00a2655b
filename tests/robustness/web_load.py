"""A bounded loopback load on ``yusuan serve``: concurrent clients of one session upload a document
and view one, each request timed. Shared by tests/robustness/test_web_load.py (one round, no
error allowed) and bench/robustness_bench.py (more rounds, p50/p95).

Only 127.0.0.1 is ever addressed; every loop is bounded by count; the server is stopped at the end.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from yusuan.store import Store
from yusuan.store.ingest import SerialBackend, ingest_paths

PASSWORD = "load-test-password"
SEED = Path(__file__).resolve().parents[2] / "examples" / "000_87792da19c622395.txt"
Result = tuple[str, int, float]  # (what, HTTP status, seconds)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serving(folder: Path) -> Iterator[str]:
    """``yusuan serve`` on a fresh store holding the seed and one reviewer; yields the base URL."""
    from yusuan.store import accounts

    db = folder / "web.duckdb"
    with Store(db) as store:
        ingest_paths(store, [SEED], SerialBackend())
        accounts.add_user(store, "load", "reviewer", PASSWORD)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-c", "from yusuan.cli.app import run; run()", "serve", "--db", str(db),
                             "--host", "127.0.0.1", "--port", str(port), "--insecure-cookies"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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
    """One login (argon2 costs ~0.1 s a try: the clients share the session, not 50 logins' CPU)."""
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        await client.get("/login")
        r = await client.post("/api/login", json={"name": "load", "password": PASSWORD},
                              headers={"X-CSRF-Token": client.cookies["yusuan_csrf"]})
        r.raise_for_status()
        return client.cookies, str(r.json()["csrf_token"])


async def _client(base: str, n: int, rounds: int, doc: str, cookies: httpx.Cookies, token: str) -> list[Result]:
    """One client on its own connection: per round, upload a new variant of the seed, view the document."""
    out: list[Result] = []
    async with httpx.AsyncClient(base_url=base, timeout=300, cookies=cookies) as client:
        for i in range(rounds):
            data = SEED.read_bytes() + f"\n（负载测试副本 {n}-{i}）\n".encode()
            start = time.perf_counter()
            r = await client.post("/api/documents", files={"files": (f"load-{n}-{i}.txt", data, "text/plain")},
                                  headers={"X-CSRF-Token": token})
            out.append(("upload", r.status_code, time.perf_counter() - start))
            start = time.perf_counter()
            r = await client.get(f"/documents/{doc}")
            out.append(("view", r.status_code, time.perf_counter() - start))
    return out


def run_load(base: str, clients: int, rounds: int) -> list[Result]:
    """Every request of ``clients`` concurrent clients doing ``rounds`` upload + view rounds."""
    doc = httpx.get(base + "/api/documents").json()[0]["id"][:16]

    async def run() -> list[Result]:
        cookies, token = await _session(base)
        results = await asyncio.gather(*(_client(base, n, rounds, doc, cookies, token) for n in range(clients)))
        return [r for client in results for r in client]

    return asyncio.run(run())
