"""OCR boxes → lines of cells: deskew, cluster by vertical overlap, split joined amounts.

Why separate from the OCR engine: this is pure geometry on (quad, text, score) triples, so it is
tested without onnxruntime, and any OCR engine that returns boxes can feed it. A scan is rarely
square on the glass: the page's skew is estimated from the boxes' own top edges and undone
before boxes are grouped into lines, so a right-hand column is not put on the line below.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from statistics import median

from yusuan.layout import Cell, Line
from yusuan.read.ocr_numbers import is_amount, split_pieces
from yusuan.read.ocr_words import repair_words
from yusuan.read.pdf_boxes import ruled_lines
from yusuan.read.pdf_glyphs import HRule, Rule
from yusuan.read.pdf_lines import LineCells, rules_across

Quad = Sequence[Sequence[float]]


@dataclass(slots=True)
class Box:
    """One recognised text box, axis-aligned after deskewing, in the caller's units."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    score: float

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def skew_angle(quads: Sequence[Quad]) -> float:
    """The median slope (radians) of the top edges of boxes at least three times wider than tall."""
    angles = []
    for q in quads:
        (x0, y0), (x1, y1) = q[0][:2], q[1][:2]
        width = math.hypot(x1 - x0, y1 - y0)
        height = math.hypot(q[3][0] - x0, q[3][1] - y0)
        if width >= 3 * max(height, 1.0) and x1 > x0:
            angles.append(math.atan2(y1 - y0, x1 - x0))
    return median(angles) if angles else 0.0


@dataclass(frozen=True, slots=True)
class Turn:
    """The rotation that undoes a page's skew: by minus ``angle`` about (cx, cy), then ÷ ``scale``.

    One turn serves the OCR boxes and the ruling lines found in the image, so both land in the
    same deskewed frame and a cell's box is looked up among rules that moved with it."""

    angle: float = 0.0
    cx: float = 0.0
    cy: float = 0.0
    scale: float = 1.0

    def apply(self, x: float, y: float) -> tuple[float, float]:
        """(x, y) in image pixels → the deskewed frame in the caller's units."""
        cos, sin = math.cos(-self.angle), math.sin(-self.angle)
        dx, dy = x - self.cx, y - self.cy
        return (self.cx + dx * cos - dy * sin) / self.scale, (self.cy + dx * sin + dy * cos) / self.scale

    def undo(self, x: float, y: float) -> tuple[float, float]:
        """(x, y) in the deskewed frame → image pixels (the inverse of :meth:`apply`)."""
        cos, sin = math.cos(self.angle), math.sin(self.angle)
        dx, dy = x * self.scale - self.cx, y * self.scale - self.cy
        return self.cx + dx * cos - dy * sin, self.cy + dx * sin + dy * cos


def page_turn(results: Sequence[tuple[Quad, str, float]], scale: float = 1.0, angle: float | None = None) -> Turn:
    """The turn for a page's OCR results: about the text's centre, so coordinates stay near the
    page's own; by ``angle`` when the caller measured it (ruling lines), else the boxes' skew."""
    points = [p[:2] for r in results for p in r[0]]
    if not points:
        return Turn(angle or 0.0, 0.0, 0.0, scale)
    if angle is None:
        angle = skew_angle([r[0] for r in results])
    cx = sum(p[0] for p in points) / len(points)
    cy = sum(p[1] for p in points) / len(points)
    return Turn(angle, cx, cy, scale)


def boxes_from_ocr(
    results: Sequence[tuple[Quad, str, float]], scale: float = 1.0, turn: Turn | None = None
) -> list[Box]:
    """Axis-aligned boxes from OCR quads, rotated by minus the page skew, divided by ``scale``
    (or moved by ``turn`` when given: see :func:`page_turn`)."""
    if not results:
        return []
    if turn is None:
        turn = page_turn(results, scale)
    boxes = []
    for quad, text, score in results:
        if not text or not text.strip():
            continue
        xs, ys = zip(*(turn.apply(*p[:2]) for p in quad), strict=True)
        boxes.append(Box(min(xs), min(ys), max(xs), max(ys), text.strip(), float(score)))
    return boxes


