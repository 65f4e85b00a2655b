"""``yusuan serve``: the web application over a store, on this machine by default."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from yusuan.cli.commands.store_cmds import DbOpt
from yusuan.store import DEFAULT_DB


def serve(
    db: DbOpt = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option(help="address to listen on (127.0.0.1: this machine only)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    private: Annotated[bool, typer.Option("--private", help="viewing needs a login too (default: public viewing)")] = False,
    workers: Annotated[int, typer.Option(help="reader processes for uploads")] = 1,
    max_upload_mb: Annotated[int, typer.Option(help="largest accepted file, MiB")] = 50,
    insecure_cookies: Annotated[bool, typer.Option(
        "--insecure-cookies", help="send session cookies over plain HTTP to other hosts (behind no TLS; not advised)")] = False,
) -> None:
    """网页服务 — dashboard, upload, review, charts, compare and the REST API (http://HOST:PORT/docs)."""
    import uvicorn

    from yusuan.web import Settings, create_app

    settings = Settings(db=db, public=not private, workers=workers, max_upload_mb=max_upload_mb,
                        secure_cookies=not insecure_cookies, base_dir=Path.cwd())
    app = create_app(settings)
    typer.echo(f"yusuan serve: http://{host}:{port}/  (数据库 {db}；Ctrl+C 停止)")
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


def register(app: typer.Typer) -> None:
    app.command()(serve)
