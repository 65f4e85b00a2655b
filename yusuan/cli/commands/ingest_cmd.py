"""``yusuan ingest PATH...``: read, check and store many documents, in parallel or on Dask."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from yusuan.cli.commands.store_cmds import DbOpt
from yusuan.errors import UnreadableInput
from yusuan.store import DEFAULT_DB


def ingest(
    paths: Annotated[list[str], typer.Argument(help="files, directories (recursive) or globs")],
    db: DbOpt = Path(DEFAULT_DB),
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="reader processes (默认: all cores; 0 = in this process)")] = None,
    dask: Annotated[str | None, typer.Option("--dask", help="read on Dask: local, local:N, or a scheduler address tcp://host:8786")] = None,
    send_bytes: Annotated[bool, typer.Option("--send-bytes", help="with --dask: send file bytes, for workers without the shared paths")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="print the final report as JSON")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="print `EVENT<TAB>FILE` on stdout as each file is done")] = False,
    wait: Annotated[float, typer.Option("--wait", help="seconds to wait while another process uses the store (0: fail at once, exit 3)")] = 600.0,
    as_one: Annotated[bool, typer.Option("--as-one", help="几个文件是同一份公开（表格 + 情况说明） — store the files as ONE document")] = False,
) -> None:
    """入库 — read, check and store documents (each written whole, never half; stored content is skipped).

    Exits 2 when any file could not be read (each is listed with its reason); the rest are stored.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from yusuan.cli.progress import EtaColumn, RateColumn
    from yusuan.store import Store
    from yusuan.store.ingest import Backend, DaskBackend, PoolBackend, SerialBackend, ingest_paths

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    backend: Backend
    if dask:
        backend = DaskBackend(dask, send_bytes=send_bytes)
    elif jobs == 0:
        backend = SerialBackend()
    else:
        backend = PoolBackend(jobs)
    progress = Progress(
        TextColumn("[bold]入库"), BarColumn(), MofNCompleteColumn(), RateColumn(), TimeElapsedColumn(),
        EtaColumn(), console=err, disable=quiet, transient=False,
    )
    task_id = progress.add_task("ingest", total=None)

    def tick(event: str, name: str, detail: str) -> None:
        if verbose:
            print(f"{event}\t{name}", flush=True)
        if event == "failed" and not quiet:
            progress.console.print(f"[red]失败 failed[/] {escape(name)}: {escape(detail)}")
        progress.advance(task_id)

    def waiting() -> None:
        if not quiet:
            err.print(f"[yellow]等待[/] {escape(str(db))} 正被另一个进程使用，等待其完成（最多 {wait:g} 秒） — waiting for the store")

    with Store(db, wait=wait, on_wait=waiting) as store, progress:
        if as_one:
            from yusuan.store.ingest_one import ingest_as_one

            report = ingest_as_one(store, paths)
        else:
            report = ingest_paths(store, paths, backend, tick, on_total=lambda n: progress.update(task_id, total=n))
    if as_json:
        typer.echo(json.dumps({"ingested": report.ingested, "skipped": report.skipped,
                               "failed": [{"file": f, "reason": r} for f, r in report.failed],
                               "findings": dict(report.findings), "seconds": round(report.seconds, 3)},
                              ensure_ascii=False, indent=1))
    else:
        table = Table(title=f"入库结果 {db}  ({report.seconds:.1f} s)")
        for col in ("入库", "跳过", "失败", "error", "warning", "rounding", "info"):
            table.add_column(col, justify="right")
        table.add_row(str(report.ingested), str(report.skipped), str(len(report.failed)),
                      *(str(report.findings.get(s, 0)) for s in ("error", "warning", "rounding", "info")))
        Console().print(table)
    if quiet:  # the progress display did not list them as they happened
        for name, reason in report.failed:
            err.print(f"[red]失败 failed[/] {escape(name)}: {escape(reason)}")
    if report.failed:
        # an error (not typer.Exit) so that main() returns its exit code 2
        raise UnreadableInput(f"{len(report.failed)}/{report.total} 个文件无法读取（见上） — {len(report.failed)} of {report.total} files could not be read (listed above)")


def register(app: typer.Typer) -> None:
    app.command()(ingest)
