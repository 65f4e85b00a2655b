"""previous_year: the same department's document for the year before, rebuilt from the store."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import yusuan
from tests.store.conftest import make_disclosure
from tests.store.helpers import put
from yusuan.check import run_checks
from yusuan.key_figures import dumps
from yusuan.store import Store, previous_year, previous_year_figures


def test_previous_year_round_trips_the_summary(tmp_path: Path) -> None:
    last = make_disclosure(year=2024)
    with Store(tmp_path / "s.duckdb") as store:
        put(store, last)
        put(store, make_disclosure(department="别的部门", year=2024))
        found = previous_year(store, make_disclosure(year=2025))
        assert previous_year(store, make_disclosure(year=2026)) is None
        assert previous_year(store, {"department": "无此部门", "year": 2025}) is None
    assert found is not None and found.department == "测试市财政局" and found.year == 2024
    a, b = yusuan.summary(last), yusuan.summary(found)
    a.pop("source"), b.pop("source")
    assert dumps(a) == dumps(b)
    assert found.table("expenditure_summary").total_row().values["total"].text == "420.50"


def test_previous_year_by_path_and_figures(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        doc_id = put(store, make_disclosure(year=2024))
    figures = previous_year_figures(db, {"department": " 测试市 财政局", "year": 2025, "kind": "预算"})
    assert figures is not None and figures["doc_id"] == doc_id
    assert str(figures["expenditure"]["current_year_total"]) == "420.50"
    assert previous_year(db, make_disclosure(year=2025)) is not None


def test_fits_the_checkers_previous_provider(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        put(store, make_disclosure(year=2024))
        findings = run_checks(make_disclosure(year=2025, scale=2), previous=partial(previous_year, store))
    assert isinstance(findings, list)
