"""The figures the 情况说明 quotes: this year's from the model, last year's from wherever they are.

Why one place: a sentence must quote exactly what the tables print, and last year's figure comes
from the previous year's model when one is given (the store or a file), else from what this
year's own text stated (上年数, or 本年数 − 增减额) — never invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from yusuan.model import Disclosure, Narrative
from yusuan.publish.numbers import in_unit

# claim key → path into the SUMMARY_SCHEMA dict
SUMMARY_PATHS: dict[str, tuple[str, ...]] = {
    "income.total": ("revenue", "grand_total"),
    "income.current_year": ("revenue", "current_year_total"),
    "income.carryover": ("revenue", "carryover_from_last_year"),
    "expenditure.total": ("expenditure", "grand_total"),
    "expenditure.current_year": ("expenditure", "current_year_total"),
    "expenditure.carryover": ("expenditure", "carryover_to_next_year"),
    "expenditure.basic": ("expenditure", "basic"),
    "expenditure.personnel": ("expenditure", "personnel"),
    "expenditure.public": ("expenditure", "public"),
    "expenditure.project": ("expenditure", "project"),
    "general_public_budget.total": ("general_public_budget_expenditure", "total"),
    "general_public_budget.basic": ("general_public_budget_expenditure", "basic"),
    "operating_costs": ("operating_costs",),
    "procurement.total": ("government_procurement_total",),
    **{f"three_public.{k}": ("three_public", k) for k in
       ("total", "outbound", "vehicle_total", "vehicle_purchase", "vehicle_operation", "reception")},
    **{f"revenue.{k}": ("revenue", k) for k in
       ("general_public_budget", "government_fund", "state_capital", "fiscal_special_account", "unit_funds")},
}


_REASON = re.compile(r"原因(?:是|为|主要是|[:：])\s*([^；。]+)")
_SPACE = re.compile(r"\s+")


def reasons_from_text(narrative: Narrative) -> dict[str, str]:
    """The reasons the model's own text gives for its stated changes ('比上年减少10万元，主要原因是
    购置车辆类型不同'), by claim: in the sentence after the change, or in the sentence right after it."""
    text = _SPACE.sub("", "".join(s.text for s in narrative.sections))
    out: dict[str, str] = {}
    for figure in narrative.figures:
        if not figure.claim.endswith(".change"):
            continue
        sentence = _SPACE.sub("", figure.sentence)
        start = sentence.find(_SPACE.sub("", figure.text)) if figure.text else 0
        m = _REASON.search(sentence, max(start, 0))
        if m is None and sentence and (at := text.find(sentence)) >= 0:
            following = text[at + len(sentence): at + len(sentence) + 200].lstrip("。；")
            m = _REASON.match(following.replace("主要原因", "原因", 1)) if following.startswith(("主要原因", "原因")) else None
        if m:
            out.setdefault(figure.claim.removesuffix(".change"), m.group(1).strip("，, "))
    return out


def _dig(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)  # type: ignore[assignment]
    return data


@dataclass(slots=True)
class Facts:
    """This year's and last year's figures of one disclosure, in the unit the text prints."""

    d: Disclosure
    summary: dict[str, Any]
    unit: str
    previous_summary: dict[str, Any] | None = None
    reasons: dict[str, str] = field(default_factory=dict)

    def now(self, claim: str) -> Decimal | None:
        """This year's figure for ``claim`` (None when the document does not state it)."""
        path = SUMMARY_PATHS.get(claim)
        value = _dig(self.summary, path) if path else None
        if value is None:
            figure = self.d.narrative.figure(claim)
            return None if figure is None else self._convert(figure.value, figure.unit)
        return in_unit(value, self.summary.get("money_unit"), self.unit)

    def stated(self, claim: str) -> Decimal | None:
        """A figure this year's text states (e.g. ``procurement.goods``, ``vehicles.count``)."""
        figure = self.d.narrative.figure(claim)
        if figure is None:
            return None
        return self._convert(figure.value, figure.unit) if figure.unit in ("元", "万元", "亿元") else figure.value

    def before(self, claim: str) -> Decimal | None:
        """Last year's figure for ``claim``: the previous model's, else what this year's text or 三公
        table says about last year."""
        if self.previous_summary is not None and (path := SUMMARY_PATHS.get(claim)):
            value = _dig(self.previous_summary, path)
            if value is not None:
                return in_unit(value, self.previous_summary.get("money_unit"), self.unit)
        if claim.startswith("three_public.") and self.d.three_public and self.d.three_public.previous:
            amount = self.d.three_public.previous.get(claim.split(".", 1)[1])
            if amount is not None:
                return in_unit(amount.value, self.d.three_public.money_unit or self.d.money_unit, self.unit)
        stated = self.d.narrative.figure(f"{claim}.previous")
        if stated is not None:
            return self._convert(stated.value, stated.unit)
        change = self.d.narrative.figure(f"{claim}.change")
        now = self.now(claim)
        if change is not None and now is not None and change.unit in ("元", "万元", "亿元"):
            return now - self._convert(change.value, change.unit)
        return None

    def reason(self, claim: str) -> str | None:
        """The reason a person gave for the change of ``claim`` (None: still to be written)."""
        return self.reasons.get(claim) or self.reasons.get(claim.split(".")[0])

    def _convert(self, value: Decimal, unit: str | None) -> Decimal:
        return in_unit(value, unit if unit in ("元", "万元", "亿元") else self.unit, self.unit)
