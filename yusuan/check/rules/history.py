"""Across years (needs a previous-year provider, e.g. ``yusuan check --db``): what this year's
document says about last year agrees with last year's own document.

Why separate from the narrative rules: those check the text against itself (本年 − 上年 = 增减 with
figures the text quotes); these bring in the second document, so every finding names it (location
table '上年文件 <file>', message '上年文件（<year>年，<file>）') and the severity depends on whether
last year's document really is the statement's basis (execution figures are never compared).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import ROUND_DOWN, Decimal
from typing import Any

from yusuan.check.cells import Cell, plain
from yusuan.check.compare import HUNDRED, bounds, check_equal, check_percent
from yusuan.check.context import Context
from yusuan.check.finding import ERROR, ROUNDING, WARNING, Finding, Location
from yusuan.check.previous import PreviousYear, resolve
from yusuan.check.registry import rule
from yusuan.check.rules.claims import split_claim, table_figures
from yusuan.model import Amount, NarrativeFigure

# claim base → path in last year's SUMMARY_SCHEMA key figures.
PATHS = {
    "income.total": ("revenue", "grand_total"),
    "income.current_year": ("revenue", "current_year_total"),
    "expenditure.total": ("expenditure", "grand_total"),
    "expenditure.current_year": ("expenditure", "current_year_total"),
    "expenditure.basic": ("expenditure", "basic"),
    "expenditure.personnel": ("expenditure", "personnel"),
    "expenditure.public": ("expenditure", "public"),
    "expenditure.project": ("expenditure", "project"),
    "general_public_budget.total": ("revenue", "general_public_budget"),
    "government_fund.total": ("revenue", "government_fund"),
    "state_capital.total": ("revenue", "state_capital"),
    "operating_costs": ("operating_costs",),
}


def _path(base: str) -> tuple[str, ...] | None:
    if base.startswith("three_public."):
        return ("three_public", base.split(".", 1)[1])
    if base.startswith("function_class:"):
        return ("expenditure", "by_function_class", base.split(":", 1)[1])
    if base.startswith("function:"):
        return ("expenditure", "by_function_item", base.split(":", 1)[1])
    return PATHS.get(base)


def _get(figures: dict[str, Any], path: tuple[str, ...]) -> Decimal | None:
    node: Any = figures
    for key in path:
        node = node.get(key) if isinstance(node, dict) else None
    return node if isinstance(node, Decimal) else (Decimal(node) if isinstance(node, int) else None)


def _cell(prev: PreviousYear, path: tuple[str, ...], value: Decimal) -> Cell:
    """A key figure of last year's document as a cell located in that document."""
    loc = Location(table=prev.table, kind="previous_year", row=".".join(path))
    return Cell(Amount(value, str(value)), prev.figures.get("money_unit"), loc)


@rule(
    "history.previous",
    "文中上年数 = 上年文件",
    WARNING,
    "情况说明引用的上年数应与同一部门上年公开文件的对应数字一致（上年数可能是调整后预算或执行数，故为警告）。",
)
def previous(ctx: Context) -> Iterator[Finding]:
    prev = _previous_year(ctx)
    if prev is None:
        return
    for claim in ctx.claims():
        base, suffix = split_claim(claim)
        path = _path(base) if suffix == ".previous" else None
        value = _get(prev.figures, path) if path else None
        if path is None or value is None:
            continue
        for figure in ctx.figures(claim):
            if _EXECUTION.search(figure.sentence or "") or (prev.kind != "决算" and _ACTUAL.search(figure.sentence or "")):
                continue  # an execution figure is not last year's budget
            f = check_equal(
                ctx.narrative_cell(figure),
                _cell(prev, path, value),
                f"文中 {base} 上年数与{prev.label}不一致",
                "文中",
                "上年文件",
            )
            if f:
                yield f


