"""Word reader: paragraphs split like text lines, table rows at their grid columns (merged cells
across and down), explicit page breaks, hidden and deleted text left out, damaged files refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from yusuan.cli.app import main
from yusuan.errors import UnreadableInput
from yusuan.read import read_layout, sniff
from yusuan.read.docx import read_docx


def _cells(line) -> list[tuple[str, float, float]]:
    return [(c.text, c.x0, c.x1) for c in line.cells]


def _document(path: Path) -> Path:
    d = docx.Document()
    d.add_paragraph("沈阳市工业和信息化局 2024 年部门预算")
    d.add_paragraph("单位：万元")
    table = d.add_table(rows=3, cols=4)
    table.cell(0, 0).text = "项目"
    table.cell(0, 0).merge(table.cell(1, 0))  # 项目 down two header rows
    table.cell(0, 1).text = "基本支出"
    table.cell(0, 1).merge(table.cell(0, 2))  # 基本支出 across 人员经费 | 公用经费
    table.cell(0, 3).text = "项目支出"
    table.cell(1, 1).text = "人员经费"
    table.cell(1, 2).text = "公用经费"
    for j, text in enumerate(["合计", "1,425.40", "", "22.30"]):
        table.cell(2, j).text = text
    p = d.add_paragraph("第一页最后一行")
    p.add_run().add_break(WD_BREAK.PAGE)
    p.add_run("第二页")
    hidden = d.add_paragraph("看得见").add_run("看不见")
    rpr = hidden._r.get_or_add_rPr()
    rpr.append(OxmlElement("w:vanish"))
    d.add_paragraph("收入\t支出")
    d.save(path)
    return path


def test_paragraphs_tables_merges_and_page_breaks(tmp_path: Path) -> None:
    layout = read_docx(_document(tmp_path / "a.docx"))
    assert layout.format == "docx"
    assert [p.number for p in layout.pages] == [1, 2]
    first = layout.pages[0].lines
    assert [c.text for c in first[0].cells] == ["沈阳市工业和信息化局", "2024", "年部门预算"]
    assert _cells(first[2]) == [("项目", 0, 1), ("基本支出", 1, 3), ("", 2, 3), ("项目支出", 3, 4)]
    assert _cells(first[3]) == [("", 0, 1), ("人员经费", 1, 2), ("公用经费", 2, 3)]
    assert _cells(first[4]) == [("合计", 0, 1), ("1,425.40", 1, 2), ("", 2, 3), ("22.30", 3, 4)]
    assert first[4].raw == "合计\t1,425.40\t\t22.30"
    assert first[-1].text == "第一页最后一行"
    second = [line.text for line in layout.pages[1].lines]
    assert second == ["第二页", "看得见", "收入 支出"]
    assert [c.text for c in layout.pages[1].lines[-1].cells] == ["收入", "支出"]
    numbers = [line.number for line in layout.lines()]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)


def test_section_break_and_page_break_before_start_pages(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("表1")
    d.add_section()
    p = d.add_paragraph("表2")
    p.paragraph_format.page_break_before = True
    d.add_paragraph("表2 续")
    path = tmp_path / "b.docx"
    d.save(path)
    pages = [[line.text for line in page.lines] for page in read_docx(path).pages]
    assert pages == [["表1"], ["表2", "表2 续"]]


def test_deleted_text_is_left_out(tmp_path: Path) -> None:
    d = docx.Document()
    p = d.add_paragraph("保留")
    deletion = OxmlElement("w:del")
    run = OxmlElement("w:r")
    text = OxmlElement("w:delText")
    text.text = "删除"
    run.append(text)
    deletion.append(run)
    p._p.append(deletion)
    path = tmp_path / "c.docx"
    d.save(path)
    assert [line.text for line in read_docx(path).lines()] == ["保留"]


def test_grid_before_shifts_a_row(tmp_path: Path) -> None:
    d = docx.Document()
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "a"
    table.cell(0, 1).text = "b"
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    before = OxmlElement("w:gridBefore")
    before.set(qn("w:val"), "2")
    tr_pr.append(before)
    path = tmp_path / "d.docx"
    d.save(path)
    (line,) = read_docx(path).lines()
    assert _cells(line) == [("a", 2, 3), ("b", 3, 4)]


def test_sniffed_as_docx_and_damaged_files_refused(tmp_path: Path) -> None:
    path = _document(tmp_path / "report.bin")
    assert sniff(path) == "docx"
    assert read_layout(path).format == "docx"
    broken = tmp_path / "broken.docx"
    broken.write_bytes(path.read_bytes()[:2000])
    with pytest.raises(UnreadableInput):
        read_layout(broken)
    foreign = tmp_path / "foreign.docx"
    with zipfile.ZipFile(foreign, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(UnreadableInput, match="neither"):
        read_layout(foreign)
    empty = tmp_path / "empty.docx"
    docx.Document().save(empty)
    with pytest.raises(UnreadableInput, match="空文档"):
        read_docx(empty)
    assert main(["summary", str(broken)]) == 2
