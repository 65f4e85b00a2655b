"""Excel reader: the seed workbooks give the text's lines and cells; merged cells, hidden rows,
number formats, several sheets, .xls, and encrypted or damaged workbooks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, SEEDS
from yusuan.cli.app import main
from yusuan.errors import UnreadableInput
from yusuan.layout import Layout
from yusuan.read import read_layout
from yusuan.read.excel import format_number, read_excel
from yusuan.read.excel_xls import ole_stream, xls_meta
from yusuan.read.text import read_text

DATA = ROOT / "tests" / "data"


def _data(name: str) -> Path:
    path = DATA / name
    if not path.exists():
        pytest.skip(f"{path} is absent (run tests/data/make_test_documents.py)")
    return path


def _rows(layout: Layout) -> list[list[str]]:
    """Non-empty cell texts of every non-blank line."""
    rows = [[c.text for c in line.cells if c.text] for line in layout.lines()]
    return [r for r in rows if r]


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_workbook_has_the_text_lines_and_cells(seed: str) -> None:
    excel = read_excel(_data(Path(seed).with_suffix(".xlsx").name))
    text = read_text(EXAMPLES / seed)
    assert excel.format == "xlsx"
    assert _rows(excel) == _rows(text)


def _positional(layout: Layout) -> list[list[str]]:
    """Every cell text of every non-blank line, trailing empty cells dropped."""
    out = []
    for line in layout.lines():
        texts = [c.text for c in line.cells]
        while texts and not texts[-1]:
            texts.pop()
        if texts:
            out.append(texts)
    return out


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_workbook_keeps_empty_cells_where_the_text_has_empty_fields(seed: str) -> None:
    """Cells stay column-aligned like a tab-separated line: cells[i] is column i."""
    excel = read_excel(_data(Path(seed).with_suffix(".xlsx").name))
    assert _positional(excel) == _positional(read_text(EXAMPLES / seed))
    assert all(c.x0 == i for line in excel.lines() for i, c in enumerate(line.cells))


def test_seed_xls_has_the_text_lines_and_cells() -> None:
    """LibreOffice's .xls of the seed workbook: formats come from the BIFF records, so 4.00 stays 4.00."""
    seed = SEEDS[0]
    excel = read_layout(_data(Path(seed).with_suffix(".xls").name))
    text = read_text(EXAMPLES / seed)
    assert excel.format == "xls"
    assert _positional(excel) == _positional(text)
    assert not any("xls" in w for w in excel.warnings)


def test_xls_and_xlsx_of_the_same_workbook_read_alike() -> None:
    xls, xlsx = read_excel(_data("features.xls")), read_excel(_data("features.xlsx"))
    assert [[(ln.number, [(c.text, c.x0, c.x1) for c in ln.cells]) for ln in p.lines] for p in xls.pages] == [
        [(ln.number, [(c.text, c.x0, c.x1) for c in ln.cells]) for ln in p.lines] for p in xlsx.pages
    ]


def test_ole_streams_small_and_large_are_found() -> None:
    data = _data("features.xls").read_bytes()
    workbook = ole_stream(data, "Workbook")
    assert workbook is not None and workbook[:2] == b"\x09\x08"  # BIFF8 BOF record
    summary = ole_stream(data, "\x05SummaryInformation")  # under 4096 bytes: in the mini stream
    assert summary is not None and summary[:2] == b"\xfe\xff"
    assert ole_stream(data, "NoSuchStream") is None


def test_xls_meta_of_a_broken_file_is_empty() -> None:
    data = bytearray(_data("features.xls").read_bytes())
    data[0x30:0x34] = b"\xff\xff\xff\x7f"  # the directory's first sector, far out of range
    assert xls_meta(bytes(data), {}) == {}
    assert xls_meta(b"\xd0\xcf\x11\xe0" + b"\0" * 100, {}) == {}


def test_line_numbers_are_sheet_rows_and_x_is_the_column() -> None:
    layout = read_excel(_data("features.xlsx"))
    line = next(ln for ln in layout.pages[0].lines if ln.cells[0].text == "项目")
    assert line.number == 4
    assert [(c.x0, c.x1) for c in line.cells] == [(0, 1), (1, 2), (2, 3), (3, 4)]
    assert line.raw == "项目 预算数 项目 预算数"  # no gaps: like printed text
    unit = layout.pages[0].lines[1]
    assert unit.raw == "\t\t\t单位：万元"  # gaps: tab-separated, so positions place values


def test_merged_cells_span_their_columns() -> None:
    lines = read_excel(_data("features.xlsx")).pages[0].lines
    title, unit, header = lines[0], lines[1], lines[2]
    assert [(c.text, c.x0, c.x1) for c in title.cells] == [("收支预算总表", 0, 4)]
    assert [(c.text, c.x0, c.x1) for c in unit.cells] == [("", 0, 1), ("", 1, 2), ("", 2, 3), ("单位：万元", 3, 4)]
    assert [(c.text, c.x0, c.x1) for c in header.cells] == [("收入", 0, 2), ("", 1, 2), ("支出", 2, 4)]
    note = lines[-1]
    assert [(c.text, c.x0, c.x1) for c in note.cells] == [("注：本表为空表时保留说明。", 0, 4)]


