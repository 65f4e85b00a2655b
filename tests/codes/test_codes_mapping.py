"""部门预算经济分类 → 政府预算经济分类, checked row by row and against seed 001's two tables."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

import pytest

from tests.conftest import EXAMPLES
from yusuan import codes
from yusuan.codes.dictionary import read_tsv


@pytest.mark.parametrize(
    ("department", "government"),
    [
        ("30101", "50101"),
        ("30102", "50101"),
        ("30103", "50101"),
        ("30107", "50101"),
        *((f"301{k:02d}", "50102") for k in range(8, 13)),
        ("30113", "50103"),
        ("30106", "50199"),
        ("30199", "50199"),
        ("30201", "50201"),
        ("30211", "50201"),
        ("30228", "50201"),
        ("30239", "50201"),
        ("30226", "50205"),
        ("30227", "50205"),
        ("30213", "50209"),
        ("30231", "50208"),
        ("30302", "50905"),
        ("30304", "50901"),
        ("30399", "50999"),
        ("31002", "50306"),
        ("31205", "50702"),
        ("31299", "50799"),
        ("3010201", "50101"),  # a 7-digit local refinement falls back to its 款
        ("301", "501"),
        ("302", "502"),
    ],
)
def test_government_class_for_organ(department: str, government: str) -> None:
    assert codes.government_class_for(department) == government


def test_government_class_for_public_institution() -> None:
    assert codes.government_class_for("30101", "事业单位") == "50501"
    assert codes.government_class_for("30107", "事业单位") == "50501"
    assert codes.government_class_for("30299", "事业单位") == "50502"
    assert codes.government_class_for("30302", "事业单位") == "50905"  # 303 maps alike
    assert codes.government_class_for("31002", "事业单位") == "50601"


def test_unmapped_code_is_none() -> None:
    assert codes.government_class_for("99999") is None
    assert codes.government_class_for("31199") is None


def test_every_department_item_printed_is_mapped() -> None:
    unmapped = {c for c in codes.known_codes("economic_department") if codes.government_class_for(c) is None}
    assert unmapped == {"31199"}  # printed once, without its 类; probably 31299 misprinted


def test_mapping_rows_are_well_formed() -> None:
    for row in read_tsv("economic_mapping.tsv"):
        assert row["unit_kind"] in ("机关", "事业单位", "全部"), row
        assert row["basis"] in ("seeds", "对照表", "memory"), row
        assert codes.level(row["department_code"]) in ("类", "款"), row
        assert row["department_code"] in codes.known_codes("economic_department"), row  # no invented codes
        printed = codes.lookup(row["government_code"], "economic_government")
        if printed is not None:
            assert codes.name_matches(
                row["government_code"], row["government_name"], "economic_government"
            ).ok


_ROW = re.compile(r"^(\d{5})\t[^\t]*\t([\d,]+\.\d{2})")
_UNIT = re.compile(r"^(\d{6})\t")
_FIRST_DIGIT = {"government": "5", "department": "3"}  # other tables print 功能分类 rows too


def _economic_tables(text: str) -> dict[str, dict[str, dict[str, Decimal]]]:
    """总计 per (table, unit, 款) from seed 001's 表11 (政府预算) and 表12 (部门预算)."""
    out: dict[str, dict[str, dict[str, Decimal]]] = defaultdict(lambda: defaultdict(dict))
    table = unit = None
    for line in text.splitlines():
        if line.startswith("支出经济分类预算表（"):
            table = "government" if "政府预算" in line else "department"
        elif line.startswith("债务支出预算表"):
            table = None
        elif table and (m := _UNIT.match(line)):
            unit = m[1]
        elif table and unit and (m := _ROW.match(line)) and m[1][0] == _FIRST_DIGIT[table]:
            out[table][unit][m[1]] = Decimal(m[2].replace(",", ""))
    return out


@pytest.mark.parametrize(("unit", "kind"), [("558001", "机关"), ("558002", "事业单位")])
def test_mapping_reproduces_seed_001_government_table(unit: str, kind: codes.UnitKind) -> None:
    tables = _economic_tables((EXAMPLES / "001_f756e9a8bddbf743.txt").read_text("utf-8"))
    mapped: dict[str, Decimal] = defaultdict(Decimal)
    for code, amount in tables["department"][unit].items():
        mapped[codes.government_class_for(code, kind) or "?"] += amount
    assert dict(mapped) == tables["government"][unit]
