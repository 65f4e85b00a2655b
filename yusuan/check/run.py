"""Run the registered rules over one disclosure and collect their findings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from yusuan.check.context import Context, PreviousProvider
from yusuan.check.finding import ERROR, WARNING, Finding
from yusuan.check.registry import Rule, all_rules
from yusuan.model import Disclosure


def run_checks(
    d: Disclosure,
    rules: Iterable[Rule] | None = None,
    *,
    previous: PreviousProvider | None = None,
    strict: bool = False,
) -> list[Finding]:
    """Every finding of ``rules`` (default: all registered) on ``d``.

    ``previous`` supplies the previous-year disclosure of the same department (cross-document
    rules stay silent without it). A rule that raises becomes a warning finding naming the rule,
    so one bad rule never hides the others; ``strict`` re-raises instead (tests).
    """
    ctx = Context(d, previous)
    findings: list[Finding] = []
    for r in rules if rules is not None else all_rules():
        try:
            findings.extend(_stamp(r, f) for f in r.fn(ctx))
        except Exception as exc:
            if strict:
                raise
            findings.append(Finding(r.id, WARNING, f"规则 {r.id} 执行失败：{type(exc).__name__}: {exc}"))
    # one finding once: a figure the text quotes under two claims yields the same comparison twice
    return list(dict.fromkeys(findings))


def _stamp(r: Rule, f: Finding) -> Finding:
    """Give a helper's finding the rule's id, and its declared severity for a plain mismatch."""
    return replace(f, rule=r.id, severity=r.severity if f.severity == ERROR else f.severity)
