"""Disclosure + template spec → the printed :class:`Document` (cover, parts, tables, text).

The template's ``parts`` say what the document holds and in which order: ``overview`` (部门概况),
``tables`` (the template's tables in its order, then any other table the model holds, so nothing
is dropped), ``narrative`` (情况说明), ``glossary`` (名词解释) and ``performance`` (绩效目标表, when
the template prints them apart from the tables).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import yusuan
from yusuan.model import Disclosure
from yusuan.publish.derive import with_basic_split
from yusuan.publish.document import Document, Grid, Part, Section
from yusuan.publish.facts import Facts, reasons_from_text
from yusuan.publish.glossary import glossary
from yusuan.publish.grids import Context, coded_grid, listed_grid, two_sided_grid
from yusuan.publish.narrative import Writer
from yusuan.publish.numbers import in_unit, unit_of
from yusuan.publish.overview import overview
from yusuan.publish.performance_grid import performance_grid
from yusuan.publish.spec import TableSpec, TemplateSpec
from yusuan.publish.three_public_grid import three_public_grid

_BUILDERS = {"coded": coded_grid, "listed": listed_grid, "two_sided": two_sided_grid}
_PERFORMANCE = {"performance_overall": "overall", "performance_project": "project"}
_SELF_BUILT = {"three_public", *_PERFORMANCE}
# printed after a template's own tables when the model has them and the template does not list them
_DEFAULT_SPECS = (
    ("three_public", "“三公”经费支出表", "three_public"),
    ("performance_overall", "部门整体绩效目标表", "performance"),
    ("performance_project", "项目支出绩效目标表", "performance"),
)
DEFAULT_PARTS = (
    {"title": "第一部分 {department}概况", "content": "overview"},
    {"title": "第二部分 {department}{year}年部门{kind}公开表", "content": "tables"},
    {"title": "第三部分 {department}{year}年部门{kind}情况说明", "content": "narrative"},
    {"title": "第四部分 名词解释", "content": "glossary"},
)


def assemble(d: Disclosure, spec: TemplateSpec, previous: Disclosure | None = None) -> Document:
    """The whole printed document of ``d`` in template ``spec``."""
    ctx = Context(d, spec)
    summary = yusuan.summary(d)
    reasons = {**reasons_from_text(d.narrative), **d.narrative.reasons}
    facts = Facts(d, summary, unit_of(spec.narrative_unit, d.money_unit),
                  yusuan.summary(previous) if previous is not None else None, reasons)
    parts = []
    for n, part in enumerate(spec.parts or DEFAULT_PARTS, start=1):
        blocks = _content(ctx, part["content"], facts, summary)
        if blocks:
            parts.append(Part(ctx.fill(part["title"]), blocks, anchor=f"part{n}"))
    grids = [b for p in parts for b in p.blocks if isinstance(b, Grid)]
    for i, grid in enumerate(grids, start=1):
        grid.anchor = f"table{i}"
    return Document(
        title=ctx.fill("{department}{year}年部门{kind}"), cover=[ctx.fill(c) for c in spec.cover],
        department=d.department or "", year=d.year, kind=ctx.kind_word, template=spec.name, parts=parts,
    )


def _content(ctx: Context, content: str, facts: Facts, summary: dict[str, Any]) -> list[Section | Grid]:
    if content == "overview":
        return list(overview(ctx.d, ctx.kind_word))
    if content == "tables":
        return list(tables(ctx, summary, performance="performance" not in _contents(ctx.spec)))
    if content == "performance":
        return list(_performance(ctx, *(t for t in ctx.spec.tables if t.kind in _PERFORMANCE)))
    if content == "narrative":
        return narrative(ctx, facts, summary)
    if content == "glossary":
        return list(glossary(ctx.d, ctx.spec))
    raise ValueError(f"模板的 parts 中有未知的内容 {content!r}（应为 overview/tables/narrative/glossary/performance）")


def _contents(spec: TemplateSpec) -> set[str]:
    return {p["content"] for p in spec.parts or DEFAULT_PARTS}


def tables(ctx: Context, summary: dict[str, Any], performance: bool = True) -> list[Grid]:
    """Every table in the template's order, numbered; other kinds of the model follow."""
    out: list[Grid] = []
    listed = {t.kind for t in ctx.spec.tables}
    specs = [t for t in ctx.spec.tables if performance or t.kind not in _PERFORMANCE]
    extra = [TableSpec(kind=t.kind, title=t.title, layout="coded") for t in _extra_tables(ctx.d, listed)]
    extra += [TableSpec(kind=k, title=title, layout=layout) for k, title, layout in _DEFAULT_SPECS
              if k not in listed and (performance or k not in _PERFORMANCE)]
    number = 0
    for tspec in [*specs, *extra]:
        grids = _grids(ctx, tspec, summary)
        if grids:
            number += 1
            for grid in grids:
                grid.number = ctx.spec.table_number.format(n=number, nn=f"{number:02d}")
            out.extend(grids)
    return out


