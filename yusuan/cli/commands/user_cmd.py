"""``yusuan user add NAME --role R``: accounts of the web application (argon2 hashes in the store)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from yusuan.cli.commands.store_cmds import DbOpt
from yusuan.errors import UsageError
from yusuan.store import DEFAULT_DB

user_app = typer.Typer(help="网页账号 — add accounts and list them (roles: admin, reviewer, viewer).",
                       no_args_is_help=True)


def _password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            raise UsageError("--password-stdin: 标准输入为空，未读到密码")
        return line.rstrip("\r\n")
    first = typer.prompt("密码", hide_input=True)
    if typer.prompt("再输入一次", hide_input=True) != first:
        raise UsageError("两次输入的密码不一致")
    return first


@user_app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="user name (2–40 letters, digits, . _ @ -)")],
    role: Annotated[str, typer.Option(help="admin | reviewer | viewer")] = "viewer",
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="read the password from stdin")] = False,
    db: DbOpt = Path(DEFAULT_DB),
) -> None:
    """添加账号 — create an account, or set a new password and role for an existing one."""
    from yusuan.store import Store, accounts

    password = _password(password_stdin)
    with Store(db) as store:
        user = accounts.add_user(store, name, role, password)
    typer.echo(f"账号 {user.name}（{user.role_label}）已保存到 {db}")


@user_app.command("list")
def list_users(db: DbOpt = Path(DEFAULT_DB)) -> None:
    """账号清单 — every account and its role."""
    from yusuan.store import Store, accounts

    with Store(db, read_only=True) as store:
        for user in accounts.list_users(store):
            typer.echo(f"{user.name}\t{user.role}\t{user.role_label}")


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")
