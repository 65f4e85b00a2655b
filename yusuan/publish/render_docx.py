"""The printed document as a Word file (python-docx): headings, paragraphs, ruled tables.

Why these choices: a department edits the Word version before it prints, so the file uses real
Word structures — heading styles, a 目录 field (Word fills in the page numbers when it updates the
field; the entries are written out so every reader sees them), tables with merged header cells
marked to repeat on every page, a landscape section for each wide table, page numbers in the
footer, and the draft stamp in the header (where no reader mistakes it for content).
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from yusuan.publish.document import Document, Grid, Section

_BODY_FONT = "宋体"
_HEAD_FONT = "黑体"


def render_docx(doc: Document, spec: object = None) -> bytes:
    """The whole document as .docx bytes."""
    word = WordDocument()
    _styles(word)
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    _footer_page_number(section, doc)
    _cover(word, doc)
    _toc(word, doc)
    landscape = False
    for part in doc.parts:
        _page_break(word)
        word.add_heading(part.title, level=1).alignment = WD_ALIGN_PARAGRAPH.CENTER
        first = True
        for block in part.blocks:
            if isinstance(block, Grid):
                if block.landscape != landscape:
                    _new_section(word, block.landscape)
                    landscape = block.landscape
                elif not first:
                    _page_break(word)
                _grid(word, block)
            else:
                _section(word, block)
            first = False
        if landscape:
            _new_section(word, False)
            landscape = False
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _styles(word: Any) -> None:
    normal = word.styles["Normal"]
    normal.font.name = _BODY_FONT
    normal.font.size = Pt(11)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), _BODY_FONT)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title"):
        style = word.styles[name]
        style.font.name = _HEAD_FONT
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), _HEAD_FONT)


def _footer_page_number(section: Any, doc: Document) -> None:
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(p, "PAGE", "1")
    if doc.draft:
        section.header.paragraphs[0].text = "草稿（未通过发布核对，仅供内部审阅）"


def _field(paragraph: Any, instruction: str, placeholder: str) -> None:
    """A Word field (PAGE, TOC …) whose shown text is ``placeholder`` until Word updates it."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("text", placeholder), ("end", None)):
        run = paragraph.add_run()
        if kind == "instr":
            node = OxmlElement("w:instrText")
            node.set(qn("xml:space"), "preserve")
            node.text = f" {text} "
        elif kind == "text":
            run.text = text or ""
            continue
        else:
            node = OxmlElement("w:fldChar")
            node.set(qn("w:fldCharType"), kind)
        run._r.append(node)


def _cover(word: Any, doc: Document) -> None:
    for _ in range(6):
        word.add_paragraph()
    for line in doc.cover:
        p = word.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(line)
        run.bold, run.font.size = True, Pt(24)
    if doc.draft:
        p = word.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run("草稿（未通过发布核对，仅供内部审阅）").font.size = Pt(14)
        if doc.note:
            word.add_paragraph(doc.note).alignment = WD_ALIGN_PARAGRAPH.CENTER


def _toc(word: Any, doc: Document) -> None:
    _page_break(word)
    title = word.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("目 录").font.size = Pt(18)
    field = word.add_paragraph()
    _field(field, 'TOC \\o "1-2" \\h \\z', "")
    for level, text, _ in doc.toc():
        p = word.add_paragraph(text)
        if level == "table":
            p.paragraph_format.left_indent = Mm(8)


def _page_break(word: Any) -> None:
    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _new_section(word: Any, landscape: bool) -> None:
    section = word.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    long, short = Mm(297), Mm(210)
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    margin = Mm(15) if landscape else Mm(20)
    section.left_margin = section.right_margin = margin


def _section(word: Any, section: Section) -> None:
    word.add_heading(section.title, level=2 if section.level <= 2 else 3)
    for text in section.paragraphs:
        p = word.add_paragraph(text)
        p.paragraph_format.first_line_indent = Pt(22)


def _grid(word: Any, grid: Grid) -> None:
    numbered = [grid.number, grid.title] if grid.number_position == "before_title" else [grid.title, grid.number]
    if grid.number_position == "inline":
        numbered = [f"{grid.number} {grid.title}"]
    for text in numbered:
        p = word.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER if text == grid.title or grid.number_position == "inline" else WD_ALIGN_PARAGRAPH.RIGHT
        run = p.add_run(text)
        run.bold = text != grid.number
        run.font.size = Pt(14 if text != grid.number else 10)
    meta = word.add_paragraph("\t".join([*grid.meta, grid.unit_label]) if grid.meta else grid.unit_label)
    meta.runs[0].font.size = Pt(9)
    width = max(grid.width, 1)
    table = word.add_table(rows=len(grid.header) + len(grid.body), cols=width)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    rows = table.rows
    for r, placed in enumerate(grid.placed_header()):
        _repeat_header(rows[r])
        for head, col in placed:
            cell = rows[r].cells[col]
            if head.colspan > 1 or head.rowspan > 1:
                cell = cell.merge(rows[r + head.rowspan - 1].cells[min(width, col + head.colspan) - 1])
            _text(cell, head.text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    offset = len(grid.header)
    for i, body in enumerate(grid.body):
        cells = rows[offset + i].cells
        col = 0
        for j, text in enumerate(body.cells):
            span = body.spans[j] if body.spans else 1
            cell = cells[col] if span == 1 else cells[col].merge(cells[col + span - 1])
            numeric = not body.spans and not grid.is_label(j)
            _text(cell, text, bold=body.style in ("total", "unit", "类", "head"),
                  align=WD_ALIGN_PARAGRAPH.RIGHT if numeric else WD_ALIGN_PARAGRAPH.LEFT)
            col += span
    for note in grid.notes:
        word.add_paragraph(note).runs[0].font.size = Pt(9)


def _repeat_header(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    tr_pr.append(flag)


def _text(cell: Any, text: str, bold: bool, align: Any) -> None:
    p = cell.paragraphs[0]
    p.alignment = align
    for n, piece in enumerate(text.split("\n")):
        run = p.add_run(piece)
        run.font.size = Pt(8.5)
        run.bold = bold
        if n < text.count("\n"):
            run.add_break()
