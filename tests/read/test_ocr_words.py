"""Known OCR misreads of budget words are put right; figures and real words are left alone."""

from __future__ import annotations

from yusuan.read.ocr_words import repair_words


def test_misread_headings_and_titles_are_put_right() -> None:
    assert repair_words("革位名称") == "单位名称"
    assert repair_words("快算数") == "决算数"
    assert repair_words("部门预算项目（政策）墙效目标表") == "部门预算项目（政策）绩效目标表"
    assert repair_words("单位：方元") == "单位：万元"


def test_real_words_and_figures_are_left_alone() -> None:
    for text in ("地方元素", "单位名称", "1,425.40", "决算数", "综合改革位居全省前列", "加快算力建设", "落实励志"):
        assert repair_words(text) == text
