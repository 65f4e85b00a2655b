"""``yusuan user add`` / ``user list``: passwords from stdin, refusals with exit code 64."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from yusuan.cli.app import app, main
from yusuan.store import Store, accounts


def test_user_add_from_stdin_and_list(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    result = CliRunner().invoke(app, ["user", "add", "li", "--role", "reviewer", "--password-stdin", "--db", str(db)],
                                input="a-good-password\n")
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert accounts.authenticate(store, "li", "a-good-password").role == "reviewer"
    listed = CliRunner().invoke(app, ["user", "list", "--db", str(db)])
    assert "li\treviewer\t审核员" in listed.output


def test_user_add_refuses_bad_role(tmp_path: Path, monkeypatch, capsys) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.StringIO("a-good-password\n"))
    rc = main(["user", "add", "li", "--role", "boss", "--password-stdin", "--db", str(tmp_path / "s.duckdb")])
    assert rc == 64 and "角色" in capsys.readouterr().err
