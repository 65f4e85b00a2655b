"""The text reader finds the encoding by itself (UTF-8 ± BOM, GBK/GB18030, UTF-16 ± BOM) and
refuses empty or binary input with UnreadableInput (exit code 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from yusuan.cli.app import main
from yusuan.errors import UnreadableInput
from yusuan.read.encoding import decode

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "text"
TITLE = "收支预算总表"


def _decode(name: str) -> tuple[str, str]:
    return decode((FIXTURES / name).read_bytes(), name)


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("utf8.txt", "utf-8"),
        ("utf8_bom.txt", "utf-8-sig"),
        ("gbk.txt", "gb18030"),
        ("gb18030.txt", "gb18030"),
    ],
)
def test_byte_encodings_are_detected(name: str, encoding: str) -> None:
    text, found = _decode(name)
    assert found == encoding
    assert text.startswith(("收支预算总表", "䶮收支预算总表"))
    assert "1,234.50" in text


def test_utf8_bom_is_not_part_of_the_text() -> None:
    text, _ = _decode("utf8_bom.txt")
    assert text.splitlines()[0] == TITLE


def test_gb18030_four_byte_character_survives() -> None:
    text, _ = _decode("gb18030.txt")
    assert text[0] == "䶮"


@pytest.mark.parametrize("name", ["utf16le_bom.txt", "utf16be_bom.txt", "utf16le_nobom.txt", "utf16be_nobom.txt"])
def test_utf16_with_or_without_bom(name: str) -> None:
    text, found = _decode(name)
    assert found.startswith("utf-16")
    assert text.lstrip("\ufeff").splitlines()[0] == TITLE


def test_utf16_without_bom_and_without_ascii() -> None:
    """Pure CJK UTF-16 has no zero bytes to betray it; a plausible CJK decode still wins."""
    text, found = _decode("utf16le_cjk_only.txt")
    assert found == "utf-16-le"
    assert text.startswith(TITLE)


@pytest.mark.parametrize("name", ["empty.txt", "blank_only.txt", "binary.bin"])
def test_empty_blank_and_binary_are_unreadable(name: str) -> None:
    with pytest.raises(UnreadableInput):
        _decode(name)


@pytest.mark.parametrize("name", ["empty.txt", "binary.bin"])
def test_cli_exits_2_on_unreadable_input(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tables", str(FIXTURES / name)]) == 2
