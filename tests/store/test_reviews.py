"""Review decisions are rows, an undo marks the latest undone, and the audit log keeps every step."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.store.conftest import make_disclosure
from yusuan.check import run_checks
from yusuan.errors import UsageError
from yusuan.store import Store, reviews
from yusuan.store.rows import to_rows


def _store(tmp_path: Path) -> tuple[Store, str]:
    d = make_disclosure()
    d.tables[0].items[0].values["total"] = d.tables[0].items[1].values["total"]  # a wrong total: findings
    rows = to_rows(d, run_checks(d), doc_id="c" * 64, file_name="t.txt", path="t.txt", size=1)
    store = Store(tmp_path / "s.duckdb")
    store.write(rows)
    return store, "c" * 64


def test_decide_undo_and_state(tmp_path: Path) -> None:
    store, doc = _store(tmp_path)
    total = store.con.execute("SELECT count(*) FROM findings").fetchone()[0]
    assert total >= 1 and reviews.review_states(store)[doc] == "unreviewed"
    reviews.decide(store, doc, 0, "confirmed", "", "rita")
    assert reviews.decisions(store, doc)[0]["decision"] == "confirmed"
    assert reviews.review_states(store)[doc] == ("reviewed" if total == 1 else "in_review")
    reviews.decide(store, doc, 0, "dismissed", "读取所致", "li")
    assert reviews.decisions(store, doc)[0]["user"] == "li"
    assert reviews.undo(store, doc, 0, "li")
    assert reviews.decisions(store, doc)[0]["decision"] == "confirmed"  # back to the one before
    assert reviews.undo(store, doc, 0, "li") and not reviews.undo(store, doc, 0, "li")
    actions = [e["action"] for e in reviews.history(store, doc)]
    assert actions == ["review.undo", "review.undo", "review.dismissed", "review.confirmed"]
    store.close()


def test_bad_decisions(tmp_path: Path) -> None:
    store, doc = _store(tmp_path)
    with pytest.raises(UsageError):
        reviews.decide(store, doc, 0, "dismissed", "  ", "rita")
    with pytest.raises(UsageError):
        reviews.decide(store, doc, 0, "maybe", "x", "rita")
    with pytest.raises(LookupError):
        reviews.decide(store, doc, 999, "confirmed", "", "rita")
    store.close()


def test_state_of() -> None:
    assert [reviews.state_of(3, n) for n in (0, 1, 3)] == ["unreviewed", "in_review", "reviewed"]
