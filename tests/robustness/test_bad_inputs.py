"""Every bad input of the corpus: one line naming the file and the reason in Chinese, exit 2, nothing
stored, memory bounded (the big inputs run in a child process that reports its own peak RSS)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from tests.robustness.corpus import BAD_INPUTS, BadInput, build
from tests.robustness.memory import run_cli
from yusuan.cli.app import main
from yusuan.errors import NotADisclosure, StoreError, UnreadableInput, UsageError
from yusuan.store import Store

CJK = re.compile("[\u4e00-\u9fff]")
MAX_RSS_BYTES = 1 << 30
QUICK = [bad for bad, _ in BAD_INPUTS if not bad.slow]
SLOW = [bad for bad, _ in BAD_INPUTS if bad.slow]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bad")
    return {bad.name: path for bad, path in build(folder, slow=False)}


def _no_ocr(monkeypatch: pytest.MonkeyPatch, bad: BadInput) -> None:
    if bad.without_ocr:  # as on a machine without the ocr extra: its import fails
        monkeypatch.setitem(sys.modules, "yusuan.read.ocr", None)


def _one_line(err: str, bad: BadInput, path: Path, reason: str | None = None) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, lines
    line = lines[0]
    assert path.name in line and (reason or bad.reason) in line, line
    assert CJK.search(line.split(path.name, 1)[1]) and "Traceback" not in line
    return line


@pytest.mark.parametrize("bad", QUICK, ids=lambda b: b.name)
@pytest.mark.parametrize("command", ["summary", "check"])
def test_a_bad_input_is_one_chinese_line_and_exit_2(
    corpus: dict[str, Path], bad: BadInput, command: str, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _no_ocr(monkeypatch, bad)
    assert main([command, str(corpus[bad.name])]) == 2
    reason = bad.one_file_reason if command == "summary" else None
    _one_line(capsys.readouterr().err, bad, corpus[bad.name], reason)


def test_ingesting_the_whole_corpus_stores_nothing(
    corpus: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "yusuan.read.ocr", None)
    db = tmp_path / "s.duckdb"
    paths = [str(corpus[bad.name]) for bad in QUICK]
    assert main(["ingest", "--db", str(db), "-j", "0", "-q", *paths]) == 2
    err = capsys.readouterr().err
    for bad in QUICK:
        reason = "未安装 OCR（请安装 yusuan[ocr]）" if bad.name == "png_bomb.png" else bad.reason  # OCR is off here
        assert any(corpus[bad.name].name in ln and reason in ln for ln in err.splitlines()), (bad.name, err)
    with Store(db, read_only=True) as store:
        for table in ("documents", "statement_tables", "findings", "key_figures"):
            assert store.con.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,), table


@pytest.mark.slow
@pytest.mark.parametrize("bad", SLOW, ids=lambda b: b.name)
def test_a_big_input_is_refused_in_bounded_memory(bad: BadInput, tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp(bad.name.replace(".", "_"))
    (_, path), = build(folder, names={bad.name})
    code, err, peak = run_cli(["summary", str(path)])
    assert code == 2, err
    _one_line(err, bad, path)
    assert peak < MAX_RSS_BYTES, f"peak RSS {peak / 2**20:.0f} MB"
    path.unlink()


def test_errors_carry_their_http_status() -> None:
    """The web API answers each error with its status and the same message (yusuan.errors)."""
    assert UnreadableInput("x").http_status == NotADisclosure("x").http_status == 422
    assert UsageError("x").http_status == 400 and StoreError("x").http_status == 503
    assert {UnreadableInput("x").exit_code, NotADisclosure("x").exit_code, StoreError("x").exit_code} == {2, 3}
