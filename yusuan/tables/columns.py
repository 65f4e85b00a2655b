"""Header lines → the printed value columns as canonical keys, in printed order.

Why scan words rather than cells: extraction breaks header cells anywhere (one character per
line, 一般公共/预算), so the header is squashed into one string and read as a sequence of known
words. Two-level headers print the group word (基本支出, 本年收入) on one line and its members
(小计/人员经费/公用经费) on the next, i.e. after the words of the columns that follow the
group; a group therefore claims its subtotal and member words wherever they come later, and its
columns are placed at the group's position.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from yusuan.layout import Line
from yusuan.tables.amounts import amount_text
from yusuan.tables.catalogue import Catalogue, ColumnGroup, load_catalogue, squash

PANEL_MARK = "科目编码"
PANEL_NAME = "科目名称"


@dataclass(frozen=True, slots=True)
class Word:
    """A known header word: a caption (no column), a group, or a leaf column key."""

    text: str
    key: str | None = None
    group: ColumnGroup | None = None


_LEXICONS: dict[int, tuple[re.Pattern[str], dict[str, Word]]] = {}


def _lexicon(catalogue: Catalogue) -> tuple[re.Pattern[str], dict[str, Word]]:
    """The header-word regex of a catalogue, built once per catalogue object."""
    cached = _LEXICONS.get(id(catalogue))
    if cached is not None:
        return cached
    words: dict[str, Word] = {}
    for key, aliases in catalogue.columns.items():
        for alias in aliases:
            words.setdefault(alias, Word(alias, key=key))
    for group in catalogue.groups:
        for name in group.names:
            words[name] = Word(name, group=group)
    for sub in {s for g in catalogue.groups for s in g.subtotal}:
        words.setdefault(sub, Word(sub))
    for caption in catalogue.captions:
        words[caption] = Word(caption)
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    _LEXICONS[id(catalogue)] = (pattern, words)
    return pattern, words


def scan(text: str, catalogue: Catalogue) -> list[Word]:
    """The known words of a squashed header, left to right (longest alias wins)."""
    pattern, words = _lexicon(catalogue)
    return [words[m.group()] for m in pattern.finditer(text)]


def _expand(
    group: ColumnGroup, words: list[Word], start: int, claimed: set[int], prefix: str, ordered: bool = False
) -> list[str]:
    """A group's own column then its members, claiming their words after ``start``; in an
    ``ordered`` header (PDF geometry: every group word stands right before its members) the
    members end at the next group word that is not one of them."""
    out = [prefix + group.key]
    want_sub = True
    taken: set[str] = set()
    for j in range(start + 1, len(words)):
        word = words[j]
        member = word.group.key if word.group is not None else word.key
        if ordered and word.group is not None and word.group.key not in group.members and j not in claimed:
            break
        if j in claimed or (member in taken and member is not None):
            continue
        if member in group.members:
            taken.add(member)
        if want_sub and word.group is None and word.text in group.subtotal and word.key in (None, "total"):
            claimed.add(j)
            want_sub = False
        elif word.group is not None and word.group.key in group.members:
            claimed.add(j)
            out.extend(_expand(word.group, words, j, claimed, prefix + group.prefix, ordered))
        elif word.key in group.members and word.group is None:
            claimed.add(j)
            out.append(prefix + group.prefix + word.key)
    if group.caption and want_sub and len(out) > 1:
        out = out[1:]  # a caption over its members (财政拨款收入 over 一般公共预算…), no 小计 under it
    return _dedupe(out)


def _dedupe(keys: list[str]) -> list[str]:
    seen: set[str] = set()
    return [k for k in keys if not (k in seen or seen.add(k))]


def columns_of_text(text: str, catalogue: Catalogue | None = None, ordered: bool = False) -> list[str]:
    """Canonical column keys named by a squashed header text, in printed order (``ordered``: the
    text was laid out by x, see :func:`_expand`).

    A group word printed before the row-label captions (科目名称…) whose members come after other
    columns' words is top-aligned above them ('项目 本年支出' over '年初结转 本年收入 小计 基本
    项目'): its columns stand where its first member word does.
    """
    catalogue = catalogue or load_catalogue()
    words = scan(text, catalogue)
    labels = [i for i, w in enumerate(words) if w.text in _ROW_LABELS]
    claimed: set[int] = set()
    pieces: list[tuple[int, list[str]]] = []
    for i, word in enumerate(words):
        if i in claimed:
            continue
        claimed.add(i)
        if word.group is not None:
            before = set(claimed)
            keys = _expand(word.group, words, i, claimed, "", ordered)
            pieces.append((_group_position(words, i, sorted(claimed - before), labels), keys))
        elif word.key is not None:
            pieces.append((i, [word.key]))
    pieces.sort(key=lambda p: p[0])
    return _dedupe([k for _, keys in pieces for k in keys])


def _group_position(words: list[Word], i: int, members: list[int], labels: list[int]) -> int:
    """Where a group's columns stand: at its word, unless the word is printed above the row labels
    and other columns' words come between the labels and its first member (then at that member)."""
    if not labels or not members or i > labels[-1]:
        return i
    first = members[0]
    between = range(labels[-1] + 1, first)
    return first if any(words[j].key is not None or words[j].group is not None for j in between) else i


