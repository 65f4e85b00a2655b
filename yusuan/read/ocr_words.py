"""Known OCR misreads of budget words put right (革位名称 → 单位名称, 墙效 → 绩效).

Why: one misread character in a heading ('革位名称', '快算数') or a title ('墙效目标表') makes a
whole column or table unrecognisable, and the words a disclosure prints are few and known. Only
strings that cannot be real text in a disclosure are listed (data: ``ocr_misreads.tsv``), and
figures are never touched: amounts have their own conservative repair (:mod:`ocr_numbers`).
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files


@cache
def _misreads() -> tuple[re.Pattern[str], dict[str, str]]:
    table: dict[str, str] = {}
    for line in files("yusuan.read").joinpath("ocr_misreads.tsv").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            wrong, right = line.split("\t")
            table[wrong] = right
    pattern = re.compile("|".join(re.escape(w) for w in sorted(table, key=len, reverse=True)))
    return pattern, table


def repair_words(text: str) -> str:
    """``text`` with every known misread replaced by the word printed."""
    pattern, table = _misreads()
    return pattern.sub(lambda m: table[m.group()], text) if pattern.search(text) else text
