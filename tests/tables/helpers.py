"""Read a text fixture through the table stage only (no model build), for the table tests."""

from __future__ import annotations

from pathlib import Path

from yusuan.layout import Line
from yusuan.model import StatementTable
from yusuan.read import read_layout
from yusuan.tables.segment import find_tables
from yusuan.tables.statements import interpret
from yusuan.tables.table import Table

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "text"


def segment(name: str) -> tuple[list[Table], list[Line]]:
    """Tables and narrative lines of a fixture (or of any path)."""
    path = Path(name) if Path(name).is_absolute() else FIXTURES / name
    return find_tables(read_layout(path))


def statements(name: str) -> list[StatementTable]:
    """The interpreted tables of a fixture."""
    path = Path(name) if Path(name).is_absolute() else FIXTURES / name
    tables, _ = segment(str(path))
    return [interpret(t, path.name) for t in tables]


def values(st: StatementTable, code_or_name: str) -> dict[str, str]:
    """The printed values of the row with this code (or name), blank cells as ''."""
    row = next(i for i in st.items if i.code == code_or_name or i.name == code_or_name)
    return {k: a.text for k, a in row.values.items()}
