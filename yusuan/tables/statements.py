"""Interpret a classified table (code/label rows × canonical columns) into a StatementTable.

Grid kinds (支出总表, 一般公共预算支出表, 基本支出表, 功能/经济分类表, 收入总表…) go through
:mod:`~yusuan.tables.rows` (logical rows), :mod:`~yusuan.tables.columns` (printed columns) and
:mod:`~yusuan.tables.solver` (which column each printed value stands in); two-sided summaries go
through :mod:`~yusuan.tables.twosided`. Kinds read elsewhere (三公, 绩效) keep their cells only.
"""

from __future__ import annotations

from decimal import Decimal

from yusuan.layout import Line
from yusuan.model import Amount, LineItem, Provenance, StatementTable, zero
from yusuan.money import unit_step
from yusuan.tables.amounts import number
from yusuan.tables.catalogue import Catalogue, load_catalogue, squash
from yusuan.tables.columns import header_anchors, header_columns, header_text
from yusuan.tables.geometry import column_edges, place_by_anchors, place_by_edges
from yusuan.tables.names import code_for, codes_from_names, table_system, units_by_sums
from yusuan.tables.ocr_codes import repair_codes
from yusuan.tables.panels import Panel, panels_of, read_line
from yusuan.tables.placement import plan
from yusuan.tables.rows import RawRow, Value, read_rows
from yusuan.tables.solver import breaks, candidates, choose_scaled, rules_for, scale
from yusuan.tables.table import Table
from yusuan.tables.twosided import SideTracker, bare, segments

TWO_SIDED = frozenset({"income_expenditure_summary", "fiscal_summary"})
CELLS_ONLY = frozenset({"three_public", "performance_overall", "performance_project", "raw"})
_LEVELS = {3: "类", 5: "款", 7: "项", 6: "unit"}
_TOTALS = frozenset({"合计", "总计"})


def interpret(table: Table, source: str) -> StatementTable:
    """The StatementTable for ``table`` (kind, title, unit, pages, columns, rows)."""
    st = StatementTable(
        kind=table.kind,
        title=table.title,
        number=table.number,
        money_unit=table.money_unit,
        pages=table.pages,
        lines=table.line_span,
        notes=[n.text for n in table.notes],
        cells=[[c.text for c in ln.cells] for ln in table.body],
    )
    if table.kind in TWO_SIDED:
        _two_sided(table, source, st)
    elif table.kind not in CELLS_ONLY:
        _grid(table, source, st)
    return st


def _where(table: Table, source: str, value: Value | None, row: str, column: str | None, line: int | None = None) -> Provenance:
    at = value.line if value is not None else None
    return Provenance(
        source, at.page if at else None, at.number if at else line, _label(table), table.kind, row, column,
        value.bbox if value is not None else None, value.ocr if value is not None else False,
    )


_LAST_LABEL: list[tuple[Table, str]] = []


def _label(table: Table) -> str:
    """Table.label, computed once per table (it is on every figure's provenance)."""
    if not _LAST_LABEL or _LAST_LABEL[0][0] is not table:
        _LAST_LABEL[:] = [(table, table.label)]
    return _LAST_LABEL[0][1]


def _amount(value: Value, where: Provenance) -> Amount | None:
    parsed = number(value.text)
    return None if parsed is None else Amount(parsed, value.text, where)


# --- grid tables -------------------------------------------------------------------------------


def _tab_start(rows: list[RawRow]) -> int | None:
    """The tab field of the first value column: the leftmost field any row prints a value in."""
    fields = [r.values[0].field for r in rows if r.values and r.values[0].field is not None]
    return min(fields) if fields else None


def _prefer(code: str | None, columns: list[str], catalogue: Catalogue) -> frozenset[int]:
    """Columns a lone 经济分类 value goes to when identities cannot decide (301 → 人员经费…)."""
    if not code:
        return frozenset()
    for column, classes in catalogue.economic_tie_break.items():
        if code[:3] in classes and column in columns:
            return frozenset({columns.index(column)})
    return frozenset()


