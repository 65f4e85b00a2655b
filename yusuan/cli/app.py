"""The typer application; every module in ``yusuan.cli.commands`` registers its commands here.

Why discovery: each command lives in its own module (one job each) and a new command is a new
file, not an edit to a shared list.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys

import typer
from rich.console import Console
from rich.markup import escape

from yusuan.errors import YusuanError

app = typer.Typer(
    name="yusuan",
    help="预算 yusuan — 读取、核对、存储、比较和发布部门预算/决算公开文件。Read, check, store and publish "
    "Chinese department budget disclosures.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def _register_commands() -> None:
    from yusuan.cli import commands

    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)


_register_commands()


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the app, turning yusuan errors into one line on stderr and their exit code."""
    try:
        rc = app(args=argv, standalone_mode=False)
    except YusuanError as err:
        err_console.print(f"[bold red]错误[/] {escape(str(err))}", markup=True)
        return err.exit_code
    except typer.Exit as ex:
        return ex.exit_code
    except KeyboardInterrupt:
        err_console.print("已中断 — interrupted")
        return 130
    except Exception as ex:  # click usage errors and friends
        import click

        if isinstance(ex, click.exceptions.ClickException):
            ex.show()
            return ex.exit_code
        if isinstance(ex, click.exceptions.Abort):
            return 1
        if os.environ.get("YUSUAN_DEBUG"):
            raise
        where = f" ({_input_hint(argv)})" if _input_hint(argv) else ""
        err_console.print(
            f"[bold red]内部错误[/] {type(ex).__name__}: {escape(str(ex))}{escape(where)} — 这是 yusuan 的缺陷，请用 YUSUAN_DEBUG=1 "
            "重新运行取得回溯信息并报告 (a bug in yusuan; rerun with YUSUAN_DEBUG=1 for the traceback and report it)",
            markup=True,
        )
        return 70
    return rc if isinstance(rc, int) else 0


def _input_hint(argv: list[str] | None) -> str:
    """The file arguments of the failed command, so an internal error still says which input."""
    args = sys.argv[1:] if argv is None else argv
    return " ".join(a for a in args[1:] if not a.startswith("-"))[:200]


def run() -> None:  # pragma: no cover - console script wrapper
    sys.exit(main())
