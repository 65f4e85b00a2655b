"""绩效目标表 / 绩效自评表 → :class:`PerformanceTarget` with indicators (绩效指标).

Pages of per-project tables are concatenated, so one Table may hold many targets: a target starts
at a name line — '项目(政策)名称 X', '项目编码 … 项目名称 X', or '部门（单位）名称 X' for the
整体 table — and runs to the next. A title printed on an empty page starts nothing, so it does
not count. Within a target the labels (see ``_AMOUNT_LABELS``, ``_GOAL_LABELS``) are read as
'label value' on one line, because templates differ in everything but these words. Indicators
are read from the lines after the 一级/二级/三级指标 header, by cell position when the text is tab
separated and by the operator token (=, >=, ≥ …) otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

from yusuan.layout import Cell, Line
from yusuan.model.disclosure import Indicator, PerformanceTarget
from yusuan.model.provenance import Amount, Provenance
from yusuan.model.wrapped import clean_unit_name, join_wrapped, squash
from yusuan.money import is_amount, parse_amount
from yusuan.tables.indicators import geometric_indicators
from yusuan.tables.table import Table

_PROJECT_START = re.compile(r"^(?:项目编码.*?)?项目[（(]?(?:政策)?[)）]?名称")
_OVERALL_START = re.compile(r"^(?:部门[（(]单位[)）]|单位|部门)名称")
_LIST_HEADER = re.compile(r"项目名称.*(?:总计|合计|金额|预算).*绩效(?:目标|指标)")
_META_LINE = re.compile(r"名称[:：].*单位[:：]|单位[:：](?:万元|元|千元)")
_COLUMN_HEADER = re.compile(r"总计|绩效目标|绩效指标|资金使用单位|财政拨款")
_NAME_LABEL = re.compile(r"名称[:：]?$")
_SIDE_LABEL = re.compile(
    r"^(?:项目性质|项目类别|项目编码|项目代码|项目属性|主管部门|实施单位|预算单位|项目期限)"
)
_TITLE_NUMBER = re.compile(r"^(?:\d{1,3}|[一二三四五六七八九十]+)[、.．]")
_TITLE_SUFFIX = re.compile(r"(?:项目)?(?:支出)?绩效(?:目标|自评)(?:填报)?表$")
_GENERIC_TITLE = re.compile(r"部门|单位|整体|项目[（(]政策[)）]$|^(?:预算)?项目$|财政项目支出")
_GLUED_FIGURE = re.compile(r"^(\d[\d,]*\.\d+)(?=[\u4e00-\u9fff（(])")
_ROW_TOLERANCE = 12.0
_NAME_AFTER = re.compile(r"名称\s*[:：]?\s*(.*)$")
_UNIT_LABEL = re.compile(r"(?:实施单位|项目实施单位)[:：]?")
_AMOUNT_LABELS = re.compile(
    r"^(?:项目预算金额|预算资金情况|年度资金总额|资金总额|资金金额|项目资金|预算数|部门年初预算支出金额|年初预算数|全年预算数)"
)
_GOAL_LABELS = re.compile(r"^(?:年度)?(?:总体目标|绩效目标|年度目标)")
_NEXT_LABEL = re.compile(
    r"^(?:主管部门|实施单位|预算规模|资金用途|预算数|预算资金|项目预算|项目资金|年度|总体目标|绩效目标|绩效指标|一级指标)"
)
_GOAL_COLUMNS = re.compile(r"^年初(?:设定|总体)目标(?:全年(?:实际)?完成情况)?")
_INDICATOR_HEAD = re.compile(r"一级指标")
_LEVEL1 = re.compile(
    r"^(产出|效益|满意度|成本|履职效能|管理效率|运行成本|社会效应|可持续性|基础管理|预算执行)(?:指标)?$"
)
_LEVEL2 = re.compile(
    r"^((?:数量|质量|时效|成本|经济成本|社会成本|生态环境成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|满意度)指标)"
)
_OPERATOR = re.compile(r"^(>=|<=|=|>|<|≥|≤|＝|＞|＜|大于等于|小于等于|大于|小于|等于)$")
_OPERATOR_PREFIX = re.compile(r"^(>=|<=|≥|≤|=|>|<|＞|＜|＝)\s*([\d.]+)\s*(.*)$")
_LEVEL1_WORDS = ("满意度指标", "产出指标", "效益指标", "成本指标")
_PAGE_REPEAT = re.compile(r"绩效(?:目标|自评)表|^表\d|^公开\d|单位[:：](?:万元|元)")
_NOISE = re.compile(
    r"得分小计|总得分|执行率得分|全部或基本达成|部分达成|未达成|^预期指标|^标?\d+%-\d+%|^[（(]含[)）]$|^\d+(?:\.\d+)?%(?:\d+(?:\.\d+)?)*$"
)
_DATE = re.compile(r"^\d{4}[-年.]\d{1,2}")


def _starts(lines: Sequence[Line]) -> list[tuple[int, str]]:
    """Indices of the lines that start a target, with its scope."""
    out: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        text = squash(line.text)
        if _PROJECT_START.match(text):
            out.append((i, "project"))
        elif (
            _OVERALL_START.match(text)
            and "单位性质" not in text
            and len(text) > 6
            and not _META_LINE.search(text)
        ):
            out.append((i, "overall"))
    return out


def _is_label(text: str) -> bool:
    return bool(_NEXT_LABEL.match(squash(text)))


def _name_cells(line: Line) -> list[Cell] | None:
    """The cells after a '…名称' label cell up to the next label cell ('项目性质', '项目类别' …); None
    when the label is not a cell of its own."""
    cells = [c for c in line.cells if c.text.strip()]
    start = next((i for i, c in enumerate(cells) if _NAME_LABEL.search(squash(c.text))), None)
    if start is None:
        return None
    out: list[Cell] = []
    for cell in cells[start + 1 :]:
        if _SIDE_LABEL.match(squash(cell.text)):
            break
        out.append(cell)
    return out


def _same_row(first: Line, line: Line) -> bool:
    """True when ``line`` is part of ``first``'s visual row (a PDF splits a row whose cells sit at
    slightly different heights)."""
    tops = [c.top for c in first.cells if c.top is not None]
    others = [c.top for c in line.cells if c.top is not None]
    return bool(tops and others) and line.page == first.page and max(others) - min(tops) < _ROW_TOLERANCE


def _name(lines: Sequence[Line]) -> str | None:
    """The name after '名称' on the start line, with its wrapped continuation lines."""
    first = lines[0]
    cells = _name_cells(first)
    if cells is None:
        m = _NAME_AFTER.search(first.text)
        parts = [m.group(1).strip()] if m and m.group(1).strip() else []
    else:
        label_x = max((c.x1 for c in first.cells if _NAME_LABEL.search(squash(c.text))), default=0.0)
        for line in lines[1:3]:
            if _same_row(first, line) and not _is_label(line.text):
                cells = [*cells, *(c for c in line.cells if c.text.strip() and c.x0 >= label_x)]
        if cells and all(c.top is not None for c in cells):
            cells = sorted(cells, key=lambda c: c.x0)
        parts = [c.text.strip() for c in cells]
    wrapped_below = not parts
    last = first.number
    for line in lines[1:]:
        if cells is not None and _same_row(first, line):
            last = line.number
            continue
        if _is_label(line.text) or ("\t" in line.raw and sum(1 for c in line.cells if c.text.strip()) >= 2):
            break
        if parts and line.number - last > 1 and not wrapped_below:
            break
        parts.append(line.text)
        last = line.number
    name = join_wrapped(parts)
    return name or None


def _title_name(title: str) -> str | None:
    """'11、X绩效目标表' → 'X': the project a single-target table is titled after, spaced as
    printed ('提前下达 2025 年…': a space beside a digit may be real, see join_wrapped)."""
    printed = join_wrapped([title])
    name = _TITLE_SUFFIX.sub("", _TITLE_NUMBER.sub("", printed)).strip()
    return name if name and name != printed and not _GENERIC_TITLE.search(name) else None


def _unit(lines: Sequence[Line]) -> str | None:
    """The cell after a 实施单位 label cell ('主管部门 X 实施单位 Y', '实施单位 Y')."""
    for line in lines:
        cells = [t for c in line.cells if (t := c.text.strip())]
        for i, cell in enumerate(cells):
            squashed = squash(cell)
            if _UNIT_LABEL.fullmatch(squashed) and i + 1 < len(cells):
                return clean_unit_name(cells[i + 1])
            if (m := _UNIT_LABEL.match(squashed)) and (rest := squashed[m.end() :]):
                return clean_unit_name(rest)
    return None


def _first_amount(line: Line) -> tuple[Decimal, str] | None:
    """The first figure after the label cell; a figure glued to the next label ('0.40其中：') counts."""
    for cell in line.cells[1:] if line.cells else []:
        text = cell.text.strip()
        if not text:
            continue
        if is_amount(text):
            value = parse_amount(text)
            if value is not None:
                return value, text
        if m := _GLUED_FIGURE.match(text):
            value = parse_amount(m.group(1))
            if value is not None:
                return value, m.group(1)
    return None


_UNIT_IN_LABEL = re.compile(r"(?:资金|金额|预算|规模)[^\d]{0,8}?[（(](万元|元|千元|亿元)[)）]|单位[:：](万元|元|千元|亿元)")


def _money_unit(lines: Sequence[Line]) -> str | None:
    """The unit a form prints its amounts in: '资金金额(万元)', '项目资金（元）', '单位：万元'."""
    for line in lines:
        if m := _UNIT_IN_LABEL.search(squash(line.text)):
            return m.group(1) or m.group(2)
    return None


def _amount(lines: Sequence[Line], where: Provenance) -> Amount | None:
    """The labelled amount (项目预算金额 / 预算数 …), or the sum of the 预算资金情况 lines of a 整体 table."""
    for line in lines:
        text = squash(line.text)
        if _AMOUNT_LABELS.match(text) and (found := _first_amount(line)):
            return Amount(found[0], found[1], where.at(line=line.number, page=line.page, column="amount"))
    collecting, total, seen = False, Decimal(0), False
    for line in lines:
        text = squash(line.text)
        if "预算资金情况" in text or "项目下达金额" in text:
            collecting = True
            continue
        if collecting and _GOAL_LABELS.match(text):
            break
        if collecting:
            cells = [c.text.strip() for c in line.cells if c.text.strip()]
            figures = [c for c in cells if is_amount(c)]
            if figures:
                total += parse_amount(figures[0]) or Decimal(0)
                seen = True
    if seen:
        return Amount(total, str(total), where.at(column="amount"))
    return None


# Fund-block labels → ``PerformanceTarget.funds`` keys, most specific first (a label may span cells:
# '其中：财政' '资金'; a row label such as '项目资金（元）' may precede it).
_FUND_KEYS = (
    (re.compile(r"申请总额$"), "requested"),
    (re.compile(r"当年财政拨款$"), "current_fiscal"),
    (re.compile(r"上年结转(?:资金)?$"), "carryover"),
    (re.compile(r"其他资金$"), "other"),
    (re.compile(r"其中[:：]?财政(?:资金|拨款)$"), "fiscal"),
    (re.compile(r"(?:项目|年度|实施期)?资金总额[:：]?$|^预算数$"), "total"),
)
_FUND_PARTS = frozenset({"fiscal", "requested", "current_fiscal", "carryover", "other"})
_FUND_END = re.compile(r"^(?:项目|年度)?(?:总体目标|绩效目标|年度目标|项目绩效目标)|一级指标")


def _fund_key(label: str) -> str | None:
    return next((key for pattern, key in _FUND_KEYS if pattern.search(label)), None)


def _funds(lines: Sequence[Line], where: Provenance) -> dict[str, Amount]:
    """The parts of the fund block ('项目资金总额 X 年度资金申请总额 Y / 其中：财政资金 …'), read as
    'label figure' pairs up to the goal; empty unless at least one part beside the total is printed.

    A key keeps its first figure, except ``other``: a two-column block prints 其他资金 under both
    totals, and the second is the part of 年度资金申请总额 (the one its identity needs).
    """
    funds: dict[str, Amount] = {}
    for line in lines[1:]:
        if _FUND_END.search(squash(line.text)):
            break
        label = ""
        for cell in line.cells:
            text = cell.text.strip()
            if not text:
                continue
            figure, rest = text, ""
            if m := _GLUED_FIGURE.match(text):
                figure, rest = m.group(1), text[m.end() :]
            value = parse_amount(figure) if is_amount(figure) else None
            if value is None:
                label += squash(text)
                continue
            key = _fund_key(label)
            if key and (key == "other" or key not in funds):
                funds[key] = Amount(value, figure, where.at(line=line.number, page=line.page, column=key))
            label = squash(rest)
    return funds if _FUND_PARTS & funds.keys() else {}


def _goal(lines: Sequence[Line]) -> str | None:
    """The text after 总体目标 / 绩效目标 (a label may wrap: '年度总体' over '目标'), up to the indicators."""
    end = next((i for i, ln in enumerate(lines) if _INDICATOR_HEAD.search(squash(ln.text))), len(lines))
    for i, line in enumerate(lines[:end]):
        text = squash(line.text)
        if (
            i + 1 < end
            and re.fullmatch(r"(年度)?总体", text)
            and squash(lines[i + 1].text).startswith("目标")
        ):
            text = text + squash(lines[i + 1].text)
            i += 1
        m = _GOAL_LABELS.match(text)
        if not m:
            continue
        parts = [_GOAL_COLUMNS.sub("", text[m.end() :])]
        for following in lines[i + 1 : end]:
            if _GOAL_COLUMNS.fullmatch(squash(following.text)):
                continue
            t = squash(following.text)
            if _INDICATOR_HEAD.search(t) or t.startswith(("绩效指标", "年度绩效指标")):
                break
            parts.append(following.text)
        goal = join_wrapped(parts)
        return goal or None
    return None


def _tab_indicators(lines: Sequence[Line], head: Line, where: Provenance) -> list[Indicator]:
    cols = [squash(c.text) for c in head.cells]

    def col(*names: str) -> int | None:
        for i, t in enumerate(cols):
            for n in names:
                if n in t:
                    return i
        return None

    c1, c2, c3 = col("一级指标"), col("二级指标"), col("三级指标")
    cop, cval, cunit = col("运算符号", "运算"), col("指标值"), col("度量单位", "计量单位")
    out: list[Indicator] = []
    level1 = level2 = None
    for line in lines:
        cells = [c.text.strip() for c in line.cells]

        def at(i: int | None, cells: list[str] = cells) -> str | None:
            return cells[i] if i is not None and i < len(cells) and cells[i] else None

        level1 = at(c1) or level1
        level2 = at(c2) or level2
        name = at(c3)
        if not name:
            continue
        out.append(
            Indicator(
                level1=level1,
                level2=level2,
                name=join_wrapped([name]),
                operator=at(cop),
                value=at(cval),
                unit=at(cunit),
                where=where.at(line=line.number, page=line.page),
            )
        )
    return out


def _split_value(tokens: list[str]) -> tuple[str | None, str | None, str | None, list[str]]:
    """(operator, value, unit) from the tokens after an indicator's name; the name's tokens first."""
    for i, tok in enumerate(tokens):
        if _OPERATOR.match(tok):
            value = tokens[i + 1] if i + 1 < len(tokens) else None
            unit = tokens[i + 2] if i + 2 < len(tokens) and not _DATE.match(tokens[i + 2]) else None
            if unit is not None and is_amount(unit):
                unit = None
            return tok, value, unit, tokens[:i]
        if m := _OPERATOR_PREFIX.match(tok):
            unit = m.group(3) or (
                tokens[i + 1] if i + 1 < len(tokens) and not _DATE.match(tokens[i + 1]) else None
            )
            return m.group(1), m.group(2), unit or None, tokens[:i]
    if len(tokens) >= 2:
        rest = [t for t in tokens[1:] if not _DATE.match(t)]
        numeric = next((i for i, t in enumerate(rest) if is_amount(t)), None)
        if numeric is not None:
            unit = rest[numeric + 1] if numeric + 1 < len(rest) and len(rest[numeric + 1]) <= 4 else None
            return None, rest[numeric], unit, tokens[:1]
        return None, (rest[-1] if rest else None), None, tokens[:1]
    return None, None, None, tokens


def _text_indicators(lines: Sequence[Line], where: Provenance) -> list[Indicator]:
    out: list[Indicator] = []
    level1 = level2 = None
    pending: list[str] = []
    started = False
    for line in lines:
        tokens = [t for c in line.cells if (t := c.text.strip())]
        if not tokens:
            continue
        joined = squash(" ".join(tokens))
        if _LEVEL1.match(joined):
            level1, pending, started = joined, [], True
            continue
        first = tokens[0]
        if not started and not (_LEVEL2.match(first) or first.startswith(_LEVEL1_WORDS)):
            continue  # the rest of a multi-line column header
        started = True
        if _PAGE_REPEAT.search(joined) or _NOISE.search(joined):
            pending = []
            continue
        compound = next((w for w in _LEVEL1_WORDS if first.startswith(w) and "指" in first[len(w) :]), None)
        if compound:
            # '满意度指标服务对象满意度指': a 一级 and a (cut) 二级 label in one cell
            level1, level2, pending = compound, first[len(compound) :], []
            tokens = tokens[1:]
        elif m := _LEVEL2.match(first):
            level2 = m.group(1)
            rest = first[m.end() :]
            tokens = ([rest] if rest else []) + tokens[1:]
            pending = []
        if not tokens:
            continue
        operator, value, unit, name_tokens = _split_value(tokens)
        if operator is None and value is None:
            pending.extend(tokens)
            continue
        if pending and name_tokens:
            # a label line of its own above a complete row is its 二级 heading, not part of its name
            level2, pending = join_wrapped(pending), []
        name = join_wrapped([*pending, *name_tokens])
        pending = []
        if not name:
            continue
        out.append(
            Indicator(
                level1=level1,
                level2=level2,
                name=name,
                operator=operator,
                value=value,
                unit=unit,
                where=where.at(line=line.number, page=line.page),
            )
        )
    return out


def _indicators(lines: Sequence[Line], where: Provenance) -> list[Indicator]:
    head_index = next((i for i, ln in enumerate(lines) if _INDICATOR_HEAD.search(squash(ln.text))), None)
    if head_index is None:
        return []
    head = lines[head_index]
    rows = [ln for ln in lines[head_index + 1 :] if not ln.is_blank]
    if "\t" in head.raw:
        return _tab_indicators(rows, head, where)
    placed = geometric_indicators(rows, head, where)
    return placed if placed is not None else _text_indicators(rows, where)


def read_performance(
    table: Table, source: str, lines: Iterable[Line] | None = None
) -> list[PerformanceTarget]:
    """The targets printed in a performance table (several per table when pages concatenate).

    ``lines`` are all source lines of the table's span (title included); by default the table's own.
    """
    span = [
        ln for ln in (lines if lines is not None else [table.title_line, *table.lines]) if not ln.is_blank
    ]
    evaluation = "自评" in table.title
    where = Provenance(source=source, table=table.label, kind=table.kind, page=table.title_line.page)
    starts = _starts(span)
    targets: list[PerformanceTarget] = []
    for n, (start, scope) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(span)
        block = span[start:end]
        name = _name(block) or (_title_name(table.title_line.text) if len(starts) == 1 else None)
        if name and _COLUMN_HEADER.search(name):
            continue  # '项目名称（资金使用单位） 总计 … 绩效目标': the heading row of a list, not a form
        if not name:
            continue
        at = where.at(line=block[0].number, page=block[0].page, row=name)
        unit = _unit(block)
        if scope == "overall":
            name = clean_unit_name(name)
            unit = unit or name
        targets.append(
            PerformanceTarget(
                scope=scope,
                name=name,
                unit=unit,
                money_unit=_money_unit(block) or table.money_unit,
                amount=_amount(block, at),
                funds=_funds(block, at),
                goal=_goal(block),
                indicators=_indicators(block, at),
                self_evaluation=evaluation,
                where=at,
            )
        )
    if not targets and any(_LIST_HEADER.search(squash(ln.text)) for ln in span[:12]):
        targets = _listed_targets(table, source, span, evaluation)
    return targets


def _listed_targets(
    table: Table, source: str, span: Sequence[Line], evaluation: bool
) -> list[PerformanceTarget]:
    """A performance table printed as a list ('项目名称 | 总计 | … | 绩效目标 | 绩效指标', one row per
    project): its rows are read like a 项目支出表's."""
    from yusuan.tables.projects import read_projects  # one reader for project rows

    return [
        PerformanceTarget(
            scope="project",
            name=p.name,
            unit=p.unit,
            amount=p.amount,
            self_evaluation=evaluation,
            where=p.where,
        )
        for p in read_projects(table, source, span)
    ]
