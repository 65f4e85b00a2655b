"""A 科目编码 that OCR read with a digit too few or too many, put right when its name says which.

Why: the detector drops a lone '1' (a wrapped '2060101' comes back '206010'), and a code of the
wrong length breaks a table's 类/款/项 hierarchy (a 6-digit code even reads as a unit). Only OCR'd
rows are touched, and only when exactly one code one digit away is a real 科目 whose name is
the name the row prints — the name decides, no digit is guessed.
"""

from __future__ import annotations

from yusuan.codes import lookup, name_matches, system_of
from yusuan.tables.rows import RawRow

_LENGTHS = {"functional": (3, 5, 7), "economic_department": (3, 5), "economic_government": (3, 5)}
_AGREE = frozenset({"exact", "renamed", "misprint"})


def _one_digit_away(code: str) -> set[str]:
    out = {code[:i] + code[i + 1 :] for i in range(len(code))}
    out |= {code[:i] + d + code[i:] for i in range(len(code) + 1) for d in "0123456789"}
    return out


def repair_code(row: RawRow) -> str | None:
    """The code ``row`` should carry when OCR misread its printed code (see module doc), else None."""
    code, name = row.code, row.name.strip()
    if not code or not code.isdigit() or not name or not any(v.ocr for v in row.values):
        return None
    system = system_of(code)
    if system is None or (len(code) in _LENGTHS[system] and lookup(code, system) is not None):
        return None
    found = {
        c
        for c in _one_digit_away(code)
        if len(c) in _LENGTHS[system] and system_of(c) == system and name_matches(c, name, system).status in _AGREE
    }
    return found.pop() if len(found) == 1 else None


def repair_codes(rows: list[RawRow]) -> None:
    """Put right, in place, the OCR-misread codes of a table's rows."""
    for row in rows:
        fixed = repair_code(row)
        if fixed is not None:
            row.code = fixed
