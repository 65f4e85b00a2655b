"""Template specs (模板): one description of a regional layout, read from a template folder.

Why data: a region's disclosure differs from another's in which tables it prints, their titles and
numbers, column headers and groups, how codes are laid out, number format and money unit — not in
logic. A template folder holds ``template.yaml`` (this spec) and a Jinja2 ``layout.html.j2``; a new
region is a copied folder. The same spec prints the variants of the reader's test suite
(:mod:`yusuan.publish.variants`), so one description of a layout is used in both directions.

Specs are frozen dataclasses: a variant is ``dataclasses.replace`` of a spec, never a mutation.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from yusuan.errors import UsageError

CODE_LAYOUTS = ("whole", "split", "glued", "indented", "broken")
THREE_PUBLIC_LAYOUTS = ("years_as_groups", "items_as_rows", "single")
TABLE_LAYOUTS = ("two_sided", "coded", "listed", "three_public", "performance")
BASE = "_base"


@dataclass(frozen=True, slots=True)
class ColumnNode:
    """A printed column, or a header group over columns (基本支出 › 人员经费/公用经费).

    ``key`` is the canonical column key of the model (disclosure.py); a group may have a key of its
    own (its 小计 column, printed first under ``subtotal``) or be a caption only (no key).
    """

    header: str
    key: str | None = None
    children: tuple[ColumnNode, ...] = ()
    subtotal: str = "小计"
    # print the group word over its members without a 小计 column (with a key: that key, the sum of
    # the members, is deliberately not printed — a group known only through its children)
    caption: bool = False

    def all_keys(self) -> list[str]:
        """Every canonical key under this node, its own first."""
        own = [self.key] if self.key else []
        return own + [k for child in self.children for k in child.all_keys()]


@dataclass(frozen=True, slots=True)
class TableSpec:
    """How one table kind is printed."""

    kind: str
    title: str
    final_title: str | None = None  # the 决算 title, where it differs beyond 预算 → 决算
    layout: str = "coded"
    columns: tuple[ColumnNode, ...] | None = None  # None: the template's default arrangement
    code_layout: str | None = None  # None: the template's
    code_header: str = "科目编码"
    name_header: str = "科目名称"
    label_group: str | None = None  # a caption over the label columns (部门预算支出经济分类科目)
    landscape: bool | None = None  # None: landscape when the table is wider than ``wide_columns``
    empty_note: str = "注：本部门{year}年无此项{kind}安排，故本表为空表。"
    three_public_layout: str | None = None
    side_headers: tuple[str, str] = ("收入", "支出")  # two-sided tables: the two halves
    item_header: str = "项目"  # two-sided and listed tables: the label column


@dataclass(frozen=True, slots=True)
class TemplateSpec:
    """A whole template: document parts, number format, units and the tables in order."""

    name: str
    label: str
    description: str
    folder: Path
    tables: tuple[TableSpec, ...]
    cover: tuple[str, ...] = ("{department}", "{year}年部门{kind}")
    parts: tuple[dict[str, str], ...] = ()
    money_unit: str = "万元"  # the tables' unit; 'source' keeps the model's
    three_public_unit: str = "万元"
    narrative_unit: str = "万元"
    decimals: int = 2
    thousands: bool = True
    zero: str = ""  # how a zero prints: '' (blank), '0', '0.00', '-'
    table_number: str = "表{n}"
    number_position: str = "after_title"  # or 'before_title' ('表1 收支预算总表' on one line: 'inline')
    meta: tuple[str, ...] = ()  # lines over each table ('编制部门：{department}')
    unit_label: str = "单位：{unit}"
    code_layout: str = "whole"
    columns: tuple[ColumnNode, ...] = ()
    headers: dict[str, str] = field(default_factory=dict)  # canonical key → header word
    total_label: str = "合计"
    total_position: str = "source"  # where the 合计 row prints: as the model has it, 'top' or 'bottom'
    value_header: dict[str, str] = field(default_factory=lambda: {"预算": "预算数", "决算": "决算数"})
    three_public_layout: str = "years_as_groups"
    final_three_public_layout: str = "items_as_rows"  # a 决算's 预算数 | 决算数 per item
    wide_columns: int = 8
    landscape: bool = False  # every table page landscape
    glossary_terms: tuple[str, ...] = ()
    change_threshold: str = "10"  # % above which a year-on-year change needs a stated reason

    def table(self, kind: str) -> TableSpec | None:
        """The spec of ``kind`` (None when the template does not print it)."""
        return next((t for t in self.tables if t.kind == kind), None)

    def with_changes(self, **changes: Any) -> TemplateSpec:
        """A copy with some fields changed (variants)."""
        return dataclasses.replace(self, **changes)


def templates_root() -> Path:
    """The folder holding the bundled templates."""
    return Path(str(files("yusuan.publish").joinpath("templates")))


def template_names() -> list[str]:
    """The bundled templates, by folder name."""
    return sorted(p.name for p in templates_root().iterdir() if (p / "template.yaml").exists())


@cache
def _base_headers() -> dict[str, str]:
    data = yaml.safe_load((templates_root() / BASE / "columns.yaml").read_text("utf-8"))
    return dict(data["headers"])


def header_for(spec: TemplateSpec, key: str) -> str:
    """The header word a template prints for a canonical column key."""
    return spec.headers.get(key) or _base_headers().get(key) or key


def load_template(name: str | Path) -> TemplateSpec:
    """The spec of a bundled template (by name) or of a template folder (by path)."""
    folder = Path(name) if Path(name).is_dir() else templates_root() / str(name)
    path = folder / "template.yaml"
    if not path.exists():
        raise UsageError(f"没有名为 {name} 的发布模板（可用：{'、'.join(template_names())}，或一个含 template.yaml 的目录）")
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except yaml.YAMLError as exc:
        raise UsageError(f"{path}: 模板 YAML 无法解析（{str(exc).splitlines()[0]}）") from None
    try:
        return _spec(data, folder)
    except (KeyError, TypeError, ValueError) as exc:
        raise UsageError(f"{path}: 模板内容不完整或有误（{exc}）") from None


def _spec(data: dict[str, Any], folder: Path) -> TemplateSpec:
    default_columns = tuple(_column(c) for c in data.get("columns", ()))
    tables = tuple(_table(t) for t in data["tables"])
    spec = TemplateSpec(
        name=str(data.get("name", folder.name)),
        label=str(data["label"]),
        description=str(data.get("description", "")),
        folder=folder,
        tables=tables,
        columns=default_columns,
        cover=tuple(data.get("cover", TemplateSpec.cover)),
        parts=tuple(dict(p) for p in data.get("parts", ())),
        headers={str(k): str(v) for k, v in (data.get("headers") or {}).items()},
        value_header={str(k): str(v) for k, v in (data.get("value_header") or {"预算": "预算数", "决算": "决算数"}).items()},
        meta=tuple(data.get("meta", ())),
        glossary_terms=tuple(data.get("glossary_terms", ())),
        **{k: data[k] for k in _SCALARS if k in data},
    )
    _validate(spec)
    return spec


_SCALARS = (
    "money_unit", "three_public_unit", "narrative_unit", "decimals", "thousands", "zero", "table_number",
    "number_position", "unit_label", "code_layout", "total_label", "total_position", "three_public_layout",
    "final_three_public_layout", "wide_columns",
    "landscape", "change_threshold",
)


def _column(data: Any) -> ColumnNode:
    if isinstance(data, str):
        return ColumnNode(header="", key=data)
    children = tuple(_column(c) for c in data.get("children", ()))
    return ColumnNode(
        header=str(data.get("header", "")), key=data.get("key"), children=children,
        subtotal=str(data.get("subtotal", "小计")), caption=bool(data.get("caption", False)),
    )


def _table(data: dict[str, Any]) -> TableSpec:
    columns = data.get("columns")
    return TableSpec(
        kind=str(data["kind"]),
        title=str(data["title"]),
        final_title=data.get("final_title"),
        layout=str(data.get("layout", "coded")),
        columns=None if columns is None else tuple(_column(c) for c in columns),
        **{k: data[k] for k in ("code_layout", "code_header", "name_header", "label_group", "landscape",
                                "empty_note", "three_public_layout", "item_header") if k in data},
        **({"side_headers": tuple(data["side_headers"])} if "side_headers" in data else {}),
    )


def _validate(spec: TemplateSpec) -> None:
    if spec.code_layout not in CODE_LAYOUTS:
        raise ValueError(f"code_layout {spec.code_layout!r} 不是 {'/'.join(CODE_LAYOUTS)} 之一")
    for layout in (spec.three_public_layout, spec.final_three_public_layout):
        if layout not in THREE_PUBLIC_LAYOUTS:
            raise ValueError(f"three_public_layout {layout!r} 不是 {'/'.join(THREE_PUBLIC_LAYOUTS)} 之一")
    if spec.total_position not in ("source", "top", "bottom"):
        raise ValueError(f"total_position {spec.total_position!r} 应为 source、top 或 bottom")
    for unit in (spec.money_unit, spec.three_public_unit, spec.narrative_unit):
        if unit not in ("元", "万元", "source"):
            raise ValueError(f"单位 {unit!r} 应为 元、万元 或 source")
    for table in spec.tables:
        if table.layout not in TABLE_LAYOUTS:
            raise ValueError(f"{table.kind}: layout {table.layout!r} 不是 {'/'.join(TABLE_LAYOUTS)} 之一")
        if table.code_layout and table.code_layout not in CODE_LAYOUTS:
            raise ValueError(f"{table.kind}: code_layout {table.code_layout!r} 不是 {'/'.join(CODE_LAYOUTS)} 之一")
