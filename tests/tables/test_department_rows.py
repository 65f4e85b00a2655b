"""A unit-coded row whose code heads the unit codes after it is the department's subtotal (苏州
收入总表: '024 苏州市审计局' over '024001 苏州市审计局'), not a second unit."""

from __future__ import annotations

from yusuan.tables.rows import RawRow
from yusuan.tables.statements import _department_rows


def test_department_code_over_its_units_is_a_subtotal() -> None:
    rows = [RawRow(name="合计"), RawRow(code="024", name="苏州市审计局"), RawRow(code="024001", name="苏州市审计局")]
    assert _department_rows(["total", "unit", "unit"], rows) == ["total", "total", "unit"]


def test_units_side_by_side_stay_units() -> None:
    rows = [RawRow(code="558001", name="本级"), RawRow(code="558002", name="中心")]
    assert _department_rows(["unit", "unit"], rows) == ["unit", "unit"]
