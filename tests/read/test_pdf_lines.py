"""Glyph boxes → lines → cells, on hand-placed glyphs (no PDF needed)."""

from __future__ import annotations

from yusuan.read.pdf_garble import is_bad_char, repair
from yusuan.read.pdf_glyphs import Glyph
from yusuan.read.pdf_lines import group_lines, page_lines, split_cells


def _run(text: str, x: float, top: float, width: float = 12.0, height: float = 12.0) -> list[Glyph]:
    """Glyphs of ``text`` set solid from ``x`` (each ``width`` wide)."""
    return [(x + i * width, top, x + (i + 1) * width, top + height, ch) for i, ch in enumerate(text)]


def _texts(glyphs: list[Glyph], rules=None) -> list[list[str]]:
    return [[c.text for c in cells] for cells, _, _ in page_lines(glyphs, rules)]


def test_lines_by_vertical_centre_in_reading_order() -> None:
    glyphs = (
        _run("二、事业收入", 60, 130)
        + _run("一、财政拨款收入", 60, 100)
        + _run("3,296,600", 400, 101, width=6)
    )
    assert _texts(glyphs) == [["一、财政拨款收入", "3,296,600"], ["二、事业收入"]]


def test_mixed_sizes_on_one_baseline_share_a_line() -> None:
    title = _run("2025年", 100, 94, width=18, height=18)
    small = _run("单位：元", 400, 100)
    assert _texts(title + small) == [["2025年", "单位：元"]]


def test_gap_splits_cjk_cells_but_not_spaced_words() -> None:
    assert _texts(_run("项目", 60, 100) + _run("预算数", 96, 100)) == [["项目", "预算数"]]
    words = [
        *_run("下属", 60, 100),
        (84.0, 100.0, 87.0, 112.0, " "),
        *_run("5", 88, 100, width=6),
        *_run("家", 95, 100),
    ]
    assert _texts(words) == [["下属 5家"]]


def test_split_code_columns() -> None:
    glyphs = _run("201", 66, 100, width=6) + _run("05", 103, 100, width=6) + _run("07", 137, 100, width=6)
    glyphs += _run("专项普查活动", 162, 100) + _run("438,300", 400, 100, width=6)
    assert _texts(glyphs) == [["201", "05", "07", "专项普查活动", "438,300"]]


def test_rule_splits_touching_cells_and_is_read_only_when_needed() -> None:
    glyphs = _run("164,978,640", 232, 100, width=6) + _run("一、支出", 302, 100)
    assert _texts(glyphs) == [["164,978,640一、支出"]]
    asked = []

    def rules():
        asked.append(1)
        return [(300.0, 90.0, 120.0), (500.0, 0.0, 50.0)]

    assert _texts(glyphs, rules) == [["164,978,640", "一、支出"]]
    assert asked
    asked.clear()
    assert _texts(_run("财政拨款收入支出增加", 60, 100), rules) == [["财政拨款收入支出增加"]]
    assert asked == []  # narrative (one cell per line, set solid) needs no rules


def test_blank_ruled_boxes_become_empty_cells() -> None:
    rules = [(x, 90.0, 130.0) for x in (50.0, 150.0, 250.0, 350.0, 450.0)]
    glyphs = _run("收入总计", 60, 100) + _run("1,000", 380, 100, width=6)
    lines = page_lines(glyphs, lambda: rules)
    cells = lines[0][0]
    assert [c.text for c in cells] == ["收入总计", "", "", "1,000"]
    assert [(c.x0, c.x1, c.top, c.bottom) for c in cells[1:3]] == [(150, 250, 100, 112), (250, 350, 100, 112)]
    # a line outside the ruled area is left alone
    assert _texts(_run("注：无。", 60, 200) + _run("第1页", 400, 200), lambda: rules) == [
        ["注：无。", "第1页"]
    ]


def test_rule_outside_the_line_does_not_split() -> None:
    glyphs = _run("164,978,640", 232, 100, width=6) + _run("一、支出", 302, 100)
    assert _texts(glyphs, lambda: [(300.0, 0.0, 50.0)]) == [["164,978,640一、支出"]]


