"""名词解释: the template's standard terms, then every 功能科目 the tables use (类 › 款 › 项).

Names come from the code dictionary of the document's year (yusuan/codes), falling back to the
name the table prints; an explanation the model's own glossary gives for a 科目 is kept, else the
entry says what the 科目 reflects in a fixed sentence.
"""

from __future__ import annotations

import re
from functools import cache

import yaml

from yusuan import codes
from yusuan.model import Disclosure
from yusuan.publish.document import Section
from yusuan.publish.spec import BASE, TemplateSpec, templates_root

_SPENDING = ("expenditure_summary", "general_budget_expenditure", "function_classification", "income_summary")
_NOISE = re.compile(r"[\s()（）类款项:：]")


@cache
def standard_terms() -> dict[str, str]:
    """The standard terms and their explanations (templates/_base/glossary.yaml)."""
    data = yaml.safe_load((templates_root() / BASE / "glossary.yaml").read_text("utf-8"))
    return dict(data["terms"])


def functional_items(d: Disclosure) -> dict[str, str]:
    """Every 功能分类 项 code the spending tables print → the name they print (first seen)."""
    found: dict[str, str] = {}
    for kind in _SPENDING:
        for table in d.tables_of(kind):
            for item in table.items:
                if item.code and item.code.isdigit() and len(item.code) == 7 and item.code[0] == "2":
                    found.setdefault(item.code, item.name)
    return dict(sorted(found.items()))


def _name(code: str, printed: str | None, year: int | None) -> str:
    entry = codes.lookup(code, "functional", year)
    return entry.name if entry else (printed or code)


def _path(code: str, names: dict[str, str], year: int | None) -> str:
    return (f"{_name(code[:3], names.get(code[:3]), year)}（类）{_name(code[:5], names.get(code[:5]), year)}（款）"
            f"{_name(code, names.get(code), year)}（项）")


def glossary(d: Disclosure, spec: TemplateSpec) -> list[Section]:
    """The 名词解释 entries, numbered."""
    terms = standard_terms()
    chosen = [t for t in spec.glossary_terms if t in terms] or list(terms)
    printed = {i.code: i.name for t in d.tables for i in t.items if i.code}
    own = {_NOISE.sub("", k): v for k, v in d.narrative.glossary.items()}
    entries = [(t, terms[t]) for t in chosen]
    for code in functional_items(d):
        path = _path(code, printed, d.year)
        explained = own.get(_NOISE.sub("", path)) or f"反映用于{_name(code, printed.get(code), d.year)}方面的支出。"
        entries.append((path, explained))
    return [Section(f"{n}. {term}", [text], level=3) for n, (term, text) in enumerate(entries, start=1)]
