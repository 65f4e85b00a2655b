"""The read path for one disclosure printed as several files (表格 + 情况说明), as a folder marked
with a manifest, and as text alone; a file that is neither tables nor a budget text is refused."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

import yusuan
from tests.conftest import EXAMPLES, shared_path
from yusuan.cli.app import main
from yusuan.errors import NotADisclosure, UnreadableInput
from yusuan.key_figures import summarise
from yusuan.pipeline import MANIFEST, members
from yusuan.read import read_layout
from yusuan.tables.segment import find_tables

SEED = EXAMPLES / "002_df00543b5fb556ea.txt"

TEXT_ONLY = """西安市某某局
2025年部门综合预算说明
一、收支预算情况
2025年本部门预算收入3,000.00万元，其中一般公共预算拨款收入2,800.00万元，比上年增加120.00万元。
二、“三公”经费预算情况
本部门当年一般公共预算“三公”经费预算支出18.60万元，其中：因公出国（境）经费0万元；公务接待费8.60万元；
公务用车运行维护费10.00万元。
三、机关运行经费安排情况
本部门2025年机关运行经费预算安排343.61万元，较上年增加16.78万元。
四、政府采购情况
2025年本部门政府采购预算共890.65万元，其中政府采购货物类预算0万元、政府采购服务类预算890.65万元。
"""
NOVEL = "第一章\n从前有座山，山里有座庙。2019年的冬天，庙里的老和尚给小和尚讲故事，讲了三天三夜。\n"
INVOICE = "增值税普通发票\n开票日期：2024年05月06日\n货物名称 数量 单价 金额 税额\n办公用品 10 20.00 200.00 26.00\n价税合计 226.00元\n"


@pytest.fixture(scope="module")
def split(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The seed as two files: its table lines, and the lines outside every table (its 情况说明)."""
    folder = tmp_path_factory.mktemp("two")
    layout = read_layout(SEED)
    _, narrative = find_tables(layout)
    prose = {ln.number for ln in narrative}
    lines = list(layout.lines())
    tables_file, text_file = folder / "表格.txt", folder / "情况说明.txt"
    tables_file.write_text("\n".join(ln.raw for ln in lines if ln.number not in prose) + "\n", "utf-8")
    text_file.write_text("\n".join(ln.raw for ln in lines if ln.number in prose) + "\n", "utf-8")
    return tables_file, text_file


def _rules(d: yusuan.model.Disclosure) -> list[tuple[str, str]]:
    return sorted((f.rule, f.severity) for f in yusuan.check(d))


def test_two_files_read_as_the_one_they_were_cut_from(split: tuple[Path, Path]) -> None:
    whole, joined = yusuan.read(SEED), yusuan.read(list(split))
    expected, got = summarise(whole), summarise(joined)
    assert {k for k in expected if expected[k] != got[k]} == {"source"}
    assert got["source"] == "表格.txt + 情况说明.txt"
    assert len(joined.narrative.figures) == len(whole.narrative.figures) > 0
    assert {f.where.source for f in joined.narrative.figures if f.where} == {"情况说明.txt"}
    assert _rules(joined) == _rules(whole)


def test_the_text_file_alone_quotes_figures_the_tables_file_lacks(split: tuple[Path, Path]) -> None:
    assert yusuan.read(split[0]).narrative.figures == []
    assert yusuan.read(split[1]).narrative.figures  # read as text alone, not refused


def test_order_of_the_files_does_not_matter(split: tuple[Path, Path]) -> None:
    a, b = summarise(yusuan.read(list(split))), summarise(yusuan.read(list(reversed(split))))
    assert {k for k in a if a[k] != b[k]} == {"source"}


def test_a_folder_with_a_manifest_is_one_disclosure(split: tuple[Path, Path]) -> None:
    folder = split[0].parent
    (folder / MANIFEST).write_text("# 表格与情况说明\n表格.txt\n情况说明.txt\n", "utf-8")
    assert members(folder) == list(split)
    assert summarise(yusuan.read(folder))["revenue"] == summarise(yusuan.read(SEED))["revenue"]
    (folder / MANIFEST).write_text("", "utf-8")  # empty: every document file of the folder
    assert sorted(members(folder)) == sorted(split)


def test_a_folder_without_manifest_or_with_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput, match=re.escape(MANIFEST)):
        yusuan.read(tmp_path)
    (tmp_path / MANIFEST).write_text("没有.pdf\n", "utf-8")
    with pytest.raises(UnreadableInput, match=re.escape("没有.pdf")):
        yusuan.read(tmp_path)


def test_cli_as_one(split: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(p) for p in split]
    assert main(["summary", *files]) == 64  # several files need --as-one
    capsys.readouterr()
    assert main(["summary", *files, "--as-one", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["source"] == "表格.txt + 情况说明.txt"
    assert main(["check", *files, "--as-one", "--json", "--fail-on", "error"]) in (0, 1)
    assert json.loads(capsys.readouterr().out)["source"] == "表格.txt + 情况说明.txt"
    db = str(tmp_path / "s.duckdb")
    assert main(["ingest", *files, "--as-one", "--db", db, "--json", "-q"]) == 0
    assert json.loads(capsys.readouterr().out)["ingested"] == 1
    assert main(["ingest", *files, "--as-one", "--db", db, "--json", "-q"]) == 0
    assert json.loads(capsys.readouterr().out)["skipped"] == 1
    assert main(["list", "--db", db, "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1


def test_text_alone_is_read(tmp_path: Path) -> None:
    path = tmp_path / "说明.txt"
    path.write_text(TEXT_ONLY, "utf-8")
    d = yusuan.read(path)
    s = summarise(d)
    assert (s["department"], s["year"], s["money_unit"]) == ("西安市某某局", 2025, "万元")
    assert s["revenue"]["grand_total"] == 3000 and s["revenue"]["general_public_budget"] == 2800
    assert s["three_public"]["total"] == Decimal("18.60") and s["three_public"]["outbound"] == 0
    assert s["operating_costs"] == Decimal("343.61")
    assert s["government_procurement_total"] == Decimal("890.65")
    assert not [f for f in yusuan.check(d) if f.severity == "error"]


@pytest.mark.parametrize("text", [NOVEL, INVOICE], ids=["novel", "invoice"])
def test_neither_tables_nor_budget_text_is_refused(text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.txt"
    path.write_text(text, "utf-8")
    with pytest.raises(NotADisclosure, match="不是部门预算/决算公开文件"):
        yusuan.read(path)
    assert main(["summary", str(path)]) == 2
    assert "x.txt" in capsys.readouterr().err


def test_real_text_only_disclosure() -> None:
    path = shared_path("pdf", "wild2", "xian_2019_西安市发展和改革委员会_预算.pdf")
    s = summarise(yusuan.read(path))
    assert (s["department"], s["year"]) == ("西安市发展和改革委员会", 2019)
    assert str(s["revenue"]["grand_total"]) == "203091.65"
    assert str(s["three_public"]["total"]) == "18.6" and str(s["three_public"]["reception"]) == "8.6"
    assert str(s["operating_costs"]) == "343.61" and str(s["government_procurement_total"]) == "890.65"
