"""Cross-document checks end to end: a store holding last year's document, `yusuan check --db`.

Three consecutive Putuo budgets (../shared/pdf) whose year-on-year statements all hold (truth
notes: 16497.86 − 876.75 = 15621.11; 三公 22.91 + 25 = 47.91; 购置费 0 → 25; …; 2025:
15,621.11 + 3,355.65 = 18,976.76; 三公 47.91 − 10 = 37.91), a doctored copy of the 2023 document,
and generated text variants of a seed budget. Each PDF is read once per module (about 1 s each).
"""

from __future__ import annotations

import copy
import hashlib
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.check.test_history import PREVIOUS_TEXT_ROW, SEED_TEXT, previous_variant
from tests.conftest import shared_path
from yusuan import read
from yusuan.check import run_checks
from yusuan.check.context import Context
from yusuan.check.previous import from_store
from yusuan.check.rules.history import _statements
from yusuan.cli.app import main
from yusuan.model import Amount, Disclosure, NarrativeFigure
from yusuan.store import Store
from yusuan.store.worker import document_rows

NAME = "shanghai_putuo_wanlijiedao_{}_bumen_yusuan.pdf"
HISTORY = ("history.change", "history.change_pct", "history.previous", "history.three_public")


def _pdf(year: int) -> Path:
    return shared_path("pdf", NAME.format(year))


@pytest.fixture(scope="module")
def putuo() -> dict[int, Disclosure]:
    """The three Putuo budgets, each read once."""
    return {year: read(_pdf(year)) for year in (2023, 2024, 2025)}


def _store(path: Path, *docs: Disclosure) -> Path:
    """A store holding ``docs`` (written directly: the PDFs are already read)."""
    with Store(path) as store:
        for d in docs:
            doc_id = hashlib.sha256(f"{d.department}|{d.year}|{d.source}|{id(d)}".encode()).hexdigest()
            assert store.write(document_rows(d, [], doc_id=doc_id, path=d.source, size=0))
    return path


def _history(findings: list[Any]) -> list[Any]:
    return [f for f in findings if f.rule.startswith("history.") or "执行失败" in f.message]


def _check_json(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, Any]]:
    main(["check", *args, "--json"])
    out = json.loads(capsys.readouterr().out)
    docs = out if isinstance(out, list) else [out]
    return [f for doc in docs for f in doc["findings"]]


