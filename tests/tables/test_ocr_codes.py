"""OCR'd 科目编码 a digit off are put right by the name the row prints, and only then."""

from __future__ import annotations

from yusuan.layout import Line
from yusuan.tables.ocr_codes import repair_code
from yusuan.tables.rows import RawRow, Value

LINE = Line(cells=[], page=1, number=1)


def _row(code: str, name: str, ocr: bool = True) -> RawRow:
    return RawRow(code=code, name=name, values=[Value("166.13", None, LINE, None, None, ocr)])


def test_a_dropped_digit_comes_back_when_the_name_says_which() -> None:
    assert repair_code(_row("206010", "行政运行")) == "2060101"  # a lone '1' the detector dropped
    assert repair_code(_row("2080505", "机关事业单位基本养老保险缴费支出")) is None  # a real code


def test_no_repair_without_ocr_or_without_a_single_named_match() -> None:
    assert repair_code(_row("206010", "行政运行", ocr=False)) is None  # text and PDF: printed as is
    assert repair_code(_row("206010", "不存在的科目")) is None
    assert repair_code(_row("558001", "沈阳市工业和信息化局本级")) is None  # a unit code, no 科目 name
