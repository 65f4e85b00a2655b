"""Re-checking and deleting a stored document: roles, decisions carried over, the audit log kept."""

from __future__ import annotations

from tests.web.conftest import doc_id, login

TEXT = "002_df00543b5fb556ea.txt"


def test_recheck_keeps_decisions_on_the_same_findings(client) -> None:
    token = login(client, "rita")
    doc = doc_id(client, TEXT)
    findings = client.get(f"/api/documents/{doc}/findings").json()
    client.post(f"/api/findings/{findings[0]['id']}/review", json={"decision": "dismissed", "reason": "尾差可接受"},
                headers={"X-CSRF-Token": token})
    r = client.post(f"/documents/{doc[:16]}/recheck", data={"csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/jobs/")
    assert client.app.state.runner.wait(60)
    job = client.get("/api/jobs/" + r.headers["location"].rsplit("/", 1)[1]).json()
    assert job["status"] == "done" and job["document_id"] == doc
    after = client.get(f"/api/documents/{doc}/findings").json()
    assert [(f["rule"], f["message"]) for f in after] == [(f["rule"], f["message"]) for f in findings]
    assert after[0]["decision"]["reason"] == "尾差可接受"
    assert "重新核对" in client.get(f"/documents/{doc[:16]}").text


def test_only_reviewers_recheck_and_only_admins_delete(client) -> None:
    doc = doc_id(client, TEXT)
    token = login(client, "victor")
    assert client.post(f"/documents/{doc[:16]}/recheck", data={"csrf_token": token}).status_code == 403
    token = login(client, "rita")
    r = client.post(f"/documents/{doc[:16]}/delete", data={"csrf_token": token})
    assert r.status_code == 403 and "无权删除文件" in r.text
    token = login(client, "admin")
    assert client.post(f"/documents/{doc[:16]}/delete", data={"csrf_token": token}, follow_redirects=False).status_code == 303
    assert doc not in {d["id"] for d in client.get("/api/documents").json()}
    assert client.get(f"/documents/{doc[:16]}").status_code == 404
    logged = client.app.state.store.con.execute(
        "SELECT user_name FROM audit_log WHERE action = 'document.delete' AND doc_id = ?", [doc]).fetchall()
    assert logged == [("admin",)]
