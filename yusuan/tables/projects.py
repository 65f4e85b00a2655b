"""项目支出表 → projects (name, unit, content, amount 总计 and the amounts by fund source).

Two layouts are read. A *tab grid* keeps one row per line with empty cells in place: the 单位名称
column names a unit (a subtotal row, not a project), the 项目名称 column a project. A *flowing*
layout (space-separated PDF text) drops blank cells and wraps names and contents over several
lines: each project is a block of text lines closed by its line of figures; within a block the
name is the first paragraph and the 项目内容 the rest (a blank line separates them). A block
without content in a table that has a content column, or whose amount equals the sum of the
blocks that follow it, is a unit subtotal row. Page breaks repeat the title, meta and header
lines; those runs are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise

from yusuan.layout import Cell, Line
from yusuan.model.disclosure import Project
from yusuan.model.provenance import Amount, Provenance, figure_boxes
from yusuan.model.wrapped import clean_unit_name, join_wrapped, squash
from yusuan.money import is_amount, parse_amount
from yusuan.tables.header import header_leaves
from yusuan.tables.project_units import (
    ALIGN,
    add_up,
    sums_following,
    tree_by_sums,
    unit_by_column,
    unit_like,
    units_by_sums,
)
from yusuan.tables.table import Table

_META = re.compile(
    r"^(单位(名称)?[:：]|部门(名称)?[:：]|预算年度|金额单位|单位[:：]|(公开)?表?\d+[-－]?\d*表?$|表\d+)"
)
# row-label columns beside the name whose text is no part of it (项目类别 其他运转类, 项目编码, 序号)
# the heading of the first figure column: the project names stand left of it
_FIGURES_HEAD = re.compile(r"总计|合计|(?:项目|预算)?金额")
_ASIDE = re.compile(r"类别|类型|性质|编码|代码|科目|序号|级次")
_TOTAL_LABEL = re.compile(r"^(合计|总计|项目支出合计)[:：]?$")
_SOURCES: tuple[tuple[str, str], ...] = (
    ("一般公共", "general_public_budget"),
    ("政府性基金", "government_fund"),
    ("国有资本", "state_capital"),
    ("财政专户", "fiscal_special_account"),
    ("单位资金", "unit_funds"),
    ("事业收入", "business"),
    ("经营收入", "operating_income"),
    ("上级补助", "upper_subsidy"),
    ("附属单位", "subsidiary_remit"),
    ("其他", "other"),
    ("合计", "total"),
    ("小计", "total"),
)


@dataclass(slots=True)
class _Block:
    """Text lines of one row of a flowing table and its figures."""

    pieces: list[tuple[int, str]] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)
    line: Line | None = None
    breaks: set[int] = field(default_factory=set)
    x0: float | None = None
    numbered: bool = True  # False where rows are grouped by position: line numbers then say nothing

    def paragraphs(self) -> list[list[str]]:
        """The pieces split where the source leaves a blank line (or, in a PDF, a wider gap)."""
        out: list[list[str]] = []
        last = None
        for number, text in self.pieces:
            if last is None or (self.numbered and number - last > 1) or number in self.breaks:
                out.append([])
            out[-1].append(text)
            last = number
        return out


def _top(line: Line) -> float | None:
    """The line's top edge (PDF), from its cells when the line itself has none."""
    if line.top is not None:
        return line.top
    tops = [c.top for c in line.cells if c.top is not None and c.text.strip()]
    return min(tops) if tops else None