def _options(
    row: RawRow,
    columns: list[str],
    start: int | None,
    catalogue: Catalogue,
    rules: tuple[tuple[int, tuple[int, ...]], ...],
    edges: list[float] | None = None,
    anchors: dict[int, list[float]] | None = None,
    placed: tuple[int, ...] | None = None,
) -> list[tuple[int, ...]]:
    """Candidate column placements of a row's values: the header's geometry (``placed``), tab
    fields or figure edges fix them, else the solver."""
    if placed is not None:
        return [placed]  # under its heading on the page: the identities check it, they do not move it
    n = len(columns)
    numbers = tuple(_number(v) for v in row.values)
    fixed = _fixed(row, n, start, edges, anchors)
    if fixed is not None and (not rules or not breaks(numbers, fixed, n, rules)):
        return [fixed]
    solved = list(candidates(numbers, n, rules, _prefer(row.code, columns, catalogue)))
    if fixed is not None and breaks(numbers, fixed, n, rules) <= breaks(numbers, solved[0], n, rules):
        return [fixed]
    return solved  # a figure one tab field off (its row's identities say so): arithmetic decides


def _fixed(
    row: RawRow,
    n: int,
    start: int | None,
    edges: list[float] | None,
    anchors: dict[int, list[float]] | None = None,
) -> tuple[int, ...] | None:
    """The placement tab fields or page geometry give, if any."""
    if start is not None and row.values and all(v.field is not None for v in row.values):
        positions = tuple(v.field - start for v in row.values)  # type: ignore[operator]
        if all(0 <= p < n for p in positions) and list(positions) == sorted(set(positions)):
            return positions
    if edges is not None and row.values:
        return place_by_edges(row, edges)
    if anchors and row.values:
        page = row.values[0].line.page
        before = [p for p in anchors if p <= page]
        if before:
            return place_by_anchors(row, anchors[max(before)])
    return None


def _anchors_by_page(table: Table, n: int, catalogue: Catalogue) -> dict[int, list[float]] | None:
    """Column heading edges of the table's first header and of each header printed again on a
    later page (the page's own columns), by page; None without any."""
    out: dict[int, list[float]] = {}
    for lines in [table.header, *table.page_headers.values()]:
        if lines and (found := header_anchors(lines, n, catalogue)) is not None:
            out.setdefault(lines[0].page, found)
    return out or None


def _number(value: Value) -> Decimal:
    return number(value.text) or _ZERO


_ZERO = Decimal(0)


def _vector(scaled: list[int], positions: tuple[int, ...], n: int) -> list[int]:
    out = [0] * n
    for value, pos in zip(scaled, positions, strict=False):
        out[pos] = value
    return out


def _children(rows: list[RawRow], levels: list[str], i: int) -> list[int]:
    """Indexes of the rows one level below row ``i``, printed after it: a code's children carry
    its code + 2 digits; a unit's (6-digit or 0-led code) and a 合计's are its top-level 类 rows
    (a 合计 over units: the unit rows) up to the next unit or 合计."""
    if levels[i] in ("total", "unit"):
        return _top_level(levels, i)
    code = rows[i].code or ""
    out: list[int] = []
    for j in range(i + 1, len(rows)):
        child = rows[j].code
        if not child or not child.startswith(code) or len(child) <= len(code):
            break
        if len(child) == len(code) + 2:
            out.append(j)
    return out


def _top_level(levels: list[str], i: int) -> list[int]:
    classes: list[int] = []
    units: list[int] = []
    for j in range(i + 1, len(levels)):
        below = levels[j]
        if below == "total" or (below == "unit" and levels[i] == "unit"):
            break
        if below == "unit":
            units.append(j)
        elif below == "类" and not units:
            classes.append(j)
    return units or classes


_PARENTS = frozenset({"total", "unit", "类", "款"})


