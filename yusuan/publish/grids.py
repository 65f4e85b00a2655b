"""Model tables → printed grids (表), one builder per table layout of a template.

Layouts: ``coded`` (科目 rows × figure columns: 支出总表, 一般公共预算支出表, 基本支出表 …),
``two_sided`` (收入 | 支出 halves: 收支总表, 财政拨款收支总表), ``listed`` (named rows: 项目支出表,
政府采购表 …). The 三公 and 绩效 tables have their own modules. Every figure printed is the
model's, converted exactly into the template's unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from itertools import zip_longest

from yusuan.model import Disclosure, LineItem, Project, StatementTable
from yusuan.model.disclosure import FINAL_ACCOUNTS
from yusuan.publish.columns import arrange
from yusuan.publish.document import Grid, Head, Row
from yusuan.publish.labels import label_cells, label_count, label_header, split_width
from yusuan.publish.numbers import in_unit, money_text, needed_decimals, unit_of
from yusuan.publish.spec import TableSpec, TemplateSpec, header_for

# 收支总表 rows printed at the bottom, each beside its partner on the other side.
_BOTTOM_PARTNERS = {
    "current_year_total": "current_year_total",
    "non_fiscal_surplus_used": "surplus_distribution",
    "carryover_from_last_year": "carryover_to_next_year",
    "grand_total": "grand_total",
}
_BOTTOM_EXPENDITURE = {"current_year_total", "surplus_distribution", "carryover_to_next_year", "grand_total"}


@dataclass(frozen=True, slots=True)
class Context:
    """What every builder needs: the model and the template."""

    d: Disclosure
    spec: TemplateSpec

    @property
    def kind_word(self) -> str:
        return "决算" if self.d.kind == FINAL_ACCOUNTS else "预算"

    def fill(self, text: str, **extra: object) -> str:
        """A template string with {department}, {year}, {kind} (预算/决算) and ``extra`` filled in."""
        values = {"department": self.d.department or "", "year": self.d.year or "", "kind": self.kind_word, **extra}
        return text.format(**values)

    def title(self, tspec: TableSpec) -> str:
        if self.d.kind == FINAL_ACCOUNTS:
            title = tspec.final_title or final_title(tspec.title)
        else:
            title = tspec.title
        return self.fill(title)

    def unit(self, table: StatementTable | None = None) -> str:
        """The unit the tables print in."""
        return unit_of(self.spec.money_unit, self.d.money_unit)

    def from_unit(self, table: StatementTable) -> str:
        return table.money_unit or self.d.money_unit


def final_title(title: str) -> str:
    """A budget table's title as the 决算 prints it: 收支预算总表 → 收支决算总表, 一般公共预算支出表 →
    一般公共预算支出决算表 (the 预算 of 一般公共预算 is a fund's name, not the kind)."""
    if "决算" in title or "预算" not in title or "绩效" in title:  # a 绩效目标表's 决算 form is a 自评表
        return title
    if "预算总表" in title:
        return title.replace("预算总表", "决算总表")
    if title.endswith("预算表") and not title.endswith(("一般公共预算表", "基金预算表", "经营预算表")):
        return title[: -len("预算表")] + "决算表"
    return title[:-1] + "决算表" if title.endswith("表") else title


def present_columns(table: StatementTable, items: list[LineItem] | None = None) -> list[str]:
    """The canonical keys the table prints, in its order."""
    seen: dict[str, None] = {c: None for c in table.columns}
    for item in items if items is not None else table.items:
        for key in item.values:
            seen.setdefault(key, None)
    used = {k for i in (items if items is not None else table.items) for k in i.values}
    return [k for k in seen if k in used] or [k for k in table.columns]


def _places(ctx: Context, table: StatementTable, items: list[LineItem], unit: str) -> int:
    values = [in_unit(a.value, ctx.from_unit(table), unit) for i in items for a in i.values.values()]
    return needed_decimals(values, ctx.spec.decimals if unit == "万元" or ctx.spec.decimals == 0 else 2)


def _figure(ctx: Context, table: StatementTable, item: LineItem, key: str, unit: str, places: int) -> str:
    amount = item.values.get(key)
    value = None if amount is None else in_unit(amount.value, ctx.from_unit(table), unit)
    return money_text(value, places, ctx.spec.thousands, ctx.spec.zero)


def _frame(ctx: Context, tspec: TableSpec, table: StatementTable, header: list[list[Head]], body: list[Row],
           numeric: list[bool], unit: str) -> Grid:
    notes = list(table.notes)
    if not body and not notes:
        notes = [ctx.fill(tspec.empty_note)]
    width = len(numeric)
    landscape = tspec.landscape if tspec.landscape is not None else ctx.spec.landscape or width > ctx.spec.wide_columns
    return Grid(
        kind=table.kind, number="", title=ctx.title(tspec), unit=unit, header=header, body=body,
        meta=[ctx.fill(m) for m in ctx.spec.meta], notes=notes, numeric=numeric, landscape=landscape,
        number_position=ctx.spec.number_position, unit_label=ctx.fill(ctx.spec.unit_label, unit=unit),
    )


def ordered(items: list[LineItem], position: str) -> list[LineItem]:
    """The rows with the 合计 row where the template prints it (first, last, or as the model has it)."""
    if position == "source":
        return list(items)
    totals = [i for i in items if i.level == "total"]
    rest = [i for i in items if i.level != "total"]
    return totals + rest if position == "top" else rest + totals


def coded_grid(ctx: Context, tspec: TableSpec, table: StatementTable) -> Grid:
    """A 科目 table: label columns in the template's code layout, then the arranged figure columns."""
    items = ordered(table.items, ctx.spec.total_position)
    figure_header, keys = arrange(tspec.columns or ctx.spec.columns, present_columns(table),
                                  lambda k: header_for(ctx.spec, k))
    layout = tspec.code_layout or ctx.spec.code_layout
    if not any(i.code and i.code.isdigit() for i in items if i.level != "unit"):
        layout = "whole" if layout in ("split", "broken") else layout
    width = split_width(items)
    if layout == "split" and len(figure_header) == 1:  # 类|款|项 under the code header: two rows
        figure_header = [[Head(h.text, h.colspan, 2) for h in figure_header[0]], []]
    labels = label_header(layout, tspec.code_header, tspec.name_header, width, len(figure_header), tspec.label_group)
    header = [a + b for a, b in zip(labels, figure_header, strict=True)]
    unit = ctx.unit(table)
    places = _places(ctx, table, items, unit)
    body = [
        Row(label_cells(i, layout, width, ctx.spec.total_label) + [_figure(ctx, table, i, k, unit, places) for k in keys],
            style=i.level)
        for i in items
    ]
    numeric = [False] * label_count(layout, width) + [True] * len(keys)
    grid = _frame(ctx, tspec, table, header, body, numeric, unit)
    grid.broken_codes = layout == "broken"
    return grid


def listed_grid(ctx: Context, tspec: TableSpec, table: StatementTable) -> Grid:
    """Named rows (项目支出表: 单位名称 | 项目名称 [| 项目内容]; 政府采购表 …: 项目) and the arranged
    figure columns. A 项目支出表's project rows print the model's projects (name and content apart)."""
    if any(i.code and i.code.isdigit() for i in table.items if i.level in ("类", "款", "项")):
        return coded_grid(ctx, tspec, table)
    figure_header, keys = arrange(tspec.columns or ctx.spec.columns, present_columns(table),
                                  lambda k: header_for(ctx.spec, k))
    depth = len(figure_header)
    projects = _projects_of(ctx.d, table)
    by_unit = table.kind == "project_expenditure" and any(i.level == "unit" or i.unit for i in table.items)
    with_content = projects is not None and any(p.content for p in projects)
    words = (["单位名称", "项目名称"] if by_unit else [tspec.item_header]) + (["项目内容"] if with_content else [])
    labels = [[Head(w, 1, depth) for w in words]] + [[] for _ in range(depth - 1)]
    header = [a + b for a, b in zip(labels, figure_header, strict=True)]
    unit = ctx.unit(table)
    places = _places(ctx, table, table.items, unit)
    body = []
    queue = list(projects or [])
    for item in ordered(table.items, ctx.spec.total_position):
        name, content = item.name, ""
        if item.level == "item" and queue:
            project = queue.pop(0)
            name, content = project.name, project.content or ""
        if item.level == "total":
            label = [ctx.spec.total_label, ""] if by_unit else [ctx.spec.total_label]
        elif by_unit:
            label = [item.unit or item.name, ""] if item.level == "unit" else ["", name]
        else:
            label = [name]
        label += [content] if with_content else []
        body.append(Row(label + [_figure(ctx, table, item, k, unit, places) for k in keys], style=item.level))
    numeric = [False] * len(words) + [True] * len(keys)
    return _frame(ctx, tspec, table, header, body, numeric, unit)


def _projects_of(d: Disclosure, table: StatementTable) -> list[Project] | None:
    """The model's projects read from this 项目支出表, when they match its project rows one to one."""
    if table.kind != "project_expenditure":
        return None
    rows = [i for i in table.items if i.level == "item"]
    projects = [p for p in d.projects if p.origin == "project_expenditure"]
    if len(rows) != len(projects) or not all(r.name.replace(" ", "").startswith(p.name.replace(" ", ""))
                                             for r, p in zip(rows, projects, strict=True)):
        return None
    return projects


def two_sided_grid(ctx: Context, tspec: TableSpec, table: StatementTable) -> Grid:
    """收入 on the left, 支出 on the right; totals at the bottom beside their partners."""
    income = [i for i in table.items if i.side == "income"]
    spending = [i for i in table.items if i.side == "expenditure"]
    in_keys = _side_keys(income)
    out_keys = _side_keys(spending)
    value = ctx.spec.value_header.get(ctx.kind_word, "预算数")
    left, right = tspec.side_headers
    header = [
        [Head(left, 1 + len(in_keys)), Head(right, 1 + len(out_keys))],
        [Head(tspec.item_header), *[Head(value if k == "total" else header_for(ctx.spec, k)) for k in in_keys],
         Head(tspec.item_header), *[Head(value if k == "total" else header_for(ctx.spec, k)) for k in out_keys]],
    ]
    if out_keys != ["total"]:
        header[1][1 + len(in_keys) + 1] = Head("合计")
    unit = ctx.unit(table)
    places = _places(ctx, table, table.items, unit)

    def cells(item: LineItem | None, keys: list[str]) -> list[str]:
        if item is None:
            return [""] * (1 + len(keys))
        return [item.name, *[_figure(ctx, table, item, k, unit, places) for k in keys]]

    body = [Row(cells(a, in_keys) + cells(b, out_keys)) for a, b in _pairs(income, spending)]
    numeric = [False] + [True] * len(in_keys) + [False] + [True] * len(out_keys)
    return _frame(ctx, tspec, table, header, body, numeric, unit)


def _side_keys(items: list[LineItem]) -> list[str]:
    keys: dict[str, None] = {"total": None}
    for item in items:
        for key in item.values:
            keys.setdefault(key, None)
    return list(keys)


def _is_bottom(item: LineItem, expenditure: bool) -> bool:
    key = item.key or ""
    if expenditure:
        return key in _BOTTOM_EXPENDITURE
    return key.split(".")[0] in _BOTTOM_PARTNERS


def _pairs(income: list[LineItem], spending: list[LineItem]) -> list[tuple[LineItem | None, LineItem | None]]:
    body_in = [i for i in income if not _is_bottom(i, False)]
    body_out = [i for i in spending if not _is_bottom(i, True)]
    pairs: list[tuple[LineItem | None, LineItem | None]] = list(zip_longest(body_in, body_out))
    bottom_out = [i for i in spending if _is_bottom(i, True)]
    tail: list[tuple[LineItem | None, LineItem | None]] = []
    for item in (i for i in income if _is_bottom(i, False)):
        partner = _BOTTOM_PARTNERS.get(item.key or "") if "." not in (item.key or "") else None
        match = next((o for o in bottom_out if o.key == partner), None)
        if match is not None:
            bottom_out.remove(match)
        tail.append((item, match))
    grand = next((n for n, (a, _) in enumerate(tail) if a is not None and a.key == "grand_total"), len(tail))
    tail[grand:grand] = [(None, o) for o in bottom_out]
    return pairs + tail


def total(items: list[LineItem], key: str) -> Decimal | None:
    """The 合计 row's ``key`` (None when not printed)."""
    row = next((i for i in items if i.level == "total"), None)
    return None if row is None else row.get(key)
