"""PDF glyph text: PDFium's U+FFFE line-break hyphen becomes the printed '-' or, inside a word, nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

import yusuan
from tests.conftest import shared_path
from tests.fixtures.pdf.synth import SynthPage, pdf_bytes
from yusuan.read import read_layout


def _lines(tmp_path: Path, page: SynthPage) -> list[str]:
    path = tmp_path / "hyphens.pdf"
    path.write_bytes(pdf_bytes([page]))
    return [line.text for p in read_layout(path).pages for line in p.lines]


def test_line_end_hyphen_between_years_and_names_is_kept(tmp_path: Path) -> None:
    page = SynthPage()
    page.text(50, 800, "2024年-").text(50, 786, "2025年信息化运维项目")
    page.text(50, 700, "鸦岗大道-").text(50, 686, "凤凰大道")
    page.text(50, 600, "GZIT2022-SM-W-C-").text(50, 586, "051103")
    lines = _lines(tmp_path, page)
    assert lines == ["2024年-", "2025年信息化运维项目", "鸦岗大道-", "凤凰大道", "GZIT2022-SM-W-C-", "051103"]
    assert not any("\ufffe" in line for line in lines)


def test_line_end_hyphen_inside_a_word_is_dropped(tmp_path: Path) -> None:
    page = SynthPage()
    page.text(50, 800, "infor-").text(50, 786, "mation")
    assert _lines(tmp_path, page) == ["infor", "mation"]


@pytest.mark.slow
def test_wild_guangzhou_project_names_have_no_fffe() -> None:
    path = shared_path("pdf", "wild", "中共广州市委宣传部_2026_部门预算.pdf")
    names = [p.name for p in yusuan.read(path).projects]
    assert "市委宣传部2024年-2025年信息化运维项目" in names
    assert not [n for n in names if "\ufffe" in n]
