"""Real PDFs of other templates without truth (../shared/pdf/wild): every one is read, its 三公
figures add up, identity and the text's 机关运行经费/政府采购 are found; two are checked against
figures read by hand from the document."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SHARED, shared_path
from yusuan.key_figures import summarise
from yusuan.pipeline import read

pytestmark = pytest.mark.slow
WILD = sorted(p.name for p in (SHARED / "pdf" / "wild").glob("*.pdf")) or ["(absent)"]
_cache: dict[str, dict[str, Any]] = {}


def _summary(name: str) -> dict[str, Any]:
    if name not in _cache:
        _cache[name] = summarise(read(shared_path("pdf", "wild", name)))
    return _cache[name]


@pytest.mark.parametrize("name", WILD)
def test_wild_document_parts_are_consistent(name: str) -> None:
    s = _summary(name)
    assert s["year"] == 2026
    assert s["department"] and "部分" not in s["department"]
    tp = s["three_public"]
    if "项目支出绩效目标表" in name:
        assert s["project_performance_tables"] > 0 and len(s["projects"]) == s["project_performance_tables"]
        assert not any("指标" in p["name"] or "总计" in p["name"] for p in s["projects"])
        assert "广州市镇（街）园区环保监督检查员经费（越秀区）" in [p["name"] for p in s["projects"]]
        return
    assert tp["total"] is not None
    assert tp["total"] == tp["outbound"] + tp["vehicle_total"] + tp["reception"]
    assert tp["vehicle_total"] == tp["vehicle_purchase"] + tp["vehicle_operation"]
    assert s["operating_costs"] is not None
    assert s["government_procurement_total"] is not None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "中共广州市委宣传部_2026_部门预算.pdf",
            {
                "department": "中国共产党广州市委员会宣传部",
                "units": [
                    "中国共产党广州市委员会宣传部",
                    "中共广州市委讲师团",
                    "广州市国防教育中心",
                    "广州市版权保护中心",
                ],
                "three_public": ("176.31", "80.00", "74.10", "0.00", "74.10", "22.21"),
                "operating_costs": "882.34",
                "government_procurement_total": "6066.15",
            },
        ),
        (
            "苏州市审计局_2026_部门预算.pdf",
            {
                "department": "苏州市审计局",
                "units": ["苏州市审计局"],
                "three_public": ("10.00", "0.00", "0.00", "0.00", "0.00", "10.00"),
                "operating_costs": "395.6",
                "government_procurement_total": "188.5",
            },
        ),
    ],
)
def test_wild_document_read_by_hand(name: str, expected: dict[str, Any]) -> None:
    if not Path(SHARED / "pdf" / "wild" / name).exists():
        pytest.skip(f"{name} is absent")
    s = _summary(name)
    assert s["department"] == expected["department"]
    assert s["units"] == expected["units"]
    keys = ("total", "outbound", "vehicle_total", "vehicle_purchase", "vehicle_operation", "reception")
    assert tuple(s["three_public"][k] for k in keys) == tuple(Decimal(v) for v in expected["three_public"])
    assert s["operating_costs"] == Decimal(expected["operating_costs"])
    assert s["government_procurement_total"] == Decimal(expected["government_procurement_total"])


def test_guangzhou_project_table_reads_by_columns() -> None:
    """'部门预算项目支出及其他支出预算表' (unit rows and projects in one column, 绩效目标 text to the
    right) — read directly, as the catalogue does not route this title yet."""
    from yusuan.model.build import _span
    from yusuan.read import read_layout
    from yusuan.tables.projects import read_projects
    from yusuan.tables.segment import find_tables

    layout = read_layout(shared_path("pdf", "wild", "中共广州市委宣传部_2026_部门预算.pdf"))
    tables, _ = find_tables(layout)
    table = next(t for t in tables if "项目支出及其他支出" in t.title)
    projects = read_projects(table, "x", _span(list(layout.lines()), table))
    assert sum(p.amount.value for p in projects if p.amount) == Decimal("16777.55")  # the printed 合计
    assert {p.unit for p in projects} == {
        "中国共产党广州市委员会宣传部",
        "中共广州市委讲师团",
        "广州市国防教育中心",
        "广州市版权保护中心",
    }
    assert not any("类别" in p.name for p in projects)
    assert projects[2].name == "2026年文艺精品创作与群众文化建设工作经费"
