"""Glyph boxes → visual lines → cells, by geometry alone.

Why geometry: CJK text has no spaces between words and budget tables are drawn, not tagged, so a
cell is a run of glyphs on one line with no wide gap and no vertical rule inside it. A line is a
set of glyphs whose vertical centres agree within a fraction of their height; cells split where
the gap between two glyphs exceeds ``GAP_EM`` of the glyph height (≈ a CJK character is one
height wide, a digit half), a vertical ruling line passes between them, the type size jumps
across a visible gap (cells shrunk to fit by the exporting spreadsheet), or two digits stand
apart (numbers are set solid, so "953.08 30201" in tight columns is two cells) or a number and
text stand apart on different baselines ("1086.91 本年支出合计": two cells aligned differently). In ruled tables,
a column box with no text on the line becomes an empty cell, as a blank field does in
tab-separated text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import pairwise

from yusuan.layout import Cell
from yusuan.read.pdf_glyphs import Glyph, Rule

GAP_EM = 0.6  # a gap wider than this many glyph heights ends a cell
RULE_GAP_EM = 2.5  # only gaps between these two (in glyph heights) need a ruling-line check:
RULE_MIN_EM = 0.1  # text set solid has no rule inside it, and wider gaps are cut anyway
MIN_COLUMN = 4.0  # rules closer than this (points) are one rule; boxes narrower are no column
DIGIT_GAP_EM = 0.15  # numbers are set solid: a visible gap between two digits separates two cells
BASELINE_EM = 0.1  # ... and so does a number beside text on another baseline (another cell's alignment)
_DIGITS = frozenset("0123456789")
# an amount printed with decimals ends a cell where a CJK glyph follows it after a visible gap
# (a 其他资金 '0.00' beside the 绩效目标 text of the next column: '0.00保信息化…'); units stay
_AMOUNT_END = re.compile(r"\d\.\d{2}$")
_UNIT_AFTER_AMOUNT = frozenset("万元亿千百%％")
_REPEATABLE = frozenset("—…－-─_·.")  # "——" and "……" may come as two glyphs in one box
SIZE_JUMP = 0.3  # glyph heights differing by this share belong to different cells (with a gap)
SAME_LINE = 0.4  # centres closer than this many glyph heights share a line
_SPACES = frozenset(" \u3000\xa0\t\u2002\u2003")

# One visual line: its cells and (top, bottom).
LineCells = tuple[list[Cell], float, float]


def group_lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into visual lines, top to bottom, each line left to right."""
    if not glyphs:
        return []
    ordered = sorted(glyphs, key=lambda g: g[1] + g[3])
    lines: list[list[Glyph]] = []
    first = ordered[0]
    current = [first]
    centre = (first[1] + first[3]) / 2
    height = first[3] - first[1]
    n = 1
    for g in ordered[1:]:
        top, bottom = g[1], g[3]
        c = (top + bottom) / 2
        h = bottom - top
        m = h if h < height else height
        tolerance = SAME_LINE * (m if m > 1.0 else 1.0)
        if -tolerance <= c - centre <= tolerance:
            current.append(g)
            n += 1
            centre += (c - centre) / n
        else:
            lines.append(current)
            current, centre, height, n = [g], c, h, 1
    lines.append(current)
    for line in lines:
        if len(line) > 1:
            line.sort(key=_x0)
    return lines


def _x0(g: Glyph) -> float:
    return g[0]