def group_lines(boxes: Sequence[Box]) -> list[list[Box]]:
    """Boxes grouped into visual lines, top to bottom, each left to right: a box joins a line when
    its vertical overlap with the line's span is at least half the smaller of the two heights."""
    lines: list[tuple[float, float, list[Box]]] = []
    for box in sorted(boxes, key=lambda b: (b.middle, b.x0)):
        best, best_overlap = None, 0.0
        for i, (top, bottom, _) in enumerate(lines[-6:], start=max(0, len(lines) - 6)):
            overlap = min(bottom, box.bottom) - max(top, box.top)
            need = 0.5 * min(bottom - top, box.height)
            if overlap >= need and overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is None:
            lines.append((box.top, box.bottom, [box]))
        else:
            top, bottom, members = lines[best]
            members.append(box)
            # The span follows the line's median box, so one tall box does not swallow the next line.
            lines[best] = (median(b.top for b in members), median(b.bottom for b in members), members)
    ordered = sorted(lines, key=lambda t: median(b.middle for b in t[2]))
    return [sorted(members, key=lambda b: b.x0) for _, _, members in ordered]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text) or 1


_LOST_YI = re.compile(r"^般(?=公共|行政)")


def restore_yi(text: str) -> str:
    """'一' put back before '般公共…' / '般行政…' at the start of a cell.

    Why: the detector drops a lone '一' set close to a cell's left rule (it takes the stroke for
    part of the rule), and '般公共预算基本支出' then names no column ('一般公共预算' does); in
    these tables '般' never begins a name on its own."""
    return _LOST_YI.sub("一般", text)


def box_cells(box: Box) -> list[Cell]:
    """The cells of one box: one, or several when it joins amounts and labels (x interpolated
    by character width, CJK counting double), every one marked OCR with the box's confidence."""
    pieces = [restore_yi(repair_words(p)) for p in split_pieces(box.text)]
    if not pieces:
        return []
    total = _width(" ".join(pieces))
    span = box.x1 - box.x0
    cells, offset = [], 0
    for piece in pieces:
        x0 = box.x0 + span * offset / total
        offset += _width(piece)
        x1 = box.x0 + span * offset / total
        offset += 1
        cells.append(Cell(piece, x0, x1, box.top, box.bottom, ocr=True, confidence=round(box.score, 4)))
    return cells


_EDGE_EM = 0.8  # a rule this close (in box heights) inside a box's end is the end's own border
_INSIDE = 0.75  # points: a box trimmed or cut at a rule keeps this far inside it, as printed text does


def _crossing(rules: Sequence[Rule], lo: float, hi: float, a: float, b: float) -> list[float]:
    """Positions of the rules strictly between ``lo`` and ``hi`` whose span covers a..b."""
    return sorted(x for x, start, end in rules if lo < x < hi and start <= a and end >= b)


_DASHES = frozenset("—－-一")
_NARROW = frozenset(".,:;'\"()[]|!·-")


def _char_edges(box: Box) -> list[float]:
    """x of the edges between a box's characters, by their usual advance (CJK 1 em, digits and
    Latin about half, '.' ',' and brackets about a quarter), spread over the box's width."""
    widths = [
        2.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 if ch in _NARROW else 1.1 for ch in box.text
    ]
    total = sum(widths) or 1.0
    edges, offset = [box.x0], 0.0
    for w in widths:
        offset += w
        edges.append(box.x0 + (box.x1 - box.x0) * offset / total)
    return edges