_ROW_LABELS = frozenset({"科目名称", "科目编码", "项目名称", "单位名称"})


def header_text(header: Sequence[Line], body: Sequence[Line] = ()) -> str:
    """The squashed header; tab-separated headers are read column by column (field index, then line).

    PDF headers are read in x order, unless a column word stands over the codes or names the body
    prints (a flattened multi-line header printing each line's words in its first cells): then
    their x says nothing and they are read in printed order, as text and Excel headers are.
    """
    return _header_layout(header, body)[0]


def _header_layout(header: Sequence[Line], body: Sequence[Line]) -> tuple[str, bool]:
    """:func:`header_text` and whether it laid the header out by x (PDF geometry)."""
    if header and all("\t" in line.raw for line in header):
        cells = sorted(
            (index, row, cell.text) for row, line in enumerate(header) for index, cell in enumerate(line.cells) if cell.text
        )
        return "|".join(squash(text) for _, _, text in cells), False
    if header and all(cell.top is not None for line in header for cell in line.cells):
        if not misplaced(header, body):
            return _geometry_text(header), True
        return "".join("|".join(squash(c.text) for c in line.cells if c.text.strip()) for line in header), False
    return "".join("|".join(squash(c.text) for c in line.cells) for line in header), False


_CODE = re.compile(r"\d{3,7}")


def _label_spans(body: Sequence[Line]) -> list[tuple[float, float]]:
    """Where the body prints row labels: names (text that is no amount) and a line's leading code
    followed by a name."""
    spans: list[tuple[float, float]] = []
    for line in body:
        cells = [c for c in line.cells if c.text.strip()]
        for i, cell in enumerate(cells):
            text = cell.text.strip()
            leading_code = i == 0 and _CODE.fullmatch(text) and len(cells) > 1 and not amount_text(cells[1].text.strip())
            if leading_code or not amount_text(text):
                spans.append((cell.x0, cell.x1))
    return spans


def misplaced(header: Sequence[Line], body: Sequence[Line], catalogue: Catalogue | None = None) -> bool:
    """Whether a header fragment naming a value column stands over the body's codes or names."""
    if not body:
        return False
    catalogue = catalogue or load_catalogue()
    spans = _label_spans(body)
    if not spans:
        return False
    for line in header:
        for cell in line.cells:
            text = squash(cell.text)
            if not text or not any(w.key is not None or w.group is not None for w in scan(text, catalogue)):
                continue
            if text in _ROW_LABELS:
                continue
            middle = (cell.x0 + cell.x1) / 2
            if any(x0 <= middle <= x1 for x0, x1 in spans):
                return True
    return False


def _span(line: Line, index: int) -> tuple[float, float]:
    """The room a header cell has: from its left neighbour's end to its right neighbour's start
    (a merged group cell is as wide as the columns under it, its centred text is not)."""
    cells = line.cells
    left = cells[index - 1].x1 if index > 0 else float("-inf")
    right = cells[index + 1].x0 if index + 1 < len(cells) else float("inf")
    return left, right


def _geometry_text(header: Sequence[Line], catalogue: Catalogue | None = None) -> str:
    """PDF headers: words in x order; a group word just before the first member under it."""
    catalogue = catalogue or load_catalogue()
    names = tuple(n for g in catalogue.groups for n in g.names)
    placed: list[tuple[float, int, str]] = []
    moved: set[tuple[int, str]] = set()  # group words placed just before their first member
    for row, line in enumerate(header):
        firsts = _first_members(header, row, names)
        for index, cell in enumerate(line.cells):
            text = squash(cell.text)
            if not text:
                continue
            key = cell.x0
            if index in firsts:
                key = firsts[index] - 0.5
                moved.add((row, text))
            placed.append((key, row, text))
    placed.sort()
    out, last = [], None
    for x0, row, text in placed:
        # fragments stacked at one x are one word broken over lines; a group word is not a
        # fragment of the member word it was placed before ('本年收入' over '合计')
        stacked = last is not None and abs(x0 - last[0]) < 2 and last[1] not in moved and (row, text) not in moved
        out.append(("" if stacked else "|") + text)
        last = (x0, (row, text))
    return "".join(out)


_CENTRED = 5.0  # points: a group word this close to the middle of its members is centred over them


