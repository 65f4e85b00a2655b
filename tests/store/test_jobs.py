"""Upload jobs: created, started, finished; a restart fails the unfinished ones."""

from __future__ import annotations

from pathlib import Path

from yusuan.store import Store, jobs


def test_job_lifecycle_and_restart(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        a = jobs.create(store, batch_id="b1", file_name="a.pdf", size=10, fmt="pdf", doc_id="d" * 64, user="rita")
        b = jobs.create(store, batch_id="b1", file_name="b.pdf", size=10, fmt="pdf", doc_id="e" * 64, user="rita")
        jobs.start(store, a)
        jobs.finish(store, a, "failed", "坏文件")
        assert jobs.get(store, a)["status_label"] == "失败" and jobs.get(store, a)["finished"]
        assert [j["job_id"] for j in jobs.batch(store, "b1")] == [a, b]
        assert jobs.abandon_unfinished(store) == 1
        assert "服务重启" in jobs.get(store, b)["error"]
        assert jobs.get(store, "nope") is None
