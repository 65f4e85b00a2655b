"""Every 功能分类/经济分类 code printed with its name in the four seeds is known, or reported unknown."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tests.conftest import SEEDS, shared_path
from yusuan import codes

YEAR = {"000": 2025, "001": 2024, "002": 2025, "004": 2024}  # from seeds/README.md

# A code at the start of a row (after an optional 序号) or after an amount/name in side-by-side
# layouts, then a CJK name ending at a tab, an amount, the next code or the end of the line.
PAIR = re.compile(
    r"(?:^\s*(?:\d{1,3}\s+)?|(?<=\d\.\d\d)\s+|(?<=[\u4e00-\u9fff）])\s+)"
    r"([235]\d{2}(?:\d{2}){0,2})[ \t]+"
    r"([\u4e00-\u9fff（）()、]{2,}(?: [\u4e00-\u9fff（）()、]+)*?)"
    r"(?=\t|\s+[\d,]+\.\d+|\s+[235]\d{2}|\s*$)"
)

# Found by the regex but not codes: performance-table text ("项目预算金额（万元） 316 全年执行数（万元）").
EXPECTED_UNKNOWN = {("004", "316", "全年执行数（万元）"), ("004", "500", "全年执行数（万元）")}
EXPECTED_MISPRINT = {("001", "30399", "其他对个人和家庭的补助支出")}


def _system(code: str) -> codes.System:
    return {"2": "functional", "3": "economic_department", "5": "economic_government"}[code[0]]  # type: ignore[return-value]


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_codes_are_known_or_reported_unknown(seed: str) -> None:
    text = shared_path("seeds", seed).read_text("utf-8")
    key = seed[:3]
    seen: Counter[str] = Counter()
    unknown, misprint, other = set(), set(), set()
    for line in text.splitlines():
        for m in PAIR.finditer(line):
            result = codes.name_matches(m[1], m[2], _system(m[1]), YEAR[key])
            seen[result.status] += 1
            triple = (key, m[1], codes.normalize_name(m[2]))
            {"unknown": unknown, "misprint": misprint}.get(result.status, other).add(
                triple
            ) if not result.ok else None
    assert seen["exact"] >= 80  # the regex really reads the tables
    assert other == set()  # no printed name differs from the dictionary
    assert unknown == {t for t in EXPECTED_UNKNOWN if t[0] == key}
    assert misprint == {t for t in EXPECTED_MISPRINT if t[0] == key}
