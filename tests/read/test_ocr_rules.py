"""Ruling lines found in page images (yusuan.read.ocr_rules) and OCR boxes fitted to them.

The images are drawn with Pillow the way the scan recipe makes them (a ruled table at 144 dpi,
turned 0.5°, noised, blurred, JPEG), so the expected rules are known exactly; no OCR engine is
needed."""

from __future__ import annotations

import io
import math

import numpy as np
import pylopdf_fonts_zh_cn
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from yusuan.read.ocr_lines import Box, Turn, fit_to_rules, lines_from_boxes, restore_yi
from yusuan.read.ocr_rules import find_rules, page_rules, skew, text_across

SCALE = 2.0  # pixels per point, as ocr_pdf_pages renders
WIDTH, HEIGHT = 842, 595  # an A4 landscape page in points
ROWS = [60.0 + 20.0 * k for k in range(16)]  # horizontal rules (y, points)
COLUMNS = [40.0, 110.0, 330.0, 480.0, 600.0, 720.0, 800.0]  # vertical rules (x, points)
HEADER_SPLIT = (540.0, ROWS[1], ROWS[3])  # a rule under a merged header cell: two rows tall
def _font(points: float) -> ImageFont.FreeTypeFont:
    """Noto Sans SC from the dev extra's font package: the same glyphs on every machine, whatever
    fonts the system has (a bitmap fallback without CJK glyphs would draw boxes that look like rules)."""
    return ImageFont.truetype(str(pylopdf_fonts_zh_cn.sans_path()), round(points * SCALE))


def _page() -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("L", (round(WIDTH * SCALE), round(HEIGHT * SCALE)), 255)
    return image, ImageDraw.Draw(image)


def _scanned(image: Image.Image, degrees: float, seed: int = 7) -> np.ndarray:
    """The scan recipe: turned about the centre, blurred, noised, JPEG quality 40."""
    turned = image.rotate(degrees, resample=Image.Resampling.BICUBIC, fillcolor=255)
    blurred = turned.filter(ImageFilter.GaussianBlur(0.8))
    rng = np.random.default_rng(seed)
    noisy = np.clip(np.asarray(blurred, dtype=float) + rng.normal(0, 12, blurred.size[::-1]), 0, 255)
    buffer = io.BytesIO()
    Image.fromarray(noisy.astype(np.uint8)).save(buffer, "JPEG", quality=40)
    return np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))


def _table(text: bool = True) -> Image.Image:
    image, draw = _page()
    s = SCALE
    for y in ROWS:
        draw.line([(COLUMNS[0] * s, y * s), (COLUMNS[-1] * s, y * s)], fill=0, width=2)
    for x in COLUMNS:
        draw.line([(x * s, ROWS[0] * s), (x * s, ROWS[-1] * s)], fill=0, width=2)
    x, top, bottom = HEADER_SPLIT
    draw.line([(x * s, top * s), (x * s, bottom * s)], fill=0, width=2)
    if text:
        font = _font(10)
        for k, y in enumerate(ROWS[:-1]):
            draw.text(((COLUMNS[0] + 3) * s, (y + 4) * s), f"2080{k:02d}", font=font, fill=0)
            draw.text(((COLUMNS[1] + 3) * s, (y + 4) * s), "机关事业单位基本养老保险缴费", font=font, fill=0)
            draw.text(((COLUMNS[3] + 3) * s, (y + 4) * s), f"{k * 37.5:,.2f}", font=font, fill=0)
    return image


def _found(degrees: float) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]], float]:
    """Rules of the drawn table after the scan recipe, in the page's points (turn undone)."""
    image = _scanned(_table(), degrees)
    ruling = find_rules(image, SCALE)
    angle = skew(ruling)
    assert angle is not None
    height, width = image.shape[:2]
    vertical, horizontal = page_rules(ruling, Turn(angle, width / 2, height / 2, SCALE))
    return vertical, horizontal, angle


@pytest.mark.parametrize("degrees", [0.0, 0.5, -0.45])
def test_the_rules_of_a_turned_noisy_table_are_found_within_a_point(degrees: float) -> None:
    vertical, horizontal, angle = _found(degrees)
    # PIL turns counter-clockwise on screen: horizontal rules then rise to the right (dy/dx < 0)
    assert angle == pytest.approx(-math.radians(degrees), abs=math.radians(0.05))
    assert len(horizontal) == len(ROWS)
    for (y, x0, x1), want in zip(horizontal, ROWS, strict=True):
        assert y == pytest.approx(want, abs=1.0)
        assert x0 == pytest.approx(COLUMNS[0], abs=2.0) and x1 == pytest.approx(COLUMNS[-1], abs=2.0)
    want_vertical = sorted([(x, ROWS[0], ROWS[-1]) for x in COLUMNS] + [HEADER_SPLIT])
    assert len(vertical) == len(want_vertical)
    for (x, top, bottom), (wx, wtop, wbottom) in zip(vertical, want_vertical, strict=True):
        assert x == pytest.approx(wx, abs=1.0)
        assert top == pytest.approx(wtop, abs=2.0) and bottom == pytest.approx(wbottom, abs=2.0)