def _refine(rows: list[RawRow], options: list[list[tuple[int, ...]]], n: int) -> None:
    """Settle rows the identities left open by the hierarchy, top down: 合计 = Σ units or 类,
    unit = Σ 类, 类 = Σ 款 and 款 = Σ 项, column by column (a 类 printing one figure twice, e.g.
    only 项目支出, is placed by what its siblings leave of the 合计)."""
    if not any(len(o) > 1 for o in options):
        return
    levels = [_level(row) for row in rows]
    scaled = [[scale(_number(v)) for v in row.values] for row in rows]
    order = sorted(range(len(rows)), key=lambda i: ({"total": 0, "unit": 1}.get(levels[i], 2), i))
    parents = [i for i in order if rows[i].values and levels[i] in _PARENTS]
    kids_of = {i: _children(rows, levels, i) for i in parents}
    for i in reversed(parents):  # bottom up: an open parent (合计 11.00 10.00 1.00) follows its children
        if len(options[i]) > 1 and kids_of[i]:
            sums = [0] * n
            for j in kids_of[i]:
                for pos, value in zip(options[j][0], scaled[j], strict=False):
                    sums[pos] += value
            options[i].sort(key=lambda o, i=i, sums=sums: sum(abs(a - b) for a, b in zip(_vector(scaled[i], o, n), sums, strict=True)))
    for i in order:
        if i not in kids_of:
            continue
        kids = kids_of[i]
        if not any(len(options[j]) > 1 for j in kids):
            continue
        parent = _vector(scaled[i], options[i][0], n)
        choice = _like_parent(parent, options[i][0], kids, scaled, options, n)
        if choice is None:
            choice = choose_scaled(parent, [[_vector(scaled[j], o, n) for o in options[j]] for j in kids])
        if choice is None:
            continue
        for j, c in zip(kids, choice, strict=True):
            options[j] = [options[j][c]] + [o for k, o in enumerate(options[j]) if k != c]


def _like_parent(
    parent: list[int], placed: tuple[int, ...], kids: list[int], scaled: list[list[int]], options: list[list[tuple[int, ...]]], n: int
) -> list[int] | None:
    """The commonest answer, tried first: every child in the parent's columns, if that adds up exactly."""
    choice: list[int] = []
    sums = [0] * n
    for j in kids:
        if placed not in options[j]:
            return None
        choice.append(options[j].index(placed))
        for pos, value in zip(placed, scaled[j], strict=False):
            sums[pos] += value
    return choice if sums == parent else None


def _level(row: RawRow) -> str:
    """类/款/项 by code length; 6-digit codes and codes with a leading 0 (no 功能/经济 科目 starts
    with 0) are budget-unit codes ('558001', '024')."""
    if row.code and row.code.isdigit():
        return "unit" if row.code.startswith("0") else _LEVELS.get(len(row.code), "item")
    return "total" if squash(row.name) in _TOTALS else "item"


def _department_rows(levels: list[str], rows: list[RawRow]) -> list[str]:
    """A unit-coded row whose code heads the unit codes printed after it ('024 苏州市审计局' over
    '024001 苏州市审计局') is the department's subtotal, not one more unit: level ``total``."""
    out = list(levels)
    for i, level in enumerate(levels):
        code = rows[i].code or ""
        if level != "unit" or not code:
            continue
        after = next((rows[j].code or "" for j in range(i + 1, len(rows)) if levels[j] == "unit"), None)
        if after is not None and after.startswith(code) and len(after) > len(code):
            out[i] = "total"
    return out


def _part_total(name: str, catalogue: Catalogue) -> str | None:
    """'人员经费合计' → 'personnel': a panel table's per-column total printed as its own row."""
    text = squash(name)
    if not text.endswith("合计"):
        return None
    head = text[: -len("合计")]
    return next((key for key, aliases in catalogue.columns.items() if head in aliases), None)


_UNIT_LABELS = ("单位编码", "单位代码", "部门编码", "部门代码", "单位名称", "部门名称")


def _unit_coded(table: Table) -> bool:
    """Whether a table's row labels are budget units, not 科目 (西安 收入总表: 单位编码 117 / 117001):
    its header names a unit label column and no 科目 column, so its codes are unit codes."""
    text = header_text(table.header)
    return any(w in text for w in _UNIT_LABELS) and "科目" not in text and "项目名称" not in text


