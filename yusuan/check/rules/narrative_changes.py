"""The text against itself over time: a stated change is this year − last year, a stated
percentage is the ratio of the printed figures, a 决算 completion rate is 决算数 / 预算数."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.cells import Cell, plain
from yusuan.check.compare import HUNDRED, bounds, check_percent, check_sum, mismatch, step
from yusuan.check.context import Context
from yusuan.check.finding import ERROR, Finding
from yusuan.check.registry import rule
from yusuan.check.rules.claims import split_claim
from yusuan.model import Amount, NarrativeFigure


def _anchored(ctx: Context, suffix: str) -> Iterator[tuple[str, NarrativeFigure]]:
    """(base claim, quotation) for every figure quoted with ``suffix``; companions are looked up near it."""
    for claim in ctx.claims():
        base, own = split_claim(claim)
        if own == suffix:
            for figure in ctx.figures(claim):
                yield base, figure


def _stated(ctx: Context, claim: str, anchor: NarrativeFigure) -> Cell | None:
    """The figure quoted for ``claim`` in ``anchor``'s own statement (its sentence, or the sentences
    continuing it). Why not the nearest anywhere: a change is stated beside the figure it changes;
    a figure of the same claim elsewhere may be another scope (收入 vs 支出 of a 决算) or a misprint."""
    figures = [f for f in ctx.figures(claim) if f.sentence and f.sentence == anchor.sentence]
    return ctx.narrative_cell(figures[0]) if figures else None


@rule(
    "narrative.change",
    "文中增减额 = 本年数 − 上年数",
    ERROR,
    "情况说明所述增减额应等于本年数减上年数（增加为正、减少为负）。",
)
def change(ctx: Context) -> Iterator[Finding]:
    for base, anchor in _anchored(ctx, ".change"):
        current, previous = _stated(ctx, base, anchor), _stated(ctx, base + ".previous", anchor)
        delta = ctx.narrative_cell(anchor)
        if current and previous and delta:
            f = check_sum(current, [previous, delta], f"文中 {base} 本年数", "上年数加所述增减额")
            if f:
                yield f


@rule(
    "narrative.change_implied",
    "文中增减额与本年数相容",
    ERROR,
    "只说本年数和增减额时，推出的上年数（本年数 − 增减额）不能为负。",
)
def change_implied(ctx: Context) -> Iterator[Finding]:
    for base, anchor in _anchored(ctx, ".change"):
        current, delta = _stated(ctx, base, anchor), ctx.narrative_cell(anchor)
        if current and ctx.figure(base + ".previous") is None:
            implied = current.in_unit(delta.unit) - delta.value
            if implied + step(current, delta.unit) + step(delta, delta.unit) < 0:
                yield mismatch(
                    f"文中 {base} 本年 {current.printed}，增减 {delta.printed}，推出上年数为 {plain(implied)}，不可能为负",
                    [current.printed, delta.printed],
                    [current, delta],
                )


def _pct_source(ctx: Context, base: str, anchor: NarrativeFigure) -> tuple[Cell, Cell] | None:
    """(current, previous) from which a stated change_pct is computed."""
    current, previous = _stated(ctx, base, anchor), _stated(ctx, base + ".previous", anchor)
    delta = _stated(ctx, base + ".change", anchor)
    if current and previous:
        return current, previous
    if current and delta:
        implied = current.in_unit(delta.unit) - delta.value
        amount = Amount(implied, plain(implied), None)
        return current, Cell(amount, delta.unit, delta.loc)
    return None


@rule(
    "narrative.change_pct",
    "文中增减百分比 = 增减额 / 上年数",
    ERROR,
    "情况说明所述增长（下降）百分比应等于（本年数 − 上年数）/ 上年数，按所印位数四舍五入。",
)
def change_pct(ctx: Context) -> Iterator[Finding]:
    for base, anchor in _anchored(ctx, ".change_pct"):
        stated, source = ctx.narrative_cell(anchor), _pct_source(ctx, base, anchor)
        if source is None or source[1].value <= 0:
            continue  # a change from zero has no percentage (templates print 100%)
        current, previous = source
        span = bounds(current, previous, previous.unit)
        if span is None:
            continue
        exact = (current.in_unit(previous.unit) / previous.value - 1) * HUNDRED
        f = check_percent(
            stated,
            exact,
            (span[0] - 1) * HUNDRED,
            (span[1] - 1) * HUNDRED,
            f"文中 {base} 增减百分比",
            [current, previous],
        )
        if f:
            yield f


@rule(
    "narrative.change_direction",
    "文中增减方向一致",
    ERROR,
    "同一项目所述增减额与增减百分比的方向（增加/减少）应一致。",
)
def change_direction(ctx: Context) -> Iterator[Finding]:
    for base, anchor in _anchored(ctx, ".change"):
        delta, pct = ctx.narrative_cell(anchor), _stated(ctx, base + ".change_pct", anchor)
        if pct and delta.value * pct.value < 0:
            yield mismatch(
                f"文中 {base} 增减额 {delta.printed} 与百分比 {pct.printed}% 方向相反",
                [delta.printed, pct.printed],
                [delta, pct],
            )


def _table(ctx: Context, base: str, period: str) -> Cell | None:
    """The 三公 table's figure for a ``three_public.<key>`` claim (决算数 or 预算数)."""
    if not base.startswith("three_public."):
        return None
    return ctx.three_public_cell(period, base.split(".", 1)[1])


@rule(
    "narrative.completion",
    "文中完成率 = 决算数 / 预算数",
    ERROR,
    "决算说明中的预算完成率应等于决算数除以预算数（文中未给出时取“三公”经费表的决算数与预算数）。",
)
def completion(ctx: Context) -> Iterator[Finding]:
    for base, anchor in _anchored(ctx, ".completion_pct"):
        stated = ctx.narrative_cell(anchor)
        actual = (
            ctx.figure(base + ".actual", anchor) or ctx.figure(base, anchor) or _table(ctx, base, "current")
        )
        budget = ctx.figure(base + ".budget", anchor) or _table(ctx, base, "budget")
        if actual is None or budget is None or budget.value <= 0:
            continue
        span = bounds(actual, budget, budget.unit)
        exact = actual.in_unit(budget.unit) / budget.value * HUNDRED
        if span:
            f = check_percent(
                stated, exact, span[0] * HUNDRED, span[1] * HUNDRED, f"文中 {base} 完成率", [actual, budget]
            )
            if f:
                yield f
