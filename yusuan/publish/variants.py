"""Template variants: one model printed in many layouts, for the reader's variation suite.

Why here: a variant axis is just a parameter of a publish template (title synonyms, column order,
header groups, code layout, total label and position, money unit, 三公 matrix, landscape pages,
table numbers, zeros, thousands separators), so the layouts the reader must read are described
once and used in both directions — the publisher prints them, the reader must read them back to
the same summary. ``single_axis_variants`` changes one axis at a time (a failure names its axis);
``random_variants`` mixes several, drawn with a fixed seed.
"""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass
from typing import Any

from yusuan.publish.spec import CODE_LAYOUTS, THREE_PUBLIC_LAYOUTS, ColumnNode, TableSpec, TemplateSpec

# Title synonyms printed by real templates (the first is the national template's own).
TITLES: dict[str, tuple[str, ...]] = {
    "income_expenditure_summary": ("收支总表", "收支预算总表", "部门收支总体情况表", "{year}年部门财务收支预算总表"),
    "income_summary": ("收入总表", "收入预算总表", "部门收入总体情况表"),
    "expenditure_summary": ("支出总表", "支出预算总表", "部门支出总体情况表"),
    "fiscal_summary": ("财政拨款收支总表", "财政拨款收支预算总表", "财政拨款收支总体情况表"),
    "general_budget_expenditure": ("一般公共预算支出表", "一般公共预算财政拨款支出表", "一般公共预算支出功能分类预算表"),
    "general_budget_basic": ("一般公共预算基本支出表", "一般公共预算财政拨款基本支出表", "一般公共预算基本支出经济分类预算表"),
    "three_public": ("一般公共预算“三公”经费支出表", "“三公”经费支出预算表", "财政拨款“三公”经费支出表"),
    "government_fund": ("政府性基金预算支出表", "政府性基金预算财政拨款支出表"),
}

# The same for a 决算.
FINAL_TITLES: dict[str, tuple[str, ...]] = {
    "income_expenditure_summary": ("收入支出决算总表", "收支决算总表", "部门收支决算总表", "{year}年度部门收入支出决算总表"),
    "income_summary": ("收入决算表", "收入决算总表", "部门收入决算表"),
    "expenditure_summary": ("支出决算表", "支出决算总表", "部门支出决算表"),
    "fiscal_summary": ("财政拨款收入支出决算总表", "财政拨款收支决算总表", "部门财政拨款收支决算总表"),
    "general_budget_expenditure": ("一般公共预算财政拨款支出决算表", "一般公共预算支出决算表", "一般公共预算财政拨款支出决算明细表"),
    "general_budget_basic": ("一般公共预算财政拨款基本支出决算表", "一般公共预算基本支出决算表", "一般公共预算财政拨款基本支出决算明细表"),
    "three_public": ("财政拨款“三公”经费支出决算表", "“三公”经费支出决算表", "一般公共预算财政拨款“三公”经费支出决算表"),
    "government_fund": ("政府性基金预算财政拨款收入支出决算表", "政府性基金预算财政拨款支出决算表"),
}

# axis → the values it takes (the base template's value first is not repeated here)
AXES: dict[str, tuple[Any, ...]] = {
    "title": (1, 2, 3),  # which synonym of TITLES
    "column_order": ("reversed", "project_first", "carryover_first"),
    "header_groups": ("flat", "caption_only"),
    "code_layout": tuple(c for c in CODE_LAYOUTS if c != "whole"),
    "total_label": ("", "总计"),
    "total_position": ("bottom",),
    "money_unit": ("元",),
    "three_public_layout": tuple(THREE_PUBLIC_LAYOUTS),
    "landscape": (True,),
    "number_position": ("after_title", "inline"),
    "zero": ("0", "-"),
    "thousands": (False,),
}


@dataclass(frozen=True, slots=True)
class Variant:
    """A named layout: the axes changed from the base template, and the resulting spec."""

    name: str
    axes: dict[str, Any]
    spec: TemplateSpec


def apply(base: TemplateSpec, axes: dict[str, Any]) -> TemplateSpec:
    """``base`` with each axis of ``axes`` set."""
    spec = base
    for axis, value in axes.items():
        spec = _APPLY[axis](spec, value)
    return spec


