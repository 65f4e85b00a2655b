"""compare: two stored documents, by 功能分类, basic/project, personnel/public, 三公, projects."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from tests.store.conftest import make_disclosure
from tests.store.helpers import put
from yusuan.cli.app import main
from yusuan.store import Store
from yusuan.store.compare import change, compare


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, str, str]:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        a = put(store, make_disclosure(year=2024, projects=("信息化建设", "办公楼维修")))
        b = put(store, make_disclosure(year=2025, scale=2, projects=("信息化建设", "数据中心")))
    return path, a, b


def test_change() -> None:
    assert change(Decimal("100.00"), Decimal("125.50")) == {
        "a": Decimal("100.00"), "b": Decimal("125.50"), "change": Decimal("25.50"), "change_pct": Decimal("25.50")}
    assert change(Decimal("0"), Decimal("5"))["change_pct"] is None
    assert change(None, Decimal("5"))["change"] is None


def test_compare_parts(pair: tuple[Path, str, str]) -> None:
    db, a, b = pair
    with Store(db, read_only=True) as store:
        data = compare(store, a, b)
    rows = {(r["level"], r["code"]): r for r in data["by_function"]}
    assert rows[("类", "201")]["a"] == Decimal("300.50") and rows[("类", "201")]["b"] == Decimal("601.00")
    assert rows[("款", "20805")]["change"] == Decimal("120.00") and rows[("款", "20805")]["change_pct"] == Decimal("100.00")
    basic = {r["key"]: r for r in data["basic_project"]}
    assert basic["project"]["change"] == Decimal("120.50") and basic["total"]["b"] == Decimal("841.00")
    assert {r["key"]: r["change"] for r in data["personnel_public"]} == {"personnel": Decimal("250.00"),
                                                                          "public": Decimal("50.00")}
    assert {r["key"]: r["b"] for r in data["three_public"]}["reception"] == Decimal("4.00")
    assert [p["name"] for p in data["projects"]["added"]] == ["数据中心"]
    assert [p["name"] for p in data["projects"]["removed"]] == ["办公楼维修"]
    assert data["projects"]["kept"][0]["change_pct"] == Decimal("100.00")


def test_compare_cli(pair: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]) -> None:
    db, a, b = pair
    assert main(["compare", "--db", str(db), "--json", a[:8], b[:8]]) == 0
    data = json.loads(capsys.readouterr().out, parse_float=Decimal)
    assert data["basic_project"][0]["change"] == Decimal("420.50")
    assert main(["compare", "--db", str(db), a[:8], b[:8]]) == 0
    out = capsys.readouterr().out
    assert "一般公共服务支出" in out and "+100.00%" in out and "数据中心" in out
