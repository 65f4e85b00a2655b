"""The app over an old store: a v3 store (before the web tables) is migrated and served."""

from __future__ import annotations

from pathlib import Path

from tests.store.conftest import make_disclosure
from tests.store.legacy import old_store
from tests.web.conftest import make_client
from yusuan.store.rows import to_rows
from yusuan.store.schema import LATEST


def test_v3_store_is_migrated_and_served(tmp_path: Path) -> None:
    rows = to_rows(make_disclosure(), [], doc_id="ab" * 32, file_name="old.txt", path="old.txt", size=1)
    db = old_store(tmp_path / "v3.duckdb", 3, rows)
    with make_client(db) as client:
        assert client.app.state.store.version == LATEST
        assert "测试市财政局" in client.get("/").text
        page = client.get("/documents/abab")
        assert page.status_code == 200 and "支出预算总表" in page.text and "未保存情况说明的文字" in page.text
        assert client.get("/api/documents").json()[0]["review_state"] == "unreviewed"
