"""``yusuan ingest --as-one``: store several files (表格 + 情况说明) as ONE document.

Why a path of its own: the parallel ingest hands one file to each reader; a disclosure printed as
several files must be read together, so it is read here, in this process. Its id is the sha256 of
its files' ids in the order given, so the same files are recognised as already stored.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from yusuan.errors import YusuanError
from yusuan.store.db import Store
from yusuan.store.ingest import IngestReport
from yusuan.store.worker import content_hash, document_rows, run_checks_guarded


def ingest_as_one(store: Store, paths: Sequence[str | Path]) -> IngestReport:
    """Read ``paths`` as one disclosure (a single folder: the files of its manifest), check and store it."""
    from yusuan.pipeline import members, read

    start = time.perf_counter()
    report = IngestReport()
    given = [Path(p) for p in paths]
    name = " + ".join(p.name for p in given)
    try:
        files = members(given[0]) if len(given) == 1 and given[0].is_dir() else given
        d = read(files)
        doc_id = content_hash("".join(content_hash(f.read_bytes()) for f in files).encode())
        rows = document_rows(
            d, run_checks_guarded(d), doc_id=doc_id, path=d.source, size=sum(f.stat().st_size for f in files)
        )
        rows.freeze()
    except (YusuanError, OSError) as err:
        report.failed.append((name, str(err)))
        report.seconds = time.perf_counter() - start
        return report
    if store.write_many([rows])[0]:
        report.ingested = 1
        report.findings.update(rows.severities)
    else:
        report.skipped = 1
    report.seconds = time.perf_counter() - start
    return report
