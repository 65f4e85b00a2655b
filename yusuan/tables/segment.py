"""Find tables in a layout: title lines (by the catalogue), their header, body and notes.

A title is a short line naming a catalogue kind that reads like a title (ends in 表, or is followed
at once by a 单位/部门/表N line) and is confirmed by such a line, or figures, before the next
title: a table-of-contents entry, a narrative heading that mentions a table, or a column heading
that happens to contain a table name is not confirmed and stays text. A table runs from its title
to the next title or to a part heading (第三部分…) / numbered narrative heading. A title that
repeats the previous table's kind, number and title continues it (a new page): its repeated
header is dropped (the first page's header names the columns). Lines outside every table are the narrative.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from yusuan.layout import Layout, Line
from yusuan.tables.amounts import amount_text as is_amount
from yusuan.tables.catalogue import Catalogue, load_catalogue, squash
from yusuan.tables.table import Table

NUMBER_RE = re.compile(r"(公开\s*\d+\s*表|公开表\s*\d+|表\s*[\d一二三四五六七八九十]+(?:[-－]\d+)?)")
UNIT_RE = re.compile(r"单位[:：]\s*(亿元|万元|千元|元)|金额单位[:：]?\s*(亿元|万元|千元|元)")
_META_RE = re.compile(r"^(单位(名称)?[:：]|部门(名称)?[:：]|编制单位|预算单位[:：]|预算年度|金额单位|单位[:：]|截止时间)")
# the rest of a title wrapped onto its own line: '（按支出功能分类科目-不含上年结转）'
_TITLE_TAIL_RE = re.compile(r"^[（(][^（()）]{2,40}[)）]$")
_NUMBER_ONLY = re.compile(r"^(?:公开\s*\d+\s*表|公开表\s*\d+|表\s*\d+(?:[-－]\d+)?)$")  # '表7' printed above its title
_YEAR_RE = re.compile(r"^[（(]?\d{4}年度?[)）]?$")
_NOTE_RE = re.compile(r"^(注|备注|说明)\s*[0-9一二三四五六七八九十]*\s*[:：、.]")
_PREFIX_RE = re.compile(r"^(表\s*\d+(?:[-－]\d+)?\s*[.、．:：]?|\d+\s*[、.．]|[（(]\d+[)）])")
_TRAILER_RE = re.compile(r"([（(][^（()）]*[)）]|公开\s*\d+\s*表|表\s*\d+)$")
_PROSE = ("。", "，", "；", "：", ":", ",", "详见", "见附")
_FOLIO_RE = re.compile(r"^(?:[-—–]\d{1,4}[-—–]|第\d{1,4}页(?:共\d{1,4}页)?|\d{1,4}/\d{1,4})$")  # page numbers
_PART_RE = re.compile(r"^第[一二三四五六七八九十]+部分")
_HEADING_RE = re.compile(r"^[一二三四五六七八九十]+、\S{2,}")
_NUMERALS = frozenset("一二三四五六七八九十")
_ORDINAL_ROWS = ("income_expenditure_summary", "fiscal_summary", "three_public")  # rows like 二、…支出
_YEARISH = re.compile(r"^(19|20)\d\d$")
_FURNITURE_MIN = 8
_REPEAT_MIN = 6
_MAX_TITLE = 48
_LOOKAHEAD = 8


# Per-run memo of line facts, keyed by id(line) and cleared around every find_tables call (the
# lines stay alive meanwhile, so ids are not reused); not for concurrent use from threads.
_SQUASHED: dict[int, str] = {}
_AMOUNTS: dict[int, bool] = {}
_META: dict[int, bool] = {}
_ANY_TITLE: dict[int, re.Pattern[str]] = {}


def sq(line: Line) -> str:
    """The squashed text of a line, computed once per :func:`find_tables` run (lines are revisited)."""
    key = id(line)
    text = _SQUASHED.get(key)
    if text is None:
        text = _SQUASHED[key] = squash(line.raw or line.text)  # raw holds the same words, unjoined
    return text


def _blank(line: Line) -> bool:
    """Line.is_blank, without its cost for the commonest blank line (no cells at all)."""
    return not line.cells or line.is_blank


def _any_title(catalogue: Catalogue) -> re.Pattern[str]:
    """Every kind's title patterns as one regex: one search rejects most lines."""
    pattern = _ANY_TITLE.get(id(catalogue))
    if pattern is None:
        pattern = re.compile("|".join(f"(?:{p.pattern})" for k in catalogue.kinds for p in k.titles))
        _ANY_TITLE[id(catalogue)] = pattern
    return pattern


def _title_text(line: Line) -> str:
    """The squashed title without a leading '表3.' / '1、' prefix."""
    return _PREFIX_RE.sub("", sq(line))