@rule(
    "history.three_public",
    "“三公”表上年数 = 上年文件本年数",
    WARNING,
    "“三公”经费表列示的上年数应与上年公开文件的“三公”经费一致（口径可能是执行数，故为警告）。",
)
def three_public(ctx: Context) -> Iterator[Finding]:
    prev = _previous_year(ctx)
    tp = ctx.d.three_public
    if prev is None or tp is None:
        return
    for key in tp.previous:
        path = ("three_public", key)
        value, cell = _get(prev.figures, path), ctx.three_public_cell("previous", key)
        if value is not None and cell is not None:
            f = check_equal(
                cell,
                _cell(prev, path, value),
                f"“三公”经费上年数与{prev.label}不一致",
                "本表上年数",
                "上年文件",
            )
            if f:
                yield f


# -- stated changes against last year's document -------------------------------------------------

# Sentences whose 上年数 is an execution figure (执行数; 决算/实际 unless last year's document is a
# 决算): not comparable with last year's budget document, so the history rules do not compare them
# (the narrative rules still check them against the text's own 上年数).
_EXECUTION = re.compile(r"执行")
_ACTUAL = re.compile(r"决算|实际支出|实际完成")
# Sentences that say the 上年数 is an adjusted budget: a mismatch is only a warning.
_ADJUSTED = re.compile(r"调整")


def _previous_year(ctx: Context) -> PreviousYear | None:
    """Last year's document once per run (None without a provider or without a document)."""
    return ctx.memo("history.previous_year", ctx, lambda: resolve(ctx.previous))  # type: ignore[no-any-return]


def _relocated(cell: Cell, prev: PreviousYear) -> Cell:
    """A cell of last year's document, its location naming that document (table '上年文件 <file>')."""
    loc = cell.loc
    row = " ".join(p for p in (loc.table, loc.row) if p) or None
    return Cell(cell.amount, cell.unit, replace(loc, table=prev.table, kind="previous_year", row=row))


def _current_cells(ctx: Context, base: str, anchor: NarrativeFigure) -> list[Cell]:
    """This year's printings of ``base``: the quoted figure beside the statement, then the tables."""
    cells = [ctx.figure(base, anchor), *table_figures(ctx, base)]
    if base.startswith("three_public."):
        cells.append(ctx.three_public_cell("current", base.split(".", 1)[1]))
    return [c for c in cells if c is not None]


def _previous_cells(prev: PreviousYear, base: str) -> list[Cell]:
    """Last year's printings of ``base``: its tables and 三公 table, else its text, else its key figures."""
    cells: list[Cell | None] = []
    if prev.ctx is not None:
        cells = [*table_figures(prev.ctx, base), prev.ctx.figure(base)]
        if base.startswith("three_public."):
            cells.insert(0, prev.ctx.three_public_cell("current", base.split(".", 1)[1]))
    found = [_relocated(c, prev) for c in cells if c is not None]
    path = _path(base)
    value = _get(prev.figures, path) if path and not found else None
    if path and value is not None:
        found.append(_cell(prev, path, value))
    return found


def _basis(ctx: Context, prev: PreviousYear, base: str, anchor: NarrativeFigure) -> str | None:
    """ERROR when last year's document is the stated change's basis, WARNING when the 上年数 may
    legitimately be another figure (an adjusted budget, another kind of document, or a 上年数 the
    text quotes that differs from last year's document), None when it is an execution figure."""
    sentence = anchor.sentence or ""
    if _EXECUTION.search(sentence) or (prev.kind != "决算" and _ACTUAL.search(sentence)):
        return None
    if _ADJUSTED.search(sentence) or (prev.kind and ctx.d.kind and prev.kind != ctx.d.kind):
        return WARNING
    quoted = ctx.figure(base + ".previous", anchor)
    olds = _previous_cells(prev, base)
    if quoted is not None and all(check_equal(quoted, old, "", "", "") for old in olds):
        return WARNING
    return ERROR


def _statements(ctx: Context, suffix: str) -> Iterator[tuple[str, NarrativeFigure, PreviousYear, str]]:
    """(base, quotation, last year's document, severity) for every comparable ``suffix`` statement."""
    prev = _previous_year(ctx)
    if prev is None:
        return
    for claim in ctx.claims():
        base, own = split_claim(claim)
        if own != suffix:
            continue
        for anchor in ctx.figures(claim):
            severity = _basis(ctx, prev, base, anchor)
            if severity is not None:
                yield base, anchor, prev, severity


