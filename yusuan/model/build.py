"""[Table] + narrative lines → :class:`Disclosure` (the model stage of DESIGN §3).

Each table kind goes to the interpreter that knows it; nothing here reads text itself.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import pairwise

from yusuan.layout import Layout, Line
from yusuan.model.disclosure import Disclosure
from yusuan.model.identity import identify
from yusuan.model.narrative import read_narrative, trailing_prose
from yusuan.model.narrative_projects import projects_from_narrative
from yusuan.tables import statements
from yusuan.tables.performance import read_performance
from yusuan.tables.project_units import mark_unit_rows
from yusuan.tables.projects import read_projects
from yusuan.tables.table import Table
from yusuan.tables.three_public import read_three_public


def _span(all_lines: list[Line], table: Table) -> list[Line]:
    """Every source line from the table's title to its last line, including the page-repeated
    title/meta/header lines the segmenter dropped (the non-grid readers rely on them)."""
    first, last = table.line_span
    return [ln for ln in all_lines if first <= ln.number <= last]


class _Spans:
    """:func:`_span` for every table of one document without scanning all lines per table.

    Line numbers usually rise through the document (text, PDF), so a span is cut by bisection;
    where they do not (Excel numbers rows per sheet) every line is tested, as before.
    """

    def __init__(self, all_lines: list[Line]) -> None:
        self.lines = all_lines
        self.numbers = [ln.number for ln in all_lines]
        self.sorted = all(a <= b for a, b in pairwise(self.numbers))
        self.memo: dict[tuple[int, int], list[Line]] = {}

    def __call__(self, table: Table) -> list[Line]:
        first, last = table.line_span
        key = (first, last)
        span = self.memo.get(key)
        if span is None:
            if self.sorted:
                span = self.lines[bisect_left(self.numbers, first) : bisect_right(self.numbers, last)]
            else:
                span = [ln for ln in self.lines if first <= ln.number <= last]
            self.memo[key] = span
        return list(span)


def build(layout: Layout, tables: list[Table], narrative_lines: list[Line]) -> Disclosure:
    """Assemble the disclosure of one document from its tables and narrative."""
    source = layout.source
    d = Disclosure(source=source, format=layout.format, warnings=list(layout.warnings))
    spans = _Spans(list(layout.lines()))
    for table in tables:
        if table.kind == "three_public":
            d.three_public = d.three_public or read_three_public(table, source, spans(table))
        elif table.kind == "project_expenditure":
            listed = read_projects(table, source, spans(table))
            d.projects.extend(listed)
            d.tables.append(mark_unit_rows(statements.interpret(table, source), listed))
            continue
        elif table.kind in ("performance_overall", "performance_project"):
            d.performance.extend(read_performance(table, source, spans(table)))
        d.tables.append(statements.interpret(table, source))
    codes = [
        (i.code, i.name)
        for t in d.tables
        for i in t.items
        if i.code and i.code.isdigit() and i.level in ("类", "款", "项")
    ]
    stray = [ln for t in tables for ln in trailing_prose(spans(t))]
    if stray:
        d.warnings.append(
            f"{len(stray)} lines of prose after the last rows of a table were read as narrative"
        )
    known = {ln.number for ln in narrative_lines}
    prose = sorted(
        [*narrative_lines, *(ln for ln in stray if ln.number not in known)], key=lambda ln: ln.number
    )
    d.narrative = read_narrative(prose, source, codes)
    ident = identify(layout, tables, d)
    d.department, d.year, d.kind = ident.department, ident.year, ident.kind
    d.money_unit, d.units = ident.money_unit, ident.units
    if not d.projects:
        d.projects = [p for p in (t.as_project() for t in d.performance if t.scope == "project") if p]
    if not d.projects and not d.tables_of("project_expenditure"):
        d.projects = projects_from_narrative(d.narrative, d.money_unit, source)
    return d
