"""绩效目标表资金: within one target's fund block (项目资金 / 预算规模), the parts fit their parents."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.cells import Cell
from yusuan.check.compare import check_sum, mismatch
from yusuan.check.context import Context
from yusuan.check.finding import ERROR, Finding, Location
from yusuan.check.registry import rule
from yusuan.model import PerformanceTarget

FUND_LABELS = {
    "total": "项目资金总额",
    "fiscal": "其中：财政资金",
    "requested": "年度资金申请总额",
    "current_fiscal": "其中：当年财政拨款",
    "carryover": "上年结转资金",
    "other": "其他资金",
}
# parent → the parts printed beneath it
_PARTS = {"requested": ("current_fiscal", "carryover", "other"), "total": ("fiscal",)}


def fund_cell(ctx: Context, t: PerformanceTarget, key: str) -> Cell | None:
    """One figure of a target's fund block as a located cell (None when not printed)."""
    a = t.funds.get(key)
    if a is None:
        return None
    w = a.where or t.where
    loc = Location(
        table=(w.table if w and w.table else "项目绩效目标表"),
        kind=(w.kind if w and w.kind else "performance_project"),
        row=t.name,
        column=key,
        page=w.page if w else None,
        line=w.line if w else None,
    )
    return Cell(a, ctx.d.money_unit, loc)


def _exceeds(name: str, part: Cell, parent: Cell, part_key: str, parent_key: str) -> Finding | None:
    if part.value <= parent.value:
        return None
    return mismatch(
        f"“{name}”绩效目标表：{FUND_LABELS[part_key]} {part.printed} 大于其所属的"
        f"{FUND_LABELS[parent_key]} {parent.printed}，超出 {part.value - parent.value}",
        [part.printed, parent.printed],
        [part, parent],
    )


def _target_findings(ctx: Context, t: PerformanceTarget) -> Iterator[Finding]:
    name = t.name or "部门整体"
    for parent_key, part_keys in _PARTS.items():
        parent = fund_cell(ctx, t, parent_key)
        if parent is None:
            continue
        parts = {k: c for k in part_keys if (c := fund_cell(ctx, t, k)) is not None}
        if parent_key == "requested" and {"current_fiscal", "carryover"} <= parts.keys():
            labels = "+".join(FUND_LABELS[k].removeprefix("其中：") for k in parts)
            f = check_sum(parent, list(parts.values()), f"“{name}”{FUND_LABELS[parent_key]}", labels)
            if f:
                yield f
            continue
        for key, part in parts.items():
            if f := _exceeds(name, part, parent, key, parent_key):
                yield f


@rule(
    "performance.fund_parts",
    "绩效目标表资金构成 ≤/= 其总额",
    ERROR,
    "同一绩效目标表的项目资金中，当年财政拨款 + 上年结转资金（+ 其他资金）应等于年度资金申请总额，"
    "财政资金不应超过项目资金总额，任一分项都不应大于其所属的总额。",
)
def fund_parts(ctx: Context) -> Iterator[Finding]:
    for t in ctx.d.performance:
        if t.funds:
            yield from _target_findings(ctx, t)
