"""`yusuan check` and `yusuan rules`: exit codes, the JSON contract, directories, the readable report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from yusuan.check import all_rules
from yusuan.cli.app import main

SEED = EXAMPLES / "000_87792da19c622395.txt"


def test_rules_json_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == [r.id for r in all_rules()]
    assert set(rows[0]) == {"id", "severity", "title", "rationale"}


def test_rules_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    assert "row.total_basic_project" in capsys.readouterr().out


def test_unreadable_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["check", str(empty)]) == 2
    assert main(["check", str(tmp_path / "missing.txt")]) == 2


def test_json_contract_and_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(SEED), "--json", "--fail-on", "error"])
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"source", "findings"}
    for f in data["findings"]:
        assert set(f) == {"rule", "severity", "message", "values", "locations"}
        assert f["severity"] in ("error", "warning", "rounding", "info")
        assert all(isinstance(v, str) for v in f["values"])
        assert all(set(loc) == {"table", "kind", "row", "column", "page", "line", "bbox", "ocr"} for loc in f["locations"])
    errors = [f for f in data["findings"] if f["severity"] == "error"]
    assert code == (1 if errors else 0)


def test_fail_on_warning(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(SEED), "--json", "--fail-on", "warning"])
    data = json.loads(capsys.readouterr().out)
    assert code == (1 if any(f["severity"] in ("error", "warning") for f in data["findings"]) else 0)


def test_readable_report_quotes_the_source_line(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(SEED), "--fail-on", "warning"])
    out = capsys.readouterr().out
    assert "000_87792da19c622395.txt" in out
    assert "第" in out and "行" in out


def test_directory_gives_one_line_per_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "notes.md").write_text("not a document")
    main(["check", str(tmp_path)])
    err = capsys.readouterr().err
    assert err.count("a.txt") >= 1 and "notes.md" not in err


def test_missing_store_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["check", str(SEED), "--db", str(tmp_path / "none.duckdb")]) == 64


def test_store_provider_asks_the_store(monkeypatch: pytest.MonkeyPatch) -> None:
    import yusuan.store
    from yusuan.check.previous import from_store

    asked = []
    monkeypatch.setattr(
        yusuan.store, "previous_year", lambda db, d: asked.append((db, d.year)) or {"year": 2024}
    )
    provider = from_store("x.duckdb")
    from tests.check.builders import clean

    assert provider(clean()) == {"year": 2024}
    assert asked == [("x.duckdb", 2025)]