def test_a_page_of_plain_text_has_no_rules() -> None:
    image, draw = _page()
    font = _font(10.5)
    line = "根据预算法规定，现将本部门二〇二五年部门预算公开如下：一般公共预算拨款收入一千四百二十五万元。"
    for k in range(30):
        draw.text((60 * SCALE, (50 + 17 * k) * SCALE), line[k % 7 :], font=font, fill=0)
    ruling = find_rules(_scanned(image, 0.4), SCALE)
    assert ruling.horizontal == [] and ruling.vertical == []
    assert skew(ruling) is None


def test_a_blank_page_has_no_rules() -> None:
    image, _ = _page()
    ruling = find_rules(_scanned(image, 0.0), SCALE)
    assert (ruling.horizontal, ruling.vertical, skew(ruling)) == ([], [], None)


def test_rules_are_found_fast() -> None:
    """A page is a few tens of ms (numpy only); generous bound for a loaded test machine."""
    import time

    image = _scanned(_table(), 0.3)
    find_rules(image, SCALE)
    start = time.perf_counter()
    find_rules(image, SCALE)
    assert time.perf_counter() - start < 0.5


# Boxes fitted to rules: pure geometry on the cells' frame (points).
V = [(40.0, 60.0, 120.0), (110.0, 60.0, 120.0), (330.0, 60.0, 120.0), (480.0, 60.0, 120.0)]
H = [(60.0, 40.0, 480.0), (80.0, 40.0, 480.0), (100.0, 40.0, 480.0), (120.0, 40.0, 480.0)]


def test_a_box_reaching_over_its_rule_is_trimmed_to_it() -> None:
    (box,) = fit_to_rules([Box(105.0, 64.0, 200.0, 77.0, "一、社会保障和就业支出", 0.9)], V, H)
    assert (box.x0, box.x1, box.text) == (110.75, 200.0, "一、社会保障和就业支出")


def test_a_box_across_a_rule_is_cut_there() -> None:
    # '老干部服务工作经费预算' (22 widths) ends at the rule x = 330, '2.38' (4) after it
    box = Box(220.0, 64.0, 220.0 + 26 * 5.0, 77.0, "老干部服务工作经费预算2.38", 0.8)
    left, right = fit_to_rules([box], V, H)
    assert (left.text, left.x1, right.text, right.x0) == ("老干部服务工作经费预算", 329.25, "2.38", 330.75)


def test_a_rule_ending_inside_a_box_does_not_cut_it() -> None:
    """A stroke of a large title glyph, or a rule that stops short of the text, is no border."""
    stroke = [(300.0, 20.0, 36.0)]
    box = Box(250.0, 18.0, 400.0, 38.0, "部门预算公开说明", 0.95)
    assert fit_to_rules([box], stroke, []) == [box]


def test_wrapped_text_in_a_ruled_box_is_one_cell_and_blank_boxes_are_empty_cells() -> None:
    boxes = [
        Box(42.0, 63.0, 80.0, 76.0, "2080505", 0.99),
        Box(112.0, 62.0, 320.0, 70.0, "机关事业单位基本养老保险缴", 0.97),
        Box(112.0, 71.0, 140.0, 78.0, "费支出", 0.9),
        Box(440.0, 63.0, 478.0, 76.0, "96.70", 0.98),
        Box(42.0, 83.0, 80.0, 96.0, "2080506", 0.99),
        Box(112.0, 83.0, 300.0, 96.0, "机关事业单位职业年金缴费支出", 0.96),
    ]
    lines = lines_from_boxes(boxes, page=1, vrules=V, hrules=H, width=842.0)
    assert [[c.text for c in line.cells] for line in lines] == [
        ["2080505", "机关事业单位基本养老保险缴费支出", "96.70"],
        ["2080506", "机关事业单位职业年金缴费支出", ""],
    ]
    joined = lines[0].cells[1]
    assert joined.ocr and joined.confidence == 0.9  # the lowest of its pieces
    blank = lines[1].cells[2]
    assert blank.ocr and blank.confidence is None and blank.x0 == 330.0
    assert [line.number for line in lines] == [1, 2]


