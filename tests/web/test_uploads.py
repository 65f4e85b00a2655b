"""Uploads end to end in-process: background reading in a worker process, dedupe, sniffing, limits."""

from __future__ import annotations

from tests.conftest import EXAMPLES
from tests.web.conftest import anon_csrf, login, make_client

SEED = (EXAMPLES / "000_87792da19c622395.txt").read_bytes()


def _upload(client, files, token, **params):
    return client.post("/api/documents", params=params, files=[("files", f) for f in files],
                       headers={"X-CSRF-Token": token})


def test_upload_reads_in_background_then_dedupes(db) -> None:
    with make_client(db) as client:
        token = login(client, "rita")
        variant = SEED + b"\n"  # new content, same document
        r = _upload(client, [("新文件.pdf", variant, "application/pdf")], token, wait="true")
        assert r.status_code == 200, r.text
        job = r.json()["jobs"][0]
        assert job["status"] == "done" and job["department"] and job["year"] == 2025 and job["kind"] == "预算"
        assert client.get(f"/api/jobs/{job['id']}").json()["status"] == "done"
        page = client.get(f"/jobs/{job['id']}").text
        assert "请确认读出的文件信息" in page and job["department"] in page
        again = _upload(client, [("again.txt", variant, "text/plain")], token, wait="true").json()["jobs"][0]
        assert again["status"] == "duplicate" and again["document_id"] == job["document_id"]
        stored = client.get("/api/documents").json()
        assert sum(d["id"] == job["document_id"] for d in stored) == 1


def test_upload_refuses_what_is_not_a_disclosure(db) -> None:
    with make_client(db) as client:
        token = login(client, "rita")
        r = _upload(client, [("x.pdf", b"\x00\x01binary\xff" * 100, "application/pdf")], token, wait="true")
        assert r.status_code == 415 and "x.pdf：无法识别的文件内容" in r.json()["error"]["message"]
        r = _upload(client, [("x.pdf", b"\x00binary" * 9, "a/b"), ("ok.txt", SEED + b"\n\n", "text/plain")], token)
        jobs = r.json()["jobs"]
        assert jobs[0]["status"] == "failed" and "无法识别" in jobs[0]["error"]
        assert jobs[1]["status"] in ("queued", "running")
        r = _upload(client, [("note.txt", "会议纪要：明天开会。\n".encode() * 20, "text/plain")], token, wait="true")
        assert r.status_code == 422 and r.json()["error"]["code"] == "unreadable"
        assert r.json()["error"]["message"].startswith("note.txt: ")


def test_upload_size_bound(db) -> None:
    with make_client(db, max_upload_mb=1) as client:
        token = login(client, "rita")
        r = _upload(client, [("big.txt", SEED * 40, "text/plain")], token)
        assert r.status_code == 413 and "1 MB" in r.json()["error"]["message"]
        r = client.post("/api/documents", content=b"x" * (52 << 20),
                        headers={"X-CSRF-Token": token, "Content-Type": "multipart/form-data; boundary=b"})
        assert r.status_code == 413


def test_viewer_and_anonymous_cannot_upload(client) -> None:
    r = _upload(client, [("a.txt", SEED, "text/plain")], anon_csrf(client))
    assert r.status_code == 401
    token = login(client, "victor")
    r = _upload(client, [("a.txt", SEED, "text/plain")], token)
    assert r.status_code == 403 and "无权上传" in r.json()["error"]["message"]
    assert "无权上传文件" in client.get("/upload").text


def test_form_without_csrf_is_refused(client) -> None:
    login(client, "rita")
    r = client.post("/upload", files=[("files", ("a.txt", SEED, "text/plain"))])
    assert r.status_code == 403 and "CSRF" in r.text


def test_a_read_past_the_time_limit_fails_its_job_and_the_next_upload_works(db) -> None:
    from tests.conftest import ROOT

    scan = (ROOT / "tests" / "data" / "004_307b00c8d6f72425.scan.pdf").read_bytes()  # OCR: far more than 3 s
    with make_client(db, read_timeout=3) as client:
        token = login(client, "rita")
        warm = _upload(client, [("warm.txt", SEED + b"\n\n\n", "text/plain")], token, wait="true").json()["jobs"][0]
        assert warm["status"] == "done"  # the reader process is up
        slow = _upload(client, [("scan.pdf", scan, "application/pdf")], token, wait="true")
        assert slow.status_code == 422 and "超过 3 秒" in slow.json()["error"]["message"]
        after = _upload(client, [("after.txt", SEED + b"\n\n\n\n", "text/plain")], token, wait="true")
        assert after.json()["jobs"][0]["status"] == "done"
