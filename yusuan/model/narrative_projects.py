"""Projects named in the 情况说明 (文字中列明的项目), for documents without project tables.

Some templates print neither a 项目支出表 nor per-project 绩效目标表 but still name their projects
in the text: a list under the performance-target paragraph ('编报绩效目标的项目共4个…其中：A
418.80万元，B 10.00万元…', taken only when the number of items equals the stated count), or a
project description section ('一、项目概况 由X建设的Y，…', amount unknown). Patterns are in
claims.yaml (``named_projects``).
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from yusuan.model.disclosure import Narrative, Project
from yusuan.model.narrative_claims import normalise
from yusuan.model.provenance import Amount, Provenance
from yusuan.model.wrapped import clean_unit_name
from yusuan.money import convert, parse_amount


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data: dict[str, Any] = yaml.safe_load(files("yusuan.model").joinpath("claims.yaml").read_text("utf-8"))
    return {key: re.compile(value) for key, value in data["named_projects"].items()}


def _listed(text: str, money_unit: str, where: Provenance) -> list[Project]:
    p = _patterns()
    out: list[Project] = []
    for count in p["list_count"].finditer(text):
        start = p["list_start"].search(text, count.end(), count.end() + 80)
        if start is None:
            continue
        end = text.find("。", start.end())
        items = [i for i in re.split(r"[，、；]", text[start.end() : end if end >= 0 else len(text)]) if i]
        found = [m for i in items if (m := p["item"].match(i))]
        if len(found) != int(count.group("count")) or len(found) != len(items):
            continue
        for m in found:
            value = parse_amount(m.group("amount"))
            if value is None:
                continue
            converted = convert(value, m.group("unit"), money_unit)
            out.append(
                Project(
                    name=m.group("name"),
                    amount=Amount(converted, m.group(0)[len(m.group("name")) :], where),
                    origin="narrative",
                    where=where,
                )
            )
    return out


def _described(text: str, where: Provenance) -> list[Project]:
    m = _patterns()["built_by"].search(text)
    if m is None:
        return []
    return [
        Project(
            name=m.group("name"),
            amount=None,
            unit=clean_unit_name(m.group("unit")),
            origin="narrative",
            where=where,
        )
    ]


def projects_from_narrative(narrative: Narrative, money_unit: str, source: str) -> list[Project]:
    """Projects the text names, amounts converted into ``money_unit`` (None where not printed)."""
    listed: list[Project] = []
    described: list[Project] = []
    for section in narrative.sections:
        where = Provenance(source=source, line=section.line, kind="narrative")
        text = normalise(section.text)
        listed.extend(_listed(text, money_unit, where))
        if _patterns()["sections"].search(section.title):
            described.extend(_described(text, where))
    return listed or described
