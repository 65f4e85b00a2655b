"""What a person typed into the budget-entry workbook, as plain rows (录入数据).

Why an intermediate value: the writer fills it in from a model (``--from``) and writes it; the
reader reads it back from the sheets and :mod:`yusuan.workbook.build` turns it into the model. Rows
are dicts keyed by the column headers of :mod:`yusuan.workbook.sheets`; money is Decimal, each
row keeps the sheet row it came from (``_row``) so a finding can point at the cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Row = dict[str, Any]


@dataclass(slots=True)
class Entries:
    """The rows of every input sheet, and the 基本信息 fields."""

    info: dict[str, Any] = field(default_factory=dict)
    rows: dict[str, list[Row]] = field(default_factory=dict)
    source: str = "budget.xlsx"

    def of(self, sheet: str) -> list[Row]:
        """The rows of ``sheet`` (empty when it has none)."""
        return self.rows.setdefault(sheet, [])

    @property
    def kind(self) -> str:
        return "决算" if str(self.info.get("类型", "预算")).strip() == "决算" else "预算"

    @property
    def year(self) -> int | None:
        value = self.info.get("年度")
        try:
            return int(str(value).strip().removesuffix("年")) if value not in (None, "") else None
        except ValueError:
            return None

    @property
    def money_unit(self) -> str:
        unit = str(self.info.get("金额单位") or "万元").strip()
        return unit if unit in ("元", "万元") else "万元"
