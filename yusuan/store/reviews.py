"""Review decisions (审核) on findings and the audit log (审计记录) of who did what when (schema v4).

Why rows never change: a decision is a new row, an undo marks the latest one undone, so the
history of every finding stays in ``reviews`` and every action in ``audit_log``. A finding is
named by ``(doc_id, finding_no)``, its place in the document's findings.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import duckdb

from yusuan.errors import UsageError
from yusuan.store.db import Store

DECISIONS = {"confirmed": "确认", "dismissed": "驳回"}
STATES = {"unreviewed": "未审", "in_review": "审核中", "reviewed": "已审"}
ACTIONS = {
    "review.confirmed": "确认问题", "review.dismissed": "驳回问题", "review.undo": "撤销审核",
    "upload": "上传文件", "document.correct": "更正文件信息", "document.confirm": "确认文件信息",
    "login": "登录", "login.failed": "登录失败", "logout": "退出",
    "document.recheck": "重新核对", "document.delete": "删除文件",
}


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def log(store: Store, user: str | None, action: str, doc_id: str | None = None, finding_no: int | None = None,
        **detail: Any) -> None:
    """Append one entry to the audit log."""
    store.con.execute(
        "INSERT INTO audit_log (logged_at, user_name, action, doc_id, finding_no, detail) VALUES (?, ?, ?, ?, ?, ?)",
        [_now(), user, action, doc_id, finding_no, json.dumps(detail, ensure_ascii=False, default=str)],
    )


def _finding_exists(store: Store, doc_id: str, finding_no: int) -> bool:
    row = store.con.execute("SELECT 1 FROM findings WHERE doc_id = ? AND finding_no = ?", [doc_id, finding_no]).fetchone()
    return row is not None


def decide(store: Store, doc_id: str, finding_no: int, decision: str, reason: str, user: str) -> None:
    """Record ``user``'s decision on one finding (a reason is required to dismiss)."""
    if decision not in DECISIONS:
        raise UsageError(f"审核结论 {decision!r} 无效，应为 confirmed（确认）或 dismissed（驳回）")
    reason = reason.strip()
    if decision == "dismissed" and not reason:
        raise UsageError("驳回问题须填写理由")
    if len(reason) > 2000:
        raise UsageError("理由不得超过 2000 字")
    if not _finding_exists(store, doc_id, finding_no):
        raise LookupError(f"文件 {doc_id[:12]} 没有第 {finding_no} 号问题")
    store.con.execute("BEGIN TRANSACTION")
    store.con.execute(
        "INSERT INTO reviews (doc_id, finding_no, decision, reason, user_name, decided_at) VALUES (?, ?, ?, ?, ?, ?)",
        [doc_id, finding_no, decision, reason, user, _now()],
    )
    log(store, user, f"review.{decision}", doc_id, finding_no, reason=reason)
    store.con.execute("COMMIT")


def undo(store: Store, doc_id: str, finding_no: int, user: str) -> bool:
    """Undo the latest standing decision on one finding; False when there is none."""
    store.con.execute("BEGIN TRANSACTION")
    row = store.con.execute(
        "UPDATE reviews SET undone_at = ?, undone_by = ? WHERE review_id = (SELECT max(review_id) FROM reviews "
        "WHERE doc_id = ? AND finding_no = ? AND undone_at IS NULL) RETURNING decision",
        [_now(), user, doc_id, finding_no],
    ).fetchone()
    if row is not None:
        log(store, user, "review.undo", doc_id, finding_no, undone=row[0])
    store.con.execute("COMMIT")
    return row is not None


_CURRENT = """
SELECT doc_id, finding_no, decision, reason, user_name, decided_at FROM reviews r
WHERE undone_at IS NULL AND review_id = (SELECT max(review_id) FROM reviews x
      WHERE x.doc_id = r.doc_id AND x.finding_no = r.finding_no AND x.undone_at IS NULL)
"""


def decisions(store: Store, doc_id: str) -> dict[int, dict[str, Any]]:
    """finding_no → the standing decision (decision, label, reason, user, at) for one document."""
    rows = store.con.execute(_CURRENT + " AND doc_id = ?", [doc_id]).fetchall()
    return {
        no: {"decision": dec, "label": DECISIONS[dec], "reason": reason, "user": user, "at": at}
        for _, no, dec, reason, user, at in rows
    }


def review_states(store: Store) -> dict[str, str]:
    """doc_id → review state key (unreviewed / in_review / reviewed) for every stored document."""
    rows = store.con.execute(
        f"""SELECT d.doc_id, count(f.finding_no), count(c.finding_no) FROM documents d
            LEFT JOIN findings f USING (doc_id)
            LEFT JOIN ({_CURRENT}) c ON c.doc_id = f.doc_id AND c.finding_no = f.finding_no
            GROUP BY d.doc_id"""
    ).fetchall()
    return {doc_id: state_of(total, decided) for doc_id, total, decided in rows}


def state_of(total: int, decided: int) -> str:
    """未审 before any decision, 已审 when every finding has one, 审核中 between."""
    if decided == 0:
        return "unreviewed"
    return "reviewed" if decided >= total else "in_review"


def history(store: Store, doc_id: str, limit: int = 200) -> list[dict[str, Any]]:
    """The audit log of one document, newest first."""
    rows = store.con.execute(
        "SELECT logged_at, user_name, action, finding_no, detail FROM audit_log WHERE doc_id = ? "
        "ORDER BY entry_id DESC LIMIT ?", [doc_id, limit]).fetchall()
    return [
        {"at": at, "user": user, "action": action, "label": ACTIONS.get(action, action), "finding_no": no,
         "detail": json.loads(detail or "{}")}
        for at, user, action, no, detail in rows
    ]


def carry_over(con: duckdb.DuckDBPyConnection, doc_id: str, old: dict[int, tuple[str, str]], user: str) -> int:
    """After a re-check, move each decision to the new finding with the same rule and message; a decision
    whose finding is gone is marked undone by ``user``. ``old`` is finding_no → (rule, message) before.
    Returns how many decisions were carried over."""
    new = {(rule, message): no for no, rule, message in con.execute(
        "SELECT finding_no, rule, message FROM findings WHERE doc_id = ?", [doc_id]).fetchall()}
    carried = 0
    for review_id, no, undone in con.execute(
            "SELECT review_id, finding_no, undone_at FROM reviews WHERE doc_id = ?", [doc_id]).fetchall():
        target = new.get(old.get(no, ("", "")))
        if target is None and undone is None:
            con.execute("UPDATE reviews SET undone_at = ?, undone_by = ? WHERE review_id = ?",
                        [_now(), f"{user}（重新核对后问题不再出现）", review_id])
        elif target is not None:
            con.execute("UPDATE reviews SET finding_no = ? WHERE review_id = ?", [target, review_id])
            carried += undone is None
    return carried


def forget(store: Store, doc_id: str) -> None:
    """Remove a deleted document's decisions (the audit log keeps what was done)."""
    store.con.execute("DELETE FROM reviews WHERE doc_id = ?", [doc_id])
