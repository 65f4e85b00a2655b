"""Ingestion: many files → read + check in parallel (process pool or Dask) → one writer → the store.

Why this shape: reading is CPU-bound Python, so it runs in other processes (or machines); DuckDB
takes one writer, so the calling process only hashes files (to skip stored content before any
work), and a writer thread stores returned documents as they arrive, those that finished
together in one transaction (group commit), each document whole.
"""

from __future__ import annotations

import glob
import os
import queue
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from yusuan.errors import NO_DOCUMENTS
from yusuan.store.db import Store
from yusuan.store.worker import Outcome, content_hash, process_bytes, process_file

GROUP_DOCUMENTS = 64
"""Write at most this many finished documents per transaction…"""
GROUP_SECONDS = 0.5
"""…and wait at most this long for more after the first (the writer is on its own thread); each
group waits twice as long as the one before, up to ``MAX_GROUP_SECONDS``.

Why groups grow: a transaction's inserts are written to the WAL and later checkpointed, but one
appending a whole row group to a table is written to the database file once — 10 documents a
group cost the writer 13 ms of CPU per document, 32 cost 7.5 and 80 cost 5.4 (bench/README.md,
"Ingest"). The first groups stay small, so a short run still shows progress at once."""
MAX_GROUP_SECONDS = 2.0
READER_DIED = "读取进程在读取此文件时退出（崩溃或内存不足） — the reader process died while reading it (crash or out of memory)"
SUFFIXES = frozenset({".txt", ".pdf", ".xlsx", ".xls", ".xlsm", ".png", ".jpg", ".jpeg", ".tif", ".tiff"})


@dataclass(frozen=True, slots=True)
class Task:
    """One file to read: the path to open, how to name it, its content hash."""

    path: str
    display: str
    doc_id: str


@dataclass(slots=True)
class IngestReport:
    """What an ingest run did (the CLI's final table)."""

    ingested: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    findings: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    read_seconds: float = 0.0
    read_cpu_seconds: float = 0.0

    @property
    def total(self) -> int:
        return self.ingested + self.skipped + len(self.failed)


ProgressFn = Callable[[str, str, str], None]
"""Called once per file with (event, file, detail): event ``ingested``, ``skipped`` or ``failed`` (detail: why)."""


