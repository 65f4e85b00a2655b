"""Who and when: department (部门), year (年度), kind (预算/决算), money unit and budget units (单位).

Templates say these things in different places, so each fact has an ordered list of sources
and the first that answers wins: table meta lines (部门：/单位名称：), the coded header line some
regions print on every table ('350 科技和工信部门 预算年度：2025'), the cover title
('2025年…单位预算批复表', '…局' over '2024 年部门预算'), then the 概况 text ('纳入…编制范围的预算
单位包括：' followed by a numbered list, or a 机构设置 table whose rows start with 单位名称).
A 概况 list of units is reconciled with the tables' unit rows (identity_units.py).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from yusuan.layout import Layout, Line
from yusuan.model.disclosure import BUDGET, FINAL_ACCOUNTS, Disclosure
from yusuan.model.identity_units import (
    clean,
    numbered_units,
    plausible,
    prose_lines,
    reconcile,
    split_list,
    table_unit_rows,
)
from yusuan.model.wrapped import clean_unit_name, squash
from yusuan.tables.table import Table

_KIND = r"(?:部门|单位)(?:预算|决算)"
_LEVEL = r"(?:区级|市级|县级|省级|本级)?"
_TITLE_YEAR_FIRST = re.compile(rf"^(20\d{{2}})年度?(.+?){_KIND}")
_TITLE_NAME_FIRST = re.compile(rf"^(?:第[一二三四五六七八九十]+部分)?(.+?)(20\d{{2}})年度?{_LEVEL}{_KIND}")
_YEAR_ONLY = re.compile(rf"^(20\d{{2}})年度?{_LEVEL}{_KIND}")
_TABLE_TITLE_YEAR = re.compile(r"^(20\d{2})年度?")
_LABELLED_DEPARTMENT = re.compile(r"^(?:预算主管部门|主管部门|编制部门|部门名称|编报部门)[:：](.{2,40})$")
_CODED_HEADER = re.compile(r"^\d{2,}([^\d：:]{2,40}?)(?:预算年度|决算年度|单位[:：]|截止时间)")
_SCOPE = re.compile(rf"纳入(.+?)(20\d{{2}})年度?{_KIND}编制范围")
_YEAR_META = re.compile(r"^(?:预算|决算)年度$")
_ITEM = re.compile(r"^[（(]?\d{1,2}[)）.、．]\s*(.+)$")
_UNITS_INTRO = re.compile(r"单位(?:包括|有|构成)|单位构成|所属单位|单位.*(?:具体包括|如下)[:：]$")
_UNIT_TABLE_HEAD = re.compile(r"^单位名称.*(单位性质|经费|级别|规格)")
_BAD_NAME = re.compile(r"[，。；！？:：、]|^(目录|说明|附件)|^第[一二三四五六七八九十]+部分$")
_NAME_THEN_KIND = re.compile(rf"^(.+?){_KIND}(?:公开)?$")
_YEAR_LINE = re.compile(r"^(20\d{2})年度?$")
_LEAD_IN = re.compile(r"^.{0,30}?(?:直属|下属|所属)单位(?=.{4,})")
_INLINE_UNITS = re.compile(
    r"(?P<context>[^。：]{0,80})(?:包括|分别是|分别为)[:：](?P<list>[^。：]{2,3000}?)。"
)
_INLINE_KEYWORD = re.compile(r"(?:包括|分别是|分别为)[:：]")
_INLINE_CONTEXT = 80  # the longest context _INLINE_UNITS takes before its keyword


def _inline_matches(prose: str) -> Iterator[re.Match[str]]:
    """``_INLINE_UNITS.finditer(prose)``, without trying the pattern at every position: a match
    starts at most ``_INLINE_CONTEXT`` characters before the next keyword and its colon."""
    pos = 0
    while (keyword := _INLINE_KEYWORD.search(prose, pos)) is not None:
        m = _INLINE_UNITS.search(prose, max(pos, keyword.start() - _INLINE_CONTEXT))
        if m is None:
            return
        yield m
        pos = m.end()


_COUNT = re.compile(r"(?:共(?:计|有)?|单位)(\d+)(?:家|个)")
_SECTION = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+部分|[（(][一二三四五六七八九十]+[)）])"
)
_ALIGN = 12.0
_DEPARTMENT_KEYS = ("部门", "部门名称", "主管部门", "编制部门")
_UNIT_KEYS = ("单位名称", "编制单位")


@dataclass(slots=True)
class Identity:
    """The identifying facts of a disclosure."""

    department: str | None = None
    year: int | None = None
    kind: str = BUDGET
    money_unit: str = "万元"
    units: list[str] = field(default_factory=list)


def _plausible(name: str) -> bool:
    return 2 <= len(name) <= 40 and not _BAD_NAME.search(name)


def _meta(tables: Sequence[Table], keys: Sequence[str]) -> str | None:
    """The most common value printed under one of ``keys`` in the tables' meta lines."""
    values = Counter(clean_unit_name(t.meta[k]) for t in tables for k in keys if t.meta.get(k))
    values = Counter({v: n for v, n in values.items() if _plausible(v)})
    return values.most_common(1)[0][0] if values else None


