"""OCR amount repair: only slips that cannot be a real number are repaired, no digit invented."""

from __future__ import annotations

import pytest

from yusuan.read.ocr_numbers import fix_number, fix_text, is_amount, split_pieces


@pytest.mark.parametrize(
    ("read", "fixed"),
    [
        ("74.934.98", "74,934.98"),  # dots read for thousands commas
        ("103.600.23", "103,600.23"),
        ("74,934,98", "74,934.98"),  # the decimal point read as a comma
        ("１，４２５．４０", "1,425.40"),  # full-width digits and separators
        ("－12.50", "-12.50"),
        ("96.07％", "96.07%"),
        ("1O5.00", "105.00"),  # letter O between digits
        ("1OO.00", "100.00"),
        ("O.50", "0.50"),
        ("74,934.98--", "74,934.98"),  # a table rule read as dashes
    ],
)
def test_slips_are_repaired(read: str, fixed: str) -> None:
    assert fix_number(read) == fixed


@pytest.mark.parametrize(
    "kept", ["1,425.40", "2024", "1.425", "OK", "O", "表１", "（一）", "25.5%", "2010101", "-", "--", "2024--"]
)
def test_everything_else_is_left_as_read(kept: str) -> None:
    assert fix_number(kept) == kept


def test_no_digit_is_added_or_dropped() -> None:
    for read in ["74.934.98", "74,934,98", "1OO.00", "１，４２５．４０"]:
        digits = [c for c in read if c.isdigit() or c in "Oo"]
        assert len([c for c in fix_number(read) if c.isdigit()]) == len(digits)


def test_fix_text_repairs_each_token() -> None:
    assert fix_text("合计 74.934.98") == "合计 74,934.98"


def test_amounts_need_a_point_comma_or_percent() -> None:
    assert is_amount("1,425.40") and is_amount("0.50") and is_amount("96.07%") and is_amount("1,000")
    assert not is_amount("2024") and not is_amount("208") and not is_amount("1.2.3")


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("74.934.98本年支出合计", ["74,934.98", "本年支出合计"]),
        ("本年收入合计1,425.40", ["本年收入合计", "1,425.40"]),
        ("1,425.40 1,380.12", ["1,425.40", "1,380.12"]),
        ("合计 103,600.23", ["合计", "103,600.23"]),
        ("一、 一般公共预算", ["一、 一般公共预算"]),
        ("2024年部门预算", ["2024年部门预算"]),
        ("1.收支预算总表", ["1.收支预算总表"]),
        ("表2", ["表2"]),
    ],
)
def test_split_pieces(text: str, pieces: list[str]) -> None:
    assert split_pieces(text) == pieces
