"""PDF reader: real disclosures (../shared), synthetic PDFs with known geometry, and broken files."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tests.conftest import SHARED, shared_path
from tests.fixtures.pdf.synth import SynthPage, borderless_table, pdf_bytes, ruled_table, wrapped_table
from yusuan.errors import UnreadableInput
from yusuan.layout import Layout, Line, Page
from yusuan.read import read_layout
from yusuan.read.pdf import read_pdf


def _cells(line: Line) -> list[str]:
    return [c.text for c in line.cells]


def _find(layout: Layout, first: str, *, page: int | None = None) -> Line:
    """The first line whose first cell is ``first`` (on ``page`` when given)."""
    for line in layout.lines():
        if line.cells and line.cells[0].text == first and (page is None or line.page == page):
            return line
    raise AssertionError(f"no line starting with {first!r}")


def _write(tmp_path: Path, name: str, pages: list[SynthPage], **kw) -> Path:
    path = tmp_path / name
    path.write_bytes(pdf_bytes(pages, **kw))
    return path


# --- real Shanghai disclosures -------------------------------------------------------------------

SHANGHAI_PAGES = {
    "shanghai_putuo_caizhengju_2025_bumen_yusuan.pdf": 24,
    "shanghai_putuo_wanlijiedao_2023_bumen_yusuan.pdf": 35,
    "shanghai_putuo_wanlijiedao_2024_bumen_yusuan.pdf": 33,
    "shanghai_putuo_wanlijiedao_2025_bumen_yusuan.pdf": 31,
}


@pytest.mark.parametrize("name", sorted(SHANGHAI_PAGES))
def test_shanghai_page_count_and_numbering(name: str) -> None:
    layout = read_pdf(shared_path("pdf", name))
    assert layout.format == "pdf" and layout.source == name and not layout.warnings
    assert [p.number for p in layout.pages] == list(range(1, SHANGHAI_PAGES[name] + 1))
    numbers = [line.number for line in layout.lines()]
    assert numbers == list(range(1, len(numbers) + 1))
    for page in layout.pages:
        assert (round(page.width), round(page.height)) in ((842, 595), (595, 842)) and page.rotation == 0
        for line in page.lines:
            assert line.page == page.number
            assert all(
                0 <= c.x0 < c.x1 <= page.width and 0 <= c.top < c.bottom <= page.height for c in line.cells
            )
            assert [c.x0 for c in line.cells] == sorted(c.x0 for c in line.cells)


def test_shanghai_summary_table_cells() -> None:
    layout = read_pdf(shared_path("pdf", "shanghai_putuo_wanlijiedao_2023_bumen_yusuan.pdf"))
    line = _find(layout, "一、财政拨款收入", page=10)
    assert _cells(line) == ["一、财政拨款收入", "164,978,640", "一、一般公共服务支出", "2,976,800"]
    label, amount = line.cells[0], line.cells[1]
    assert label.x1 < amount.x0 and label.top is not None and abs(label.top - amount.top) < 2
    assert _cells(_find(layout, "收入总计", page=10)) == [
        "收入总计",
        "164,978,640",
        "支出总计",
        "164,978,640",
    ]


def test_shanghai_split_code_columns_and_headers() -> None:
    layout = read_pdf(shared_path("pdf", "shanghai_putuo_wanlijiedao_2025_bumen_yusuan.pdf"))
    titles = [ln for ln in layout.lines() if ln.text == "2025年部门财务收支预算总表"]
    assert [ln.page for ln in titles] == [9]
    rows = [_cells(ln) for ln in layout.pages[9].lines]
    assert ["类", "款", "项", "", "", "", "", "", ""] in rows  # ruled boxes without text are empty cells
    assert ["201", "05", "07", "专项普查活动", "438,300", "438,300", "0", "0", "0"] in rows
    assert ["201", "05", "", "统计信息事务", "438,300", "438,300", "0", "0", "0"] in rows
    # a continuation page without a title: the rows are there in order, x-positions like page 10
    first = layout.pages[10].lines[0]
    assert _cells(first) == ["204", "", "", "公共安全支出", "2,878,025", "2,878,025", "0", "0", "0"]
    assert abs(first.cells[0].x0 - layout.pages[9].lines[-1].cells[0].x0) < 6


def test_shanghai_decimal_amounts_and_chinese_text() -> None:
    layout = read_pdf(shared_path("pdf", "shanghai_putuo_caizhengju_2025_bumen_yusuan.pdf"))
    line = _find(layout, "201", page=12)
    rows = [_cells(ln) for ln in layout.pages[11].lines]
    assert ["201", "06", "01", "行政运行", "16,231,840.80", "16,093,326.00", "138,514.80"] in rows
    assert line.top is not None and line.bottom is not None and line.top < line.bottom
    assert "上海市普陀区财政局" in layout.text


def test_shanghai_three_public_blanks_keep_their_columns() -> None:
    layout = read_pdf(shared_path("pdf", "shanghai_putuo_caizhengju_2025_bumen_yusuan.pdf"))
    header = _find(layout, "合计", page=21)
    assert _cells(header)[:3] == ["合计", "因公出国(境)费", "公务接待费"]
    values = _find(layout, "0.95", page=21)
    assert _cells(values) == ["0.95", "", "0.95", "", "", "", "229.43"]
    assert [round(c.x0) for c in values.cells[:2]] == [141, 167]


def _wild() -> list[str]:
    folder = SHARED / "pdf" / "wild"
    return sorted(p.name for p in folder.glob("*.pdf")) or ["(absent)"]


@pytest.mark.parametrize("name", _wild())
def test_wild_pdfs_read_without_error(name: str) -> None:
    path = shared_path("pdf", "wild", name)
    layout = read_layout(path)
    pdf = pdfium.PdfDocument(str(path))
    try:
        assert len(layout.pages) == len(pdf)
    finally:
        pdf.close()
    lines = list(layout.lines())
    assert len(lines) > 10 * len(layout.pages) // 2
    assert "预算" in layout.text
    assert not any("garbled" in w for w in layout.warnings)


def test_wild_guangzhou_bracketed_codes() -> None:
    layout = read_pdf(shared_path("pdf", "wild", "广州市信访局_2026_部门预算.pdf"))
    rows = [_cells(ln) for ln in layout.lines()]
    assert ["[2014001]行政运行", "1,859.41", "1,831.41", "28.00"] in rows
    assert ["合计", "3,944.08", "3,204.78", "739.30"] in rows


# --- synthetic PDFs --------------------------------------------------------------------------------


def test_ruled_table_splits_on_rules(tmp_path: Path) -> None:
    layout = read_pdf(_write(tmp_path, "ruled.pdf", ruled_table()))
    assert len(layout.pages) == 1 and (layout.pages[0].width, layout.pages[0].height) == (842, 595)
    first = _find(layout, "一、财政拨款收入")
    # the amount ends ~1.4 pt before the rule and the next label starts 3 pt after it: only the rule splits them
    assert _cells(first) == ["一、财政拨款收入", "164,978,640", "一、一般公共服务支出", "3,296,600"]
    assert first.cells[1].x1 < 300 < first.cells[2].x0
    assert _cells(_find(layout, "二、事业收入")) == ["二、事业收入", "", "二、公共安全支出", "2,878,025"]
    blank = _find(layout, "二、事业收入").cells[1]
    assert (blank.x0, blank.x1) == (240, 300)  # the empty cell is the ruled box
    assert _cells(_find(layout, "编制部门：测试部门")) == ["编制部门：测试部门", "单位：元"]
    title = _find(layout, "2025年部门财务收支预算总表")
    assert title.number == 1 and title.top is not None and title.top < first.top


def test_borderless_table_two_pages(tmp_path: Path) -> None:
    layout = read_pdf(_write(tmp_path, "borderless.pdf", borderless_table()))
    assert [p.number for p in layout.pages] == [1, 2]
    for page in layout.pages:
        rows = [_cells(ln) for ln in page.lines]
        assert ["类", "款", "项", "科目名称", "合计"] in rows
        assert ["201", "05", "07", "专项普查活动", "438,300"] in rows
        assert ["201", "一般公共服务支出", "3,296,600"] in rows
    assert _cells(layout.pages[1].lines[0]) == ["2025年部门支出预算总表（续）"]
    assert [ln.number for ln in layout.lines()] == list(range(1, 11))
    code = _find(layout, "201", page=2).cells[0]
    assert code.bbox is not None and abs(code.x0 - 40) < 1 and abs(code.bottom - (842 - 750)) < 4


def test_wrapped_cells_and_two_row_header(tmp_path: Path) -> None:
    layout = read_pdf(_write(tmp_path, "wrapped.pdf", wrapped_table()))
    rows = [_cells(ln) for ln in layout.lines()]
    assert rows[0] == ["支出总表"]
    assert [t for t in rows[1] if t] == [
        "科目编码",
        "科目名称",
        "支出预算",
    ]  # boxes starting at the table top
    assert rows[2] == ["", "", "基本支出", "项目支出"]  # under the two boxes spanning both header rows
    assert rows[3] == ["2080505", "机关事业单位基本养老保险缴费支出", "298.72", ""]
    assert rows[4] == ["2080506", "机关事业单位职业年金缴费支出", "143.37", "0.00"]
    name = layout.pages[0].lines[3].cells[1]
    assert (
        name.top is not None and name.bottom is not None and name.bottom - name.top > 12
    )  # spans both lines
    assert [ln.number for ln in layout.lines()] == [1, 2, 3, 4, 5]


def test_wild_wrapped_names_and_headers_are_one_cell() -> None:
    suzhou = read_pdf(shared_path("pdf", "wild", "苏州市审计局_2026_部门预算.pdf"))
    rows = [_cells(ln) for ln in suzhou.lines()]
    assert ["2080505", "机关事业单位基本养老保险缴费支出", "298.72", "298.72", "", "", "", ""] in rows
    header = [
        "科目编码",
        "科目名称",
        "合计",
        "基本支出",
        "项目支出",
        "事业单位经营支出",
        "上缴上级支出",
        "对附属单位补助支出",
    ]
    assert header in rows
    guangzhou = read_pdf(shared_path("pdf", "wild", "广州市信访局_2026_部门预算.pdf"))
    second = [[t for t in _cells(ln) if t] for ln in guangzhou.pages[6].lines]
    assert [
        "一般公共预算",
        "政府性基金预算",
        "国有资本经营预算",
        "教育收费",
        "其他专户收入拨款",
        "事业收入",
        "事业单位经营收入",
        "其他收入",
    ] in second


def test_spaces_inside_a_cell_are_kept(tmp_path: Path) -> None:
    page = SynthPage().text(50, 700, "Hello 世界 2025年").text(300, 700, "1,234.50")
    layout = read_pdf(_write(tmp_path, "spaces.pdf", [page]))
    assert _cells(layout.pages[0].lines[0]) == ["Hello 世界 2025年", "1,234.50"]


def test_rotated_page_uses_the_displayed_frame(tmp_path: Path) -> None:
    page = SynthPage(width=595, height=842, rotate=90)
    page.rotated_text(100, 100, "收入总计").rotated_text(100, 300, "1,000.00")
    layout = read_pdf(_write(tmp_path, "rotated.pdf", [page]))
    shown = layout.pages[0]
    assert (shown.width, shown.height, shown.rotation) == (842, 595, 90)
    assert [_cells(ln) for ln in shown.lines] == [["收入总计", "1,000.00"]]
    assert not layout.warnings


def test_sideways_text_is_read_upright_with_a_warning(tmp_path: Path) -> None:
    page = SynthPage().rotated_text(100, 100, "支出总计").rotated_text(100, 300, "2,000.00")
    layout = read_pdf(_write(tmp_path, "sideways.pdf", [page]))
    assert [_cells(ln) for ln in layout.pages[0].lines] == [["支出总计", "2,000.00"]]
    assert layout.warnings == ["page 1: text runs sideways on the page; read turned upright"]


# --- garbled text and scans: OCR ------------------------------------------------------------------


def _garbled_doc(tmp_path: Path) -> Path:
    good = SynthPage().text(50, 700, "收入总计").text(300, 700, "1,000.00")
    bad = (
        SynthPage()
        .text(50, 700, "支出总计 功能分类", font="garbled")
        .text(300, 700, "一般公共预算", font="garbled")
    )
    return _write(tmp_path, "garbled.pdf", [good, bad])


def _fake_ocr(monkeypatch: pytest.MonkeyPatch, calls: list) -> None:
    module = types.ModuleType("yusuan.read.ocr")

    def ocr_pdf_pages(path: Path, numbers: list[int]) -> list[Page]:
        calls.append((Path(path).name, list(numbers)))
        return [Page(number=n, lines=[Line([], n, 0, "")], ocr=True) for n in numbers]

    module.ocr_pdf_pages = ocr_pdf_pages  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "yusuan.read.ocr", module)


def test_garbled_page_goes_to_ocr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list = []
    _fake_ocr(monkeypatch, calls)
    layout = read_pdf(_garbled_doc(tmp_path))
    assert calls == [("garbled.pdf", [2])]
    assert layout.pages[1].ocr and not layout.pages[0].ocr
    assert any(
        w.startswith("page 2: text layer garbled") and w.endswith("sent to OCR") for w in layout.warnings
    )
    assert [ln.number for ln in layout.lines()] == [1, 2]


def test_garbled_page_without_ocr_is_left_out_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "yusuan.read.ocr", None)
    layout = read_pdf(_garbled_doc(tmp_path))
    assert _cells(layout.pages[0].lines[0]) == ["收入总计", "1,000.00"] and layout.pages[1].lines == []
    assert any("page 2: text layer garbled" in w and "install yusuan[ocr]" in w for w in layout.warnings)


def test_all_garbled_without_ocr_is_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "yusuan.read.ocr", None)
    page = SynthPage().text(50, 700, "一般公共预算支出功能分类", font="garbled")
    with pytest.raises(
        UnreadableInput,
        match=r"garbled\.pdf: PDF 没有可用的文字层.*no usable text layer; OCR is not available: install yusuan\[ocr\]",
    ):
        read_pdf(_write(tmp_path, "garbled.pdf", [page]))


def test_scan_without_ocr_is_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "yusuan.read.ocr", None)
    path = _write(tmp_path, "scan.pdf", [SynthPage().image(0, 0, 595, 842)] * 2)
    with pytest.raises(
        UnreadableInput,
        match=r"scan\.pdf: PDF 没有文字层，且未安装 OCR.* — the PDF has no text layer; OCR is not available: install yusuan\[ocr\]",
    ):
        read_layout(path)


def test_scan_with_ocr_reads_every_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list = []
    _fake_ocr(monkeypatch, calls)
    layout = read_pdf(_write(tmp_path, "scan.pdf", [SynthPage().image(0, 0, 595, 842)] * 2))
    assert calls == [("scan.pdf", [1, 2])] and all(p.ocr for p in layout.pages)
    assert "page 1: no text layer (scanned image), sent to OCR" in layout.warnings


def test_text_as_outlines_goes_to_ocr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list = []
    _fake_ocr(monkeypatch, calls)
    path = _write(tmp_path, "outlined.pdf", [SynthPage().text(50, 800, "说明"), SynthPage().outlines(300)])
    layout = read_pdf(path)
    assert calls == [("outlined.pdf", [2])]
    assert "page 2: no text layer (text drawn as outlines), sent to OCR" in layout.warnings
    few = read_pdf(
        _write(tmp_path, "drawing.pdf", [SynthPage().text(50, 800, "说明"), SynthPage().outlines(20)])
    )
    assert len(calls) == 1 and not few.warnings  # a drawing on a page without text is not text


def test_blank_page_is_not_a_scan(tmp_path: Path) -> None:
    layout = read_pdf(_write(tmp_path, "blank.pdf", [SynthPage().text(50, 700, "说明"), SynthPage()]))
    assert len(layout.pages) == 2 and layout.pages[1].lines == [] and not layout.warnings


# --- files that cannot be read --------------------------------------------------------------------


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = _write(tmp_path, "locked.pdf", ruled_table(), user_password="secret")
    doc = pdfium.PdfDocument(str(path), password="secret")  # the fixture really is encrypted, not just broken
    assert "财务收支" in doc[0].get_textpage().get_text_range()
    doc.close()
    with pytest.raises(UnreadableInput, match=r"locked\.pdf: PDF 设有密码保护.*password-protected") as err:
        read_layout(path)
    assert err.value.exit_code == 2


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.9])
def test_truncated_pdf(tmp_path: Path, keep: float) -> None:
    data = pdf_bytes(borderless_table())
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(UnreadableInput, match=r"cut\.pdf: PDF 文件不完整.* — the PDF is truncated"):
        read_layout(path)


def test_corrupt_pdf(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20 + b"\n%%EOF\n")
    with pytest.raises(UnreadableInput, match=r"broken\.pdf: PDF 已损坏.* — the PDF is damaged"):
        read_layout(path)


def test_trailing_garbage_is_only_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "tail.pdf"
    path.write_bytes(pdf_bytes(ruled_table()) + b"<html>" + b" " * 2000)
    layout = read_pdf(path)
    assert _find(layout, "收入总计") and any("%%EOF" in w for w in layout.warnings)


def test_concurrent_reads_in_threads(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    paths = [_write(tmp_path, f"t{i}.pdf", ruled_table() if i % 2 else borderless_table()) for i in range(8)]
    with ThreadPoolExecutor(4) as pool:
        layouts = list(pool.map(read_pdf, paths))
    assert [len(x.pages) for x in layouts] == [2, 1] * 4
    assert all(a.text == b.text for a, b in zip(layouts, layouts[2:], strict=False))


def test_wild_performance_list_one_row_per_project() -> None:
    layout = read_pdf(shared_path("pdf", "wild", "广州市生态环境局_2026_项目支出绩效目标表.pdf"))
    rows = [_cells(ln) for ln in layout.pages[0].lines]
    assert rows[3][:3] == ["合计：", "37,367.86", "35,790.09"]
    project = rows[5]
    assert project[:5] == ["广州市镇（街）园区环保监督检查员经费（越秀区）", "238.00", "238.00", "", ""]
    assert project[5].startswith("通过开展广州市建立镇（街）园区环境保护监督检查员队伍") and project[
        5
    ].endswith("。")
    assert project[6].startswith("1.1－产出指标") and "环保信访投诉办结率" in project[6]
