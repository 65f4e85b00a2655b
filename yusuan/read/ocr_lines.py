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
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from yusuan.layout import Cell, Line
from yusuan.read.ocr_numbers import is_amount, split_pieces

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


def boxes_from_ocr(results: Sequence[tuple[Quad, str, float]], scale: float = 1.0) -> list[Box]:
    """Axis-aligned boxes from OCR quads, rotated by minus the page skew, divided by ``scale``."""
    if not results:
        return []
    angle = skew_angle([r[0] for r in results])
    cos, sin = math.cos(-angle), math.sin(-angle)
    points = [p[:2] for r in results for p in r[0]]
    cx = sum(p[0] for p in points) / len(points)  # turn about the text's centre, so
    cy = sum(p[1] for p in points) / len(points)  # coordinates stay near the page's own
    boxes = []
    for quad, text, score in results:
        if not text or not text.strip():
            continue
        xs, ys = [], []
        for x, y in (p[:2] for p in quad):
            xs.append(cx + (x - cx) * cos - (y - cy) * sin)
            ys.append(cy + (x - cx) * sin + (y - cy) * cos)
        boxes.append(Box(min(xs) / scale, min(ys) / scale, max(xs) / scale, max(ys) / scale,
                         text.strip(), float(score)))
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


def box_cells(box: Box) -> list[Cell]:
    """The cells of one box: one, or several when it joins amounts and labels (x interpolated
    by character width, CJK counting double), every one marked OCR with the box's confidence."""
    pieces = split_pieces(box.text)
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


_JOIN_GAP = 0.5  # boxes closer than half the text height are one cell torn by the detector
_CJK_EDGE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def join_torn(cells: list[Cell]) -> list[Cell]:
    """Join neighbouring non-amount cells that nearly touch: the detector splits '一、' from
    '一般公共预算拨款收入' at the space the full-width comma leaves. Table columns are far wider
    apart than half a character, and amounts are never joined."""
    out: list[Cell] = []
    for cell in cells:
        prev = out[-1] if out else None
        if prev is not None and not is_amount(prev.text) and not is_amount(cell.text):
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


def lines_from_boxes(boxes: Sequence[Box], page: int, first_line: int = 1) -> list[Line]:
    """Lines of cells for one page, numbered from ``first_line``."""
    out = []
    for i, members in enumerate(group_lines(boxes)):
        cells = join_torn([c for b in members for c in box_cells(b)])
        if not cells:
            continue
        top = min(c.top for c in cells if c.top is not None)
        bottom = max(c.bottom for c in cells if c.bottom is not None)
        out.append(Line(cells, page, first_line + i, " ".join(c.text for c in cells), top, bottom))
    for n, line in enumerate(out):
        line.number = first_line + n
    return out