def _coded_header(lines: Sequence[str]) -> str | None:
    """'350 科技和工信部门 预算年度：2025 单位：万元' → '科技和工信部门' (most common)."""
    names = Counter(m.group(1) for t in lines if (m := _CODED_HEADER.match(t)))
    names = Counter({v: n for v, n in names.items() if _plausible(v)})
    return names.most_common(1)[0][0] if names else None


def _cover(lines: Sequence[str]) -> tuple[str | None, int | None]:
    """Department and year from a title such as '2025年X单位预算…' or 'X' over '2024年部门预算'."""
    previous = ""
    for text in lines:
        if (
            (y := _YEAR_LINE.match(previous))
            and (m := _NAME_THEN_KIND.match(text))
            and _plausible(m.group(1))
        ):
            return m.group(1), int(y.group(1))  # '2026年' over 'X部门预算'
        if m := _YEAR_ONLY.match(text):
            if previous and _plausible(previous):
                return previous, int(m.group(1))
        elif m := _TITLE_YEAR_FIRST.match(text):
            name = m.group(2)
            if _plausible(name):
                return name, int(m.group(1))
        elif m := _TITLE_NAME_FIRST.match(text):
            name = m.group(1)
            if _plausible(name):
                return name, int(m.group(2))
        if text:
            previous = text
    return None, None


def _scope(lines: Sequence[str]) -> tuple[str | None, int | None]:
    """'纳入X 2024年部门决算编制范围' in the 概况."""
    for text in lines:
        if (m := _SCOPE.search(text)) and _plausible(m.group(1)):
            return m.group(1), int(m.group(2))
    return None, None


def _listed_units(lines: Sequence[str]) -> list[str]:
    """The numbered list that follows '…预算单位包括：' (单位构成)."""
    lines = prose_lines(lines)
    for i, text in enumerate(lines):
        if not _UNITS_INTRO.search(text) or len(text) > 80:
            continue
        units: list[str] = []
        for following in lines[i + 1 : i + 60]:
            if not following:
                continue
            m = _ITEM.match(following)
            name = m.group(1).rstrip("。；;，,") if m else ""
            if not name or not _plausible(name):
                break
            units.append(clean(name))
        if units:
            return units
    return []


def _unit_table(lines: Sequence[Line]) -> list[str]:
    """Rows of a 机构设置 table headed '单位名称 单位性质 …': the cell under 单位名称 of each row.

    With geometry (PDF) the name is the cell aligned with the 单位名称 heading, which a PDF may
    print on a line of its own (a wrapped cell is centred vertically); in text it is the first cell.
    """
    for i, line in enumerate(lines):
        if not _UNIT_TABLE_HEAD.match(squash(line.text)):
            continue
        head = next(c for c in line.cells if c.text.strip())
        geometry = head.top is not None
        units: list[str] = []
        for row in lines[i + 1 : i + 40]:
            if row.is_blank:
                continue
            cells = [c for c in row.cells if c.text.strip()]
            if _SECTION.match(squash(row.text)) or _BAD_NAME.search(cells[0].text):
                break
            if geometry:
                name = next((c.text for c in cells if abs(c.x0 - head.x0) < _ALIGN), None)
                if name is None and len(cells) >= 2:
                    continue
            else:
                name = cells[0].text if len(cells) >= 3 else None
            if name is None or not _plausible(squash(name)):
                break
            units.append(clean_unit_name(name))
        if units:
            return units
    return []


def _table_unit_rows(d: Disclosure) -> list[str]:
    """Unit subtotal rows (单位行) of the interpreted tables, in order of first appearance."""
    seen: dict[str, None] = {}
    for table in d.tables:
        for item in table.items:
            if item.level == "unit" and (item.unit or item.name):
                seen.setdefault(clean_unit_name(item.unit or item.name), None)
    return [u for u in seen if _plausible(u)]