def _extra_tables(d: Disclosure, listed: set[str]) -> list[Any]:
    seen: set[str] = set()
    out = []
    for t in d.tables:
        if t.kind in listed or t.kind in _SELF_BUILT or t.kind == "raw" or t.kind in seen:
            continue
        seen.add(t.kind)
        out.append(t)
    return out


def _grids(ctx: Context, tspec: TableSpec, summary: dict[str, Any]) -> list[Grid]:
    d = ctx.d
    if tspec.kind == "three_public":
        if d.three_public is None or not d.three_public.current:
            return []
        op = summary.get("operating_costs")
        unit = unit_of(ctx.spec.three_public_unit, d.three_public.money_unit or d.money_unit)
        return [three_public_grid(ctx, tspec, d.three_public, None if op is None else in_unit(op, d.money_unit, unit))]
    if tspec.kind in _PERFORMANCE:
        return _performance(ctx, tspec)
    builder = _BUILDERS.get(tspec.layout, coded_grid)
    if tspec.kind in ("income_expenditure_summary", "fiscal_summary"):
        builder = two_sided_grid
    return [builder(ctx, tspec, with_basic_split(t)) for t in d.tables_of(tspec.kind)]


def _performance(ctx: Context, *tspecs: TableSpec) -> list[Grid]:
    out = []
    for tspec in tspecs:
        out += [performance_grid(ctx, tspec, t) for t in ctx.d.performance if t.scope == _PERFORMANCE[tspec.kind]]
    return out


def narrative(ctx: Context, facts: Facts, summary: dict[str, Any]) -> list[Section | Grid]:
    """The 情况说明 sections."""
    writer = Writer(facts, ctx.d.year, ctx.kind_word, Decimal(ctx.spec.change_threshold))
    department = ctx.d.department or "本部门"
    out: list[Section | Grid] = [writer.overall(department)]
    classes = _classes(ctx, facts.unit)
    general = writer.general_budget(classes)
    if general:
        out.append(general)
    out.append(writer.three_public())
    out.append(Section(f"{'四' if general else '三'}、其他重要事项的说明", []))
    projects = [t for t in ctx.d.performance if t.scope == "project"]
    funds = sum((in_unit(t.amount.value, ctx.d.money_unit, facts.unit) for t in projects if t.amount), Decimal(0))
    listed = [(p.name, in_unit(p.amount.value, ctx.d.money_unit, facts.unit))
              for p in ctx.d.projects if p.origin == "narrative" and p.amount is not None]
    out += [writer.operating_costs(), writer.procurement(), writer.assets(),
            writer.performance(len(projects), funds if projects else None, listed)]
    described = [p for p in ctx.d.projects if p.origin == "narrative" and p.amount is None]
    if described:
        out.append(Section("项目经费情况说明", [f"{n}. 由{p.unit or department}建设的{p.name}，项目情况详见项目文本。"
                                          for n, p in enumerate(described, start=1)]))
    return out


def _classes(ctx: Context, unit: str) -> list[tuple[str, Decimal]]:
    """(name, amount) of each 功能分类 类 of the 一般公共预算支出表, department level."""
    table = ctx.d.table("general_budget_expenditure")
    if table is None:
        return []
    rows = [i for i in table.items if i.level == "类" and i.code]
    top = [i for i in rows if i.unit is None] or rows
    sums: dict[str, Decimal] = {}
    names: dict[str, str] = {}
    for item in top:
        value = item.get("total")
        if value is not None and item.code:
            sums[item.code] = sums.get(item.code, Decimal(0)) + in_unit(value, table.money_unit or ctx.d.money_unit, unit)
            names.setdefault(item.code, item.name)
    return [(names[c], sums[c]) for c in sorted(sums)]
