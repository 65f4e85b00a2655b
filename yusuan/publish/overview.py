"""部门概况: 主要职责 and 机构设置 (the budget units), from what the model's text or a person gave.

Why copied, not generated: a department's duties are words only it can write. The model keeps
them when it was read from a document (its 概况 sections) or from a filled budget-entry workbook;
without them the section is a slot. The list of units is a fact of the model and always printed,
in the form every template uses ('纳入…编制范围的预算单位包括：' then a numbered list).
"""

from __future__ import annotations

import re

from yusuan.model import Disclosure, Narrative
from yusuan.publish.document import SLOT, Section

_DUTIES = re.compile(r"职责|职能")
_OFFICES = re.compile(r"机构设置|单位构成|机构情况")
_STOP = re.compile(r"机构设置|单位构成|第[二三四五六七八九]部分|情况说明|名词解释|编制说明|预算表|公开表|收支")


def source_paragraphs(narrative: Narrative, start: re.Pattern[str], stop: re.Pattern[str]) -> list[str]:
    """The longest run of text under a heading matching ``start`` up to one matching ``stop``."""
    runs: list[list[str]] = []
    current: list[str] | None = None
    for section in narrative.sections:
        title = section.title.strip()
        if start.search(title) and not (current is not None and not current):
            current = []
            runs.append(current)
        elif current is not None and stop.search(title):
            current = None
        elif current is not None and title:
            current.append(title)
        if current is not None:
            current.extend(p.strip() for p in section.text.split("\n") if p.strip())
    return max(runs, key=lambda r: sum(map(len, r)), default=[])


def overview(d: Disclosure, kind_word: str) -> list[Section]:
    """一、主要职责 and 二、机构设置."""
    duties = source_paragraphs(d.narrative, _DUTIES, _STOP) or [f"{SLOT}（本部门主要职责）"]
    offices = [p for p in source_paragraphs(d.narrative, _OFFICES, re.compile(r"第[二三四五六七八九]部分|情况说明"))
               if not re.match(r"^[（(]?\d{1,2}[)）.、．]", p) and "编制范围" not in p]
    year = f"{d.year}年" if d.year else ""
    units = [f"{n}. {u}" for n, u in enumerate(d.units, start=1)]
    listing = [f"纳入{d.department or ''}{year}部门{kind_word}编制范围的预算单位包括：", *units] if units else [f"{SLOT}（预算单位构成）"]
    return [Section("一、主要职责", duties), Section("二、机构设置", [*offices, *listing])]