def _group_as_total(columns: list[str], catalogue: Catalogue) -> list[str]:
    """A table without a 合计 column whose first column is a group's subtotal with none of the
    group's siblings beside it (基本支出预算 › 小计 | 人员支出 | 日常公用支出): that subtotal is the
    row's total."""
    if "total" in columns or not columns:
        return columns
    first = columns[0]
    siblings = {m for _, members in catalogue.identities if first in members for m in members} - {first}
    group = next((g for g in catalogue.groups if g.key == first), None)
    if group is None or siblings & set(columns):
        return columns
    return ["total", *columns[1:]]


def _economic(table: Table, catalogue: Catalogue) -> bool:
    """Whether a table's rows are 经济分类 by its title (经济分类, or a 基本支出 table)."""
    found = catalogue.title_features(squash(table.title))
    return found.get("classification") == "economic" or (
        found.get("subject") == "basic" and found.get("classification") != "function"
    )


def _grid(table: Table, source: str, st: StatementTable) -> None:
    catalogue = load_catalogue()
    rows = read_rows(table.body, "序号" in header_text(table.header))
    repair_codes(rows)  # OCR: a code a digit off, put right by its printed name
    codes_from_names(rows, table_system(rows, _economic(table, catalogue)))
    geometry = plan(table, rows, catalogue)
    columns = geometry.columns if geometry is not None else header_columns(table.header, catalogue, table.body)
    if not columns and rows and max(len(r.values) for r in rows) == 1:
        columns = ["total"]  # one unnamed figure column (预算 / 金额 / 决算数)
    if not columns:
        return
    columns = _group_as_total(columns, catalogue)
    st.columns = columns
    if geometry is not None:
        st.column_labels = {new: geometry.labels[old] for new, old in zip(columns, geometry.columns, strict=True)}
    rules = rules_for(tuple(columns), catalogue)
    edges = column_edges(rows, len(columns)) if geometry is None else None
    anchors = None if edges is not None or geometry is not None else _anchors_by_page(table, len(columns), catalogue)
    start = _tab_start(rows)
    fixed = geometry.positions if geometry is not None else [None] * len(rows)
    options = [
        _options(row, columns, start, catalogue, rules, edges, anchors, placed)
        for row, placed in zip(rows, fixed, strict=True)
    ]
    _refine(rows, options, len(columns))
    printed: dict[int, RawRow] = {}
    coded_by_unit = _unit_coded(table)
    levels = _department_rows([("unit" if coded_by_unit and r.code else _level(r)) for r in rows], rows)
    for row, choice, level in zip(rows, options, levels, strict=True):
        part = _part_total(row.name, catalogue) if not row.code and row.values else None
        if part is not None:
            _add_part_total(st, table, source, row, part)
            continue
        item = _item(table, source, row, columns, choice[0], level)
        st.items.append(item)
        printed[id(item)] = row
    units_by_sums(st.items)
    _derive_groups(st, catalogue)
    unit: str | None = None
    for item in st.items:
        if item.level == "unit":
            unit = item.name
        item.unit = unit if item.level != "total" else None
    if groups := load_catalogue().row_groups(table.kind):
        _group_levels(st, groups, printed)


def _derive_groups(st: StatementTable, catalogue: Catalogue) -> None:
    """A group the table prints only through its members (基本支出 as 人员经费 | 公用经费) beside a
    sibling (项目支出) gets a column of their sums, each marked derived, placed before its first
    member; without a sibling the row's 合计 is the group already."""
    for group in catalogue.groups:
        if not group.derive or group.key in st.columns or not all(m in st.columns for m in group.members):
            continue
        siblings = {m for _, members in catalogue.identities if group.key in members for m in members} - {group.key}
        if not siblings & set(st.columns):
            continue
        for item in st.items:
            parts = [item.values[m] for m in group.members if m in item.values]
            where = parts[0].where._replace(column=group.key, bbox=None) if parts and parts[0].where else None
            total = sum((a.value for a in parts), Decimal(0))
            item.values[group.key] = Amount(total, "" if all(a.blank for a in parts) else str(total), where, derived=True)
        st.columns.insert(st.columns.index(group.members[0]), group.key)
        st.column_labels.setdefault(group.key, f"{catalogue.columns.get(group.key, (group.key,))[0]}（{'+'.join(st.column_labels.get(m, m) for m in group.members)}）")


