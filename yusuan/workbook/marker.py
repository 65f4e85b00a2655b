"""Tell a budget-entry workbook from any other .xlsx by its marker sheet, without loading it.

Why a very hidden sheet: a person filling the workbook never sees or breaks it, a published
table workbook never has it, and finding it costs one read of ``xl/workbook.xml``.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from yusuan.workbook.sheets import MARKER_SHEET


def is_entry_workbook(path: str | Path) -> bool:
    """True when ``path`` is an .xlsx holding the yusuan marker sheet."""
    try:
        with Path(path).open("rb") as fh:
            if fh.read(2) != b"PK":
                return False
        with zipfile.ZipFile(path) as zf:
            workbook = zf.read("xl/workbook.xml")
    except (OSError, KeyError, zipfile.BadZipFile, zlib.error, EOFError):  # a damaged member (found by fuzzing)
        return False
    return f'name="{MARKER_SHEET}"'.encode() in workbook
