"""Budget units (预算单位) named in the 概况 and in the tables, and how the two are reconciled.

The 概况 lists units as numbered lines ('（一）A' / '1.A' / '①A') or inline ('包括：A、B。'), and
a PDF breaks both at the page width: a name wraps onto the next line, a page footer ('-3-',
'第3页') lands between its halves, and an alias in parentheses may itself hold a '、'. Tables
headed '单位名称 | 合计 …' print one row per unit, spelled as the accounts know it. When both
exist the table spelling wins (the checker recognises unit rows by name) and units the list
omits are added where the table prints them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from yusuan.model.disclosure import StatementTable
from yusuan.model.wrapped import clean_unit_name, squash
from yusuan.tables.table import Table

_PAGE_LINE = re.compile(
    r"^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$"
)
_PAGE_FIRST = frozenset("-—–－第")
_PAGE_IN_NAME = re.compile(r"[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页")
_NUMBERED = re.compile(
    r"^(?:[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|\d{1,2}[.、．](?!\d)|[①-⑳])\s*(?P<name>.+)$"
)
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+部分)")
_INTRO_END = re.compile(r"(?:包括|分别是|分别为|如下|有)[:：]$")
_NOT_UNITS = re.compile(r"内设|处室|职责|职能|科室")
_BAD = re.compile(r"[，。；！？:：、;]|^(目录|说明|附件)|^第[一二三四五六七八九十]+部分$")
_BRACKETED = re.compile(r"[（(][^（()）]*[)）]")
_OPEN, _CLOSE = "（(", ")）"
_JOINERS = re.compile(r"和|及|与")
_SIMILAR = 0.7
_SUFFIX = 4  # a near spelling keeps the kind of unit ('…医疗中心'), not only '…所'


def is_page_token(text: str) -> bool:
    """A page footer/header line: '-3-', '- 3 -', '第3页', '第3页 共20页', '3/20'."""
    text = text.strip()
    # every alternative of _PAGE_LINE starts with a dash, 第 or a digit
    if not text or not (text[0] in _PAGE_FIRST or text[0].isdecimal()):
        return False
    return bool(_PAGE_LINE.match(text))


def plausible(name: str) -> bool:
    """A unit name: 2–60 characters, no sentence punctuation outside its parentheses."""
    return 2 <= len(name) <= 60 and not _BAD.search(_BRACKETED.sub("", name)) and _balanced(name)


def _balanced(text: str) -> bool:
    return sum(text.count(c) for c in _OPEN) == sum(text.count(c) for c in _CLOSE)


def clean(name: str) -> str:
    """A listed name without page tokens glued into it ('…戒毒-3-所') or trailing punctuation."""
    return clean_unit_name(_PAGE_IN_NAME.sub("", name)).rstrip("。；;，,、")


def prose_lines(texts: Sequence[str]) -> list[str]:
    """The squashed lines with page-footer lines emptied (they interrupt wrapped names)."""
    return ["" if t and is_page_token(t) else t for t in texts]


def _is_intro(texts: Sequence[str], i: int) -> bool:
    """A line that ends '…单位…包括：' (the sentence may have started on the line before)."""
    text = texts[i]
    if not _INTRO_END.search(text):
        return False
    sentence = (texts[i - 1] if i else "") + text
    sentence = re.split(r"[。；]", sentence)[-1]
    return "单位" in sentence and not _NOT_UNITS.search(sentence)


def _next_content(texts: Sequence[str], j: int) -> str:
    return next((t for t in texts[j:] if t), "")


def _style(text: str) -> str:
    """How an item is numbered: '（十二）' → '（一）', '(12)' → '(0)', '12.' → '0.', '⑫' → '①'."""
    t = re.sub(r"[①-⑳]", "①", re.sub(r"[一二三四五六七八九十]+", "一", re.sub(r"\d+", "0", text)))
    return t[:3] if t[0] in _OPEN else t[:2] if t[0] == "0" else t[:1]


def _numbered_items(texts: Sequence[str], start: int) -> list[str]:
    """The numbered items from ``start``, each joined with the lines it wrapped onto; the list
    ends where the numbering changes style (a '（三）' heading after '1.' items)."""
    items: list[str] = []
    style = ""
    for j in range(start, min(len(texts), start + 120)):
        text = texts[j]
        if not text:
            continue
        m = _NUMBERED.match(text)
        if m and (style or (style := _style(text))) == _style(text):
            items.append(m.group("name"))
        elif items and (not _balanced(items[-1]) or _NUMBERED.match(_next_content(texts, j + 1))):
            if _HEADING.match(text):
                break
            items[-1] += text  # the rest of a wrapped name
        else:
            break
    return items


def numbered_units(texts: Sequence[str]) -> list[str]:
    """The numbered list that follows an introduction such as '预算单位24个，具体包括：'."""
    lines = prose_lines(texts)
    for i in range(len(lines)):
        if not lines[i] or not _is_intro(lines, i):
            continue
        names = [clean(n) for n in _numbered_items(lines, i + 1)]
        good = [n for n in names if plausible(n)]
        if good and len(good) == len(names):
            return good
    return []


def split_list(text: str) -> list[str]:
    """'A、B（C、D）、E' → ['A', 'B（C、D）', 'E']: separators inside parentheses do not split."""
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += (ch in _OPEN) - (ch in _CLOSE)
        if depth <= 0 and ch in "、，,；;":
            parts.append(current)
            current, depth = "", 0
        else:
            current += ch
    return [*parts, current]


# ---- unit rows of the tables -------------------------------------------------------------


def _unit_headed(table: Table) -> bool:
    """A table whose row labels are units: its header starts '单位名称 | 合计/总计'."""
    for line in table.header[:1]:
        cells = [squash(c.text) for c in line.cells if c.text.strip()]
        return len(cells) >= 2 and cells[0] in ("单位名称", "预算单位") and cells[1] in ("合计", "总计")
    return False


def table_unit_rows(tables: Sequence[Table], statements: Sequence[StatementTable]) -> list[str]:
    """Unit rows of the tables in first-seen order: rows at level 'unit', and the code-less rows
    of a table whose row labels are units; one unit printed as 'X（本级）' in one table and 'X' in
    another is one unit (its first spelling)."""
    seen: dict[str, None] = {}
    headed = {id(s) for t, s in zip(tables, statements, strict=False) if _unit_headed(t)}
    for table in statements:
        for item in table.items:
            if item.level == "unit" and (item.unit or item.name):
                seen.setdefault(clean_unit_name(item.unit or item.name), None)
            elif id(table) in headed and item.level == "item" and not item.code and item.name:
                seen.setdefault(clean_unit_name(item.name), None)
    cores: dict[str, str] = {}
    for u in seen:
        cores.setdefault(_core(u) or u, u)
    return [u for u in cores.values() if plausible(u)]


# ---- reconciling the 概况 list with the table rows ----------------------------------------


def _core(name: str) -> str:
    """The name without parenthesised aliases or a 本级/本部 marker."""
    return re.sub(r"本级$|本部$", "", _BRACKETED.sub("", name))


def _aliases(name: str) -> list[str]:
    """The names inside the parentheses ('A（B、C）' → ['B', 'C'])."""
    return [a for m in _BRACKETED.finditer(name) for a in split_list(m.group(0)[1:-1])]


def _strict(name: str, rows: Sequence[str]) -> list[str]:
    """Table rows that are ``name``: the same, the same without aliases, one of its aliases, or
    the parts of a name that joins two units ('A和B')."""
    for row in rows:
        if row == name or (_core(row) and _core(row) == _core(name)):
            return [row]
    aliases = _aliases(name)
    alias_rows = [r for r in rows if r in aliases]
    if alias_rows:
        return alias_rows[:1]
    parts = _JOINERS.split(name)
    if len(parts) > 1 and all(p in rows for p in parts):
        return parts
    return []


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _similar(name: str, rows: Sequence[str]) -> str | None:
    """The one table row spelled nearly like ``name`` ('广州市X中心' / '广州X中心')."""
    rows = [r for r in rows if _common_suffix(name, r) >= _SUFFIX]
    scored = sorted(((SequenceMatcher(None, name, r).ratio(), r) for r in rows), reverse=True)
    if scored and scored[0][0] >= _SIMILAR and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return scored[0][1]
    return None


def reconcile(listed: Sequence[str], rows: Sequence[str]) -> list[str]:
    """The 概况 list in the tables' spelling, with the table units it omits inserted after the
    unit the table prints before them."""
    if not rows or not listed:
        return list(listed or rows)
    matched: dict[int, list[str]] = {}
    free = list(rows)
    for i, name in enumerate(listed):
        if found := _strict(name, free):
            matched[i] = found
            free = [r for r in free if r not in found]
    for i, name in enumerate(listed):
        if i not in matched and (row := _similar(name, free)):
            matched[i] = [row]
            free.remove(row)
    out = [n for i, name in enumerate(listed) for n in matched.get(i, [name])]
    for row in (r for r in rows if r in free):
        before = [r for r in rows[: rows.index(row)] if r in out]
        out.insert(out.index(before[-1]) + 1 if before else 0, row)
    return out