def _candidate(line: Line, catalogue: Catalogue) -> str | None:
    """The kind a line names if it is short, not prose and not a row of figures; ``raw`` for an
    unknown '…表' title (kept with its cells, never dropped)."""
    if not line.cells:
        return None
    raw = line.raw or line.text
    if len(raw) > _MAX_TITLE * 3 or ("表" not in raw and "预" not in raw):
        return None
    text = _title_text(line)
    limit = _MAX_TITLE * 2 if text.endswith("表") else _MAX_TITLE
    if not text or len(text) > limit or any(p in text for p in _PROSE) or text.startswith(("注", "备注")):
        return None
    if any(is_amount(c.text) and ("." in c.text or "," in c.text) for c in line.cells if c.text):
        return None
    kind = catalogue.kind_of(text) if _any_title(catalogue).search(text) else None
    if kind is None and len(text) <= _MAX_TITLE and _TRAILER_RE.sub("", text).endswith("表"):
        return catalogue.kind_by_features(text) or "raw"
    return kind


_ANY_META = re.compile(
    f"^(?:{_META_RE.pattern[1:]})|{UNIT_RE.pattern}|^(?:{NUMBER_RE.pattern})$|{_YEAR_RE.pattern}"
)  # the four tests of is_meta in one search


def is_meta(line: Line) -> bool:
    """A 单位/部门/表N/年度 line printed between a title and its header (also on every page)."""
    key = id(line)
    found = _META.get(key)
    if found is None:
        found = _META[key] = _ANY_META.search(sq(line)) is not None
    return found


def has_amount(line: Line) -> bool:
    """True when any cell of the line is a printed amount."""
    key = id(line)
    found = _AMOUNTS.get(key)
    if found is None:
        found = _AMOUNTS[key] = any(is_amount(c.text) for c in line.cells if c.text)
    return found


def _next_nonblank(lines: list[Line], index: int) -> Line | None:
    return next((ln for ln in lines[index + 1 : index + 6] if not _blank(ln)), None)


def _title_like(index: int, lines: list[Line]) -> bool:
    text = _TRAILER_RE.sub("", _title_text(lines[index]))
    following = _next_nonblank(lines, index)
    return text.endswith("表") or (following is not None and is_meta(following))


def _confirmed(index: int, candidates: dict[int, str], lines: list[Line]) -> bool:
    """A title is real when a meta line or figures follow before the next title (else TOC/heading)."""
    seen = 0
    for j in range(index + 1, len(lines)):
        line = lines[j]
        if _blank(line):
            continue
        seen += 1
        if j in candidates or seen > _LOOKAHEAD or _PART_RE.match(sq(line)):
            return False
        if is_meta(line) or has_amount(line):
            return True
    return False


def is_break(line: Line, kind: str) -> bool:
    """A line that ends a table: a part heading, or a numbered narrative heading under a grid table."""
    if not line.cells:
        return False
    head = (line.raw or line.text).lstrip()[:1]
    if head == "第":
        return bool(_PART_RE.match(sq(line)))
    if head not in _NUMERALS or len(line.cells) != 1 or kind in _ORDINAL_ROWS:
        return False
    return bool(_HEADING_RE.match(sq(line))) and not has_amount(line)


def _table_number(lines: Sequence[Line]) -> str | None:
    for line in lines:
        m = NUMBER_RE.search(sq(line))
        if m:
            return m.group(1)
    return None


def _money_unit(lines: Sequence[Line]) -> str | None:
    for line in lines:
        m = UNIT_RE.search(sq(line))
        if m:
            return m.group(1) or m.group(2)
    return None


def _header_end(lines: list[Line]) -> int:
    """Index of the first body line: after a 栏次 line if printed, else the first line with figures."""
    for i, line in enumerate(lines):
        text = sq(line)
        if text.startswith("栏次"):
            return i + 1
        if _has_figure(line) or _NOTE_RE.match(text):
            return i
    return len(lines)


def _has_figure(line: Line) -> bool:
    """Figures that start a body: amounts, but not a year printed in a header ('2025 年预留…')."""
    return any(is_amount(c.text) and not _YEARISH.match(c.text) for c in line.cells if c.text)


def _furniture(layout: Layout) -> frozenset[str]:
    """Running page headers/footers ('某局2026年度部门预算公开'): the first or last line of three
    pages or more, long enough not to be a cell fragment and without figures. A line of three
    cells or more is a table's heading repeated on each page it runs over, not furniture."""
    pages: dict[str, int] = {}
    for page in layout.pages:
        lines = [ln for ln in page.lines if not _blank(ln)]
        for line in {id(ln): ln for ln in lines[:1] + lines[-1:]}.values():
            text = sq(line)
            cells = sum(1 for c in line.cells if c.text.strip())
            if len(text) >= _FURNITURE_MIN and not has_amount(line) and cells < 3:
                pages[text] = pages.get(text, 0) + 1
    return frozenset(t for t, count in pages.items() if count >= 3)


def _read_meta(table: Table, line: Line) -> None:
    for part in re.split(r"\s+", line.text):
        if "：" in part or ":" in part:
            key, _, value = part.replace(":", "：").partition("：")
            table.meta.setdefault(key, value)