def _best(findings: list[Finding | None]) -> Finding | None:
    """None when any pairing of printings agrees; else the mildest finding (rounding before error)."""
    if not findings or any(f is None for f in findings):
        return None
    return min((f for f in findings if f), key=lambda f: f.severity != ROUNDING)


def _graded(f: Finding, severity: str) -> Finding:
    """A mismatch at the statement's severity (rounding findings stay rounding)."""
    return f if f.severity != ERROR else replace(f, severity=severity)


def _change_against(delta: Cell, now: Cell, old: Cell, base: str, prev: PreviousYear) -> Finding | None:
    """The stated change against this year's printing minus last year's (at their printed precision)."""
    unit = delta.unit if delta.value != 0 else now.unit
    diff = now.in_unit(unit) - old.in_unit(unit)
    computed = Cell(Amount(diff, plain(diff)), unit, old.loc)
    stated = delta if delta.value != 0 else Cell(delta.amount, unit, delta.loc)
    f = check_equal(
        stated,
        computed,
        f"文中 {base} 增减额与{prev.label}不符",
        "文中增减额",
        f"本年 {now.printed}{now.unit or ''} − 上年 {old.printed}{old.unit or ''} =",
    )
    return None if f is None else replace(f, values=(delta.printed, plain(diff)),
                                          locations=(delta.loc, now.loc, old.loc))


@rule(
    "history.change",
    "文中增减额 = 本年数 − 上年文件数",
    ERROR,
    "情况说明“比上年增加/减少 N 万元（持平）”应等于本年数（本文件表格或文中所述）减同一部门上年公开文件的"
    "对应数（含“三公”经费各项）。上年数是上年执行数的说法不与上年预算文件比较；文中说明为调整预算、"
    "上年文件类别不同或文中所引上年数与上年文件不一致时，上年数可能合法地是另一口径，故为警告。",
)
def change(ctx: Context) -> Iterator[Finding]:
    for base, anchor, prev, severity in _statements(ctx, ".change"):
        delta, olds = ctx.narrative_cell(anchor), _previous_cells(prev, base)
        pairs = [(now, old) for now in _current_cells(ctx, base, anchor) for old in olds]
        f = _best([_change_against(delta, now, old, base, prev) for now, old in pairs])
        if f:
            yield _graded(f, severity)


def _pct_against(stated: Cell, now: Cell, old: Cell, base: str, prev: PreviousYear) -> Finding | None:
    """The stated percentage against (this year − last year) / last year at the printed precision;
    a percentage truncated to its printed digits is accepted, as the narrative rules accept it."""
    unit = old.unit
    span = bounds(now, old, unit)
    if span is None or old.value <= 0:
        return None  # a change from zero has no percentage
    exact = (now.in_unit(unit) / old.value - 1) * HUNDRED
    step_ = stated.step
    if step_ > 0 and (exact / step_).to_integral_value(ROUND_DOWN) * step_ == stated.value:
        return None
    f = check_percent(stated, exact, (span[0] - 1) * HUNDRED, (span[1] - 1) * HUNDRED,
                      f"文中 {base} 增减百分比与{prev.label}不符（本年 {now.printed}，上年 {old.printed}）", [now, old])
    return f


@rule(
    "history.change_pct",
    "文中增减百分比 = (本年数 − 上年文件数) / 上年文件数",
    ERROR,
    "情况说明所述增长（下降）百分比应等于（本年数 − 上年公开文件的对应数）/ 上年数 × 100，按所印位数四舍五入"
    "（截尾亦可）。执行数口径不比较；调整预算、文件类别不同或文中上年数与上年文件不一致时为警告。",
)
def change_pct(ctx: Context) -> Iterator[Finding]:
    for base, anchor, prev, severity in _statements(ctx, ".change_pct"):
        stated, olds = ctx.narrative_cell(anchor), _previous_cells(prev, base)
        pairs = [(now, old) for now in _current_cells(ctx, base, anchor) for old in olds if old.value > 0]
        f = _best([_pct_against(stated, now, old, base, prev) for now, old in pairs])
        if f:
            yield _graded(f, severity)