def discover(args: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files named by ``args`` (files, directories searched recursively, globs) and the args matching none."""
    files: list[Path] = []
    missing: list[tuple[str, str]] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            files.append(p)

    for arg in args:
        p = Path(arg)
        if p.is_dir():
            found = [f for f in sorted(p.rglob("*")) if f.is_file() and f.suffix.lower() in SUFFIXES]
            if not found:
                missing.append((str(arg), NO_DOCUMENTS))
            for f in found:
                add(f)
        elif p.is_file():
            add(p)
        elif glob.has_magic(str(arg)):
            matches = sorted(Path(m) for m in glob.glob(str(arg), recursive=True) if Path(m).is_file())
            if not matches:
                missing.append((str(arg), "通配符没有匹配到任何文件 — the pattern matches no file"))
            for m in matches:
                add(m)
        else:
            missing.append((str(arg), "文件不存在（亦非目录） — no such file or directory"))
    return files, missing


class Backend(Protocol):
    """Runs tasks somewhere and yields their outcomes in groups: all those finished since the last group.

    The writer stores one group per transaction, so groups grow by themselves when it falls behind.
    """

    def run(self, tasks: Iterator[Task]) -> Iterator[list[Outcome]]: ...


class SerialBackend:
    """Read in this process (``--jobs 0``): no parallelism, simplest to debug."""

    def run(self, tasks: Iterator[Task]) -> Iterator[list[Outcome]]:
        for t in tasks:
            yield [process_file(t.path, t.doc_id, t.display)]


class PoolBackend:
    """A local process pool of ``jobs`` readers; at most ``4 × jobs`` files in flight.

    A reader process that dies (killed, out of memory, a crash in a native library) breaks the
    pool: the files then in flight are retried once in a new pool, and a file in flight at a
    second break is reported failed, so one poisonous file cannot stop the run.
    """

    def __init__(self, jobs: int | None = None) -> None:
        self.jobs = max(1, jobs or os.cpu_count() or 1)

    def _pool(self) -> Any:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["yusuan.store.worker", "yusuan.pipeline"])
        return ProcessPoolExecutor(max_workers=self.jobs, mp_context=ctx)

    def run(self, tasks: Iterator[Task]) -> Iterator[list[Outcome]]:
        from concurrent.futures import FIRST_COMPLETED, Future, wait
        from concurrent.futures.process import BrokenProcessPool

        pool = self._pool()
        pending: dict[Future[Outcome], Task] = {}
        tries: Counter[str] = Counter()
        retry: list[Task] = []
        source = iter(tasks)
        try:
            while True:
                while len(pending) < 4 * self.jobs:
                    task = retry.pop() if retry else next(source, None)
                    if task is None:
                        break
                    pending[pool.submit(process_file, task.path, task.doc_id, task.display)] = task
                if not pending:
                    return
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                group, broken = [], False
                for fut in done:
                    task = pending.pop(fut)
                    try:
                        group.append(fut.result())
                    except BrokenProcessPool:
                        broken = True
                        tries[task.doc_id] += 1
                        if tries[task.doc_id] >= 2:
                            group.append(Outcome(task.display, task.doc_id,
                                                 error=READER_DIED))
                        else:
                            retry.append(task)
                    except Exception as err:  # e.g. a result that cannot be pickled back
                        group.append(Outcome(task.display, task.doc_id, error=f"{type(err).__name__}: {err}"))
                if broken:  # every other file in flight is lost with the pool: count and retry them
                    for fut, task in pending.items():
                        fut.cancel()
                        tries[task.doc_id] += 1
                        if tries[task.doc_id] >= 2:
                            group.append(Outcome(task.display, task.doc_id,
                                                 error=READER_DIED))
                        else:
                            retry.append(task)
                    pending.clear()
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = self._pool()
                if group:
                    yield group
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


class DaskBackend:
    """A Dask distributed cluster: ``local``, ``local:N``, a scheduler address, or a ready Client.

    With ``send_bytes`` the writer sends each file's bytes instead of its path, for workers that do
    not share the file system; otherwise paths are sent absolute and must exist on every worker.
    """

    def __init__(self, target: str | Any, *, send_bytes: bool = False) -> None:
        self.target = target
        self.send_bytes = send_bytes

    def _client(self) -> tuple[Any, list[Any]]:
        from dask.distributed import Client, LocalCluster

        if not isinstance(self.target, str):
            return self.target, []
        if self.target == "local" or self.target.startswith("local:"):
            n = int(self.target.split(":", 1)[1]) if ":" in self.target else (os.cpu_count() or 1)
            cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0")
            client = Client(cluster)
            return client, [client, cluster]
        client = Client(self.target)
        return client, [client]

    @staticmethod
    def _results(futures: list[Any], tasks: dict[str, Task]) -> list[Outcome]:
        out = []
        for f in futures:
            task = tasks.pop(f.key)
            try:
                out.append(f.result())
            except Exception as err:  # e.g. KilledWorker: the file killed every worker that tried it
                out.append(Outcome(task.display, task.doc_id, error=f"{type(err).__name__}: {err}"))
            f.release()
        return out

    def run(self, tasks: Iterator[Task]) -> Iterator[list[Outcome]]:
        from dask.distributed import as_completed

        client, owned = self._client()
        try:
            window = 8 * max(1, len(client.scheduler_info().get("workers", {})) or 1)
            queue = as_completed()
            by_key: dict[str, Task] = {}
            for t in tasks:
                if self.send_bytes:
                    data = Path(t.path).read_bytes()
                    fut = client.submit(process_bytes, t.display, data, t.doc_id, pure=False)
                else:
                    fut = client.submit(process_file, t.path, t.doc_id, t.display, pure=False)
                queue.add(fut)
                by_key[fut.key] = t
                if len(by_key) >= window:
                    yield self._results(queue.next_batch(block=True), by_key)
            for done in queue.batches():
                yield self._results(done, by_key)
        finally:
            for thing in owned:
                thing.close()


class _Writer:
    """The single writer, on its own thread: while it commits, the readers keep reading.

    It takes the first finished document, gathers more for up to its window (``GROUP_SECONDS``,
    doubling per group to ``MAX_GROUP_SECONDS``; at most ``GROUP_DOCUMENTS``), and writes them in
    one transaction (group commit): a slow commit makes the next group larger instead of leaving
    the readers idle.
    """

    _STOP = object()

    def __init__(self, store: Store, report: IngestReport, tick: ProgressFn, lock: threading.Lock) -> None:
        self.store, self.report, self.tick, self.lock = store, report, tick, lock
        self.queue: queue.Queue[Any] = queue.Queue()
        self.window = GROUP_SECONDS
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._loop, name="yusuan-writer", daemon=True)
        self.thread.start()

    def put(self, outcome: Outcome) -> None:
        self.queue.put(outcome)

    def check(self) -> None:
        """Raise the writer's error (a StoreError) in the caller's thread."""
        if self.error is not None:
            raise self.error

    def close(self) -> None:
        self.queue.put(self._STOP)
        self.thread.join()
        self.check()

    def _gather(self) -> tuple[list[Outcome], bool]:
        first = self.queue.get()
        if first is self._STOP:
            return [], True
        group, deadline = [first], time.monotonic() + self.window
        self.window = min(2 * self.window, MAX_GROUP_SECONDS)
        while len(group) < GROUP_DOCUMENTS:
            try:
                item = self.queue.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            if item is self._STOP:
                return group, True
            group.append(item)
        return group, False

    def _loop(self) -> None:
        stop = False
        while not stop:
            group, stop = self._gather()
            if not group or self.error is not None:
                continue
            try:
                fresh = self.store.write_many([o.rows for o in group])
            except BaseException as err:  # handed to the main thread by check()
                self.error = err
                continue
            with self.lock:
                for outcome, new in zip(group, fresh, strict=True):
                    assert outcome.rows is not None
                    if new:
                        self.report.ingested += 1
                        self.report.findings.update(outcome.rows.severities)
                        self.tick("ingested", outcome.path, "")
                    else:
                        self.report.skipped += 1
                        self.tick("skipped", outcome.path, "已入库 — already stored")


def ingest_paths(
    store: Store,
    args: Iterable[str | Path],
    backend: Backend | None = None,
    progress: ProgressFn | None = None,
    on_total: Callable[[int], None] | None = None,
) -> IngestReport:
    """Read, check and store every file ``args`` names; each document in one transaction.

    Stored content (same sha256) and repeats within the run are skipped without being read; a file
    that cannot be read is recorded in ``report.failed`` with its reason and the run goes on.
    """
    start = time.perf_counter()
    report = IngestReport()
    files, missing = discover(args)
    if on_total:
        on_total(len(files) + len(missing))
    tick = progress or (lambda event, name, detail: None)
    lock = threading.Lock()
    for name, reason in missing:
        report.failed.append((name, reason))
        tick("failed", name, reason)
    known = store.known_ids()
    # one DuckDB thread: the inserts are small, and the cores belong to the readers
    store.con.execute("SET threads = 1")

    def tasks() -> Iterator[Task]:
        for f in files:
            try:
                doc_id = content_hash(f.read_bytes())
            except OSError as err:
                reason = f"无法打开（{err.strerror}） — cannot be opened"
                with lock:
                    report.failed.append((str(f), reason))
                    tick("failed", str(f), reason)
                continue
            if doc_id in known:
                with lock:
                    report.skipped += 1
                    tick("skipped", str(f), "已入库 — already stored")
                continue
            known.add(doc_id)
            yield Task(str(f.resolve()), str(f), doc_id)

    writer = _Writer(store, report, tick, lock)
    try:
        for group in (backend or PoolBackend()).run(tasks()):
            writer.check()
            with lock:
                report.read_seconds += sum(o.seconds for o in group)
                report.read_cpu_seconds += sum(o.cpu_seconds for o in group)
                for outcome in group:
                    if outcome.rows is None:
                        reason = outcome.error or "未知错误 — unknown error"
                        report.failed.append((outcome.path, reason))
                        tick("failed", outcome.path, reason)
            for outcome in group:
                if outcome.rows is not None:
                    writer.put(outcome)
    finally:
        writer.close()
    report.seconds = time.perf_counter() - start
    return report