def _kind(tables: Sequence[Table]) -> str:
    """决算 when more table titles say 决算 than 预算."""
    final = sum("决算" in t.title for t in tables)
    budget = sum("预算" in t.title for t in tables)
    return FINAL_ACCOUNTS if final > budget else BUDGET


def _meta_year(tables: Sequence[Table]) -> int | None:
    years = Counter(
        v for t in tables for k, v in t.meta.items() if _YEAR_META.match(k) and re.fullmatch(r"20\d{2}", v)
    )
    return int(years.most_common(1)[0][0]) if years else None


def identify(layout: Layout, tables: list[Table], d: Disclosure) -> Identity:
    """Read department, year, kind, unit of money and budget units from titles, meta and 概况."""
    ident = Identity(kind=_kind(tables))
    lines = list(layout.lines())
    texts = [squash(ln.text) for ln in lines]
    cover_name, cover_year = _cover(texts[:300])
    scope_name, scope_year = _scope(texts)
    ident.department = (
        _meta(tables, _DEPARTMENT_KEYS)
        or _labelled(texts)
        or _coded_header(texts)
        or cover_name
        or _meta(tables, _UNIT_KEYS)
        or scope_name
    )
    ident.year = (
        _meta_year(tables)
        or cover_year
        or scope_year
        or _title_year(tables)
        or _most_common_year(texts[:400])
    )
    summary = next((t for t in tables if t.kind == "income_expenditure_summary" and t.money_unit), None)
    summary = summary or next((t for t in tables if t.money_unit), None)
    if summary and summary.money_unit:
        ident.money_unit = summary.money_unit
    single = _meta(tables, _UNIT_KEYS)
    listed = _listed_units(texts) or numbered_units(texts) or _inline_units(texts, ident.department)
    rows = table_unit_rows(tables, d.tables) if len(tables) == len(d.tables) else _table_unit_rows(d)
    ident.units = (
        reconcile(listed, rows) if listed else _unit_table(lines) or rows or ([single] if single else [])
    )
    return ident


def _inline_units(texts: Sequence[str], department: str | None) -> list[str]:
    """A list of budget units written inline in the 概况: '…预算单位共计4家，具体包括：A，B，C。' or
    '…包括：局本级预算，以及…下属单位预算。下属单位具体包括：A、B。' (the department itself, whose 本级
    is included, then comes first). A list introduced as 预算单位 wins over one of 下属单位; lists of
    内设机构 (internal offices) are not units; a list whose stated count (共计N家) differs from its
    length is not taken."""
    prose = "".join(prose_lines(texts[:400]))
    found = [
        m
        for m in _inline_matches(prose)
        if "单位" in m.group("context") and not re.search("内设|处室", m.group("context"))
    ]
    found.sort(key=lambda m: ("预算单位" not in m.group("context"), "预算" not in m.group("context")))
    for m in found:
        context = m.group("context")
        names = [clean(_LEAD_IN.sub("", n)) for n in split_list(m.group("list"))]
        names = [n for n in names if plausible(n) and "预算" not in n]
        count = _COUNT.search(context)
        if not names or (count and int(count.group(1)) != len(names)):
            continue
        before = prose[max(0, m.start() - 200) : m.start("list")]
        if department and "本级" in before and not any("本级" in n or n == department for n in names):
            names.insert(0, department)
        return names
    return []


def _labelled(texts: Sequence[str]) -> str | None:
    """'预算主管部门：X' / '编制部门：X' printed on a line of its own (most common)."""
    names = Counter(clean_unit_name(m.group(1)) for t in texts if (m := _LABELLED_DEPARTMENT.match(t)))
    names = Counter({v: n for v, n in names.items() if _plausible(v)})
    return names.most_common(1)[0][0] if names else None


def _title_year(tables: Sequence[Table]) -> int | None:
    """The year most table titles start with ('2025年部门收入预算总表')."""
    years = Counter(int(m.group(1)) for t in tables if (m := _TABLE_TITLE_YEAR.match(t.title)))
    return years.most_common(1)[0][0] if years else None


def _most_common_year(texts: Sequence[str]) -> int | None:
    years = Counter(int(m.group(1)) for t in texts for m in re.finditer(r"(20\d{2})年", t))
    return years.most_common(1)[0][0] if years else None
