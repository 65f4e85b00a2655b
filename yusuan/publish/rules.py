"""The publishing rule: a draft's unfilled slots (【待填写】) are findings, wherever it is read.

Registered through the ``yusuan.rules`` entry-point group (pyproject.toml), as a plugin would be:
publishing is what writes slots, so the rule lives with it, and ``yusuan check draft.pdf`` reports
them like any other finding.
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context
from yusuan.check.finding import ERROR, Finding, Location
from yusuan.check.registry import rule
from yusuan.publish.document import SLOT

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
