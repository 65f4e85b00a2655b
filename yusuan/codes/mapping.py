"""部门预算经济分类 → 政府预算经济分类: which government 款 a department 款 is reported under.

The mapping depends on who spends: a 机关 (and 参公 unit) reports 301/302 under 501/502, a
事业单位 under 505 (对事业单位经常性补助). Rows in economic_mapping.tsv are per 款, or per 类 when
a whole 类 maps to one government 款; each row says whether a seed verified it (see README.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from yusuan.codes.dictionary import read_tsv
from yusuan.codes.normalize import normalize_code, parent

UnitKind = Literal["机关", "事业单位"]


@dataclass(frozen=True)
class MappingRow:
    """One line of the mapping: a department code, for which units, onto which government code."""

    department_code: str
    unit_kind: str
    government_code: str
    government_name: str
    basis: str


@cache
def _rows() -> dict[tuple[str, str], MappingRow]:
    """(department code, unit kind) → row; unit kind 全部 applies to both kinds."""
    return {(r["department_code"], r["unit_kind"]): MappingRow(**r) for r in read_tsv("economic_mapping.tsv")}


def mapping_for(department_code: str | int, unit_kind: UnitKind = "机关") -> MappingRow | None:
    """The row deciding ``department_code``: its own, else its parent's (a 7-digit local refinement
    falls back to its 款, an unlisted 款 to its 类)."""
    rows = _rows()
    code: str | None = normalize_code(department_code)
    while code:
        for kind in (unit_kind, "全部"):
            row = rows.get((code, kind))
            if row:
                return row
        code = parent(code)
    return None


def government_class_for(department_code: str | int, unit_kind: UnitKind = "机关") -> str | None:
    """The 政府预算经济分类 code that ``department_code`` is reported under, or ``None`` if unmapped."""
    row = mapping_for(department_code, unit_kind)
    return row.government_code if row else None
