"""Ruling lines of a scanned page, found in its image: long thin dark runs.

Why: a PDF's text layer comes with the table's drawn rules (:mod:`yusuan.read.pdf_glyphs`), and
:mod:`yusuan.read.pdf_boxes` uses them to keep columns positional and wrapped names in one cell.
A scan has only pixels, but the same rules are in them: a rule is a dark run far longer than any
stroke of text. This module finds them with numpy alone (a page is a few tens of ms):

1. dark pixels (darker than a share of the paper's median grey), one-pixel gaps closed, so JPEG
   and noise speckles inside a rule do not break it;
2. runs along rows (and along columns) at least ``MIN_RUN`` points long: text strokes are
   shorter, rules are longer even when skew makes them step from one pixel row to the next;
3. the page's skew from those runs (the slope that stacks the runs into the fewest rows);
4. with the skew sheared out, runs within a line's thickness are one rule, split where it has a
   gap (a rule drawn only under some columns); rules shorter than ``MIN_HRULE`` (``MIN_VRULE``) are dropped.

Segments come back in image pixels, with the slope, so the caller can turn them into the same
deskewed page frame as the OCR boxes (:func:`yusuan.read.ocr_lines.page_turn`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from yusuan.read.ocr_lines import Turn
from yusuan.read.pdf_glyphs import HRule, Rule

MIN_RUN = 12.0  # points: a run along a row or column this long is no stroke of 9–12 pt text
MIN_HRULE = 24.0  # points: a horizontal rule is longer than a dash or a stroke of a title
MIN_VRULE = 14.0  # points: a vertical rule spans at least one table row (15 pt); glyphs are shorter
MAX_SLOPE = 0.03  # ≈ 1.7°: scans are turned by less; steeper candidates are not tried
DARK = 0.72  # a pixel darker than this share of the paper's median grey is ink
_GAP = 3.0  # points: runs of one rule this close are joined (noise, a blurred crossing)
_THICK = 1.5  # points: runs whose deskewed positions are this close are one rule's thickness
LONG_VRULE = 40.0  # points: a shorter vertical rule must end on horizontal rules (a cell border)
LONG_HRULE = 60.0  # points: a shorter horizontal rule must end on vertical rules
_END = 2.0  # points: ... within this distance (glyphs stacked in a column of rows do not)
_CLEAR = (1.25, 1.75, 2.25)  # points beside a vertical rule where a rule has paper on one side
_CROWDED = 0.25  # ... in all but this share of its rows (glyph strokes: ink on both sides)
_BESIDE = (1.0, 1.5, 2.0, 2.5)  # points from a rule where text running over it has ink on both sides
_ACROSS = 0.3  # ... in at least this share of the text's rows

# A segment in image pixels: (x0, y0, x1, y1), from its left (top) end to its right (bottom) end.
Segment = tuple[float, float, float, float]


@dataclass(slots=True)
class Ruling:
    """The rules found on one image: ``slope`` is dy/dx of the horizontal rules (pixels)."""

    slope: float = 0.0
    horizontal: list[Segment] = field(default_factory=list)
    vertical: list[Segment] = field(default_factory=list)
    ink: np.ndarray | None = field(default=None, repr=False)  # the dark-pixel mask they came from


def gray_of(image: np.ndarray) -> np.ndarray:
    """A 2-D grey array of an RGB (or already grey) image."""
    if image.ndim == 2:
        return image
    return image[:, :, :3].mean(axis=2)


def ink(gray: np.ndarray) -> np.ndarray:
    """Dark pixels, with one-pixel gaps closed along both axes (noise inside a rule)."""
    paper = float(np.median(gray[::4, ::4]))
    dark = gray < DARK * max(paper, 1.0)
    closed = dark.copy()
    closed[:, 1:-1] |= dark[:, :-2] & dark[:, 2:]
    closed[1:-1, :] |= dark[:-2, :] & dark[2:, :]
    return closed


def runs(mask: np.ndarray, min_length: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, start, end) of every run of True along the rows of ``mask`` at least ``min_length`` long."""
    height, width = mask.shape
    padded = np.zeros((height, width + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    edges = np.diff(padded, axis=1)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)  # row-major order: the i-th end closes the i-th start
    keep = ends - starts >= min_length
    return rows[keep], starts[keep], ends[keep]


def _slope(rows: np.ndarray, starts: np.ndarray, ends: np.ndarray, step: int = 8) -> float:
    """The slope (dy/dx) that stacks the runs into the sharpest row profile.

    Each run is sampled every ``step`` pixels along its length (a long run on one pixel row is
    evidence of no skew); the profile's sum of squares is largest when the rules lie flat.
    Candidates are tried coarse, then fine around the best; ties go to the smaller slope."""
    if len(rows) == 0:
        return 0.0
    counts = np.maximum((ends - starts) // step, 1)
    index = np.repeat(np.arange(len(rows)), counts)
    along = np.arange(len(index)) - np.repeat(np.cumsum(counts) - counts, counts)
    xs = starts[index] + along * step + step / 2.0
    xs = xs - xs.mean()
    ys = rows[index].astype(float)

    def score(slope: float) -> float:
        shifted = np.rint(ys - slope * xs).astype(np.int64)
        profile = np.bincount(shifted - shifted.min())
        return float(np.dot(profile, profile))

    best = 0.0
    for step_size, span in ((0.001, MAX_SLOPE), (0.0001, 0.001)):
        candidates = best + np.arange(-span, span + step_size / 2, step_size)
        candidates = candidates[np.argsort(np.abs(candidates), kind="stable")]
        scores = [score(c) for c in candidates]
        best = float(candidates[int(np.argmax(scores))])  # argmax takes the first of equals
    return best


def _lines(
    rows: np.ndarray, starts: np.ndarray, ends: np.ndarray, slope: float, scale: float, shortest: float
) -> list[tuple[float, float, float]]:
    """Rules as (position, start, end) in the sheared frame (position = row − slope·x along the run).

    Runs are grouped by deskewed position (within a rule's thickness) and, inside a group, joined
    along the rule where their gaps are short; a rule shorter than ``shortest`` points is dropped."""
    if len(rows) == 0:
        return []
    middle = (starts + ends) / 2.0
    position = rows + 0.5 - slope * middle  # pixel row r is centred at r + 0.5
    order = np.argsort(position, kind="stable")
    position, starts, ends = position[order], starts[order], ends[order]
    thick, gap, shortest = _THICK * scale, _GAP * scale, shortest * scale
    breaks = np.nonzero(np.diff(position) > thick)[0] + 1
    out: list[tuple[float, float, float]] = []
    for group in np.split(np.arange(len(position)), breaks):
        along = np.argsort(starts[group], kind="stable")
        g_start, g_end = starts[group][along], ends[group][along]
        weights = (g_end - g_start).astype(float)
        centre = float(np.average(position[group], weights=weights))
        lo, hi = int(g_start[0]), int(g_end[0])
        for s, e in zip(g_start[1:].tolist(), g_end[1:].tolist(), strict=True):
            if s - hi > gap:
                if hi - lo >= shortest:
                    out.append((centre, float(lo), float(hi)))
                lo, hi = s, e
            elif e > hi:
                hi = e
        if hi - lo >= shortest:
            out.append((centre, float(lo), float(hi)))
    return out


def find_rules(image: np.ndarray, scale: float = 1.0) -> Ruling:
    """The horizontal and vertical rules of a page image; ``scale`` is pixels per point.

    A vertical rule turns the other way under the same skew (x falls as y grows when horizontal
    rules rise to the right), so both are measured with the horizontal rules' slope."""
    mask = ink(gray_of(np.asarray(image)))
    min_run = max(round(MIN_RUN * scale), 3)
    h_rows, h_starts, h_ends = runs(mask, min_run)
    v_cols, v_starts, v_ends = runs(mask.T, min_run)
    # without horizontal rules the vertical ones give the skew (x = −slope·y)
    slope = _slope(h_rows, h_starts, h_ends) if len(h_rows) >= 3 else -_slope(v_cols, v_starts, v_ends)
    ruling = Ruling(slope=slope, ink=mask)
    horizontal = _lines(h_rows, h_starts, h_ends, slope, scale, MIN_HRULE)
    for x, y0, y1 in _lines(v_cols, v_starts, v_ends, -slope, scale, MIN_VRULE):
        if (
            y1 - y0 >= LONG_VRULE * scale or _ends_on_rules(x, y0, y1, slope, horizontal, scale)
        ) and _clear_beside(mask, x, y0, y1, slope, horizontal, scale):
            ruling.vertical.append((x - slope * y0, y0, x - slope * y1, y1))
    for y, x0, x1 in horizontal:
        segment = (x0, y + slope * x0, x1, y + slope * x1)
        if x1 - x0 >= LONG_HRULE * scale or (
            _on_vertical(segment[0], segment[1], ruling.vertical, _END * scale)
            and _on_vertical(segment[2], segment[3], ruling.vertical, _END * scale)
        ):
            ruling.horizontal.append(segment)
    return ruling


def _on_vertical(x: float, y: float, vertical: list[Segment], tolerance: float) -> bool:
    """Whether the point (image pixels) lies on one of the vertical rules.

    Why: a short horizontal run on a ruled page may be a stroke of text ('——', an underline);
    a short horizontal rule is a cell border, so both its ends meet column rules."""
    for x0, y0, x1, y1 in vertical:
        if y0 - tolerance <= y <= y1 + tolerance:
            at = x0 + (x1 - x0) * (y - y0) / max(y1 - y0, 1.0)
            if abs(at - x) <= tolerance:
                return True
    return False


def _clear_beside(
    mask: np.ndarray,
    x: float,
    y0: float,
    y1: float,
    slope: float,
    horizontal: list[tuple[float, float, float]],
    scale: float,
) -> bool:
    """Whether a vertical rule has paper on at least one side in nearly all its rows.

    Why: where a table's text touches its row rules, the vertical strokes of the same glyphs on
    row after row (a column of equal names) join through the rules into one long run; such a run
    has the rest of its glyphs on both sides, a border has at most one cell's text close to it.
    Rows where horizontal rules cross are left out."""
    height, width = mask.shape
    ys = np.arange(max(int(y0), 0), min(int(y1), height))
    if len(ys) == 0:
        return True
    xs = x - slope * ys
    keep = np.ones(len(ys), dtype=bool)
    middle = float(xs.mean())
    for y, a, b in horizontal:
        if a - 2 * scale <= middle <= b + 2 * scale:
            keep &= np.abs(ys - (y + slope * middle)) > _THICK * scale
    ys, xs = ys[keep], xs[keep]
    if len(ys) == 0:
        return True
    left = np.zeros(len(ys), dtype=bool)
    right = np.zeros(len(ys), dtype=bool)
    for offset in _CLEAR:
        left |= mask[ys, np.clip(np.rint(xs - offset * scale).astype(int), 0, width - 1)]
        right |= mask[ys, np.clip(np.rint(xs + offset * scale).astype(int), 0, width - 1)]
    return float((left & right).mean()) <= _CROWDED


def _ends_on_rules(
    x: float, y0: float, y1: float, slope: float, horizontal: list[tuple[float, float, float]], scale: float
) -> bool:
    """Whether both ends of a short vertical rule (x deskewed as x + slope·y) lie on horizontal rules.

    Why: a column of rows with the same name stacks the same glyph strokes one above the other,
    and with blur they run together longer than one glyph; a cell border runs from rule to rule."""
    tolerance = _END * scale
    ends = [False, False]
    for y, a, b in horizontal:
        at = x - slope * y0  # where the vertical rule is, near this horizontal one
        if not a - tolerance <= at <= b + tolerance:
            continue
        row = y + slope * at
        ends[0] = ends[0] or abs(row - y0) <= tolerance
        ends[1] = ends[1] or abs(row - y1) <= tolerance
    return ends[0] and ends[1]


def text_across(ruling: Ruling, turn: Turn) -> Callable[[float, float, float], bool]:
    """A test of whether text runs across a vertical rule at x between top and bottom (page frame).

    Why: a title or a long name overflowing into the blank cell beside it is printed over that
    cell's border ('部门：辽宁省工业和信息化厅'). Text running over the rule has ink close beside
    it on both sides in many of its rows; text ending at a cell's border has ink on one side. (Two
    names in neighbouring cells set close to their rule look alike, and stay one box: on the
    committed scans every cut between two CJK characters was an overflowing title.)"""
    mask = ruling.ink

    def across(x: float, top: float, bottom: float) -> bool:
        if mask is None or bottom <= top:
            return False
        height, width = mask.shape
        margin = 0.15 * (bottom - top)
        ys = np.arange(top + margin, bottom - margin, 0.5)
        if len(ys) == 0:
            return False
        inked = []
        for side in (-1, 1):
            hit = np.zeros(len(ys), dtype=bool)
            for offset in _BESIDE:
                px, py = zip(*(turn.undo(x + side * offset, y) for y in ys), strict=True)
                cols = np.clip(np.rint(px).astype(int), 0, width - 1)
                rows = np.clip(np.rint(py).astype(int), 0, height - 1)
                hit |= mask[rows, cols]
            inked.append(hit)
        return float((inked[0] & inked[1]).mean()) >= _ACROSS

    return across


def page_rules(ruling: Ruling, turn: Turn) -> tuple[list[Rule], list[HRule]]:
    """The rules as :mod:`yusuan.read.pdf_boxes` takes them, (x, top, bottom) and (y, x0, x1),
    moved by ``turn`` into the frame of the OCR boxes and sorted."""
    vertical: list[Rule] = []
    horizontal: list[HRule] = []
    for x0, y0, x1, y1 in ruling.horizontal:
        (ax, ay), (bx, by) = turn.apply(x0, y0), turn.apply(x1, y1)
        horizontal.append(((ay + by) / 2, min(ax, bx), max(ax, bx)))
    for x0, y0, x1, y1 in ruling.vertical:
        (ax, ay), (bx, by) = turn.apply(x0, y0), turn.apply(x1, y1)
        vertical.append(((ax + bx) / 2, min(ay, by), max(ay, by)))
    return sorted(vertical), sorted(horizontal)


def skew(ruling: Ruling) -> float | None:
    """The page's skew angle (radians) from its rules, None without rules to measure it by."""
    if len(ruling.horizontal) + len(ruling.vertical) < 2:
        return None
    return math.atan(ruling.slope)
