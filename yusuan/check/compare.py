"""The comparisons every rule is made of: a printed total against its printed parts, two printings
of one figure, and a stated percentage against the ratio of printed figures.

Why here and not in each rule: the rounding policy lives in one place. A difference that rounding
of the printed figures can explain (at most one unit of the last printed digit per part,
``money.unit_step``) becomes a ``rounding`` finding, never an ``error`` and never silence.
Helpers return findings with an empty rule id and severity ``error`` for a real mismatch; the
runner stamps the rule's id and declared severity.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from yusuan.check.cells import Cell, finer, plain
from yusuan.check.finding import ERROR, ROUNDING, Finding, Location
from yusuan.model import Amount
from yusuan.money import decimals

ZERO = Decimal(0)
HUNDRED = Decimal(100)


# When set (see :func:`tracing`), every printed figure an identity compares is recorded here:
# id(Amount) → its location. The mutation test uses it to know which cells take part in an identity.
_TRACE: ContextVar[dict[int, Location] | None] = ContextVar("yusuan_check_trace", default=None)


@contextmanager
def tracing() -> Iterator[dict[int, Location]]:
    """Record the cells compared by the rules run inside the block."""
    seen: dict[int, Location] = {}
    token = _TRACE.set(seen)
    try:
        yield seen
    finally:
        _TRACE.reset(token)


def _trace(*cells: Cell) -> None:
    seen = _TRACE.get()
    if seen is not None:
        for c in cells:
            seen[id(c.amount)] = c.loc


def agrees(total: Amount, parts: Iterable[Amount | None]) -> bool:
    """Fast path for one table (one money unit): the parts add up exactly. Always False while
    tracing, so the full comparison records every cell it reads."""
    if _TRACE.get() is not None:
        return False
    computed = ZERO
    for p in parts:
        if p is not None:
            computed += p.value
    return computed == total.value


def _exact_zero(cell: Cell) -> bool:
    """A blank cell or a zero printed without decimals ('0', '-') states an exact zero."""
    return cell.value == 0 and "." not in cell.amount.text


def step(cell: Cell, unit: str | None) -> Decimal:
    """The rounding a printed figure may carry, in ``unit``."""
    return ZERO if _exact_zero(cell) else cell.step_in(unit)


def _unit_text(unit: str | None) -> str:
    return unit or ""


def check_sum(total: Cell, parts: Sequence[Cell], what: str, parts_what: str) -> Finding | None:
    """``total`` against the sum of ``parts`` (in the total's unit); None when they agree."""
    _trace(total, *parts)
    unit = total.unit
    computed = sum((p.amount.value if p.unit == unit else p.in_unit(unit) for p in parts), ZERO)
    diff = total.value - computed
    if diff == 0:
        return None
    part_steps = [step(p, unit) for p in parts]
    total_step = step(total, unit)
    if total_step > max(part_steps, default=ZERO) and abs(diff) * 2 <= total_step:
        return None  # the total is printed at a coarser precision than its parts
    severity = ROUNDING if abs(diff) <= sum(part_steps, ZERO) else ERROR
    u = _unit_text(unit)
    if total_step > 0 and any(p.unit != unit for p in parts):
        # parts converted from a finer unit (元 → 万元): quote the sum at the total's precision
        computed, diff = computed.quantize(total_step, ROUND_HALF_UP), diff.quantize(total_step, ROUND_HALF_UP)
    message = f"{what}：{total.printed}{u}，而{parts_what}为 {plain(computed)}{u}，差额 {plain(diff)}{u}"
    return Finding(
        "", severity, message, (total.printed, plain(computed)), (total.loc, *(p.loc for p in parts))
    )


def _quoted_coarser(va: Decimal, vb: Decimal, sa: Decimal, sb: Decimal) -> bool:
    """The coarser printing is the finer one rounded or truncated to its precision (Shanghai's
    情况说明 quotes 877,080 元 as 87.70 万元): the same figure at a lower precision, not a mismatch."""
    (fine, _), (rough, step_) = sorted(((va, sa), (vb, sb)), key=lambda p: p[1])
    if abs(fine - rough) * 2 <= step_:
        return True
    return step_ > 0 and (fine / step_).to_integral_value(ROUND_DOWN) * step_ == rough


def check_equal(a: Cell, b: Cell, what: str, a_what: str, b_what: str) -> Finding | None:
    """Two printings of one figure; a coarser quotation that rounds (or truncates) to the finer one agrees."""
    _trace(a, b)
    unit = finer(a.unit, b.unit)
    diff = a.in_unit(unit) - b.in_unit(unit)
    if diff == 0:
        return None
    sa, sb = step(a, unit), step(b, unit)
    coarse = max(sa, sb)
    if sa != sb and _quoted_coarser(a.in_unit(unit), b.in_unit(unit), sa, sb):
        return None
    severity = ROUNDING if abs(diff) <= coarse else ERROR
    u = _unit_text(unit)
    message = (
        f"{what}：{a_what} {a.printed}{_unit_text(a.unit)}，{b_what} {b.printed}{_unit_text(b.unit)}，"
        f"差额 {plain(diff)}{u}"
    )
    return Finding("", severity, message, (a.printed, b.printed), (a.loc, b.loc))


def bounds(num: Cell, den: Cell, unit: str | None) -> tuple[Decimal, Decimal] | None:
    """The interval num/den can take when both are known only to their printed precision."""
    hn, hd = step(num, unit) / 2, step(den, unit) / 2
    n, d = num.in_unit(unit), den.in_unit(unit)
    if d - hd <= 0:
        return None
    candidates = [(n + a) / (d + b) for a in (-hn, hn) for b in (-hd, hd)]
    return min(candidates), max(candidates)


def check_percent(
    stated: Cell, exact: Decimal, lo: Decimal, hi: Decimal, what: str, others: Sequence[Cell]
) -> Finding | None:
    """A stated percentage against the value computed from printed figures (``lo``..``hi`` bounds)."""
    _trace(stated, *others)
    half = stated.step / 2
    if abs(stated.value - exact) <= half:
        return None
    shown = exact.quantize(Decimal(1).scaleb(-decimals(stated.value)))
    severity = ROUNDING if lo - half <= stated.value <= hi + half else ERROR
    message = f"{what}：文中为 {stated.printed}%，按所列数字计算为 {plain(shown)}%，差 {plain(stated.value - shown)} 个百分点"
    return Finding(
        "", severity, message, (stated.printed, plain(shown)), (stated.loc, *(c.loc for c in others))
    )


def mismatch(what: str, values: Sequence[str], cells: Sequence[Cell], severity: str = ERROR) -> Finding:
    """A finding for a rule that states its own message (presence, counts, notes)."""
    return Finding("", severity, what, tuple(values), tuple(c.loc for c in cells))