def test_size_jump_across_a_gap_splits() -> None:
    glyphs = _run("1,425.40", 130, 98, width=6.9, height=10) + _run(
        "本年支出合计", 187.2, 102, width=5.5, height=5
    )
    assert _texts(glyphs) == [["1,425.40", "本年支出合计"]]


def test_digits_apart_are_two_cells() -> None:
    glyphs = _run("953.08", 447.1, 100, width=6.9, height=10) + _run(
        "30201", 490.5, 100, width=6.9, height=10
    )
    assert _texts(glyphs) == [["953.08", "30201"]]
    assert _texts(_run("2025", 60, 100, width=6) + _run("年", 84.5, 100)) == [["2025年"]]
    amount = _run("1086.91", 349.2, 93.5, width=5.9, height=9.2)
    label = _run("本年支出合计", 392.7, 91.9, width=10, height=9.3)
    assert _texts(amount + label) == [["1086.91", "本年支出合计"]]  # 2 pt apart, baselines 1.5 pt apart
    assert _texts(
        _run("1086.91", 349.2, 93.5, width=5.9, height=9.2) + _run("万元", 392.7, 93.5, height=9.2)
    ) == [["1086.91万元"]]


def test_fake_bold_duplicates_are_dropped() -> None:
    glyphs = _run("合计", 60, 100) + _run("合计", 60.4, 100)
    assert _texts(glyphs) == [["合计"]]
    dash = [(127.61, 342.46, 133.42, 345.12, "—")] * 2  # "——" drawn as one long glyph
    assert _texts(_run("经费", 121.8, 342.46, width=2.9, height=2.66)[:2] + dash) == [["经费——"]]


def test_cell_geometry() -> None:
    cells, top, bottom = split_cells(
        sorted(_run("合计", 60, 100) + _run("1,000", 300, 101, width=6), key=lambda g: g[0])
    )
    assert [(c.x0, c.x1, c.top, c.bottom) for c in cells] == [(60, 84, 100, 112), (300, 330, 101, 113)]
    assert (top, bottom) == (100, 113)


def test_empty_page() -> None:
    assert group_lines([]) == [] and page_lines([]) == []


def test_bad_chars_and_radical_repair() -> None:
    assert is_bad_char("\ufffd") and is_bad_char("\ue000") and not is_bad_char("预")
    assert repair("⽣态环境局") == "生态环境局" and repair("1,000") == "1,000"


def test_an_amount_beside_the_next_columns_text_is_its_own_cell() -> None:
    """广州 表12: 其他资金 '0.00' ends 1.7 pt before the 绩效目标 text of the next column on the
    same baseline; a unit after an amount ('7085.77元') stays with it."""
    amount = _run("0.00", 528.5, 350.6, width=4.8, height=7.0)
    text = _run("保信息化", 549.2, 349.5, width=9.9, height=9.3)
    assert _texts(amount + text) == [["0.00", "保信息化"]]
    assert _texts(_run("7085.77", 100, 100, width=5, height=9) + _run("元", 136.7, 100, height=9)) == [["7085.77元"]]
    assert _texts(_run("2025", 60, 100, width=6, height=9) + _run("年度", 85.7, 100, height=9)) == [["2025年度"]]


def test_a_figure_ending_at_its_rule_is_cut_from_text_just_past_it() -> None:
    """广州 交通 表12: '0.00' ends at the 其他资金 rule (548) and the 绩效目标 text '2.信访件…' starts
    0.8 pt after it, closer than any gap rule; the rule between them cuts."""
    glyphs = _run("0.00", 528.0, 292.2, width=5.0, height=9.9) + _run("2.信访", 548.8, 292.2, width=5.0, height=9.9)
    assert _texts(glyphs) == [["0.002.信访"]]
    assert _texts(glyphs, lambda: [(548.4, 280.0, 310.0)]) == [["0.00", "2.信访"]]
