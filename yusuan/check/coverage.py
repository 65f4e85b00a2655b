"""Read coverage (读取完整度): how much of a document's key figures the reader resolved.

Why: a reviewer must tell a reader gap from an error of the document. The six criteria are those
a fully read disclosure meets whatever its template (see the reader issue): each is decided from
the summary alone, within one unit of the last printed digit per part, so coverage can be shown
for any stored or freshly read document without re-reading it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

CRITERIA: dict[str, str] = {
    "T": "收入总计 = 支出总计（均有且非零）",
    "C": "功能分类 类 齐全，Σ 类 = 本年支出合计",
    "B": "基本支出 + 项目支出 = 本年支出合计",
    "G": "一般公共预算支出合计已读出",
    "E": "基本支出经济分类 Σ 类 = 一般公共预算基本支出",
    "S": "“三公”经费合计已读出（0 亦可）",
}


@dataclass(frozen=True)
class ReadCoverage:
    """Which of the six criteria a summary meets; ``passed``/``total`` is the coverage."""

    criteria: dict[str, bool]

    @property
    def passed(self) -> int:
        return sum(self.criteria.values())

    @property
    def total(self) -> int:
        return len(self.criteria)

    @property
    def full(self) -> bool:
        return self.passed == self.total

    @property
    def missing(self) -> list[str]:
        """The criteria not met, as their Chinese descriptions."""
        return [CRITERIA[k] for k, ok in self.criteria.items() if not ok]

    def label(self) -> str:
        """``6/6`` style label for tables and the dashboard."""
        return f"{self.passed}/{self.total}"


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _near(a: Decimal | None, b: Decimal | None, parts: int, unit: str | None) -> bool:
    cent = Decimal("0.01") * (100 if unit == "元" else 1)
    return a is not None and b is not None and abs(a - b) <= cent * max(parts, 1)


def read_coverage(summary: Mapping[str, Any]) -> ReadCoverage:
    """The six criteria for ``summary`` (the dict of :func:`yusuan.summary`, Decimals or numbers)."""
    unit = summary.get("money_unit")
    revenue = summary.get("revenue") or {}
    spending = summary.get("expenditure") or {}
    income_total, spending_total = _dec(revenue.get("grand_total")), _dec(spending.get("grand_total"))
    current = _dec(spending.get("current_year_total"))
    classes = [_dec(v) for v in (spending.get("by_function_class") or {}).values() if v is not None]
    basic, project = _dec(spending.get("basic")), _dec(spending.get("project"))
    general = summary.get("general_public_budget_expenditure") or {}
    economic = [
        _dec(v) for k, v in (summary.get("basic_by_economic_class") or {}).items() if v is not None and len(k) == 3
    ]
    target = _dec(general.get("basic")) if general.get("basic") is not None else basic
    both = None if basic is None or project is None else basic + project
    return ReadCoverage(
        {
            "T": income_total is not None and income_total != 0 and income_total == spending_total,
            "C": bool(classes) and _near(sum(classes, Decimal(0)), current, len(classes), unit),
            "B": both is not None and (_near(both, current, 2, unit) or _near(both, spending_total, 2, unit)),
            "G": general.get("total") is not None,
            "E": bool(economic) and _near(sum(economic, Decimal(0)), target, len(economic), unit),
            "S": (summary.get("three_public") or {}).get("total") is not None,
        }
    )
