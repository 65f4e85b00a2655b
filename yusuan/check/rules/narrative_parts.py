"""The text against itself: stated parts add up, one sentence does not give one figure twice,
counts and coverage rates agree with what is printed (changes over time: narrative_changes)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from yusuan.check.cells import Cell
from yusuan.check.compare import HUNDRED, check_percent, check_sum, mismatch, step
from yusuan.check.context import Context
from yusuan.check.finding import ERROR, WARNING, Finding
from yusuan.check.registry import rule
from yusuan.check.rules.claims import split_claim
from yusuan.check.rules.performance import target_cell
from yusuan.model import NarrativeFigure

PERIODS = ("", ".previous", ".budget", ".actual")


def _parts(ctx: Context, total: str, parts: tuple[str, ...], suffix: str, what: str) -> Iterator[Finding]:
    """A quoted total against its quoted parts; with parts missing, the quoted ones must not exceed it."""
    t = ctx.figure(total + suffix)
    cells = [c for c in (ctx.figure(p + suffix) for p in parts) if c is not None]
    if t is None or not cells:
        return
    f = check_sum(t, cells, f"文中{what}", "文中所列各项之和")
    if f and (
        len(cells) == len(parts)
        or sum(c.in_unit(t.unit) for c in cells) > t.value + sum(step(c, t.unit) for c in cells)
    ):
        yield f


@rule(
    "narrative.three_public_parts",
    "文中“三公”合计与各项自洽",
    ERROR,
    "情况说明中“三公”经费合计应等于所述出国、车辆、接待之和，公务用车购置及运行费应等于购置费与运行费之和。",
)
def three_public_parts(ctx: Context) -> Iterator[Finding]:
    for suffix in PERIODS:
        yield from _parts(
            ctx,
            "three_public.total",
            ("three_public.outbound", "three_public.vehicle_total", "three_public.reception"),
            suffix,
            "“三公”经费合计",
        )
        yield from _parts(
            ctx,
            "three_public.vehicle_total",
            ("three_public.vehicle_purchase", "three_public.vehicle_operation"),
            suffix,
            "公务用车购置及运行费",
        )


@rule(
    "narrative.procurement_parts",
    "文中政府采购总额 = 货物 + 工程 + 服务",
    ERROR,
    "情况说明中的政府采购预算总额应等于其中货物、工程、服务类采购之和。",
)
def procurement_parts(ctx: Context) -> Iterator[Finding]:
    for suffix in PERIODS:
        yield from _parts(
            ctx,
            "procurement.total",
            ("procurement.goods", "procurement.works", "procurement.services"),
            suffix,
            "政府采购预算总额",
        )


@rule(
    "narrative.duplicate",
    "同一句中同一数字前后一致",
    ERROR,
    "同一句话对同一项目给出两个不同金额，必有一处错误（常见于复制粘贴）。",
)
def duplicate(ctx: Context) -> Iterator[Finding]:
    for claim in ctx.claims():
        figures = ctx.figures(claim)
        for i, a in enumerate(figures):
            for b in figures[i + 1 :]:
                same_sentence = a.sentence and a.sentence == b.sentence
                if same_sentence and ctx.narrative_cell(a).in_unit("元") != ctx.narrative_cell(b).in_unit(
                    "元"
                ):
                    yield mismatch(
                        f"同一句中 {claim} 先为 {a.text or a.value}，后为 {b.text or b.value}",
                        [str(a.value), str(b.value)],
                        [ctx.narrative_cell(a), ctx.narrative_cell(b)],
                    )


def _vehicle_categories(ctx: Context, count: NarrativeFigure) -> list[Cell]:
    """The categories the count breaks into: those quoted in the count's own sentence (其中…)."""
    out = []
    for claim in ctx.claims():
        if claim.startswith("vehicles.") and claim != "vehicles.count" and not split_claim(claim)[1]:
            out.extend(ctx.narrative_cell(f) for f in ctx.figures(claim) if f.sentence == count.sentence)
    return out


@rule(
    "narrative.vehicles",
    "车辆总数 = Σ 各类车辆",
    ERROR,
    "国有资产情况中所述车辆总数应等于所列各类车辆数之和。",
)
def vehicles(ctx: Context) -> Iterator[Finding]:
    for count in ctx.figures("vehicles.count"):
        parts = _vehicle_categories(ctx, count)
        f = parts and check_sum(ctx.narrative_cell(count), parts, "文中车辆总数", "所列各类车辆之和")
        if f:
            yield f


def _project_targets(ctx: Context) -> int:
    return sum(1 for t in ctx.d.performance if t.scope == "project")


@rule(
    "narrative.performance_count",
    "文中绩效目标项目数 = 绩效目标表数",
    WARNING,
    "情况说明所述编制绩效目标的项目个数应与所附项目绩效目标表的张数一致（未附表时为提示）。",
)
def performance_count(ctx: Context) -> Iterator[Finding]:
    stated, printed = ctx.figure("performance.projects"), _project_targets(ctx)
    if stated is not None and stated.value != printed:
        yield mismatch(
            f"文中称 {stated.printed} 个项目编制了绩效目标，所附项目绩效目标表 {printed} 张",
            [stated.printed, str(printed)],
            [stated],
        )


@rule(
    "narrative.coverage",
    "文中绩效目标覆盖率 = 有目标项目 / 全部项目",
    WARNING,
    "所述绩效目标覆盖率应等于编制绩效目标的项目数除以项目总数；口径（是否含结转项目）可能不同，故为警告。",
)
def coverage(ctx: Context) -> Iterator[Finding]:
    stated = ctx.figure("performance.coverage")
    listed = [p for p in ctx.d.projects if p.origin == "project_expenditure"]
    if stated is None or not listed:
        return
    exact = Decimal(min(_project_targets(ctx), len(listed))) / len(listed) * HUNDRED
    f = check_percent(stated, exact, exact, exact, "文中绩效目标覆盖率", [])
    if f or stated.value > HUNDRED:
        yield f or mismatch(f"覆盖率 {stated.printed}% 超过 100%", [stated.printed], [stated])


@rule(
    "narrative.performance_amount",
    "文中绩效目标涉及金额 = Σ 绩效目标表金额",
    ERROR,
    "所述编制绩效目标的项目预算资金（claim performance.funds）应等于所附项目绩效目标表金额之和。",
)
def performance_amount(ctx: Context) -> Iterator[Finding]:
    stated = ctx.figure("performance.funds")
    targets = [t for t in ctx.d.performance if t.scope == "project" and t.amount is not None]
    if stated is None or not targets:
        return
    cells = [c for c in (target_cell(ctx, t) for t in targets) if c is not None]
    f = check_sum(stated, cells, "文中绩效目标涉及项目资金", "各项目绩效目标表金额之和")
    if f:
        yield f