def _split(
    table: Table, lines: list[Line], furniture: frozenset[str] = frozenset(), first: Table | None = None
) -> None:
    """Distribute a table's lines into meta, header, body and notes; drop headers repeated on new
    pages (after a meta line, or whole lines of the first header) and running page furniture.

    On a continued page (``first`` is the table it continues) the header is the lines repeating
    the first page's header, so a row whose name and content lines come before its figures
    (项目名称 / 项目内容 … then 7.63) is body, not header."""
    lines = [ln for ln in lines if not _blank(ln) and sq(ln) not in furniture]
    start = 0
    while start < len(lines) and (is_meta(lines[start]) or _TITLE_TAIL_RE.match(sq(lines[start]))):
        _read_meta(table, lines[start])
        start += 1
    end = start + _header_end(lines[start:])
    if first is not None:
        repeated = _repeated_header(lines, start, end, {sq(h) for h in first.header})
        end = repeated if repeated > start else end
    table.header.extend(lines[start:end])
    known = {sq(h) for h in table.header}
    skipping = False
    for line in lines[end:]:
        text = sq(line)
        if _FOLIO_RE.match(text):
            continue
        if table.notes or (_NOTE_RE.match(text) and not has_amount(line)):
            table.notes.append(line)
        elif is_meta(line):
            skipping = True
        elif (skipping and (text in known or text.startswith("栏次"))) or _repeats_header(line, text, known):
            table.page_headers.setdefault(line.page, []).append(line)
        else:
            skipping = False
            table.body.append(line)


def _repeated_header(lines: list[Line], start: int, end: int, known: set[str]) -> int:
    """End of the leading run of lines (before ``end``) that repeat the first page's header."""
    i = start
    while i < end and (sq(lines[i]) in known or sq(lines[i]).startswith("栏次")):
        i += 1
    return i


def _repeats_header(line: Line, text: str, known: set[str]) -> bool:
    """A whole header line printed again on a new page (fragments like '支出' may be body text)."""
    return text in known and (len(text) >= _REPEAT_MIN or len(line.cells) > 1) and not has_amount(line)


def _continues(previous: Table | None, kind: str, number: str | None, title: str) -> bool:
    """A title repeating the previous table's on a new page (a page may leave out its 表N)."""
    return bool(
        previous and previous.kind == kind and previous.title == title and (number is None or previous.number == number)
    )


def find_tables(layout: Layout, catalogue: Catalogue | None = None) -> tuple[list[Table], list[Line]]:
    """Return the tables of ``layout`` and the lines outside them (the narrative)."""
    catalogue = catalogue or load_catalogue()
    for memo in (_SQUASHED, _AMOUNTS, _META):
        memo.clear()
    try:
        return _find(layout, catalogue)
    finally:
        for memo in (_SQUASHED, _AMOUNTS, _META):
            memo.clear()


def _find(layout: Layout, catalogue: Catalogue) -> tuple[list[Table], list[Line]]:
    lines = list(layout.lines())
    found = {i: k for i, ln in enumerate(lines) if (k := _candidate(ln, catalogue))}
    candidates = {i: k for i, k in found.items() if _title_like(i, lines)}
    starts = [i for i in sorted(candidates) if _confirmed(i, candidates, lines)]
    furniture = _furniture(layout) if len(layout.pages) >= 3 else frozenset()
    tables: list[Table] = []
    narrative: list[Line] = lines[: starts[0]] if starts else list(lines)
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        kind = candidates[start]
        stop = next((j for j in range(start + 1, end) if is_break(lines[j], kind)), end)
        narrative.extend(lines[stop:end])
        block, title_line = lines[start + 1 : stop], lines[start]
        head = block[:6]
        title = sq(title_line)
        tail = next((ln for ln in block[:2] if not _blank(ln)), None)
        if tail is not None and _TITLE_TAIL_RE.match(sq(tail)):
            title += sq(tail)  # '…基本支出明细表' / '（按支出功能分类科目）': the kind is in the tail
            kind = catalogue.kind_of(_PREFIX_RE.sub("", title)) or kind
        before = lines[start - 1] if start > 0 else None
        number = _table_number([title_line, *head]) or (
            _table_number([before]) if before is not None and _NUMBER_ONLY.match(sq(before)) else None
        )
        previous = tables[-1] if tables else None
        if _continues(previous, kind, number, title):
            assert previous is not None
            continuation = Table(kind=kind, title=title, title_line=title_line)
            _split(continuation, block, furniture, previous)
            previous.body.extend(continuation.body)
            previous.notes.extend(continuation.notes)
            for line in continuation.header:
                previous.page_headers.setdefault(line.page, []).append(line)
            for page, repeated in continuation.page_headers.items():
                previous.page_headers.setdefault(page, []).extend(repeated)
            continue
        table = Table(kind=kind, title=title, title_line=title_line, number=number, money_unit=_money_unit([title_line, *head]))
        _split(table, block, furniture)
        if kind == "raw" and not table.body:
            narrative.extend([title_line, *block])  # a '…表' heading with nothing under it
            continue
        tables.append(table)
    narrative.sort(key=lambda ln: ln.number)
    return tables, narrative
