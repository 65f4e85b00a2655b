"""Scale-out: read + check on a Dask LocalCluster, written through the one writer."""

from __future__ import annotations

from pathlib import Path

import pytest
from dask.distributed import Client, LocalCluster

from yusuan.store import Store
from yusuan.store.ingest import DaskBackend, ingest_paths


@pytest.fixture(scope="module")
def client():
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0")
    with Client(cluster) as c:
        yield c
    cluster.close()


@pytest.mark.parametrize("send_bytes", [False, True])
def test_dask_ingest(client: Client, tmp_path: Path, examples_copy: Path, send_bytes: bool) -> None:
    (examples_copy / "broken.txt").write_bytes(b"\x00" * 64)
    with Store(tmp_path / "s.duckdb") as store:
        report = ingest_paths(store, [examples_copy], DaskBackend(client, send_bytes=send_bytes))
        again = ingest_paths(store, [examples_copy], DaskBackend(client, send_bytes=send_bytes))
        names = sorted(r[0] for r in store.con.execute("SELECT file_name FROM documents").fetchall())
    assert report.ingested == 4 and [Path(f).name for f, _ in report.failed] == ["broken.txt"]
    assert again.ingested == 0 and again.skipped == 4
    assert names == sorted(p.name for p in examples_copy.glob("0*.txt"))
