"""The REST API in-process: OpenAPI validates, one error shape, documents, findings, review, compare."""

from __future__ import annotations

from decimal import Decimal

from openapi_spec_validator import validate

from tests.web.conftest import anon_csrf, doc_id, login

PDF = "002_df00543b5fb556ea.pdf"


def test_openapi_document_validates(client) -> None:
    spec = client.get("/openapi.json").json()
    validate(spec)
    paths = set(spec["paths"])
    assert {"/api/documents", "/api/jobs/{job_id}", "/api/documents/{ref}", "/api/documents/{ref}/findings",
            "/api/findings/{finding_id}/review", "/api/compare"} <= paths
    assert client.get("/docs").status_code == 200


def test_documents_list_and_detail(client) -> None:
    docs = client.get("/api/documents").json()
    assert len(docs) == 5 and all(len(d["id"]) == 64 for d in docs)
    d = next(d for d in docs if d["file_name"] == PDF)
    assert d["review_state"] == "unreviewed" and d["coverage"].endswith("/6") and d["findings"]["error"] >= 1
    detail = client.get(f"/api/documents/{d['id'][:12]}").json()
    assert detail["department"] == d["department"] and detail["summary"]["money_unit"] == "万元"
    assert isinstance(detail["summary"]["expenditure"]["current_year_total"], str)  # exact decimal string


def test_findings_carry_locations_with_boxes(client) -> None:
    findings = client.get(f"/api/documents/{doc_id(client, PDF)}/findings").json()
    assert findings and all(f["id"].count("-") == 1 for f in findings)
    boxed = [loc for f in findings for loc in f["locations"] if loc["bbox"]]
    assert boxed and all(len(loc["bbox"]) == 4 and loc["page"] for loc in boxed)


def test_errors_have_one_shape(client) -> None:
    for method, url, status in (("get", "/api/documents/ffff0000", 404), ("get", "/api/jobs/nope", 404),
                                ("get", "/api/documents/not-hex", 404), ("get", "/api/compare?a=1", 422),
                                ("post", "/api/findings/abc-1/review", 403)):
        r = getattr(client, method)(url)
        assert r.status_code == status, (url, r.text)
        body = r.json()
        assert set(body) == {"error"} and body["error"]["status"] == status
        assert body["error"]["code"] and body["error"]["message"]


def test_review_needs_login_and_csrf(client) -> None:
    fid = client.get(f"/api/documents/{doc_id(client, PDF)}/findings").json()[0]["id"]
    r = client.post(f"/api/findings/{fid}/review", json={"decision": "confirmed"},
                    headers={"X-CSRF-Token": anon_csrf(client)})
    assert r.status_code == 401 and r.json()["error"]["code"] == "login_required"
    login(client, "victor")
    r = client.post(f"/api/findings/{fid}/review", json={"decision": "confirmed"})
    assert r.status_code == 403  # no CSRF token
    assert "CSRF" in r.json()["error"]["message"]


def test_viewer_cannot_review(client) -> None:
    token = login(client, "victor")
    fid = client.get(f"/api/documents/{doc_id(client, PDF)}/findings").json()[0]["id"]
    r = client.post(f"/api/findings/{fid}/review", json={"decision": "confirmed"}, headers={"X-CSRF-Token": token})
    assert r.status_code == 403 and "无权" in r.json()["error"]["message"]


def test_review_confirm_dismiss_undo_and_state(client) -> None:
    token = login(client, "rita")
    doc = doc_id(client, PDF)
    findings = client.get(f"/api/documents/{doc}/findings").json()
    first, second = findings[0]["id"], findings[1]["id"]
    h = {"X-CSRF-Token": token}
    r = client.post(f"/api/findings/{first}/review", json={"decision": "dismissed"}, headers=h)
    assert r.status_code == 400 and "理由" in r.json()["error"]["message"]
    r = client.post(f"/api/findings/{first}/review", json={"decision": "confirmed", "reason": "已核实"}, headers=h)
    assert r.json()["decision"]["decision"] == "confirmed" and r.json()["decision"]["user"] == "rita"
    client.post(f"/api/findings/{second}/review", json={"decision": "dismissed", "reason": "读取所致"}, headers=h)
    state = next(d for d in client.get("/api/documents").json() if d["id"] == doc)["review_state"]
    assert state == "in_review"
    r = client.post(f"/api/findings/{second}/review", json={"decision": "undo"}, headers=h)
    assert r.json()["decision"] is None
    r = client.post(f"/api/findings/{second}/review", json={"decision": "undo"}, headers=h)
    assert r.status_code == 409
    page = client.get(f"/documents/{doc[:16]}").text
    assert "撤销审核" in page and "rita" in page and "读取所致" in page  # the audit log keeps the undone reason


def test_compare_matches_store_compare(client) -> None:
    docs = {d["file_name"]: d["id"] for d in client.get("/api/documents").json()}
    a, b = docs["001_f756e9a8bddbf743.txt"], docs["000_87792da19c622395.txt"]
    data = client.get(f"/api/compare?a={a[:10]}&b={b[:10]}").json()
    assert data["a"]["doc_id"] == a and data["b"]["doc_id"] == b
    row = next(r for r in data["basic_project"] if r["key"] == "total")
    assert Decimal(row["change"]) == Decimal(row["b"]) - Decimal(row["a"])