def test_cli_2024_against_ingested_2023(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`yusuan ingest 2023.pdf`, then `yusuan check 2024.pdf --db` (the store stays unchanged)."""
    db = tmp_path / "s.duckdb"
    assert main(["ingest", str(_pdf(2023)), "--db", str(db), "--jobs", "0"]) == 0
    capsys.readouterr()
    before = db.read_bytes()
    findings = _check_json(capsys, str(_pdf(2024)), "--db", str(db))
    assert [f for f in findings if f["rule"].startswith("history.") or "执行失败" in f["message"]] == []
    assert db.read_bytes() == before  # read-only use of the store


def test_consistent_years_have_no_history_findings(putuo: dict[int, Disclosure], tmp_path: Path) -> None:
    """2024 against 2023 and 2025 against 2024: every stated change holds, and the rules did run."""
    db = _store(tmp_path / "s.duckdb", putuo[2023], putuo[2024])
    for year in (2024, 2025):
        provider = from_store(db)
        assert provider(putuo[year]) is not None, f"no previous document for {year}"
        assert _history(run_checks(putuo[year], previous=provider)) == []
        # … and the statements were compared: 财政拨款 (2×), 一般公共预算, 基金, 国资, 三公 合计 and its 5 parts
        compared = {base for base, *_ in _statements(Context(putuo[year], provider), ".change")}
        assert {"fiscal.total", "general_public_budget.total", "three_public.total",
                "three_public.vehicle_purchase", "three_public.reception"} <= compared


def _doctor_2023(d: Disclosure) -> Disclosure:
    """The 2023 budget with other 三公 figures in its table and text: 合计 32.91 (was 22.91),
    购置及运行费 31.56 (was 21.56), 购置费 10 (was 0)."""
    bad = copy.deepcopy(d)
    tp = bad.three_public
    assert tp is not None
    doctored = {"total": "32.91", "vehicle_total": "31.56", "vehicle_purchase": "10"}
    for key, text in doctored.items():
        old = tp.current[key]
        tp.current[key] = Amount(Decimal(text), text, old.where)
    new: list[NarrativeFigure] = []
    for f in bad.narrative.figures:
        key = f.claim.removeprefix("three_public.")
        if key in doctored:  # the text quotes the same figures
            f = NarrativeFigure(f.claim, Decimal(doctored[key]), f"{doctored[key]}万元", f.unit, f.sentence, f.where)
        new.append(f)
    bad.narrative.figures = new
    return bad


def test_doctored_previous_document_gives_errors_naming_it(putuo: dict[int, Disclosure], tmp_path: Path) -> None:
    db = _store(tmp_path / "s.duckdb", _doctor_2023(putuo[2023]))
    found = _history(run_checks(putuo[2024], previous=from_store(db)))
    by_claim = {f.locations[0].row: f for f in found}
    assert set(by_claim) == {
        "three_public.total.change",
        "three_public.vehicle_total.change",
        "three_public.vehicle_purchase.change",
    }
    f = by_claim["three_public.total.change"]
    assert f.rule == "history.change" and f.severity == "error"
    assert f.values == ("25", "15.00")
    assert "shanghai_putuo_wanlijiedao_2023_bumen_yusuan.pdf" in f.message and "2023年" in f.message
    previous = [loc for loc in f.locations if loc.kind == "previous_year"]
    assert previous and previous[0].table == "上年文件 shanghai_putuo_wanlijiedao_2023_bumen_yusuan.pdf"


def test_execution_figures_are_not_compared(putuo: dict[int, Disclosure], tmp_path: Path) -> None:
    """The 2024 text's '2023年当年预算执行数' items carry .previous/.change_pct claims; none is
    compared with the 2023 budget although the 2023 document prints other figures for the same codes."""
    d = putuo[2024]
    assert any(f.claim.startswith("function:") and f.claim.endswith(".change_pct") for f in d.narrative.figures)
    db = _store(tmp_path / "s.duckdb", putuo[2023])
    assert not [f for f in run_checks(d, previous=from_store(db)) if "function:" in f.message and
                f.rule.startswith("history.")]


def test_no_previous_document_no_findings(putuo: dict[int, Disclosure], tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """A store without 2024: checking 2025 with --db is the same as without it."""
    db = _store(tmp_path / "s.duckdb", putuo[2023])
    assert from_store(db)(putuo[2025]) is None
    assert _history(run_checks(putuo[2025], previous=from_store(db))) == []


# -- generated text variants of a seed budget (fast: text only) -------------------------------------


def _ingest_text(tmp_path: Path, name: str, text: str, capsys: pytest.CaptureFixture[str], db: Path) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    assert main(["ingest", str(path), "--db", str(db), "--jobs", "0"]) == 0
    capsys.readouterr()
    return path


def test_text_variant_consistent_previous_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A 2023 variant whose figures are what the 2024 text says they were: no history finding."""
    seed = SEED_TEXT.read_text("utf-8")
    db = tmp_path / "t.duckdb"
    _ingest_text(tmp_path, "shenyang_2023.txt", previous_variant(seed, PREVIOUS_TEXT_ROW), capsys, db)
    this = tmp_path / "shenyang_2024.txt"
    this.write_text(seed, "utf-8")
    findings = _check_json(capsys, str(this), "--db", str(db))
    assert [f for f in findings if f["rule"] in HISTORY] == []


def test_text_variant_doctored_previous_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A 2023 variant with other 三公 and 机关运行经费 figures: the stated changes fail, naming it."""
    seed = SEED_TEXT.read_text("utf-8")
    db = tmp_path / "t.duckdb"
    row = ["118.65", "75.48", "42.00", "28.00", "14.00", "1.17"]
    _ingest_text(tmp_path, "shenyang_2023.txt", previous_variant(seed, row, operating="400.00"), capsys, db)
    this = tmp_path / "shenyang_2024.txt"
    this.write_text(seed, "utf-8")
    findings = [f for f in _check_json(capsys, str(this), "--db", str(db)) if f["rule"] in HISTORY]
    rows = {(f["rule"], f["locations"][0]["row"]) for f in findings if f["severity"] == "error"}
    assert rows == {
        ("history.change", "three_public.total.change"),
        ("history.change", "three_public.vehicle_total.change"),
        ("history.change", "operating_costs.change"),
        ("history.change_pct", "operating_costs.change_pct"),
    }
    for f in findings:
        assert any(loc["table"] == "上年文件 shenyang_2023.txt" for loc in f["locations"]), f
        assert "2023年" in f["message"]
