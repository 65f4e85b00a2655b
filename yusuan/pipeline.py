"""The read path of DESIGN §3 as one call: file → Layout → [Table] → Disclosure."""

from __future__ import annotations

from pathlib import Path

from yusuan.errors import NotADisclosure
from yusuan.model import Disclosure
from yusuan.model.build import build
from yusuan.read import read_layout
from yusuan.tables.segment import find_tables


def read(path: str | Path) -> Disclosure:
    """Read one disclosure of any supported format into the canonical model.

    Raises UnreadableInput when the file cannot be read and NotADisclosure when it holds none of
    the standard tables (both carry the file name and reason; exit code 2 in the CLI).
    """
    layout = read_layout(path)
    tables, narrative = find_tables(layout)
    if not tables:
        raise NotADisclosure(
            "不是部门预算/决算公开文件：未找到任何预算/决算表（应有收支预算总表、支出预算总表等标题） — "
            "no budget/final-account table found",
            source=layout.source,
        )
    return build(layout, tables, narrative)
