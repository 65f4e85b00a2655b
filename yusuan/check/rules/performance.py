"""绩效目标: every project has its 绩效目标表, with the project's amount."""

from __future__ import annotations

import re
from collections.abc import Iterator

from yusuan.check.cells import Cell
from yusuan.check.compare import check_equal, mismatch
from yusuan.check.context import Context
from yusuan.check.finding import ERROR, WARNING, Finding, Location
from yusuan.check.registry import rule
from yusuan.check.rules.itemised import project_cell
from yusuan.model import PerformanceTarget, Project

_PUNCT = re.compile(r"[\s（）()\-—－_·、，,.．:：“”\"]+")


def name_key(name: str) -> str:
    """A project name for matching across tables (spaces, brackets and dashes ignored)."""
    return _PUNCT.sub("", name)


def _targets(ctx: Context) -> dict[str, PerformanceTarget]:
    out: dict[str, PerformanceTarget] = {}
    for t in ctx.d.performance:
        if t.scope == "project" and t.name:
            out.setdefault(name_key(t.name), t)
    return out


def _listed(ctx: Context) -> list[Project]:
    """Projects itemised by the 项目支出表 (targets-derived projects prove nothing here)."""
    return [p for p in ctx.d.projects if p.origin == "project_expenditure"]


def target_cell(ctx: Context, t: PerformanceTarget) -> Cell | None:
    """A target's amount as a located cell."""
    if t.amount is None:
        return None
    w = t.amount.where or t.where
    loc = Location(
        table=(w.table if w and w.table else "项目绩效目标表"),
        kind="performance_project",
        row=t.name,
        column="amount",
        page=w.page if w else None,
        line=w.line if w else None,
    )
    return Cell(t.amount, t.money_unit or ctx.d.money_unit, loc)


@rule(
    "performance.targets_exist",
    "每个项目都有绩效目标表",
    WARNING,
    "项目支出应编制绩效目标；项目支出表列出的项目若无对应的项目绩效目标表则提示（名称写法可能不同，故为警告）。",
)
def targets_exist(ctx: Context) -> Iterator[Finding]:
    projects = _listed(ctx)
    if not projects or not any(t.scope == "project" for t in ctx.d.performance):
        return
    targets = _targets(ctx)
    for p in projects:
        if name_key(p.name) not in targets:
            cell = project_cell(ctx, p)
            yield mismatch(
                f"项目“{p.name}”（{cell.printed if cell else '—'}）没有对应的项目绩效目标表",
                [cell.printed] if cell else [],
                [cell] if cell else [],
            )


@rule(
    "performance.amounts",
    "绩效目标表金额 = 项目金额",
    ERROR,
    "同一项目在项目支出表与绩效目标表中的预算金额应一致。",
)
def amounts(ctx: Context) -> Iterator[Finding]:
    by_name: dict[str, list[PerformanceTarget]] = {}
    for t in ctx.d.performance:
        if t.scope == "project" and t.name:
            by_name.setdefault(name_key(t.name), []).append(t)
    seen: dict[str, int] = {}
    for p in _listed(ctx):
        key = name_key(p.name)
        nth = seen[key] = seen.get(key, -1) + 1
        f = _amount_check(ctx, p, by_name.get(key, []), nth)
        if f:
            yield f


def _amount_check(ctx: Context, p: Project, targets: list[PerformanceTarget], nth: int) -> Finding | None:
    """The project's amount against its target's. Several units may each have a project of one
    name ('实施公车统管费用'): a target of that name with the same amount is this project's; else
    the target printed in the same place among those of that name — and a project past the last
    of them has none (templates print targets for some projects only)."""
    a = project_cell(ctx, p)
    cells = [c for c in (target_cell(ctx, t) for t in targets) if c is not None]
    if a is None or not cells:
        return None
    found = [check_equal(a, b, f"项目“{p.name}”金额", "项目支出表", "绩效目标表") for b in cells]
    if any(f is None for f in found):
        return None
    return found[nth] if nth < len(found) else None