def _item(
    table: Table, source: str, row: RawRow, columns: list[str], positions: tuple[int, ...], level: str
) -> LineItem:
    """One LineItem: every printed column, blank cells as zero with the row's provenance."""
    label = row.code or squash(row.name)
    first_line = row.lines[0].number if row.lines else None
    where = _where(table, source, row.values[0] if row.values else None, label, None, first_line)
    blank = zero(where)  # blank cells share the row's provenance: the column is their key
    values: dict[str, Amount] = dict.fromkeys(columns, blank)
    for value, pos in zip(row.values, positions, strict=False):
        amount = _amount(value, _where(table, source, value, label, columns[pos]))
        if amount is not None:
            values[columns[pos]] = amount
    return LineItem(
        name=squash(row.name), values=values, code=row.code, level=level, where=where,
        alt_code=row.alt_code, alt_name=squash(row.alt_name) if row.alt_code else None,
    )


def _add_part_total(st: StatementTable, table: Table, source: str, row: RawRow, part: str) -> None:
    """Fold '人员经费合计 X' / '公用经费合计 Y' rows into one 合计 item (panel tables)."""
    totals = st.total_row()
    if totals is None:
        totals = LineItem(name="合计", values={}, level="total", where=_where(table, source, row.values[0], "合计", None))
        st.items.append(totals)
    amount = _amount(row.values[0], _where(table, source, row.values[0], "合计", part))
    if amount is not None:
        totals.values[part] = amount


# --- listed tables with row groups (政府采购: 采购品目大类 → 单位 → 品目) ----------------------------




def _group_key(item: LineItem, groups: dict[str, tuple[str, ...]]) -> str | None:
    if item.code or item.level != "item":
        return None
    name = bare(item.name)
    return next((key for key, names in groups.items() if name in names), None)


def _group_levels(st: StatementTable, groups: dict[str, tuple[str, ...]], printed: dict[int, RawRow]) -> None:
    """Give a listed table its hierarchy. A row named as a group (货物 5.50) is a ``category``
    subtotal keyed by its group. Under it a template may print unit rows (苏州市审计局 5.50),
    each followed by its items; a row is such a unit subtotal when the rows under the group split,
    in order, into runs of a head and the items adding up to it, and the heads add up to the group.
    Names cannot tell: a unit row is a bare name, the items' cells are glued into one name.
    ``printed`` maps each item to its logical row (for a unit's name, see :func:`_unit_name`)."""
    items = st.items
    heads = [k for k, item in enumerate(items) if _group_key(item, groups)]
    if not heads:
        return
    column = "total" if "total" in st.columns else st.columns[0]
    for start, end in zip(heads, [*heads[1:], len(items)], strict=True):
        head = items[start]
        head.level, head.key, head.unit = "category", _group_key(head, groups), None
        block = items[start + 1 : end]
        block = block[: next((j for j, it in enumerate(block) if it.level == "total"), len(block))]
        if any(it.level == "unit" for it in block):
            continue  # unit rows known by their codes: already levelled
        runs = _unit_runs(head, block, column)
        for unit, members in runs or []:
            row = printed.get(id(unit))
            unit.name = (_unit_name(row) if row is not None else "") or unit.name
            unit.level, unit.unit = "unit", unit.name
            for member in members:
                member.unit = unit.name


def _unit_name(row: RawRow) -> str:
    """A unit row's name as printed in the first column of its lines, when the row reader glued
    more before it: the previous item's cells wrapped past a page break ('务支出 务' +
    '苏州市交通运输应急指挥中心', 苏州市交通运输局 p.29–30). '' when nothing was glued."""
    if len(row.lines) < 2:
        return ""
    first = squash("".join(ln.cells[0].text for ln in row.lines if ln.cells))
    return first if first and squash(row.name).endswith(first) else ""


def _figure(item: LineItem, column: str, rounded: bool) -> tuple[Decimal, Decimal]:
    """A row's figure in ``column`` and, when ``rounded``, the rounding it may carry (one unit of
    its last printed digit; none for a blank cell)."""
    amount = item.values.get(column)
    if amount is None or amount.blank:
        return _ZERO, _ZERO
    return amount.value, unit_step(amount.value) if rounded else _ZERO