def variant(base: TemplateSpec, axes: dict[str, Any]) -> Variant:
    name = ",".join(f"{k}={_show(v)}" for k, v in axes.items()) or "base"
    return Variant(name, dict(axes), apply(base, axes))


def single_axis_variants(base: TemplateSpec) -> list[Variant]:
    """One variant per value of every axis, everything else as ``base``."""
    return [variant(base, {axis: value}) for axis, values in AXES.items() for value in values]


def random_variants(base: TemplateSpec, count: int, seed: int = 2024, axes_per_variant: int = 3) -> list[Variant]:
    """``count`` variants, each setting ``axes_per_variant`` axes drawn with ``seed``."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        chosen = rng.sample(sorted(AXES), axes_per_variant)
        out.append(variant(base, {axis: rng.choice(AXES[axis]) for axis in sorted(chosen)}))
    return out


def _show(value: Any) -> str:
    return "∅" if value == "" else str(value)


# -- the axes ------------------------------------------------------------------------------


def _tables(spec: TemplateSpec, change: Any) -> TemplateSpec:
    return spec.with_changes(tables=tuple(change(t) for t in spec.tables))


def _title(spec: TemplateSpec, index: int) -> TemplateSpec:
    def change(t: TableSpec) -> TableSpec:
        names, finals = TITLES.get(t.kind), FINAL_TITLES.get(t.kind)
        if not names or not finals:
            return t
        return dataclasses.replace(t, title=names[index % len(names)], final_title=finals[index % len(finals)])

    return _tables(spec, change)


def _column_order(spec: TemplateSpec, order: str) -> TemplateSpec:
    columns = list(spec.columns)
    if order == "reversed":
        columns.reverse()
    else:
        wanted = "project" if order == "project_first" else "carryover"
        columns.sort(key=lambda n: 0 if n.key == wanted else 1)
    return spec.with_changes(columns=tuple(columns), tables=tuple(dataclasses.replace(t, columns=None) for t in spec.tables))


def _header_groups(spec: TemplateSpec, how: str) -> TemplateSpec:
    def change(node: ColumnNode) -> tuple[ColumnNode, ...]:
        if not node.children:
            return (node,)
        if how == "flat":  # every member a column of its own, the group word gone
            own = (ColumnNode(header=node.header, key=node.key),) if node.key else ()
            return own + node.children
        return (dataclasses.replace(node, caption=True),)  # the group word over its members, no 小计 column

    columns = tuple(c for n in spec.columns for c in change(n))
    return spec.with_changes(columns=columns, tables=tuple(dataclasses.replace(t, columns=None) for t in spec.tables))


def _code_layout(spec: TemplateSpec, layout: str) -> TemplateSpec:
    return _tables(spec.with_changes(code_layout=layout), lambda t: dataclasses.replace(t, code_layout=None))


def _three_public_layout(spec: TemplateSpec, layout: str) -> TemplateSpec:
    spec = spec.with_changes(three_public_layout=layout, final_three_public_layout=layout)
    return _tables(spec, lambda t: dataclasses.replace(t, three_public_layout=None))


def _landscape(spec: TemplateSpec, on: bool) -> TemplateSpec:
    return _tables(spec.with_changes(landscape=on), lambda t: dataclasses.replace(t, landscape=on))


def _money_unit(spec: TemplateSpec, unit: str) -> TemplateSpec:
    return spec.with_changes(money_unit=unit, three_public_unit=unit, decimals=0 if unit == "元" else 2)


def _setter(field_name: str) -> Any:
    return lambda spec, value: spec.with_changes(**{field_name: value})


_APPLY = {
    "title": _title,
    "column_order": _column_order,
    "header_groups": _header_groups,
    "code_layout": _code_layout,
    "total_label": _setter("total_label"),
    "total_position": _setter("total_position"),
    "money_unit": _money_unit,
    "three_public_layout": _three_public_layout,
    "landscape": _landscape,
    "number_position": _setter("number_position"),
    "zero": _setter("zero"),
    "thousands": _setter("thousands"),
}
