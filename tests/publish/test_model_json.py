"""A model saved with ``yusuan parse`` reads back into the same Disclosure; anything else is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

import yusuan
from tests.conftest import EXAMPLES
from yusuan.cli.app import main
from yusuan.errors import UnreadableInput
from yusuan.model.serialize import to_plain
from yusuan.publish.model_json import load_model, looks_like_model


def test_parse_output_loads_into_the_same_model(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = EXAMPLES / "004_307b00c8d6f72425.txt"
    assert main(["parse", str(source)]) == 0
    path = tmp_path / "model.json"
    path.write_text(capsys.readouterr().out, "utf-8")
    assert looks_like_model(path) and not looks_like_model(source)
    assert to_plain(load_model(path)) == to_plain(yusuan.read(source))


@pytest.mark.parametrize("content", ['{"source": "x", "tables": [{"kind": 3}]}', "{not json", '{"source": "x", "tables": 1}'])
def test_a_broken_model_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "model.json"
    path.write_text(content, "utf-8")
    with pytest.raises(UnreadableInput, match="模型 JSON"):
        load_model(path)