def _first_members(header: Sequence[Line], row: int, names: tuple[str, ...]) -> dict[int, float]:
    """x0 of the first member under each group word of header line ``row``, by cell index.

    A centred group word ('本年收入' over 小计 … 其他收入, '上年结转结余' over 小计 … 单位资金) is the
    middle of its members: taken right to left, each group claims the run of lower cells ending
    where the group to its right begins whose middle is nearest its own. A group word that no run
    centres on is left-aligned in its merged cell, right over its first member.
    """
    line = header[row]
    lower = sorted(
        (c for below in header[row + 1 :] for c in below.cells if c.text.strip()), key=lambda c: c.x0
    )
    out: dict[int, float] = {}
    limit = float("inf")
    groups = [i for i, c in enumerate(line.cells) if c.text.strip() and any(n in squash(c.text) for n in names)]
    for index in reversed(groups):
        cell = line.cells[index]
        left, right = _span(line, index)
        below = [c for c in lower if left <= (c.x0 + c.x1) / 2 <= right and (c.x0 + c.x1) / 2 < limit]
        if not below:
            continue
        middle = (cell.x0 + cell.x1) / 2
        last = below[-1]
        first = min((c for c in below if c.x0 <= last.x0), key=lambda c: abs((c.x0 + last.x1) / 2 - middle))
        aligned = [c for c in below if abs(c.x0 - cell.x0) < 2]
        if aligned and abs((first.x0 + last.x1) / 2 - middle) > _CENTRED:
            first = aligned[0]
        out[index] = first.x0
        limit = min(first.x0, cell.x0)
    return out


def header_anchors(header: Sequence[Line], n: int, catalogue: Catalogue | None = None) -> list[float] | None:
    """Where each of the ``n`` value columns' headings starts (PDF geometry), in printed order.

    Why: a sparse table (project rows printing three of thirteen columns) has no row printing
    every column, so the figures' own edges cannot place it, and identities cannot tell 本年收入
    from 上年结转 when both hold the same figure. A figure belongs to the last column whose heading
    starts left of its right edge. Headings are the leaf cells: stacked fragments of one word
    (一般公共 / 预算) are joined, a group word with headings under it (本年收入 over 合计 …) is
    not a column. None without geometry or when the leaves are not exactly ``n``.
    """
    catalogue = catalogue or load_catalogue()
    subtotals = {s for g in catalogue.groups for s in g.subtotal}
    cells = [(row, i, c) for row, line in enumerate(header) for i, c in enumerate(line.cells) if c.text.strip()]
    if not cells or any(c.top is None for _, _, c in cells):
        return None
    groups: list[tuple[int, float, float, float]] = []
    stacks: list[tuple[float, str]] = []
    for row, index, cell in sorted(cells, key=lambda rc: (rc[2].x0, rc[0])):
        text = squash(cell.text)
        words = scan(text, catalogue)
        if len(words) == 1 and words[0].group is not None and words[0].text == text:
            left, right = _span(header[row], index)  # a centred group word is narrower than its members
            groups.append((row, cell.x0, left, right))
            continue
        if stacks and abs(stacks[-1][0] - cell.x0) < 2:
            stacks[-1] = (stacks[-1][0], stacks[-1][1] + text)
        else:
            stacks.append((cell.x0, text))
    leaves = [x0 for x0, text in stacks if _is_heading(text, catalogue, subtotals)]
    for row, x0, left, right in groups:  # a group with nothing under it is a column of its own
        if not any(r > row and left <= (c.x0 + c.x1) / 2 <= right for r, _, c in cells):
            leaves.append(x0)
    leaves.sort()
    return leaves if len(leaves) == n else None


def _is_heading(text: str, catalogue: Catalogue, subtotals: set[str]) -> bool:
    """A value column's heading: a column word or a group's 小计, not a row label or a caption."""
    if text in _ROW_LABELS:
        return False
    return any(w.key is not None or w.text in subtotals or w.group is not None for w in scan(text, catalogue))


def header_columns(header: Sequence[Line], catalogue: Catalogue | None = None, body: Sequence[Line] = ()) -> list[str]:
    """The value columns a table header prints (panel layouts, see :func:`is_panel`, give ['total']);
    ``body`` lets a PDF header whose words stand over the row labels be read in printed order."""
    text, by_x = _header_layout(header, body)
    if is_panel(text):
        return ["total"]
    return columns_of_text(text, catalogue, ordered=by_x)


def is_panel(header_text: str) -> bool:
    """Side-by-side panels (科目编码|科目名称|金额 printed two or three times across the page); either
    label repeated will do (a scan's OCR may break '科目编' / '码' or misread one of them)."""
    return header_text.count(PANEL_MARK) >= 2 or header_text.count(PANEL_NAME) >= 2
