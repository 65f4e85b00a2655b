"""One disclosure printed as several files (表格文件 + 情况说明文件): join them into one model.

Why not concatenate the files: each keeps its own pages and line numbers, so every figure's
provenance still names the file, page and line it was printed on. The file with the most tables
is the document; the text of the others is read with the codes of those tables (so '…（类）…（项）'
resolves), and their tables, if any, are added. The narrative is checked against all the tables.
"""

from __future__ import annotations

from collections.abc import Sequence

from yusuan.layout import Layout, Line
from yusuan.model.disclosure import Disclosure, Narrative
from yusuan.model.identity import Identity
from yusuan.model.narrative import read_narrative
from yusuan.model.narrative_projects import projects_from_narrative

SEPARATOR = " + "


def table_codes(d: Disclosure) -> list[tuple[str, str]]:
    """(功能科目 code, name) of every code row of ``d``'s tables."""
    return [
        (i.code, i.name)
        for t in d.tables
        for i in t.items
        if i.code and i.code.isdigit() and i.level in ("类", "款", "项")
    ]


def add_narrative(d: Disclosure, lines: Sequence[Line], source: str) -> None:
    """Read ``lines`` of another file as more 情况说明 of ``d`` (figures keep ``source``)."""
    extra = read_narrative(list(lines), source, table_codes(d))
    _extend(d.narrative, extra)


def _extend(narrative: Narrative, extra: Narrative) -> None:
    narrative.sections.extend(extra.sections)
    narrative.figures.extend(extra.figures)
    for term, definition in extra.glossary.items():
        narrative.glossary.setdefault(term, definition)


def add_tables(d: Disclosure, other: Disclosure) -> None:
    """The tables (and what was read from them) of another file of the same disclosure."""
    d.tables.extend(other.tables)
    d.three_public = d.three_public or other.three_public
    d.projects.extend(other.projects)
    d.performance.extend(other.performance)
    _extend(d.narrative, other.narrative)
    d.warnings.extend(other.warnings)
    d.department = d.department or other.department
    d.year = d.year or other.year
    d.units = d.units or other.units


def identify_into(d: Disclosure, ident: Identity) -> None:
    """Department, year, kind, money unit and units read from all the files together (a fact the
    joined files do not state keeps what the main file gave)."""
    d.department = ident.department or d.department
    d.year = ident.year or d.year
    d.kind, d.money_unit = ident.kind, ident.money_unit
    d.units = ident.units or d.units


def finish(d: Disclosure, parts: Sequence[Layout]) -> None:
    """Name the joined document after all its files; projects named only in the text are listed
    when no file printed a project table."""
    d.source = SEPARATOR.join(p.source for p in parts)
    if not d.projects and not d.tables_of("project_expenditure"):
        d.projects = projects_from_narrative(d.narrative, d.money_unit, d.source)
