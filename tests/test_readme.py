"""The README stays true: its two set-up commands come first, and every command is documented."""

from __future__ import annotations

import re

from tests.conftest import ROOT
from yusuan.cli.app import app


def _readme() -> str:
    return (ROOT / "README.md").read_text("utf-8")


def test_readme_opens_with_the_two_setup_commands() -> None:
    block = re.search(r"```bash\n(.*?)```", _readme(), re.S)
    assert block is not None
    lines = [ln for ln in block.group(1).splitlines() if ln.strip()]
    assert len(lines) == 2
    assert lines[0].startswith("bash scripts/install.sh && ") and "yusuan ingest examples/" in lines[0]
    assert lines[1] == ".venv/bin/python -m pytest"


def test_ci_runs_exactly_the_readme_commands() -> None:
    import subprocess

    block = re.search(r"```bash\n(.*?)```", _readme(), re.S)
    assert block is not None
    printed = subprocess.run(["bash", str(ROOT / ".ci" / "run"), "--commands"], capture_output=True, text=True,
                             check=True).stdout.splitlines()
    assert printed == [ln for ln in block.group(1).splitlines() if ln.strip()]


def test_the_install_script_is_the_only_setup() -> None:
    install = (ROOT / "scripts" / "install.sh").read_text("utf-8")
    assert "pip install -q -e '.[dev,ocr]'" in install and "apt-get install" in install
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "apt-get" not in ci and "pip install" not in ci  # CI has no step the README lacks


def test_every_command_is_documented() -> None:
    readme = _readme()
    names = [c.name or c.callback.__name__ for c in app.registered_commands]  # type: ignore[union-attr]
    assert len(names) >= 11
    missing = [n for n in names if f"yusuan {n}" not in readme]
    assert not missing, f"commands not documented in README.md: {missing}"