def _numeral_one(pieces: list[Box]) -> list[Box]:
    """Pieces of a cut box with a dash at the rule before '、' turned back into '一、'.

    Why: '1076.91—、一般公共服务支出' — the detector reads the '一' of '一、', set just after the
    rule, as a dash joined to the amount before the rule ('二、' and the rest are read right)."""
    out: list[Box] = []
    for piece in pieces:
        prev = out[-1] if out else None
        if prev is not None:
            text = prev.text
            if piece.text.startswith("、") and text[-1] in _DASHES:
                text, piece = text[:-1], replace(piece, text="一" + piece.text)
            elif text.endswith("、") and len(text) > 1 and text[-2] in _DASHES and not piece.text.startswith("、"):
                text, piece = text[:-2], replace(piece, text="一、" + piece.text)
            text = text.strip()
            out.pop()
            if text:
                out.append(replace(prev, text=text))
        out.append(piece)
    return out


def fit_to_rules(
    boxes: Sequence[Box],
    vrules: Sequence[Rule],
    hrules: Sequence[HRule] = (),
    across: Callable[[float, float, float], bool] | None = None,
) -> list[Box]:
    """Boxes trimmed to the ruled cell they sit in, and cut where a vertical rule runs through them.

    Why: the detector pads its boxes, so a box of text set close to a rule reaches over it, and
    :func:`yusuan.read.pdf_boxes.ruled_lines` would then take the neighbouring cell's border for
    its own; a rule just inside a box's end is that end. And the detector reads two neighbouring
    ruled cells as one box when their texts nearly touch ('…经费预算' + '2.38'): a rule crossing a
    box's whole height well inside it is a cell border, never part of the text (a stroke of a
    large glyph ends inside its box) — unless ``across(x, top, bottom)`` says the text runs on
    over the rule (a title overflowing into a blank cell is printed over its border; a number
    never does). The text is cut at the character edge nearest the rule (:func:`_char_edges`)."""
    if not vrules and not hrules:
        return list(boxes)
    out: list[Box] = []
    for box in boxes:
        edge = _EDGE_EM * box.height
        x0, top, x1, bottom = box.x0, box.top, box.x1, box.bottom
        middle = (x0 + x1) / 2
        for y in _crossing(hrules, top, bottom, middle, middle):
            if y - top < 0.35 * box.height:
                top = y + _INSIDE
            elif bottom - y < 0.35 * box.height:
                bottom = y - _INSIDE
        edges = _char_edges(box)
        cuts: list[tuple[float, int]] = []
        for x in _crossing(vrules, x0, x1, top, bottom):
            if x - box.x0 < edge:
                x0 = x + _INSIDE
            elif box.x1 - x < edge:
                x1 = min(x1, x - _INSIDE)
            else:
                i = min(range(1, len(box.text)), key=lambda i, x=x: abs(edges[i] - x), default=0)
                # a number never runs over a cell border (a spreadsheet shows ### instead)
                number = i > 0 and (box.text[i - 1].isdigit() or box.text[i].isdigit())
                if number or across is None or not across(x, top, bottom):
                    cuts.append((x, i))
        if not cuts:
            out.append(Box(x0, top, x1, bottom, box.text, box.score))
            continue
        pieces: list[Box] = []
        start, left = 0, x0
        for x, end in [*cuts, (None, len(box.text))]:
            right = x1 if x is None else x - _INSIDE
            piece = box.text[start:end].strip()
            if piece:
                pieces.append(Box(left, top, right, bottom, piece, box.score))
            start, left = max(start, end), right + 2 * _INSIDE
        pieces = _numeral_one(pieces)
        out.extend(pieces)
    return out


