"""The read path of DESIGN §3 as one call: file(s) → Layout → [Table] → Disclosure.

A disclosure may be one file, several files read as one (表格 + 情况说明: ``read([a, b])``), or a
folder holding a manifest ``yusuan-as-one.txt`` (the files it lists, one per line; empty: every
document file in the folder). A file with no table is read as text alone when it is a budget
情况说明, and refused with the reason otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from yusuan.errors import NotADisclosure, UnreadableInput
from yusuan.layout import Layout, Line
from yusuan.model import Disclosure
from yusuan.model.build import build
from yusuan.model.identity import identify
from yusuan.model.narrative_join import add_narrative, add_tables, finish, identify_into
from yusuan.model.narrative_only import complete_identity, evidence, refusal
from yusuan.read import read_layout
from yusuan.tables.segment import find_tables
from yusuan.tables.table import Table

MANIFEST = "yusuan-as-one.txt"
"""A folder holding this file is one disclosure printed as several files."""
DOCUMENT_SUFFIXES = frozenset({".txt", ".pdf", ".xlsx", ".xlsm", ".xls", ".png", ".jpg", ".jpeg", ".tif", ".tiff",
                               ".docx", ".html", ".htm"})

Source = str | Path


def read(path: Source | Sequence[Source]) -> Disclosure:
    """Read one disclosure of any supported format into the canonical model.

    ``path`` is a file, a folder marked with :data:`MANIFEST`, or a list of files printing one
    disclosure. Raises UnreadableInput when a file cannot be read and NotADisclosure when it holds
    neither a standard table nor a budget 情况说明 (both carry the file name and reason; exit code 2
    in the CLI).
    """
    if not isinstance(path, (str, Path)):
        return read_many(path)
    if Path(path).is_dir():
        return read_many(members(Path(path)))
    from yusuan.workbook import is_entry_workbook

    if is_entry_workbook(path):  # a filled budget-entry workbook: its entries, parents computed
        from yusuan.workbook.reader import read_workbook

        return read_workbook(path)
    layout = read_layout(path)
    tables, narrative = find_tables(layout)
    return _assemble(layout, tables, narrative)


def read_many(paths: Sequence[Source]) -> Disclosure:
    """One disclosure printed as several files: the file with the most tables is the document,
    the others add their tables and their 情况说明 (checked against all the tables)."""
    if not paths:
        raise UnreadableInput("没有要读取的文件 / no file given")
    if len(paths) == 1:
        return read(paths[0])
    layouts = [read_layout(p) for p in paths]
    found = [find_tables(layout) for layout in layouts]
    main = max(range(len(layouts)), key=lambda i: len(found[i][0]))  # the first of equals
    d = build(layouts[main], *found[main])
    order = [main]
    for i, layout in enumerate(layouts):
        tables, narrative = found[i]
        if i == main:
            continue
        if tables:
            add_tables(d, build(layout, tables, narrative))
            order.append(i)
        else:
            add_narrative(d, narrative, layout.source)
    # who and when from all the files: the text (cover, 概况) first, then the tables' meta lines
    text_first = sorted(range(len(layouts)), key=lambda i: bool(found[i][0]))
    whole = Layout(d.source, layouts[main].format, [p for i in text_first for p in layouts[i].pages])
    identify_into(d, identify(whole, [t for i in order for t in found[i][0]], d))
    if not d.tables:
        _accept_text_only(d, layouts)
    finish(d, layouts)
    return d


def members(folder: Path) -> list[Path]:
    """The files of a folder marked as one disclosure (see :data:`MANIFEST`)."""
    manifest = folder / MANIFEST
    if not manifest.is_file():
        raise UnreadableInput(
            f"{folder} 是目录：要把其中的文件作为一份公开读取，请放入清单文件 {MANIFEST} "
            f"/ a folder is read as one disclosure only with a {MANIFEST} manifest",
            source=str(folder),
        )
    listed = [
        ln.strip() for ln in manifest.read_text("utf-8-sig").splitlines() if ln.strip() and not ln.startswith("#")
    ]
    if listed:
        missing = [name for name in listed if not (folder / name).is_file()]
        if missing:
            raise UnreadableInput(f"清单 {MANIFEST} 列出的文件不存在：{'、'.join(missing)}", source=str(folder))
        return [folder / name for name in listed]
    return sorted(
        f for f in folder.iterdir() if f.is_file() and f.name != MANIFEST and f.suffix.lower() in DOCUMENT_SUFFIXES
    )


def _assemble(layout: Layout, tables: list[Table], narrative: list[Line]) -> Disclosure:
    if tables and not any(ch.isdigit() for line in layout.lines() for ch in line.text):  # no year, code, amount
        raise NotADisclosure(
            "全文没有一个数字，没有可读的金额（数字全部乱码？） — not one digit in the document, so no readable amount",
            source=layout.source,
        )
    d = build(layout, tables, narrative)
    if not tables:
        _accept_text_only(d, [layout])
    return d


def _accept_text_only(d: Disclosure, layouts: Sequence[Layout]) -> None:
    """Keep a table-less disclosure only on the evidence of a budget 情况说明 (else refuse it)."""
    lines = [ln for layout in layouts for ln in layout.lines()]
    complete_identity(d, lines)
    found = evidence(d, "\n".join(layout.text for layout in layouts))
    if not found.sufficient:
        raise NotADisclosure(refusal(d.source, found), source=" + ".join(layout.source for layout in layouts))
    d.warnings.append("没有表格：只读取了情况说明 / no table: the explanatory text alone was read")