def test_numbers_print_as_their_format_and_text_stays_text() -> None:
    lines = {ln.cells[0].text: [c.text for c in ln.cells] for ln in read_excel(_data("features.xlsx")).pages[0].lines}
    assert lines["一、一般公共预算拨款收入"][1:] == ["1,425.40", "一、社会保障和就业支出", "1425.40"]
    assert lines["二、政府性基金预算拨款收入"][1] == "1,425.40"  # a number stored as text
    assert lines["二、政府性基金预算拨款收入"][3] == "0.3"  # 0.1 + 0.2 under General
    assert lines["三、其他收入"][1:] == ["-12.50", "三、节能环保支出", "-"]  # accounting zero
    assert lines["完成率"][1:] == ["96.07%", "科目编码", "2010101"]
    assert lines["大额"][1:] == ["1,234,567.89", "整数金额", "15"]


def test_hidden_rows_and_sheets_are_skipped_and_empty_rows_give_no_line() -> None:
    layout = read_excel(_data("features.xlsx"))
    texts = [c.text for line in layout.lines() for c in line.cells]
    assert "隐藏行" not in texts
    assert "隐藏的工作表" not in texts
    assert any("hidden sheet" in w for w in layout.warnings)
    numbers = [line.number for line in layout.pages[0].lines]
    assert 7 not in numbers and 11 not in numbers


def test_every_visible_sheet_is_a_page_in_order() -> None:
    layout = read_excel(_data("features.xlsx"))
    assert [p.number for p in layout.pages] == [1, 2, 3, 4]
    assert [c.text for c in layout.pages[1].lines[2].cells] == ["20801", "人力资源和社会保障管理事务", "12.00"]
    assert layout.pages[3].lines == []  # the empty sheet
    assert all(line.page == page.number for page in layout.pages for line in page.lines)


def test_hidden_columns_are_skipped_and_x_keeps_the_sheet_column() -> None:
    row = read_excel(_data("features.xlsx")).pages[1].lines[1]
    assert [(c.text, c.x0) for c in row.cells] == [("208", 0), ("社会保障和就业支出", 1), ("1425.40", 2), ("备注", 4)]
    assert "隐藏列" not in [c.text for c in read_excel(_data("features.xlsx")).pages[1].lines[0].cells]


def test_a_sheet_starting_at_b3_keeps_its_columns_and_rows() -> None:
    page = read_excel(_data("features.xlsx")).pages[2]
    lines = page.lines
    assert [(ln.number - page.line_offset, [(c.text, c.x0) for c in ln.cells]) for ln in lines] == [
        (3, [("科目名称", 1), ("金额", 2)]),
        (4, [("合计", 1), ("3.50", 2)]),
    ]


def test_xls_reads_merged_cells_formats_and_hidden_rows() -> None:
    layout = read_layout(_data("features.xls"))
    assert layout.format == "xls"
    first = layout.pages[0].lines[0]
    assert [(c.text, c.x0, c.x1) for c in first.cells] == [("收支预算总表", 0, 4)]
    assert "隐藏行" not in [c.text for line in layout.lines() for c in line.cells]
    sheet2 = [[c.text for c in line.cells] for line in layout.pages[1].lines]
    assert sheet2[1] == ["208", "社会保障和就业支出", "1425.40", "备注"]
    assert sheet2[2] == ["20801", "人力资源和社会保障管理事务", "12.00"]


@pytest.mark.parametrize(
    ("name", "reason"),
    [("encrypted.xlsx", "password-protected"), ("corrupt.xlsx", "damaged")],
)
def test_encrypted_and_damaged_workbooks_are_unreadable(name: str, reason: str) -> None:
    with pytest.raises(UnreadableInput, match=reason) as err:
        read_excel(_data(name))
    assert err.value.exit_code == 2
    with pytest.raises(UnreadableInput, match=reason):
        read_layout(_data(name))


def test_password_protected_workbook_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", str(_data("encrypted.xlsx"))]) == 2
    assert "password-protected" in capsys.readouterr().err


def test_not_a_workbook_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_text("收支预算总表", "utf-8")
    with pytest.raises(UnreadableInput, match="not an Excel workbook"):
        read_excel(path)


def test_an_ole2_file_that_is_not_a_workbook_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "report.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le") + b"\0" * 512)
    with pytest.raises(UnreadableInput, match="not an Excel workbook"):
        read_layout(path)


@pytest.mark.parametrize(
    ("value", "fmt", "shown"),
    [
        (1425.4, "#,##0.00", "1,425.40"),
        (1425.3999999999999, "0.00", "1425.40"),
        (0.1 + 0.2, None, "0.3"),
        (0.1 + 0.2, "General", "0.3"),
        (2.675, "0.00", "2.68"),  # half away from zero on the 15-digit value, not the binary float
        (-12.5, "#,##0.00;[Red]-#,##0.00", "-12.50"),
        (-5, "0.00", "-5.00"),
        (-5, "(0.00)", "(5.00)"),
        (0, '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ', "-"),
        (-3.2, '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ', "-3.20"),
        (0.9607, "0.00%", "96.07%"),
        (2010101.0, "General", "2010101"),
        (15.0, "0", "15"),
        (1.5, "0.0#", "1.5"),
        (2.0, "0.0#", "2.0"),
        (12, '0"万元"', "12万元"),
        (44927.0, "yyyy-mm-dd", "44927"),
        (1e20, None, "100000000000000000000"),
    ],
)
def test_format_number(value: float, fmt: str | None, shown: str) -> None:
    assert format_number(value, fmt) == shown