_JOIN_GAP = 0.5  # boxes closer than half the text height are one cell torn by the detector
_CJK_EDGE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def join_torn(cells: list[Cell], rule_xs: Sequence[float] = ()) -> list[Cell]:
    """Join neighbouring non-amount cells that nearly touch: the detector splits '一、' from
    '一般公共预算拨款收入' at the space the full-width comma leaves. Table columns are far wider
    apart than half a character, and amounts are never joined, nor cells a rule (x in
    ``rule_xs``, sorted) stands between."""
    out: list[Cell] = []
    for cell in cells:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not is_amount(prev.text)
            and not is_amount(cell.text)
            and bisect_right(rule_xs, cell.x0 + 1e-6) == bisect_left(rule_xs, prev.x1 - 1e-6)
        ):
            height = max((c.bottom or 0) - (c.top or 0) for c in (prev, cell))
            if height > 0 and cell.x0 - prev.x1 < _JOIN_GAP * height:
                sep = "" if _CJK_EDGE.match(prev.text[-1]) or _CJK_EDGE.match(cell.text[0]) else " "
                confs = [c.confidence for c in (prev, cell) if c.confidence is not None]
                conf = min(confs) if confs else None
                out[-1] = Cell(prev.text + sep + cell.text, prev.x0, max(prev.x1, cell.x1),
                               min(prev.top or 0, cell.top or 0), max(prev.bottom or 0, cell.bottom or 0),
                               ocr=True, confidence=conf)
                continue
        out.append(cell)
    return out


def line_cells(boxes: Sequence[Box], vrules: Sequence[Rule] = ()) -> list[LineCells]:
    """The visual lines of a page as (cells, top, bottom), top to bottom."""
    out: list[LineCells] = []
    for members in group_lines(boxes):
        cells = [c for b in members for c in box_cells(b)]
        if not cells:
            continue
        top = min(c.top for c in cells if c.top is not None)
        bottom = max(c.bottom for c in cells if c.bottom is not None)
        cells = join_torn(cells, rules_across(list(vrules), top, bottom) if vrules else ())
        out.append((cells, top, bottom))
    return out


def _as_ocr(cells: list[Cell], sources: list[Cell]) -> list[Cell]:
    """Cells rebuilt from ruled boxes marked OCR again: a cell joined from wrapped pieces takes
    the lowest confidence of the pieces inside it; a blank column box has no confidence."""
    out = []
    for c in cells:
        if c.ocr:
            out.append(c)
            continue
        inside = [
            s.confidence
            for s in sources
            if s.confidence is not None
            and c.x0 - 0.5 <= (s.x0 + s.x1) / 2 <= c.x1 + 0.5
            and (c.top or 0) - 0.5 <= ((s.top or 0) + (s.bottom or 0)) / 2 <= (c.bottom or 0) + 0.5
        ]
        out.append(c._replace(ocr=True, confidence=min(inside) if c.text and inside else None))
    return out


def lines_from_boxes(
    boxes: Sequence[Box],
    page: int,
    first_line: int = 1,
    vrules: Sequence[Rule] = (),
    hrules: Sequence[HRule] = (),
    width: float | None = None,
    across: Callable[[float, float, float], bool] | None = None,
) -> list[Line]:
    """Lines of cells for one page, numbered from ``first_line``.

    With the page's ruling lines (found in the image, :mod:`yusuan.read.ocr_rules`), boxes are
    cut at vertical rules and ruled tables are rebuilt box by box as in a PDF
    (:func:`yusuan.read.pdf_boxes.ruled_lines`): wrapped text is one cell, blank boxes are empty
    cells. ``width`` is the page width in the boxes' units; ``across`` see :func:`fit_to_rules`."""
    vrules, hrules = sorted(vrules), sorted(hrules)
    rows = line_cells(fit_to_rules(boxes, vrules, hrules, across), vrules)
    if vrules and hrules:
        sources = [c for cells, _, _ in rows for c in cells]
        rows = [(_as_ocr(cells, sources), top, bottom) for cells, top, bottom in ruled_lines(rows, vrules, hrules, width)]
    out = []
    for i, (cells, top, bottom) in enumerate(rows):
        out.append(Line(cells, page, first_line + i, " ".join(c.text for c in cells), top, bottom))
    return out
