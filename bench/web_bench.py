"""Latency of the web application under a bounded loopback load: the document page, and uploading a seed.

    .venv/bin/python bench/web_bench.py [--clients 20] [--seconds 30] [--workers 1]

Starts ``yusuan serve`` (one uvicorn process) on 127.0.0.1 over a fresh store holding the four
examples and the 002 PDF, then:
1. document page: ``--clients`` concurrent clients GET /documents/{id} of the PDF (its findings,
   25 tables, page viewer) for ``--seconds``;
2. upload, accepted: the same number of clients POST a new variant of seed 000 (a changed line, so
   a new content hash) to /api/documents for ``--seconds`` — the time until the job is queued;
3. upload, stored: one client uploads ``--sequential`` variants one after another with
   ``?wait=true`` — the time until the document is read, checked and stored.
The server runs with ``--insecure-cookies`` (httpx, unlike a browser, sends no Secure cookie to
http://127.0.0.1). Every request goes to loopback only, every loop is bounded by count and time, and the server is
stopped at the end. Prints a Markdown table for bench/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from yusuan.store import Store, accounts  # noqa: E402
from yusuan.store.ingest import SerialBackend, ingest_paths  # noqa: E402

SEED = ROOT / "examples" / "000_87792da19c622395.txt"
PDF = ROOT / "tests" / "data" / "002_df00543b5fb556ea.pdf"
PASSWORD = "bench-password"
MAX_REQUESTS = 100_000  # a hard bound on any loop, whatever the time


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _store(folder: Path) -> Path:
    db = folder / "bench.duckdb"
    with Store(db) as store:
        ingest_paths(store, [*sorted((ROOT / "examples").glob("*.txt")), PDF], SerialBackend())
        accounts.add_user(store, "bench", "reviewer", PASSWORD)
    return db


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000


def _row(name: str, times: list[float], errors: int, seconds: float) -> str:
    if not times:
        return f"| {name} | 0 | — | — | — | {errors} |"
    return (f"| {name} | {len(times)} | {len(times) / seconds:.1f} | {_pct(times, 0.5):.0f} | {_pct(times, 0.95):.0f} | "
            f"{errors} |")


async def _login(client: httpx.AsyncClient) -> str:
    await client.get("/login")
    r = await client.post("/api/login", json={"name": "bench", "password": PASSWORD},
                          headers={"X-CSRF-Token": client.cookies["yusuan_csrf"]})
    r.raise_for_status()
    return str(r.json()["csrf_token"])


async def _load(base: str, clients: int, seconds: float, request) -> tuple[list[float], int]:  # type: ignore[no-untyped-def]
    times: list[float] = []
    errors = 0
    deadline = time.monotonic() + seconds

    async def one(n: int) -> None:
        nonlocal errors
        async with httpx.AsyncClient(base_url=base, timeout=120) as client:
            token = await _login(client)
            i = 0
            while time.monotonic() < deadline and len(times) < MAX_REQUESTS:
                start = time.perf_counter()
                r = await request(client, token, n, i)
                if r.status_code < 400:
                    times.append(time.perf_counter() - start)
                else:
                    errors += 1
                i += 1

    await asyncio.gather(*(one(n) for n in range(clients)))
    return times, errors


def _variant(n: int, i: int) -> bytes:
    return SEED.read_bytes() + f"\n（基准测试副本 {n}-{i}-{time.time_ns()}）\n".encode()


async def _run(base: str, doc: str, args: argparse.Namespace) -> list[str]:
    async def page(client, token, n, i):  # type: ignore[no-untyped-def]
        return await client.get(f"/documents/{doc}")

    async def upload(client, token, n, i, wait=False):  # type: ignore[no-untyped-def]
        files = {"files": (f"bench-{n}-{i}.txt", _variant(n, i), "text/plain")}
        return await client.post("/api/documents", params={"wait": "true"} if wait else None, files=files,
                                 headers={"X-CSRF-Token": token})

    rows = []
    times, errors = await _load(base, args.clients, args.seconds, page)
    rows.append(_row(f"document page (PDF, 25 tables), {args.clients} clients × {args.seconds:.0f} s", times, errors,
                     args.seconds))
    times, errors = await _load(base, args.clients, args.seconds, upload)
    rows.append(_row(f"upload seed 000, accepted (job queued), {args.clients} clients × {args.seconds:.0f} s", times,
                     errors, args.seconds))
    async with httpx.AsyncClient(base_url=base, timeout=600) as client:
        token = await _login(client)
        for _ in range(1200):  # let the uploads above be read first (at most 10 minutes)
            jobs = (await client.get("/api/jobs", params={"limit": 500})).json()
            if not any(j["status"] in ("queued", "running") for j in jobs):
                break
            await asyncio.sleep(0.5)
        start, stored = time.perf_counter(), []
        for i in range(args.sequential):
            t0 = time.perf_counter()
            r = await upload(client, token, 999, i, wait=True)
            if r.status_code == 200 and r.json()["jobs"][0]["status"] == "done":
                stored.append(time.perf_counter() - t0)
        rows.append(_row(f"upload seed 000, stored (read + checked + written, `wait=true`), 1 client × "
                         f"{args.sequential}", stored, args.sequential - len(stored), time.perf_counter() - start))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--sequential", type=int, default=10)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="yusuan-web-bench-"))
    server = None
    try:
        db, port = _store(folder), _port()
        server = subprocess.Popen(
            [sys.executable, "-c", "from yusuan.cli.app import run; run()", "serve", "--db", str(db), "--host",
             "127.0.0.1", "--port", str(port), "--workers", str(args.workers), "--insecure-cookies"], cwd=ROOT)
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                httpx.get(base + "/api/rules", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        doc = next(d["id"][:16] for d in httpx.get(base + "/api/documents").json() if d["file_name"] == PDF.name)
        rows = asyncio.run(_run(base, doc, args))
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
    print("| what | requests | per s | p50 ms | p95 ms | errors |")
    print("|---|---|---|---|---|---|")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
