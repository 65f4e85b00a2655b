"""The documents derived from each seed text (tests/data/, made by make_test_documents.py) give
the seed's summary: the openpyxl .xlsx, LibreOffice's .xls of it, and the PDF LibreOffice prints
from the same cells. Only ``source`` may differ. About 0.1–0.5 s per document, no OCR."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import yusuan
from tests.conftest import ROOT
from yusuan.key_figures import dumps

DATA = ROOT / "tests" / "data"
EXAMPLES = ROOT / "examples"
SEEDS = ["000_87792da19c622395", "001_f756e9a8bddbf743", "002_df00543b5fb556ea", "004_307b00c8d6f72425"]

# The printed PDFs are ruled tables with every amount under its column, but the header fragments
# stand where the seed text has them: the text flattens a multi-line header into lines such as
# '科目编码 科目名称 合计' / '基本支出' / '项目支出' / '小计 人员经费' / '公用经费', so the sheet holds
# '基本支出' over the codes and '人员经费' over the names. The table stage reads such a header (a
# column word over the body's codes or names) in printed order, as for text and Excel, so the
# amount columns are named right; what still differs is listed per seed.
XFAIL_PDF = {
    "000_87792da19c622395": "项目支出预算表: three projects (信访维稳经费, 市升规入库企业奖励资金, "
    "视频点调系统运行维护费) come out in another order than the text's",
    "001_f756e9a8bddbf743": "项目支出预算表 / 绩效目标表 rows of the 7-pt tables printed two pages "
    "across are read as 'raw' tables (projects and performance lost); units carry their codes "
    "('沈阳市工业和信息化局本级558001') and are listed twice",
    "002_df00543b5fb556ea": "项目支出预算表: projects lost or merged ('其他资金月底 12 月底'), names "
    "lose the text's spaces ('2023 年' → '2023年'); operating_costs and 5 project performance "
    "tables missing",
    "004_307b00c8d6f72425": "three_public amounts read as zeros (财政拨款“三公”经费支出决算表 names one "
    "column, 'actual', and its figures stand far right of the header words; not yet looked into)",
}


def _leaves(value: Any, path: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        return {k: v for key, item in value.items() for k, v in _leaves(item, f"{path}.{key}" if path else key).items()}
    if isinstance(value, list):
        return {k: v for i, item in enumerate(value) for k, v in _leaves(item, f"{path}[{i}]").items()}
    return {path: value}


def _summary(path: Path) -> dict[str, Any]:
    """The summary as ``yusuan summary --json`` prints it, by leaf path, ``source`` left out."""
    data = json.loads(dumps(yusuan.summary(yusuan.read(path))))
    return {k: v for k, v in _leaves(data).items() if not k.startswith("source")}


@cache
def _text_summary(seed: str) -> dict[str, Any]:
    return _summary(EXAMPLES / f"{seed}.txt")


def _cases() -> list[Any]:
    cases = []
    for seed in SEEDS:
        for ext in ("xlsx", "xls", "pdf"):
            if ext == "xls" and not (DATA / f"{seed}.xls").exists():
                continue
            marks = [pytest.mark.xfail(reason=XFAIL_PDF[seed], strict=False)] if ext == "pdf" and seed in XFAIL_PDF else []
            cases.append(pytest.param(seed, ext, marks=marks, id=f"{seed[:3]}.{ext}"))
    return cases


@pytest.mark.parametrize(("seed", "ext"), _cases())
def test_derived_document_gives_the_text_summary(seed: str, ext: str) -> None:
    path = DATA / f"{seed}.{ext}"
    if not path.exists():
        pytest.skip(f"{path} is absent (run tests/data/make_test_documents.py)")
    want, got = _text_summary(seed), _summary(path)
    wrong = {k: (want.get(k), got.get(k)) for k in sorted(set(want) | set(got)) if want.get(k) != got.get(k)}
    assert not wrong, f"{len(wrong)} of {len(want)} fields differ, first: {list(wrong.items())[:5]}"
