"""Unfilled slots (【待填写】): text only a person can write, left unwritten, is an error.

``yusuan publish`` writes a slot where the 情况说明 needs a reason or a figure the model lacks
(主要原因是【待填写】); publishing stops on them, and a draft published anyway reports them again
when it is checked (``yusuan check draft.pdf``).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context
from yusuan.check.finding import ERROR, Finding, Location
from yusuan.check.registry import rule

SLOT = "【待填写】"
RULE_ID = "text.unfilled_slot"


def slot_finding(text: str, line: int | None = None) -> Finding:
    """The finding for one piece of text that still holds a slot."""
    where = text.replace("\n", " ")
    where = where if len(where) <= 80 else where[:77] + "…"
    return Finding(RULE_ID, ERROR, f"情况说明中有待填写的内容（{SLOT}）：{where}", (),
                   (Location(table="情况说明", kind="narrative", line=line),))


@rule(
    RULE_ID,
    "情况说明没有待填写的空缺",
    ERROR,
    "发布生成的情况说明中，只有部门自己能写的内容（如增减变化的原因）标为【待填写】；未填写就公开是错误。",
)
def unfilled_slot(ctx: Context) -> Iterator[Finding]:
    for section in ctx.d.narrative.sections:
        for text in (section.title, *section.text.split("\n")):
            if SLOT in text:
                yield slot_finding(text, section.line)
