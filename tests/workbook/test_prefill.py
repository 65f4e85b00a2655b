"""--from: a workbook pre-filled from this year's tables reads back to the document's summary;
pre-filled from last year's document, its totals become the 上年数 the 情况说明 compares with."""

from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

import yusuan
from tests.conftest import EXAMPLES
from yusuan.cli.app import main
from yusuan.publish.guard import comparable
from yusuan.workbook.entries import Entries
from yusuan.workbook.prefill import prefill
from yusuan.workbook.reader import read_entries, read_workbook
from yusuan.workbook.writer import write_template


def test_this_years_tables_read_back_to_the_same_summary(tmp_path: Path) -> None:
    for seed in ("000_87792da19c622395", "001_f756e9a8bddbf743"):
        d = yusuan.read(EXAMPLES / f"{seed}.txt")
        path = tmp_path / f"{seed}.xlsx"
        path.write_bytes(write_template(d.kind, d.year, prefill(d, d.kind, d.year)))
        want, got = comparable(yusuan.summary(d), d.money_unit), comparable(yusuan.summary(read_workbook(path)), d.money_unit)
        assert {k: (want.get(k), got.get(k)) for k in want if want.get(k) != got.get(k)} == {}, seed


def test_last_years_document_gives_the_previous_year(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "2025.xlsx"
    assert main(["template", "--from", str(EXAMPLES / "001_f756e9a8bddbf743.txt"), "-o", str(out)]) == 0
    e: Entries = read_entries(out)
    assert e.year == 2025 and e.info["部门名称"] == "沈阳市工业和信息化局"
    others = {r["项目"]: r["金额"] for r in e.of("其他数字")}
    assert others["上年收入总计"] == D("103600.23") and others["上年机关运行经费"] == D("388.03")
    three = {r["项目"]: (r["本年数"], r["上年数"]) for r in e.of("三公经费")}
    assert three["因公出国（境）费"] == (None, D("75.15"))  # this year's is for the department to fill in
    assert len(e.of("项目")) == 61 and len(e.of("绩效目标")) > 61


def test_prefill_from_a_model_json(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["parse", str(EXAMPLES / "000_87792da19c622395.txt")]) == 0
    model = tmp_path / "m.json"
    model.write_text(capsys.readouterr().out, "utf-8")
    out = tmp_path / "from_model.xlsx"
    assert main(["template", "--from", str(model), "--year", "2025", "-o", str(out)]) == 0
    assert main(["summary", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out.split("\n", 1)[1])["revenue"]["grand_total"] == 1425.40
