"""Key figures a text-only disclosure states (情况说明所述关键数字): the SUMMARY_SCHEMA fields its
text gives, for a document without tables.

Why only then: where tables exist they are the source of every key figure (and the text is
checked against them); without tables the text is all there is, and a field it states is better
than none. Each field takes the first quotation of its claim, converted into the money unit.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from yusuan.model.disclosure import Disclosure
from yusuan.money import convert

# (section of the summary, field) ← claim keys in order of preference
TEXT_FIELDS: dict[tuple[str, str], tuple[str, ...]] = {
    ("revenue", "grand_total"): ("income.total",),
    ("revenue", "current_year_total"): ("income.current_year",),
    ("revenue", "general_public_budget"): ("general_public_budget.total",),
    ("revenue", "government_fund"): ("government_fund.total",),
    ("revenue", "state_capital"): ("state_capital.total",),
    ("revenue", "fiscal_special_account"): ("fiscal_special_account.total",),
    ("revenue", "unit_funds"): ("unit_funds.total",),
    ("revenue", "carryover_from_last_year"): ("income.carryover",),
    ("expenditure", "grand_total"): ("expenditure.total",),
    ("expenditure", "current_year_total"): ("expenditure.current_year",),
    ("expenditure", "carryover_to_next_year"): ("expenditure.carryover",),
    ("expenditure", "basic"): ("expenditure.basic",),
    ("expenditure", "personnel"): ("expenditure.personnel",),
    ("expenditure", "public"): ("expenditure.public",),
    ("expenditure", "project"): ("expenditure.project",),
    ("general_public_budget_expenditure", "total"): ("general_public_budget.total",),
    ("general_public_budget_expenditure", "basic"): ("general_public_budget.basic",),
}


def stated(d: Disclosure, claim: str) -> Decimal | None:
    """The first money figure the text quotes for ``claim``, in ``d.money_unit``."""
    figure = d.narrative.figure(claim)
    if figure is None or figure.unit in ("%", "％"):
        return None
    if not figure.unit or figure.unit == d.money_unit:
        return figure.value
    return convert(figure.value, figure.unit, d.money_unit)


def fill_from_text(d: Disclosure, summary: dict[str, Any]) -> None:
    """Fill the empty fields of ``summary`` that the text of a table-less ``d`` states."""
    if d.tables:
        return
    for (section, field), claims in TEXT_FIELDS.items():
        if summary[section].get(field) is None:
            summary[section][field] = next((v for c in claims if (v := stated(d, c)) is not None), None)
