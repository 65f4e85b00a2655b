"""Glyph boxes → visual lines → cells, by geometry alone.

Why geometry: CJK text has no spaces between words and budget tables are drawn, not tagged, so a
cell is a run of glyphs on one line with no wide gap and no vertical rule inside it. A line is a
set of glyphs whose vertical centres agree within a fraction of their height; cells split where
the gap between two glyphs exceeds ``GAP_EM`` of the glyph height (≈ a CJK character is one
height wide, a digit half) or a vertical ruling line passes between them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable

from yusuan.layout import Cell
from yusuan.read.pdf_glyphs import Glyph, Rule

GAP_EM = 0.6  # a gap wider than this many glyph heights ends a cell
RULE_GAP_EM = 2.5  # only gaps between these two (in glyph heights) need a ruling-line check:
RULE_MIN_EM = 0.1  # text set solid has no rule inside it, and wider gaps are cut anyway
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
    current = [ordered[0]]
    centre = (ordered[0][1] + ordered[0][3]) / 2
    height = ordered[0][3] - ordered[0][1]
    for g in ordered[1:]:
        c = (g[1] + g[3]) / 2
        h = g[3] - g[1]
        if abs(c - centre) <= SAME_LINE * max(1.0, min(h, height)):
            current.append(g)
            n = len(current)
            centre += (c - centre) / n
            height = max(height, h) if n < 3 else height
        else:
            lines.append(current)
            current, centre, height = [g], c, h
    lines.append(current)
    for line in lines:
        line.sort(key=lambda g: g[0])
    return lines


def split_cells(line: list[Glyph], rules: Callable[[], list[Rule]] | None = None) -> LineCells:
    """Cut one line of glyphs into cells (see module doc); ``rules`` is called only when needed."""
    cells: list[Cell] = []
    text: list[str] = []
    x0 = x1 = top = bottom = 0.0
    last: Glyph | None = None
    pending_space = False
    rule_xs: list[float] | None = None
    line_top = min(g[1] for g in line)
    line_bottom = max(g[3] for g in line)
    for g in line:
        ch = g[4]
        if ch in _SPACES:
            pending_space = last is not None
            continue
        if last is not None:
            if ch == last[4] and abs(g[0] - last[0]) < 0.3 * max(0.5, last[2] - last[0]):
                continue  # a fake-bold duplicate drawn over the previous glyph
            h, last_h = g[3] - g[1], last[3] - last[1]
            em = max(1.0, min(h, last_h))
            gap = g[0] - last[2]
            # a wide gap ends a cell; so does a clear gap where the type size jumps (shrink-to-fit cells)
            cut = gap > GAP_EM * em or (gap > 1.0 and abs(h - last_h) > SIZE_JUMP * max(h, last_h))
            if not cut and rules is not None and RULE_MIN_EM * em < gap < RULE_GAP_EM * em:
                if rule_xs is None:
                    rule_xs = _rules_across(rules(), line_top, line_bottom)
                if rule_xs:
                    cut = _rule_between(rule_xs, (last[0] + last[2]) / 2, (g[0] + g[2]) / 2)
            if cut:
                cells.append(Cell("".join(text), x0, x1, top, bottom))
                text = []
                pending_space = False
        if not text:
            x0, x1, top, bottom = g[0], g[2], g[1], g[3]
        else:
            x1 = max(x1, g[2])
            top = min(top, g[1])
            bottom = max(bottom, g[3])
            if pending_space:
                text.append(" ")
        text.append(ch)
        pending_space = False
        last = g
    if text:
        cells.append(Cell("".join(text), x0, x1, top, bottom))
    return cells, line_top, line_bottom


def _rules_across(rules: list[Rule], top: float, bottom: float) -> list[float]:
    """x of the rules that cross the middle of a line (sorted)."""
    middle = (top + bottom) / 2
    slack = (bottom - top) * 0.25
    return sorted(x for x, r_top, r_bottom in rules if r_top - slack <= middle <= r_bottom + slack)


def _rule_between(xs: list[float], left: float, right: float) -> bool:
    return bisect_right(xs, right) > bisect_left(xs, left)


def page_lines(glyphs: list[Glyph], rules: Callable[[], list[Rule]] | None = None) -> list[LineCells]:
    """Every non-empty line of a page as cells, top to bottom."""
    out = []
    for line in group_lines(glyphs):
        cells, top, bottom = split_cells(line, rules)
        if cells:
            out.append((cells, top, bottom))
    return out
