"""Two-sided summary tables (收支总表, 财政拨款收支总表): income items left, expenditure right.

Each line is cut into segments (a label and the figures after it); 行次/序号 numbers end a label
and are dropped. A segment's side comes from its label (the catalogue's income/expenditure row
labels, 支出/收入 in the name), else its place on the line, else the numbering (二十四、 after
二十三、 on the expenditure side). Row keys (general_public_budget, grand_total…) are catalogue data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from yusuan.layout import Line
from yusuan.tables.catalogue import Catalogue, load_catalogue, squash
from yusuan.tables.rows import Value, is_value

_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、](?!\d)|其中[:：]?)+")
_SPLIT = re.compile(r"(?<=[^一二三四五六七八九十（(\d])(?=[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.．、](?!\d))")
_DIGITS = "一二三四五六七八九"
_BLOCKS = frozenset({"carryover_from_last_year", "carryover_to_next_year"})
_BLOCK_ENDS = frozenset({"grand_total", "current_year_total", "non_fiscal_surplus_used", "surplus_distribution"})
_FUNDS = frozenset({"general_public_budget", "government_fund", "state_capital", "fiscal_total", "fiscal_special_account", "unit_funds"})


@dataclass(slots=True)
class Segment:
    """A label and the figures printed after it on one line."""

    label: str = ""
    values: list[Value] = field(default_factory=list)
    field: int | None = None
    position: int = 0


def ordinal(label: str) -> int | None:
    """The number of a '二十四、' prefix (None without one)."""
    m = re.match(r"^([一二三四五六七八九十]+)、", label)
    if not m:
        return None
    text, total = m.group(1), 0
    if "十" in text:
        tens, _, units = text.partition("十")
        total = (_DIGITS.index(tens) + 1 if tens else 1) * 10 + (_DIGITS.index(units) + 1 if units else 0)
    else:
        total = _DIGITS.index(text) + 1
    return total


def bare(label: str) -> str:
    """A label without its ordinal prefix (一、 / （一） / 其中：)."""
    return _ORDINAL.sub("", label)


def known(label: str, catalogue: Catalogue) -> dict[str, str]:
    """side → row key for a label the catalogue knows."""
    text = bare(label)
    out: dict[str, str] = {}
    for side, rows in catalogue.summary_rows.items():
        for key, aliases in rows.items():
            if text in aliases:
                out[side] = key
                break
    return out


def _split_label(label: str, catalogue: Catalogue) -> list[str]:
    """Cut a run of label text that holds two printed labels (no figures between them)."""
    parts = [p for p in _SPLIT.split(label) if p]
    out: list[str] = []
    for part in parts:
        if known(part, catalogue):
            out.append(part)
            continue
        for side_rows in catalogue.summary_rows.values():
            for aliases in side_rows.values():
                for alias in aliases:
                    if part.startswith(alias) and len(part) > len(alias) and known(part[len(alias) :], catalogue):
                        out.extend([alias, part[len(alias) :]])
                        break
                else:
                    continue
                break
            else:
                continue
            break
        else:
            out.append(part)
    return out


def segments(line: Line, catalogue: Catalogue) -> list[Segment]:
    """The segments of one line (see module doc)."""
    tabbed = "\t" in line.raw
    out: list[Segment] = []
    current: Segment | None = None
    ended = False
    for index, cell in enumerate(line.cells):
        for token in cell.text.split():
            if is_value(token, False):
                if current is None:
                    current = Segment(field=index if tabbed else None)
                    out.append(current)
                whole = cell.text.strip() == token
                current.values.append(Value(token, index if tabbed else None, line, None, cell.bbox if whole else None, cell.ocr))
            elif token.isdigit():
                ended = True
            else:
                if current is None or current.values or ended or (tabbed and current.field != index):
                    current = Segment(field=index if tabbed else None)
                    out.append(current)
                    ended = False
                current.label += token
    result: list[Segment] = []
    for seg in out:
        labels = _split_label(squash(seg.label), catalogue) if seg.label else [""]
        for label in labels[:-1]:
            result.append(Segment(label=label, field=seg.field))
        result.append(Segment(label=labels[-1], values=seg.values, field=seg.field))
    for position, seg in enumerate(result):
        seg.position = position
    return result


class SideTracker:
    """Decides income/expenditure for each segment, remembering the numbering on both sides."""

    def __init__(self, catalogue: Catalogue | None = None, split_field: int | None = None) -> None:
        self.catalogue = catalogue or load_catalogue()
        self.last = {"income": 0, "expenditure": 0}
        self.split_field = split_field
        self.block: dict[str, str | None] = {"income": None, "expenditure": None}

    def side(self, seg: Segment, count: int) -> tuple[str, str | None]:
        """(side, row key or None) of a segment on a line of ``count`` segments."""
        named = known(seg.label, self.catalogue)
        if len(named) == 1:
            side = next(iter(named))
        elif count >= 2:
            side = "income" if seg.position == 0 else "expenditure"
        elif self.split_field is not None and seg.field is not None:
            side = "income" if seg.field < self.split_field else "expenditure"
        else:
            side = self._by_name(seg.label)
        number = ordinal(seg.label)
        if number is not None:
            self.last[side] = number
        return side, self._in_block(side, named.get(side))

    def keyed(self, side: str, label: str) -> str | None:
        """The row key of a label on a side already known (a panel's), with its block prefix."""
        return self._in_block(side, known(label, self.catalogue).get(side))

    def _in_block(self, side: str, key: str | None) -> str | None:
        """Fund rows under 上年结转/年末结转 get the block as prefix (carryover_from_last_year.general_public_budget)."""
        if key in _BLOCKS:
            self.block[side] = key
            return key
        if key in _BLOCK_ENDS:
            self.block[side] = None
        block = self.block[side]
        return f"{block}.{key}" if block and key in _FUNDS else key

    def _by_name(self, label: str) -> str:
        text = bare(label)
        if text.endswith("支出") or "支出" in text:
            return "expenditure"
        if "收入" in text:
            return "income"
        number = ordinal(label)
        if number is not None and number == self.last["income"] + 1 and number != self.last["expenditure"] + 1:
            return "income"
        return "expenditure"
