"""One PDF page through PDFium → glyph boxes, vertical ruling lines and image coverage.

Why raw PDFium calls: a budget page has ~1,000 characters and the reader must stay at a few ms per
page; the pypdfium2 helpers build Python objects per call, the raw API with one reused struct
costs ~2 µs per character. Coordinates are turned into an upright frame with its origin top-left
(``top`` grows downward) so that later stages never think about ``/Rotate``, crop boxes or text
printed sideways on a portrait page.
"""

from __future__ import annotations

import ctypes
import math
from collections import Counter
from dataclasses import dataclass, field

import pypdfium2.raw as pdfium_c

# A glyph is a plain tuple for speed: (x0, top, x1, bottom, text), top-left origin, PDF points.
Glyph = tuple[float, float, float, float, str]
# A vertical rule: (x, top, bottom) in the same frame; a horizontal one: (y, x0, x1).
Rule = tuple[float, float, float]
HRule = tuple[float, float, float]

_PATH, _IMAGE = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE
_MAX_SEGMENTS = 4000  # a path with more segments is a drawing, not table rules
_THIN = 2.5  # a path box thinner than this (points) is a rule
_OUTLINE_SEGMENTS = 8  # a path with this many segments may be a glyph outline; a rule has 2–5
_SOFT_HYPHEN = 0xFFFE  # PDFium's code for a '-' it takes for a line-break hyphen


@dataclass(slots=True)
class PageGlyphs:
    """What the reader needs from one page, in the upright frame."""

    width: float
    height: float
    rotation: int  # the page's /Rotate, degrees clockwise
    turn: int  # quarter turns (clockwise) applied to make the text upright
    glyphs: list[Glyph] = field(default_factory=list)
    unmapped: int = 0  # sampled glyphs PDFium could not map to Unicode
    sampled: int = 0
    image_cover: float = 0.0  # fraction of the page area under images (pages without text only)
    outline_paths: int = 0  # paths shaped like glyph outlines (pages without text only)
    _rules: tuple[list[Rule], list[HRule]] | None = None
    _page: object = None
    _frame: tuple[float, float, float, float, int] | None = None

    def rules(self) -> list[Rule]:
        """Vertical rules of the page (read lazily, while the page is open: pages of prose need none)."""
        return self._ruling()[0]

    def hrules(self) -> list[HRule]:
        """Horizontal rules of the page, sorted by y."""
        return self._ruling()[1]

    def _ruling(self) -> tuple[list[Rule], list[HRule]]:
        if self._rules is None:
            self._rules = _ruling_lines(self._page, self._frame) if self._page is not None else ([], [])
        return self._rules


def _to_frame(
    frame: tuple[float, float, float, float, int], left: float, bottom: float, right: float, top: float
):
    """Map a user-space box to (x0, top, x1, bottom) in the upright top-left frame."""
    fl, fb, fr, ft, turn = frame
    if turn == 0:
        return left - fl, ft - top, right - fl, ft - bottom
    if turn == 1:
        return bottom - fb, left - fl, top - fb, right - fl
    if turn == 2:
        return fr - right, bottom - fb, fr - left, top - fb
    return ft - top, fr - right, ft - bottom, fr - left


def _dominant_turn(textpage, count: int) -> int:
    """Quarter turns that make most of the text upright (text angle is clockwise in PDFium)."""
    if count == 0:
        return 0
    step = max(1, count // 40)
    turns: Counter[int] = Counter()
    for i in range(0, count, step):
        angle = pdfium_c.FPDFText_GetCharAngle(textpage, i)
        if angle >= 0:
            turns[(-round(angle / (math.pi / 2))) % 4] += 1
    return turns.most_common(1)[0][0] if turns else 0


def read_page_glyphs(page, textpage) -> PageGlyphs:
    """The glyphs of a loaded page (raw FPDF_PAGE and FPDF_TEXTPAGE handles)."""
    box = pdfium_c.FS_RECTF()
    pdfium_c.FPDF_GetPageBoundingBox(page, ctypes.byref(box))
    fl, fr = min(box.left, box.right), max(box.left, box.right)
    fb, ft = min(box.bottom, box.top), max(box.bottom, box.top)
    rotation = pdfium_c.FPDFPage_GetRotation(page) * 90
    count = max(0, pdfium_c.FPDFText_CountChars(textpage))
    turn = _dominant_turn(textpage, count)
    frame = (fl, fb, fr, ft, turn)
    width, height = (fr - fl, ft - fb) if turn % 2 == 0 else (ft - fb, fr - fl)
    result = PageGlyphs(width=width, height=height, rotation=rotation, turn=turn, _page=page, _frame=frame)
    if count:
        result.glyphs = _glyphs(textpage, count, frame)
        sample_step = max(1, count // 64)
        has_error = pdfium_c.FPDFText_HasUnicodeMapError
        for i in range(0, count, sample_step):
            result.sampled += 1
            if has_error(textpage, i) == 1:
                result.unmapped += 1
    if not result.glyphs:
        result.image_cover, result.outline_paths = _textless_page(page, width * height)
    return result


def _text_units(textpage, count: int) -> list[int]:
    """The UTF-16 code units of the whole page in one call (one unit per character index)."""
    buf = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    units = list(buf[:count])
    if written != count + 1 or any(0xD800 <= u <= 0xDFFF for u in units):
        # characters outside the BMP take two units and shift the rest: ask per character instead
        unicode_of = pdfium_c.FPDFText_GetUnicode
        units = [unicode_of(textpage, i) for i in range(count)]
    return units


def _glyphs(textpage, count: int, frame) -> list[Glyph]:
    """Visible glyphs in the frame; text laid out beyond the crop box (clipped, unseen) is dropped."""
    units = _text_units(textpage, count)
    rect = pdfium_c.FS_RECTF()
    ref = ctypes.byref(rect)
    loose = pdfium_c.FPDFText_GetLooseCharBox
    out: list[Glyph] = []
    append = out.append
    fl, fb, fr, ft, turn = frame
    width2, height2 = (2 * (fr - fl), 2 * (ft - fb)) if turn % 2 == 0 else (2 * (ft - fb), 2 * (fr - fl))
    for i in range(count):
        code = units[i]
        if code < 32:  # \r \n and other separators PDFium generates
            continue
        if not loose(textpage, i, ref):
            continue
        left, right, bottom, top = rect.left, rect.right, rect.bottom, rect.top
        if right - left < 0.01 and top - bottom < 0.01:  # generated space: no box
            continue
        text = chr(code) if code != _SOFT_HYPHEN else _line_break_hyphen(units, i)
        if not text:
            continue
        if turn == 0:
            g = (left - fl, ft - top, right - fl, ft - bottom, text)
        else:
            x0, y0, x1, y1 = _to_frame(frame, left, min(bottom, top), right, max(bottom, top))
            g = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1), text)
        if 0 <= g[0] + g[2] <= width2 and 0 <= g[1] + g[3] <= height2:  # centre on the page: visible
            append(g)
    return out