def _gap_breaks(lines: Sequence[Line]) -> set[int]:
    """Line numbers that follow a vertical gap wider than 1.6 line steps (PDF paragraphs have no
    blank lines between them); empty without geometry."""
    steps: list[float] = []
    pairs: list[tuple[Line, float]] = []
    for a, b in pairwise(lines):
        ta, tb = _top(a), _top(b)
        if ta is None or tb is None or a.page != b.page:
            continue
        step = tb - ta
        if step > 0:
            steps.append(step)
            pairs.append((b, step))
    if not steps:
        return set()
    usual = sorted(steps)[len(steps) // 4]  # the step inside a paragraph: the common small one
    breaks = {b.number for b, step in pairs if step > 1.6 * usual}
    # A gap at a page's foot: the page ends a row or more above where the fullest page of the
    # span ends, so an empty row stood there and the next page's first line starts a paragraph.
    lowest = max((t for ln in lines if (t := _top(ln)) is not None), default=None)
    for a, b in pairwise(lines):
        ta = _top(a)
        if a.page != b.page and ta is not None and lowest is not None and lowest - ta > 0.8 * usual:
            breaks.add(b.number)
    return breaks


def _source_key(group: str, label: str) -> str | None:
    """'上年结转结余' + '一般公共预算' → 'carryover.general_public_budget'; '本年收入' + '合计' → 'current_year_total'."""
    sub = squash(label)
    key = next((k for word, k in _SOURCES if word in sub), None)
    if key is None:
        return None
    carry = "结转" in group or "结余" in group
    if key == "total":
        return "carryover" if carry else "current_year_total"
    return f"carryover.{key}" if carry else key


def _figures_and_text(
    line: Line, name_limit: float | None = None, aside: Sequence[tuple[float, float]] = ()
) -> tuple[list[str], list[str]]:
    """The figures of a line and the text cells of its name.

    Without geometry the figures are the trailing run of amounts and the text is what precedes
    them. With a ``name_limit`` (PDF: the x where the first figure column starts) the text is
    what lies left of it and the figures are the amounts right of it; text further right (a
    绩效目标 column, its wrapped continuation rows) is not part of the name, nor is text in the
    ``aside`` rooms (a 项目类别 column between the name and the figures).
    """
    if name_limit is not None:
        kept = [c for c in line.cells if c.text.strip() and not any(a <= (c.x0 + c.x1) / 2 < b for a, b in aside)]
        words = [c.text.strip() for c in kept if c.x0 < name_limit and not is_amount(c.text.strip())]
        figures = [c.text.strip() for c in kept if c.x0 >= name_limit and is_amount(c.text.strip())]
        return figures, words
    cells = [c.text.strip() for c in line.cells if c.text.strip()]
    n = len(cells)
    while n and is_amount(cells[n - 1]):
        n -= 1
    return cells[n:], cells[:n]


def _name_limit(lines: Sequence[Line], aside: dict[int, list[tuple[float, float]]] | None = None) -> float | None:
    """Where the figure columns start, from the 总计/合计/项目金额 heading cell of a PDF header — if
    the rows' figures really sit right of it (a reflowed rendering does not keep columns); the
    numbers of a 序号 or 编码 column (``aside``) are no figures."""
    head = next(
        (
            c
            for ln in lines[:12]
            for c in ln.cells
            if _FIGURES_HEAD.fullmatch(squash(c.text).rstrip("：:")) and c.top is not None
        ),
        None,
    )
    if head is None:
        return None
    limit = head.x0 - ALIGN
    def figures(line: Line) -> list[Cell]:
        rooms = (aside or {}).get(line.page, ())
        return [
            c
            for c in line.cells
            if is_amount(c.text.strip()) and not any(a <= (c.x0 + c.x1) / 2 < b for a, b in rooms)
        ]

    rows = [ln for ln in lines if len(figures(ln)) >= 1 and sum(1 for c in ln.cells if is_amount(c.text.strip())) >= 2]
    inside = [ln for ln in rows if all(c.x0 >= limit for c in figures(ln))]
    return limit if rows and len(inside) >= 0.8 * len(rows) else None


def _dec(text: str) -> Decimal:
    value = parse_amount(text)
    return Decimal(0) if value is None else value


def _column_keys(header: Sequence[list[str]], start: int) -> dict[int, str]:
    """Source column index → canonical key, from the (up to two) tab header rows."""
    if not header:
        return {}
    top = header[0]
    subs = header[1] if len(header) > 1 else [""] * len(top)
    keys: dict[int, str] = {}
    group = ""
    for i in range(start, max(len(top), len(subs))):
        if i < len(top) and top[i]:
            group = top[i]
        label = subs[i] if i < len(subs) and subs[i] else (top[i] if i < len(top) else "")
        key = _source_key(group, label)
        if key and key not in keys.values():
            keys[i] = key
    return keys


def _keeps_blanks(line: Line) -> bool:
    """True for a row with figures that keeps an empty cell among its cells (columns are positional)."""
    cells = [c.text.strip() for c in line.cells]
    while cells and not cells[-1]:
        cells.pop()
    return any(is_amount(c) for c in cells) and "" in cells


def _read_grid(lines: Sequence[Line], where: Provenance) -> list[Project] | None:
    """A tab grid: 单位名称 | 项目名称 | [项目内容] | 总计 | sources…"""
    head_index = next(
        (
            i
            for i, ln in enumerate(lines)
            if "\t" in ln.raw and any(squash(c.text) == "项目名称" for c in ln.cells)
        ),
        None,
    )
    if head_index is None:
        return None
    head = [squash(c.text) for c in lines[head_index].cells]
    name_col = head.index("项目名称")
    unit_col = next((i for i, t in enumerate(head) if t in ("单位名称", "单位", "预算单位")), None)
    content_col = next((i for i, t in enumerate(head) if t in ("项目内容", "项目概述", "项目说明")), None)
    total_col = next(
        (i for i, t in enumerate(head) if t in ("总计", "合计", "项目支出合计") and i > name_col), None
    )
    if total_col is None:
        return None
    header_rows = [head]
    if head_index + 1 < len(lines) and not any(is_amount(c.text) for c in lines[head_index + 1].cells):
        header_rows.append([squash(c.text) for c in lines[head_index + 1].cells])
    if not any(_keeps_blanks(ln) for ln in lines[head_index + 1 :]):
        return None
    columns = _column_keys(header_rows, total_col + 1)
    projects: list[Project] = []
    unit: str | None = None
    for line in lines[head_index + 1 :]:
        cells = [c.text.strip() for c in line.cells]
        if "\t" not in line.raw or len(cells) <= total_col or not is_amount(cells[total_col]):
            continue
        name = join_wrapped([cells[name_col]]) if name_col < len(cells) else ""
        unit_text = cells[unit_col] if unit_col is not None and unit_col < len(cells) else ""
        if _TOTAL_LABEL.match(squash(unit_text or name)):
            continue
        if unit_text and not name:
            unit = clean_unit_name(unit_text)
            continue
        if not name:
            continue
        at = where.at(line=line.number, page=line.page, row=name)
        sources = {
            key: Amount(_dec(cells[i]), cells[i], at.at(column=key))
            for i, key in columns.items()
            if i < len(cells) and cells[i]
        }
        projects.append(
            Project(
                name=name,
                amount=Amount(_dec(cells[total_col]), cells[total_col], _boxed(at.at(column="total"), line, cells[total_col])),
                unit=clean_unit_name(unit_text) if unit_text else unit,
                content=join_wrapped([cells[content_col]])
                if content_col is not None and content_col < len(cells)
                else None,
                sources=sources,
                where=at,
            )
        )
    return projects


def _aside(table: Table) -> dict[int, list[tuple[float, float]]]:
    """The rooms of the row-label columns beside the name (项目类别, 项目编码, 序号) on each page, from
    the header's geometry (the first page's header where a page repeats none). The name column is
    the one headed …名称, else the one headed 项目… ('支出项目类别（资金使用单位）' names the rows)."""
    out: dict[int, list[tuple[float, float]]] = {}
    for page in table.pages:
        leaves = (header_leaves(table.page_headers.get(page) or table.header) if table.header else None) or []
        name = next((lf for lf in leaves if "名称" in lf.text), None) or next((lf for lf in leaves if "项目" in lf.text), None)
        out[page] = [(lf.left, lf.right) for lf in leaves if lf is not name and _ASIDE.search(lf.text)]
    return out


def _blocks(
    lines: Sequence[Line], title: str, aside: dict[int, list[tuple[float, float]]] | None = None
) -> tuple[list[_Block], set[str], bool]:
    """Split a flowing table into blocks; also the header cells and whether it has a content column.

    A page break repeats the title, meta and header: from the title on, lines made only of header
    cells are skipped. A line of figures with no text before it (a PDF centres figures on a cell
    that wraps) takes the text lines right below it.
    """
    header: set[str] = set()
    has_content = False
    blocks: list[_Block] = []
    breaks = _gap_breaks(lines)
    limit = _name_limit(lines, aside)
    current = _Block(breaks=breaks)
    orphan: _Block | None = None
    rows: list[tuple[Line, list[str], list[str]]] = []
    in_header = True
    skipping = False
    for line in lines:
        text = squash(line.text)
        figures, words = _figures_and_text(line, limit, (aside or {}).get(line.page, ()))
        cells = {squash(c.text) for c in line.cells if c.text.strip()}
        if text == title or _META.match(text):
            skipping = not in_header
            continue
        if in_header:
            if not figures:
                header.update(cells | {text})
                has_content = has_content or "项目内容" in text or "项目概述" in text
                continue
            in_header = False
        if skipping:
            if not figures and (text in header or cells <= header):
                continue
            skipping = False
        if not figures and cells and _repeats_header(cells, text, header):
            continue  # a page's repeated header without a repeated title
        if limit is not None:
            rows.append((line, figures, words))
            continue
        if (
            orphan is not None
            and words
            and not figures
            and orphan.line is not None
            and line.number == _last(orphan) + 1
        ):
            orphan.pieces.append((line.number, " ".join(words)))
            continue
        orphan = None
        if words:
            if not current.pieces and line.cells[0].top is not None:
                current.x0 = next(c.x0 for c in line.cells if c.text.strip())
            current.pieces.append((line.number, " ".join(words)))
        if figures:
            current.figures, current.line = figures, line
            blocks.append(current)
            orphan = current if len(current.pieces) == 0 else None
            current = _Block(breaks=breaks)
    if limit is not None:
        blocks = _nearest_rows(rows, breaks)
    return blocks, header, has_content


def _repeats_header(cells: set[str], text: str, header: set[str]) -> bool:
    """A line of the header printed again on a new page: all its cells are header cells, or (a
    scan's OCR misreads a word: '上年扬转活余') at least two and half of them are."""
    if cells <= header:
        return len(cells) >= 2 or len(text) >= 6
    shared = len(cells & header)
    return shared >= 2 and 2 * shared >= len(cells)


def _nearest_rows(rows: Sequence[tuple[Line, list[str], list[str]]], breaks: set[int]) -> list[_Block]:
    """Blocks of a PDF table: each name line joins the figure line nearest to it on its page.

    A PDF centres the figures on a name cell that wraps, so a name may begin above its figures
    and end below them; reading order alone would give the lower half to the next row.
    """
    figure_rows = [(line, figures) for line, figures, _ in rows if figures]
    blocks = {
        line.number: _Block(figures=figures, line=line, breaks=breaks, numbered=False)
        for line, figures in figure_rows
    }
    for line, figures, words in rows:
        if not words:
            continue
        if figures:
            target = line
        else:
            same_page = [fl for fl, _ in figure_rows if fl.page == line.page]
            top = _top(line)
            if same_page and top is not None:
                target = min(
                    same_page, key=lambda fl: (abs((_top(fl) or 0.0) - top), fl.number < line.number)
                )
            else:
                target = next((fl for fl, _ in figure_rows if fl.number > line.number), None)
            if target is None:
                continue
        block = blocks[target.number]
        if not block.pieces:
            block.x0 = next(c.x0 for c in line.cells if c.text.strip())
        block.pieces.append((line.number, " ".join(words)))
    out = [blocks[fl.number] for fl, _ in figure_rows]
    for block in out:
        block.pieces.sort()
    return out


def _last(block: _Block) -> int:
    """The last source line a block holds."""
    numbers = [n for n, _ in block.pieces]
    if block.line is not None:
        numbers.append(block.line.number)
    return max(numbers)


def _read_flowing(
    lines: Sequence[Line], title: str, where: Provenance, aside: dict[int, list[tuple[float, float]]] | None = None
) -> list[Project]:
    blocks, _, has_content = _blocks(lines, title, aside)
    # a block without text is no row: figures of another column (a 绩效指标 value '40' on a line
    # of its own) would otherwise break the sums that tell unit subtotal rows
    totals = [b for b in blocks if b.paragraphs() and _TOTAL_LABEL.match(squash("".join(t for _, t in b.pieces)))]
    blocks = [b for b in blocks if b.paragraphs() and b not in totals]
    amounts = [_dec(b.figures[0]) for b in blocks]
    total = _dec(totals[0].figures[0]) if totals else None
    starts = [(b.line.page if b.line is not None else 0, b.x0) for b in blocks]
    by_column = unit_by_column(lines, starts)
    if by_column is None and total is not None and amounts and add_up(amounts, total):
        by_column = [False] * len(blocks)  # every row together makes the 合计: none is a subtotal
    by_sums = None if by_column is not None else units_by_sums(amounts, total)
    names = [join_wrapped(b.paragraphs()[0]) for b in blocks]
    tree = tree_by_sums(amounts, total) if by_column is None and by_sums is None and total is not None else None
    projects: list[Project] = []
    unit: str | None = None
    for i, block in enumerate(blocks):
        paragraphs = block.paragraphs()
        name = names[i]
        content = join_wrapped(t for p in paragraphs[1:] for t in p) or None
        if by_column is not None:
            is_unit = by_column[i]
        elif by_sums is not None:
            is_unit = by_sums[i] and content is None
        elif tree is not None:
            is_unit, unit = i in tree, _tree_unit(tree, names, i)
        else:
            is_unit = content is None and (has_content or sums_following(amounts, i, name))
        if is_unit:
            unit = clean_unit_name(name) if tree is None else unit
            continue
        assert block.line is not None
        at = where.at(line=block.line.number, page=block.line.page, row=name)
        projects.append(
            Project(
                name=name,
                amount=Amount(amounts[i], block.figures[0], _boxed(at.at(column="total"), block.line, block.figures[0])),
                unit=unit,
                content=content,
                where=at,
            )
        )
    return projects


def _tree_unit(parents: Sequence[int | None], names: Sequence[str], i: int) -> str | None:
    """The budget unit a row of a subtotal tree belongs to: its nearest ancestor named like a unit
    (通用项目 and 大型活动 above a project are groups of projects, not units)."""
    j = parents[i]
    while j is not None:
        if unit_like(names[j]):
            return clean_unit_name(names[j])
        j = parents[j]
    return None


def _boxed(where: Provenance, line: Line, text: str) -> Provenance:
    """``where`` with the box of the figure ``text`` on ``line`` (PDF/OCR), for provenance."""
    ((bbox, ocr),) = figure_boxes(line.cells, [text])
    return where.at(bbox=bbox, ocr=ocr) if bbox is not None else where


def read_projects(table: Table, source: str, lines: Iterable[Line] | None = None) -> list[Project]:
    """The projects itemised in a 项目支出(预算)表 (unit subtotal and 合计 rows are not projects).

    ``lines`` are all source lines of the table's span (title included); by default the table's own.
    """
    notes = {id(ln) for ln in table.notes}  # '注：无。' under the table is no part of a project name
    span = [
        ln
        for ln in (lines if lines is not None else [table.title_line, *table.lines])
        if not ln.is_blank and id(ln) not in notes
    ]
    where = Provenance(
        source=source, table=table.label, kind="project_expenditure", page=table.title_line.page
    )
    grid = _read_grid(span, where)
    if grid is not None:
        return grid
    return _read_flowing(span, squash(table.title_line.text), where, _aside(table))


