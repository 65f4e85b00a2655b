"""Background reading of uploads: a pool of reader processes, and one writer under the app's lock.

Why processes: reading is CPU-bound and runs native code (PDFium, OCR); a file that crashes or
exhausts its reader only breaks that process — the job is marked failed, the pool is replaced,
and the server goes on. A read past the time limit is stopped the same way; the other files
that were in the broken pool are read once more. Rows come back to the server process, which alone writes the store.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from yusuan.errors import StoreError
from yusuan.store import jobs, reviews, sources
from yusuan.store.db import Store
from yusuan.store.rows import DocumentRows
from yusuan.store.worker import Outcome, process_file

CRASHED = "读取进程意外退出（文件损坏、过大或触发了读取器缺陷），文件未入库"
TIMED_OUT = "读取超过 {:.0f} 秒仍未完成，已中止，文件未入库"


@dataclass(frozen=True, slots=True)
class Upload:
    """One accepted file waiting to be read."""

    job_id: str
    doc_id: str
    name: str
    path: Path
    user: str
    replace: bool = False
    """A re-check: the document is stored already; its rows are swapped for the new reading."""


class JobRunner:
    """Reads uploads in ``workers`` processes (started on first use) and stores what they return."""

    def __init__(self, store: Store, lock: threading.Lock, workers: int = 1,
                 on_change: Callable[[str], None] | None = None, timeout: float = 600) -> None:
        self.store, self.lock, self.workers, self.timeout = store, lock, workers, timeout
        self._tries: dict[str, int] = {}
        self._timed_out: set[str] = set()
        self.on_change = on_change or (lambda doc_id: None)
        self._pool: ProcessPoolExecutor | None = None
        self._pool_lock = threading.Lock()
        self._active = 0
        self._idle = threading.Condition()
        self._done: dict[str, threading.Event] = {}

    def _executor(self) -> ProcessPoolExecutor:
        with self._pool_lock:
            if self._pool is None:
                ctx = mp.get_context("forkserver")
                ctx.set_forkserver_preload(["yusuan.store.worker", "yusuan.pipeline"])
                self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx)
            return self._pool

    def _replace_pool(self, broken: ProcessPoolExecutor) -> None:
        with self._pool_lock:
            if self._pool is broken:
                self._pool = None
        broken.shutdown(wait=False, cancel_futures=False)

    def submit(self, upload: Upload) -> None:
        """Queue ``upload``; its job moves to running, then done or failed."""
        with self.lock:
            cur = self.store.cursor()
            try:
                jobs.start(cur, upload.job_id)
            finally:
                cur.con.close()
        with self._idle:
            self._active += 1
            self._done.setdefault(upload.job_id, threading.Event())
        self._dispatch(upload)

    def _dispatch(self, upload: Upload) -> None:
        pool = self._executor()
        try:
            future = pool.submit(process_file, str(upload.path), upload.doc_id, upload.name)
        except (BrokenProcessPool, RuntimeError):
            self._replace_pool(pool)
            pool = self._executor()
            future = pool.submit(process_file, str(upload.path), upload.doc_id, upload.name)
        timer = threading.Timer(self.timeout, self._expire, (future, pool, upload.job_id))
        timer.daemon = True
        timer.start()
        future.add_done_callback(lambda f: self._finished(f, upload, pool, timer))

    def _expire(self, future: Future[Outcome], pool: ProcessPoolExecutor, job_id: str) -> None:
        """A read past the time limit: stop the pool's processes (no public way to stop one task)."""
        if future.done():
            return
        with self._idle:
            self._timed_out.add(job_id)
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()

    def _outcome(self, future: Future[Outcome], upload: Upload, pool: ProcessPoolExecutor) -> Outcome | None:
        """The reading's outcome; None when the job was sent again (its pool broke under another file)."""
        try:
            return future.result()
        except BrokenProcessPool:
            self._replace_pool(pool)
            with self._idle:
                timed_out = upload.job_id in self._timed_out
                retry = not timed_out and self._tries.get(upload.job_id, 0) == 0
                self._tries[upload.job_id] = self._tries.get(upload.job_id, 0) + 1
            if timed_out:
                return Outcome(upload.name, upload.doc_id, error=TIMED_OUT.format(self.timeout))
            if retry:  # maybe another file broke the pool: this one is read once more
                self._dispatch(upload)
                return None
            return Outcome(upload.name, upload.doc_id, error=CRASHED)
        except Exception as err:  # a result that cannot come back (pickling) is this file's failure
            return Outcome(upload.name, upload.doc_id, error=f"{type(err).__name__}: {err}")

    def _finished(self, future: Future[Outcome], upload: Upload, pool: ProcessPoolExecutor,
                  timer: threading.Timer) -> None:
        timer.cancel()
        outcome = self._outcome(future, upload, pool)
        if outcome is None:
            return
        try:
            self._store(upload, outcome)
        finally:
            shutil.rmtree(upload.path.parent, ignore_errors=True)
            with self._idle:
                self._active -= 1
                self._idle.notify_all()
                event = self._done.pop(upload.job_id, None)
                self._tries.pop(upload.job_id, None)
                self._timed_out.discard(upload.job_id)
            if event is not None:
                event.set()

    def _store(self, upload: Upload, outcome: Outcome) -> None:
        with self.lock:
            cur = self.store.cursor()
            try:
                if outcome.rows is None:
                    jobs.finish(cur, upload.job_id, "failed", outcome.error or "未知错误")
                    return
                if upload.replace:
                    self._replace(cur, upload, outcome.rows)
                    return
                sources.put(cur, upload.doc_id, upload.name, upload.path.read_bytes())
                try:
                    fresh = cur.write(outcome.rows)
                except StoreError as err:
                    sources.remove(cur, upload.doc_id)
                    jobs.finish(cur, upload.job_id, "failed", f"写入数据库失败：{err}")
                    return
                jobs.finish(cur, upload.job_id, "done" if fresh else "duplicate")
                reviews.log(cur, upload.user, "upload", upload.doc_id, file=upload.name, job=upload.job_id)
            finally:
                cur.con.close()

    def _replace(self, cur: Store, upload: Upload, rows: DocumentRows) -> None:
        old = {no: (rule, message) for no, rule, message in cur.con.execute(
            "SELECT finding_no, rule, message FROM findings WHERE doc_id = ?", [upload.doc_id]).fetchall()}
        carried: list[int] = []
        try:
            cur.replace(rows, then=lambda con: carried.append(
                reviews.carry_over(con, upload.doc_id, old, upload.user)))
        except StoreError as err:
            jobs.finish(cur, upload.job_id, "failed", f"写入数据库失败：{err}")
            return
        jobs.finish(cur, upload.job_id, "done")
        reviews.log(cur, upload.user, "document.recheck", upload.doc_id, job=upload.job_id,
                    findings=len(rows.table("findings") or []), carried=sum(carried))
        self.on_change(upload.doc_id)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every queued upload is stored (tests and the benchmark); False on timeout."""
        with self._idle:
            return self._idle.wait_for(lambda: self._active == 0, timeout=timeout)

    def wait_for(self, job_ids: list[str], timeout: float) -> None:
        """Block until the jobs ``job_ids`` are finished (or ``timeout`` seconds pass)."""
        with self._idle:
            events = [e for j in job_ids if (e := self._done.get(j)) is not None]
        deadline = time.monotonic() + timeout
        for event in events:
            event.wait(max(0.0, deadline - time.monotonic()))

    def close(self) -> None:
        with self._pool_lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def spool(data: bytes, suffix: str) -> Path:
    """The upload written to a private temporary directory, named by its sniffed format."""
    folder = Path(tempfile.mkdtemp(prefix="yusuan-upload-"))
    path = folder / f"upload{suffix}"
    path.write_bytes(data)
    return path


def discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        shutil.rmtree(path.parent)
