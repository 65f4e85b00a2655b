"""Lookups, renamings, misprints and unknown codes in the bundled classification tables."""

from __future__ import annotations

import time

import pytest

from yusuan import codes


def test_lookup_functional_item() -> None:
    entry = codes.lookup("2150501", "functional", 2025)
    assert entry is not None
    assert (entry.code, entry.level, entry.name) == ("2150501", "项", "行政运行")


def test_lookup_accepts_split_printing() -> None:
    assert codes.lookup("215 05 01", "functional") == codes.lookup("2150501", "functional")


def test_lookup_unknown_code_is_none() -> None:
    assert codes.lookup("2999999", "functional") is None
    assert codes.lookup("30101", "functional") is None


def test_lookup_rejects_unknown_system() -> None:
    with pytest.raises(ValueError):
        codes.lookup("201", "nonsense")  # type: ignore[arg-type]


def test_renaming_expected_name_follows_year() -> None:
    assert codes.lookup("20805", "functional", 2019).name == "行政事业单位离退休"
    assert codes.lookup("20805", "functional", 2024).name == "行政事业单位养老支出"
    assert codes.lookup("20805", "functional").name == "行政事业单位养老支出"
    assert codes.lookup("21505", "functional", 2024).name == "工业和信息产业监管"
    assert codes.lookup("21505", "functional", 2026).name == "工业和信息产业"


def test_names_lists_every_printed_name_latest_first() -> None:
    assert codes.names("20805", "functional") == ("行政事业单位养老支出", "行政事业单位离退休")
    assert set(codes.names("30202", "economic_department")) == {"印刷费", "咨询费"}
    assert codes.names("2999999", "functional") == ()


@pytest.mark.parametrize(
    ("code", "printed", "year", "status"),
    [
        ("20805", "行政事业单位养老支出", 2026, "exact"),
        ("20805", "行政事业单位离退休", 2019, "exact"),
        ("20805", "行政事业单位离退休", 2026, "renamed"),
        ("20805", "行政事业单位养老支出", 2019, "renamed"),
        ("21505", "工业和信息产业", 2024, "renamed"),
        ("2150599", "其他工业和信息产业监管支出", 2024, "exact"),
        ("2060499", "其他技术与开发支出", 2025, "misprint"),
        ("2060499", "其他技术研究与开发支出", 2025, "exact"),
        ("20805", "社会保障和就业支出", 2026, "differs"),
        ("2999999", "其他支出", 2026, "unknown"),
    ],
)
def test_name_matches_functional(code: str, printed: str, year: int, status: str) -> None:
    assert codes.name_matches(code, printed, "functional", year).status == status


def test_name_matches_economic_misprints() -> None:
    result = codes.name_matches("30399", "其他对个人和家庭的补助支出", "economic_department", 2024)
    assert (result.status, result.expected) == ("misprint", "其他对个人和家庭的补助")
    assert not result.ok
    assert codes.name_matches("30202", "咨询费", "economic_department", 2024).status == "misprint"
    assert codes.name_matches("30203", "咨询费", "economic_department", 2024).status == "exact"
    assert codes.name_matches("303", "离退休人员经费", "economic_department", 2024).status == "misprint"


def test_name_matches_government() -> None:
    assert codes.name_matches("50101", "工资奖金津补贴", "economic_government", 2025).ok
    assert codes.name_matches("50101", "基本工资", "economic_government", 2025).status == "differs"


def test_unknown_is_never_wrong() -> None:
    result = codes.name_matches("39999", "随便", "economic_government", 2026)
    assert (result.status, result.expected) == ("unknown", None)


def test_name_comparison_ignores_space_and_parenthesis_width() -> None:
    for printed in ("维修(护)费", "维修（护)费", " 维修 （护） 费 ", "维修\n(护)费"):
        assert codes.name_matches("30213", printed, "economic_department", 2024).status == "exact"
    assert codes.name_matches("20103", "政府办公厅(室)及相关机构事务", "functional", 2024).ok


def test_known_codes_counts_match_shared_readme() -> None:
    printed = {c for c in codes.known_codes("functional") if any(p.documents for p in codes.lookup(c, "functional").printed)}
    assert len(printed) == 642
    assert len(codes.known_codes("functional")) == 642 + 5  # the official 类 no document printed: 202 209 227 233 234
    assert len(codes.known_codes("economic_department")) == 106
    assert len(codes.known_codes("economic_government")) == 32


def test_every_variant_names_a_printed_pair() -> None:
    from yusuan.codes.dictionary import read_tsv

    for row in read_tsv("variants.tsv"):
        assert row["name"] in codes.names(row["code"], row["system"]), row  # type: ignore[arg-type]


def test_lookups_are_fast() -> None:
    codes.lookup("201", "functional")  # first use loads the files
    start = time.perf_counter()
    for code in sorted(codes.known_codes("functional"))[:300]:
        codes.name_matches(code, "行政运行", "functional", 2025)
    assert time.perf_counter() - start < 0.05  # 300 checks, one large document's worth


def test_local_refinement_level_is_kept() -> None:
    assert codes.lookup("3010201", "economic_department").level == "项(地方细化)"
    assert codes.lookup("30102", "economic_department").level == "款"


@pytest.mark.parametrize(
    ("code", "system"),
    [
        ("2150501", "functional"),
        ("30101", "economic_department"),
        ("501", "economic_government"),
        ("9", None),
    ],
)
def test_system_of(code: str, system: str | None) -> None:
    assert codes.system_of(code) == system


def test_every_official_class_is_known_by_code_and_by_name() -> None:
    from yusuan.codes.dictionary import read_tsv

    for row in read_tsv("functional_official.tsv"):
        assert codes.lookup(row["code"], "functional") is not None, row
        assert row["code"] in codes.codes_named(row["name"], "functional"), row
    assert codes.codes_named("工资福利支出", "economic_department") == ("301",)
    assert codes.codes_named("不是科目", "functional") == ()