def _unit_runs(
    group: LineItem, block: list[LineItem], column: str
) -> list[tuple[LineItem, list[LineItem]]] | None:
    """``block`` split into (unit row, its items) runs, each unit row the sum of the items after
    it and the unit rows the sum of ``group``: exactly, else within the printed rounding; None
    when it does not split so (the group lists its items directly)."""
    return _runs(group, block, column, rounded=False) or _runs(group, block, column, rounded=True)


def _runs(
    group: LineItem, block: list[LineItem], column: str, rounded: bool
) -> list[tuple[LineItem, list[LineItem]]] | None:
    runs: list[tuple[LineItem, list[LineItem]]] = []
    p = 0
    while p < len(block):
        target, slack = _figure(block[p], column, rounded)
        run, q, closed = _ZERO, p + 1, False
        while q < len(block) and not closed:
            value, step = _figure(block[q], column, rounded)
            run, slack, q = run + value, slack + step, q + 1
            closed = abs(run - target) <= slack
            if run > target + slack:
                return None
        if not closed:
            return None
        while q < len(block) and _figure(block[q], column, rounded)[0] == 0:
            q += 1  # a zero item after the run is the run's own: no unit row prints 0
        runs.append((block[p], block[p + 1 : q]))
        p = q
    total, slack = _figure(group, column, rounded)
    for unit, _ in runs:
        value, step = _figure(unit, column, rounded)
        total, slack = total - value, slack + step
    return runs if runs and abs(total) <= slack else None


# --- two-sided summaries -----------------------------------------------------------------------


def _split_field(table: Table) -> int | None:
    """Tab field where the expenditure half starts (the header's 支出 cell), if tab-separated."""
    for line in table.header:
        if "\t" not in line.raw:
            return None
        for index, cell in enumerate(line.cells):
            if index and squash(cell.text) in ("支出", "支出项目"):
                return index
    return None


def _fund_prefer(label: str, columns: list[str], catalogue: Catalogue) -> frozenset[int]:
    """The fund column a lone figure of this row belongs to when arithmetic cannot tell: a row named
    after a fund (国有资本经营预算支出 → state_capital) by the catalogue's fund words."""
    text = bare(squash(label))
    for column in ("state_capital", "government_fund"):
        if column in columns and any(alias in text for alias in catalogue.columns[column]):
            return frozenset({columns.index(column)})
    return frozenset()


def _place_segment(
    values: list[Value], label: str, columns: list[str], catalogue: Catalogue, rules: tuple[tuple[int, tuple[int, ...]], ...]
) -> list[tuple[int, ...]]:
    """Candidate placements of a segment's figures (blank fund cells are dropped in a text layout)."""
    if not rules or len(values) >= len(columns):
        return [tuple(range(min(len(values), len(columns))))]
    numbers = tuple(_number(v) for v in values)
    return list(candidates(numbers, len(columns), rules, _fund_prefer(label, columns, catalogue)))


def _settle_totals(placed: list[tuple[str, str | None, list[Value], list[tuple[int, ...]]]], n: int) -> None:
    """An expenditure 本年支出合计 (or 总计) with several placements takes the one whose fund columns
    come closest to the 类 rows' column sums (plus the 结转 rows for 总计)."""
    def column_sums(keys: tuple[str | None, ...]) -> list[Decimal]:
        sums = [Decimal(0)] * n
        for side, key, values, options in placed:
            if side == "expenditure" and key in keys and values:
                for value, pos in zip(values, options[0], strict=False):
                    sums[pos] += _number(value)
        return sums

    targets = {
        "current_year_total": (None,),
        "grand_total": ("current_year_total", "carryover_to_next_year"),
    }
    for side, key, values, options in placed:
        if side != "expenditure" or key not in targets or len(options) < 2:
            continue
        sums = column_sums(targets[key])
        def gap(o: tuple[int, ...], values: list[Value] = values, sums: list[Decimal] = sums) -> Decimal:
            row = [Decimal(0)] * n
            for value, pos in zip(values, o, strict=False):
                row[pos] = _number(value)
            return sum((abs(a - b) for a, b in zip(row[1:], sums[1:], strict=True)), Decimal(0))
        options.sort(key=gap)


