"""Find tables in a layout: title lines (by the catalogue), their header, body and notes.

A table runs from its title to the next title. A title that repeats the previous table's kind and
number on a new page continues it: its repeated header lines are dropped. Lines outside every
table are the narrative. Table-of-contents lines (a run of titles with no data) are not tables.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from yusuan.layout import Layout, Line
from yusuan.money import is_amount
from yusuan.tables.catalogue import Catalogue, load_catalogue, squash
from yusuan.tables.table import Table

NUMBER_RE = re.compile(r"(公开\s*\d+\s*表|表\s*[\d一二三四五六七八九十]+(?:[-－]\d+)?)")
UNIT_RE = re.compile(r"单位[:：]\s*(亿元|万元|千元|元)")
_META_RE = re.compile(r"^(单位(名称)?[:：]|部门(名称)?[:：]|编制单位|预算年度|金额单位|单位[:：])")
_NOTE_RE = re.compile(r"^(注|备注|说明)\s*[0-9一二三四五六七八九十]*\s*[:：、.]")
_MAX_TITLE = 48


def _is_title_candidate(line: Line, catalogue: Catalogue) -> str | None:
    text = squash(line.text)
    if not text or len(text) > _MAX_TITLE or text.endswith(("。", "，", "；")):
        return None
    if any(is_amount(c.text) for c in line.cells if c.text) and not NUMBER_RE.search(text):
        return None
    if "详见" in text or "见附" in text or text.startswith(("注", "备注")):
        return None
    return catalogue.kind_of(text)


def _table_number(lines: Sequence[Line]) -> str | None:
    for line in lines:
        m = NUMBER_RE.search(squash(line.text))
        if m:
            return m.group(1)
    return None


def _money_unit(lines: Sequence[Line]) -> str | None:
    for line in lines:
        m = UNIT_RE.search(squash(line.text))
        if m:
            return m.group(1)
    return None


def _has_amount(line: Line) -> bool:
    return any(is_amount(c.text) for c in line.cells if c.text)


def _is_toc(index: int, candidates: dict[int, str], lines: list[Line]) -> bool:
    """A title followed (within 4 non-blank lines) by another title and no data is a TOC entry."""
    seen = 0
    for j in range(index + 1, min(len(lines), index + 12)):
        if lines[j].is_blank:
            continue
        seen += 1
        if j in candidates:
            return True
        if _has_amount(lines[j]) or seen >= 4:
            return False
    return False


def _split(table: Table, lines: list[Line]) -> None:
    """Distribute a table's lines into meta, header, body and notes."""
    in_body = False
    for line in lines:
        if line.is_blank:
            continue
        text = squash(line.text)
        if _NOTE_RE.match(text) or (table.notes and not _has_amount(line)):
            table.notes.append(line)
        elif not in_body and (_META_RE.match(text) or NUMBER_RE.fullmatch(text) or UNIT_RE.search(text)):
            for part in re.split(r"\s+", line.text):
                if "：" in part or ":" in part:
                    key, _, value = part.replace(":", "：").partition("：")
                    table.meta.setdefault(key, value)
        elif not in_body and not _has_amount(line) and not text.startswith("合计"):
            table.header.append(line)
        else:
            in_body = True
            table.body.append(line)


def find_tables(layout: Layout, catalogue: Catalogue | None = None) -> tuple[list[Table], list[Line]]:
    """Return the tables of ``layout`` and the lines outside them (the narrative)."""
    catalogue = catalogue or load_catalogue()
    lines = list(layout.lines())
    candidates = {i: k for i, ln in enumerate(lines) if (k := _is_title_candidate(ln, catalogue))}
    starts = [i for i in sorted(candidates) if not _is_toc(i, candidates, lines)]
    tables: list[Table] = []
    narrative: list[Line] = lines[: starts[0]] if starts else list(lines)
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        block = lines[start + 1 : end]
        title_line = lines[start]
        head = block[:6]
        kind = candidates[start]
        number = _table_number([title_line, *head])
        unit = _money_unit([title_line, *head])
        previous = tables[-1] if tables else None
        if previous and previous.kind == kind and previous.number == number and squash(previous.title) == squash(title_line.text):
            continuation = Table(kind=kind, title=previous.title, title_line=title_line)
            _split(continuation, block)
            known = {squash(h.text) for h in previous.header}
            previous.header.extend(h for h in continuation.header if squash(h.text) not in known)
            previous.body.extend(continuation.body)
            previous.notes.extend(continuation.notes)
            continue
        table = Table(kind=kind, title=squash(title_line.text), title_line=title_line, number=number, money_unit=unit)
        _split(table, block)
        tables.append(table)
    return tables, narrative