def split_cells(line: list[Glyph], rules: Callable[[], list[Rule]] | None = None) -> LineCells:
    """Cut one line of glyphs into cells (see module doc); ``rules`` is called only when needed."""
    cells: list[Cell] = []
    text: list[str] = []
    x0 = x1 = top = bottom = 0.0
    line_top, line_bottom = line[0][1], line[0][3]
    last_x0 = last_x1 = last_h = last_bottom = 0.0
    last_ch = ""
    pending_space = False
    rule_xs: list[float] | None = None
    for gx0, gtop, gx1, gbottom, ch in line:
        if gtop < line_top:
            line_top = gtop
        if gbottom > line_bottom:
            line_bottom = gbottom
        if ch in _SPACES:
            pending_space = bool(text)
            continue
        h = gbottom - gtop
        if text:
            if (
                ch == last_ch
                and ch not in _REPEATABLE
                and -0.3 * (last_x1 - last_x0) < gx0 - last_x0 < 0.3 * (last_x1 - last_x0) + 0.15
            ):
                continue  # a fake-bold duplicate drawn over the previous glyph
            em = h if h < last_h else last_h
            if em < 1.0:
                em = 1.0
            gap = gx0 - last_x1
            # a wide gap ends a cell; so does a clear gap where the type size jumps (shrink-to-fit cells)
            cut = (
                gap > GAP_EM * em
                or (gap > 1.0 and abs(h - last_h) > SIZE_JUMP * (h if h > last_h else last_h))
                or (gap > DIGIT_GAP_EM * em and ch in _DIGITS and last_ch in _DIGITS)
                or (
                    gap > DIGIT_GAP_EM * em
                    and (ch in _DIGITS) != (last_ch in _DIGITS)
                    and abs(gbottom - last_bottom) > BASELINE_EM * em
                )
                or (
                    gap > DIGIT_GAP_EM * em
                    and last_ch in _DIGITS
                    and ch >= "\u3400"
                    and ch not in _UNIT_AFTER_AMOUNT
                    and _AMOUNT_END.search("".join(text[-4:])) is not None
                )
            )
            # a figure ending at its cell's rule may be followed closer than usual by the next
            # cell's text ('0.00' | '2.信访件…' 0.8 pt apart): after an amount, any gap is checked
            after_amount = gap > 0.2 and last_ch in _DIGITS and _AMOUNT_END.search("".join(text[-4:])) is not None
            if not cut and rules is not None and (RULE_MIN_EM * em < gap or after_amount) and gap < RULE_GAP_EM * em:
                if rule_xs is None:
                    rule_xs = rules_across(rules(), gtop, gbottom)
                if rule_xs:
                    cut = _rule_between(rule_xs, (last_x0 + last_x1) / 2, (gx0 + gx1) / 2)
            if cut:
                cells.append(Cell("".join(text), x0, x1, top, bottom))
                text = []
            elif pending_space:
                text.append(" ")
        if not text:
            x0, x1, top, bottom = gx0, gx1, gtop, gbottom
        else:
            if gx1 > x1:
                x1 = gx1
            if gtop < top:
                top = gtop
            if gbottom > bottom:
                bottom = gbottom
        text.append(ch)
        pending_space = False
        last_x0, last_x1, last_h, last_ch, last_bottom = gx0, gx1, h, ch, gbottom
    if text:
        cells.append(Cell("".join(text), x0, x1, top, bottom))
    return cells, line_top, line_bottom


def rules_across(rules: list[Rule], top: float, bottom: float) -> list[float]:
    """x of the rules that cross the middle of a line (sorted)."""
    middle = (top + bottom) / 2
    slack = (bottom - top) * 0.25
    return sorted(x for x, r_top, r_bottom in rules if r_top - slack <= middle <= r_bottom + slack)


def _rule_between(xs: list[float], left: float, right: float) -> bool:
    return bisect_right(xs, right) > bisect_left(xs, left)


def fill_blank_columns(cells: list[Cell], rule_xs: list[float], top: float, bottom: float) -> list[Cell]:
    """Add an empty cell for every ruled column box of the line that holds no text.

    Why: a blank cell in a budget table means zero, and only its box says which column it is;
    with empty cells a ruled PDF row reads like a tab-separated text row (empty fields kept).
    """
    xs: list[float] = []
    for x in rule_xs:
        if not xs or x - xs[-1] > MIN_COLUMN:
            xs.append(x)
    if len(xs) < 3:
        return cells
    centres = sorted((c.x0 + c.x1) / 2 for c in cells)
    if bisect_left(centres, xs[-1]) == bisect_right(centres, xs[0]):
        return cells  # no text inside the ruled span: not a table line
    blanks = [
        Cell("", a, b, top, bottom)
        for a, b in pairwise(xs)
        if b - a > MIN_COLUMN and bisect_left(centres, b) == bisect_right(centres, a)
    ]
    if not blanks:
        return cells
    return sorted(cells + blanks, key=lambda c: c.x0)


def page_lines(
    glyphs: list[Glyph],
    rules: Callable[[], list[Rule]] | None = None,
    merge: Callable[[list[LineCells], list[Rule]], list[LineCells]] | None = None,
) -> list[LineCells]:
    """Every non-empty line of a page as cells, top to bottom; ruled blanks become empty cells.

    ``merge`` (given the lines and the vertical rules) replaces the blank filling: it may rebuild
    ruled rows first (:func:`yusuan.read.pdf_boxes.ruled_lines`).
    """
    out = []
    for line in group_lines(glyphs):
        cells, top, bottom = split_cells(line, rules)
        if cells:
            out.append((cells, top, bottom))
    if rules is not None and any(len(cells) > 1 for cells, _, _ in out):
        page_rules = rules()
        if page_rules:
            if merge is not None:
                return merge(out, page_rules)
            out = [(fill_blank_columns(c, rules_across(page_rules, t, b), t, b), t, b) for c, t, b in out]
    return out