def test_without_rules_lines_are_as_before() -> None:
    boxes = [Box(42.0, 63.0, 80.0, 76.0, "合计", 0.99), Box(440.0, 63.0, 478.0, 76.0, "96.70", 0.98)]
    assert [c.text for c in lines_from_boxes(boxes, page=1)[0].cells] == ["合计", "96.70"]


def test_glyphs_stacked_down_a_column_of_rows_are_no_rule() -> None:
    """The same name on every row of a tight table stacks its vertical strokes, which blur into
    runs longer than a glyph; they do not end on the row rules, so they are no cell border."""
    image, draw = _page()
    s, font = SCALE, _font(10)
    rows = [100.0 + 14.0 * k for k in range(12)]
    for y in rows:
        draw.line([(40 * s, y * s), (500 * s, y * s)], fill=0, width=2)
    for x in (40.0, 500.0):
        draw.line([(x * s, rows[0] * s), (x * s, rows[-1] * s)], fill=0, width=2)
    for y in rows[:-1]:
        draw.text((45 * s, (y + 0.5) * s), "其他科学技术支出　行政事业单位医疗", font=font, fill=0)
    ruling = find_rules(_scanned(image, 0.3), SCALE)
    height, width = image.size[1], image.size[0]
    vertical, horizontal = page_rules(ruling, Turn(skew(ruling) or 0.0, width / 2, height / 2, SCALE))
    assert [x for x, _, _ in vertical] == [pytest.approx(40, abs=1), pytest.approx(500, abs=1)]
    assert len(horizontal) == len(rows)


def test_a_lost_yi_is_put_back_before_ban() -> None:
    assert restore_yi("般公共预算基本支出") == "一般公共预算基本支出"
    assert restore_yi("般行政管理事务") == "一般行政管理事务"
    assert restore_yi("一般公共预算") == "一般公共预算"
    assert restore_yi("万般") == "万般"
    (line,) = lines_from_boxes([Box(10.0, 10.0, 120.0, 22.0, "般公共预算拨款收入", 0.9)], page=1)
    assert line.cells[0].text == "一般公共预算拨款收入"


def test_turn_undo_inverts_apply() -> None:
    turn = Turn(math.radians(0.4), 800.0, 600.0, SCALE)
    x, y = turn.apply(1234.0, 321.0)
    assert turn.undo(x, y) == (pytest.approx(1234.0), pytest.approx(321.0))


def test_text_printed_over_a_rule_is_not_cut_but_two_cells_are() -> None:
    """A title overflowing into the blank cell beside it runs over that cell's border; an amount
    and the next cell's text, read as one box, leave a gap at the rule and are cut there."""
    image, draw = _page()
    s, font = SCALE, _font(10)
    rows, columns = [100.0, 120.0, 140.0], [40.0, 200.0, 400.0]
    for y in rows:
        draw.line([(columns[0] * s, y * s), (columns[-1] * s, y * s)], fill=0, width=2)
    for x in columns:
        draw.line([(x * s, rows[0] * s), (x * s, rows[-1] * s)], fill=0, width=2)
    title = "部门：辽宁省工业和信息化厅"
    # 13 glyphs of 10 pt from x = 125: the rule at x = 200 runs through '业'
    draw.text((125 * s, 104 * s), title, font=font, fill=0)
    width = draw.textlength("1,297.53", font=font) / s
    draw.text(((198 - width) * s, 124 * s), "1,297.53", font=font, fill=0)
    draw.text((202 * s, 124 * s), "咨询费", font=font, fill=0)
    scanned = _scanned(image, 0.0)
    ruling = find_rules(scanned, SCALE)
    height, width_px = scanned.shape[:2]
    turn = Turn(skew(ruling) or 0.0, width_px / 2, height / 2, SCALE)
    vrules, hrules = page_rules(ruling, turn)
    across = text_across(ruling, turn)
    boxes = [
        Box(124.0, 103.0, 257.0, 116.5, title, 0.9),
        Box(198.0 - width - 1, 123.0, 233.0, 136.5, "1,297.53咨询费", 0.9),
    ]
    fitted = fit_to_rules(boxes, vrules, hrules, across)
    assert [b.text for b in fitted] == [title, "1,297.53", "咨询费"]
    assert across(200.0, 104.0, 115.0)
    assert not across(200.0, 124.0, 135.0)


def test_a_dash_before_a_cut_enumeration_comma_is_the_numeral_one() -> None:
    """'1076.91—、一般公共服务支出' across the rule at x = 330: the '一' of '一、' read as a dash."""
    box = Box(280.0, 64.0, 280.0 + 31 * 4.0, 77.0, "1076.91—、一般公共服务支出", 0.9)
    left, right = fit_to_rules([box], V, H)
    assert (left.text, right.text) == ("1076.91", "一、一般公共服务支出")
