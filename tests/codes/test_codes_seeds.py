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


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_codes_are_known_or_reported_unknown(seed: str) -> None:
    text = shared_path("seeds", seed).read_text("utf-8")
    key = seed[:3]
    seen: Counter[str] = Counter()
    reported: dict[str, set[tuple[str, str, str]]] = {"unknown": set(), "misprint": set(), "differs": set()}
    for line in text.splitlines():
        for m in PAIR.finditer(line):
            system = codes.system_of(m[1])
            assert system is not None
            result = codes.name_matches(m[1], m[2], system, YEAR[key])
            seen[result.status] += 1
            if not result.ok:
                reported[result.status].add((key, m[1], codes.normalize_name(m[2])))
    assert seen["exact"] >= 80  # the regex really reads the tables
    assert reported["differs"] == set()  # no printed name differs from the dictionary
    assert reported["unknown"] == {t for t in EXPECTED_UNKNOWN if t[0] == key}
    assert reported["misprint"] == {t for t in EXPECTED_MISPRINT if t[0] == key}
