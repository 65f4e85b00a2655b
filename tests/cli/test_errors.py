"""Bad input gets one clear line (which file, what was wrong) and exit code 2, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from yusuan.cli.app import main


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "import sys; from yusuan.cli.app import main; sys.exit(main())", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n\t\n", "empty"),
        ("binary.bin", bytes(range(256)) * 8, "binary"),
        ("novel.txt", "从前有座山，山里有座庙。\n".encode() * 40, "no budget"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    for command in ("summary", "parse", "tables", "check"):
        result = _run(command, str(path))
        assert result.returncode == 2, (command, result.stderr)
        assert "Traceback" not in result.stderr
        lines = result.stderr.strip().splitlines()
        assert any(name in line and reason in line for line in lines), (command, lines)
        assert len(lines) == 1, (command, lines)


def test_missing_file_exit_2(tmp_path: Path) -> None:
    result = _run("summary", str(tmp_path / "absent.pdf"))
    assert result.returncode == 2
    assert "absent.pdf" in result.stderr and "no such file" in result.stderr


def test_directory_is_not_a_document(tmp_path: Path) -> None:
    assert main(["summary", str(tmp_path)]) == 2


def test_internal_error_is_one_line_exit_70(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import yusuan.pipeline

    def broken(path: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(yusuan.pipeline, "read", broken)
    monkeypatch.delenv("YUSUAN_DEBUG", raising=False)
    assert main(["summary", "some.txt"]) == 70
    err = capsys.readouterr().err
    assert "RuntimeError: boom" in err and "some.txt" in err and "Traceback" not in err


def test_exit_code_of_a_command_is_returned(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "summary" in capsys.readouterr().out