_FUND_COLUMNS = ("general_public_budget", "government_fund", "state_capital")


def two_sided_columns(table: Table, catalogue: Catalogue) -> list[str]:
    """The expenditure side's value columns: 合计 then the printed fund columns. A 财政拨款 word
    printed with the fund columns is the caption over a half ('财政拨款收入 | 财政拨款支出'), not
    a column: the funds add up to the 合计 themselves."""
    skip = {"total", "current_year_total", "carryover"}
    printed = [c for c in header_columns(table.header, catalogue) if c not in skip]
    if any(c in printed for c in _FUND_COLUMNS):
        printed = [c for c in printed if c != "fiscal_total"]
    return ["total", *printed] if len(printed) > 1 else ["total"]


def _panel_items(table: Table, source: str, st: StatementTable, panels: list[Panel], catalogue: Catalogue) -> None:
    """The rows of a two-sided table read panel by panel (see :mod:`yusuan.tables.panels`): a
    second expenditure panel (经济分类 beside 功能分类) keeps its rows on a side of its own,
    ``expenditure.<classification>``; an expenditure label naming a 功能分类 类 gets its code."""
    main = next(p for p in panels if p.side == "expenditure") if any(p.side == "expenditure" for p in panels) else panels[0]
    st.columns = list(main.columns)
    tracker = SideTracker(catalogue)
    for line in table.body:
        for row in read_line(line, panels):
            if not row.label:
                continue
            panel = row.panel
            side = panel.side if panel is main or panel.side == "income" else f"{panel.side}.{panel.system or 'other'}"
            key = tracker.keyed(side if side in ("income", "expenditure") else "expenditure", row.label)
            name = bare(row.label)
            values: dict[str, Amount] = {}
            for column, value in row.values:
                amount = _amount(value, _where(table, source, value, name, panel.columns[column]))
                if amount is not None:
                    values[panel.columns[column]] = amount
            if "total" not in values:
                values["total"] = zero(_where(table, source, None, name, "total", line.number))
            code = code_for(name, "functional") if side == "expenditure" and key is None else None
            first = row.values[0][1] if row.values else None
            st.items.append(
                LineItem(
                    name=row.label, values=values, code=code if code and len(code) == 3 else None,
                    level="item", key=key, side=side, where=_where(table, source, first, name, None, line.number),
                )
            )


def _two_sided(table: Table, source: str, st: StatementTable) -> None:
    catalogue = load_catalogue()
    if (panels := panels_of(table, catalogue)) is not None:
        _panel_items(table, source, st, panels, catalogue)
        return
    columns = two_sided_columns(table, catalogue)
    st.columns = columns
    tracker = SideTracker(catalogue, _split_field(table))
    rules = rules_for(tuple(columns), catalogue)
    placed: list[tuple[str, str | None, list[Value], list[tuple[int, ...]]]] = []
    rows: list[tuple[Line, str, str, str | None, list[Value]]] = []
    for line in table.body:
        segs = segments(line, catalogue)
        for seg in segs:
            if not seg.label:
                continue
            side, key = tracker.side(seg, len(segs))
            options = _place_segment(seg.values, seg.label, columns, catalogue, rules)
            placed.append((side, key, seg.values, options))
            rows.append((line, squash(seg.label), side, key, seg.values))
    _settle_totals(placed, len(columns))
    for (line, name, side, key, seg_values), (_, _, _, options) in zip(rows, placed, strict=True):
        values: dict[str, Amount] = {}
        for value, pos in zip(seg_values, options[0], strict=False):
            amount = _amount(value, _where(table, source, value, bare(name), columns[pos]))
            if amount is not None:
                values[columns[pos]] = amount
        if "total" not in values:
            values["total"] = zero(_where(table, source, None, bare(name), "total", line.number))
        st.items.append(
            LineItem(
                name=name,
                values=values,
                level="item",
                key=key,
                side=side,
                where=_where(table, source, seg_values[0] if seg_values else None, bare(name), None, line.number),
            )
        )