def _line_break_hyphen(units: list[int], i: int) -> str:
    """What PDFium's U+FFFE at ``i`` (a '-' printed at the end of a line) stands for: nothing when
    it splits a lower-case word ('infor-' 'mation'); else the '-' printed, since Chinese is never
    hyphenated: '2024年-2025年', '鸦岗大道-凤凰大道', 'GZIT2022-SM-W-C-051103'."""
    before = _neighbour(units, range(i - 1, -1, -1))
    after = _neighbour(units, range(i + 1, len(units)))
    if before.isascii() and before.islower() and after.isascii() and after.islower():
        return ""
    return "-"


def _neighbour(units: list[int], indexes: range) -> str:
    """The first printed character at ``indexes`` (generated breaks and spaces skipped), or ''."""
    for j in indexes:
        if units[j] > 32 and units[j] != _SOFT_HYPHEN:
            return chr(units[j])
    return ""


def _object_bounds(obj) -> tuple[float, float, float, float] | None:
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    ok = pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    return (left.value, bottom.value, right.value, top.value) if ok else None


def _ruling_lines(page, frame) -> tuple[list[Rule], list[HRule]]:
    """Vertical and horizontal segments (thin paths, rectangle edges, grid paths) in the frame."""
    rules: list[Rule] = []
    hrules: list[HRule] = []
    for index in range(pdfium_c.FPDFPage_CountObjects(page)):
        obj = pdfium_c.FPDFPage_GetObject(page, index)
        if pdfium_c.FPDFPageObj_GetType(obj) != _PATH:
            continue
        bounds = _object_bounds(obj)
        if bounds is None:
            continue
        left, bottom, right, top = bounds
        w, h = right - left, top - bottom
        if w < _THIN and h < _THIN:
            continue
        thin = w < _THIN or h < _THIN
        segments = [(left, bottom, right, top)] if thin else _path_segments(obj)
        for sl, sb, sr, st in segments:
            x0, y0, x1, y1 = _to_frame(frame, sl, sb, sr, st)
            x0, x1, y0, y1 = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
            if x1 - x0 < _THIN and y1 - y0 >= _THIN:
                rules.append(((x0 + x1) / 2, y0, y1))
            elif y1 - y0 < _THIN and x1 - x0 >= _THIN:
                hrules.append(((y0 + y1) / 2, x0, x1))
    rules.sort()
    hrules.sort()
    return rules, hrules


def _path_segments(obj) -> list[tuple[float, float, float, float]]:
    """Straight segments of a path as boxes (left, bottom, right, top) in page space."""
    n = pdfium_c.FPDFPath_CountSegments(obj)
    if n <= 0 or n > _MAX_SEGMENTS:
        return []
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        m.a, m.b, m.c, m.d, m.e, m.f = 1, 0, 0, 1, 0, 0
    x, y = ctypes.c_float(), ctypes.c_float()
    out = []
    start = prev = None
    for i in range(n):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        pdfium_c.FPDFPathSegment_GetPoint(seg, x, y)
        point = (m.a * x.value + m.c * y.value + m.e, m.b * x.value + m.d * y.value + m.f)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO and prev is not None:
            out.append(_seg_box(prev, point))
        if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
            out.append(_seg_box(point, start))
        prev = point
    return out


def _seg_box(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float, float, float]:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))


def _textless_page(page, area: float) -> tuple[float, int]:
    """For a page without text: the share of it under images (a scan is one page-sized image) and
    the number of paths complex enough to be glyph outlines (text converted to curves)."""
    covered = 0.0
    outlines = 0
    for index in range(pdfium_c.FPDFPage_CountObjects(page)):
        obj = pdfium_c.FPDFPage_GetObject(page, index)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == _IMAGE:
            bounds = _object_bounds(obj)
            if bounds:
                covered += max(0.0, bounds[2] - bounds[0]) * max(0.0, bounds[3] - bounds[1])
        elif kind == _PATH and pdfium_c.FPDFPath_CountSegments(obj) >= _OUTLINE_SEGMENTS:
            outlines += 1
    return (min(1.0, covered / area) if area > 0 else 0.0), outlines
