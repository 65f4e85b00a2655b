"""The corpus generator: variants keep every identity because every amount scales exactly."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bench.generate_corpus import (
    NUMBER,
    classify,
    detect_names,
    generate,
    main,
    seed_paths,
    transform_numbers,
)
from tests.conftest import load_truth

THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+\.\d\d$")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, dict]]:
    """Eight variants (two per seed) and their manifest rows."""
    out = tmp_path_factory.mktemp("corpus")
    paths = generate(8, out, seed=7)
    manifest = {row["file"]: row for row in json.loads((out / "manifest.json").read_text("utf-8"))}
    return [(p, manifest[p.name]) for p in paths]


def _seed_text(row: dict) -> str:
    return (seed_paths()[0].parent / row["seed"]).read_text("utf-8")


def test_variants_differ_and_keep_line_count(corpus: list[tuple[Path, dict]]) -> None:
    assert {row["seed"] for _, row in corpus} == {p.name for p in seed_paths()}
    for path, row in corpus:
        text, seed = path.read_text("utf-8"), _seed_text(row)
        assert text != seed
        assert text.count("\n") == seed.count("\n")
        assert 2 <= row["factor"] <= 9 and row["year_shift"] != 0


def test_every_number_scaled_shifted_or_kept_at_its_position(corpus: list[tuple[Path, dict]]) -> None:
    for path, row in corpus:
        k, shift = row["factor"], row["year_shift"]
        scaled = 0
        for seed_line, line in zip(
            _seed_text(row).split("\n"), path.read_text("utf-8").split("\n"), strict=True
        ):
            pairs = list(zip(NUMBER.finditer(seed_line), NUMBER.findall(line), strict=True))
            for m, new in pairs:
                old, kind = m.group(0), classify(seed_line, m)
                if kind == "money":
                    scaled += 1
                    assert Decimal(new.replace(",", "")) == k * Decimal(old.replace(",", "")), (
                        path.name,
                        line,
                    )
                    assert len(new.partition(".")[2]) == len(old.partition(".")[2])
                    assert ("," in new) or ("," not in old)
                elif kind == "year":
                    assert int(new) == int(old) + shift
                else:
                    assert new == old, (path.name, seed_line)
                assert not THOUSANDS.match(old) or kind == "money", seed_line  # every table amount
        assert scaled > 100


def test_year_in_title_shifted(corpus: list[tuple[Path, dict]]) -> None:
    for path, row in corpus:
        if row["seed"].startswith("001"):
            year = 2024 + row["year_shift"]
            assert f"{year} 年部门预算" in path.read_text("utf-8")


def test_names_replaced(corpus: list[tuple[Path, dict]]) -> None:
    for path, row in corpus:
        text = path.read_text("utf-8")
        truth_name = load_truth(row["seed"])["department"].removesuffix("本级")
        assert truth_name not in text
        assert truth_name not in re.sub(r"\s", "", text)  # also where extraction broke the name
        for old, new in row["names"].items():
            assert old not in text and new in text


def test_detect_names_of_seeds() -> None:
    found = {p.name[:3]: detect_names(p.read_text("utf-8")) for p in seed_paths()}
    assert found["000"] == ["抚顺市工业和信息化局"]
    assert found["001"] == ["沈阳市工业和信息化局", "沈阳市先进制造业服务中心"]
    assert found["002"] == ["科技和工信部门"]
    assert found["004"][0] == "辽宁省工业和信息化厅" and len(found["004"]) == 4


def test_an_identity_still_holds(corpus: list[tuple[Path, dict]]) -> None:
    """Seed 000 表1: the four 类 amounts add up to 本年支出合计."""
    path, row = next((p, r) for p, r in corpus if r["seed"].startswith("000"))
    text = path.read_text("utf-8")
    amount = r"([\d,]+\.\d\d)"
    classes = re.findall(r"[一二三四]、\S+支出 " + amount, text.split("本年收入合计")[0])
    total = re.search(r"本年支出合计 " + amount, text)
    assert total and len(classes) == 4
    assert sum(Decimal(c.replace(",", "")) for c in classes) == Decimal(total[1].replace(",", ""))
    assert Decimal(total[1].replace(",", "")) == row["factor"] * Decimal("1425.40")


@pytest.mark.parametrize(
    ("line", "token", "kind"),
    [
        ("本年收入合计 1,425.40 本年支出合计", "1,425.40", "money"),
        ("上年结转结余\t28,665.25\t年终结转结余", "28,665.25", "money"),
        ("项目预算金额（万元） 316 全年执行数（万元） 304.52 执行率 96.37%", "316", "money"),
        ("项目预算金额（万元） 316 全年执行数（万元） 304.52 执行率 96.37%", "96.37", None),
        ("比上年减少 3.22 万元，下降 0.82%", "0.82", None),
        ("次数 1 100% 12.5 12.5", "12.5", None),
        ("指标自评得分小计 84.63 预算执行率得分 8.15", "84.63", None),
        ("完成全省 2.4 万吨食盐的储备", "2.4", None),
        ("2150501 行政运行 3,254.85", "2150501", None),
        ("共有车辆 12 辆", "12", None),
        ("带动就业人员2000人", "2000", None),
        ("沈阳市工业和信息化局 2024 年部门预算", "2024", "year"),
        ("满意度 >= 90 % 2024-12", "2024", "year"),
    ],
)
def test_classify(line: str, token: str, kind: str | None) -> None:
    m = next(m for m in NUMBER.finditer(line) if m.group(0) == token)
    assert classify(line, m) == kind


def test_deterministic_with_seed(tmp_path: Path) -> None:
    a = [p.read_bytes() for p in generate(4, tmp_path / "a", seed=3)]
    b = [p.read_bytes() for p in generate(4, tmp_path / "b", seed=3)]
    c = [p.read_bytes() for p in generate(4, tmp_path / "c", seed=4)]
    assert a == b and a != c


def test_fifty_documents(tmp_path: Path) -> None:
    paths = generate(50, tmp_path, seed=0)
    assert len(paths) == 50 and all(p.stat().st_size > 10_000 for p in paths)
    assert len(json.loads((tmp_path / "manifest.json").read_text("utf-8"))) == 50


def test_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["3", str(tmp_path), "--seed", "2"]) == 0
    assert len(list(tmp_path.glob("*.txt"))) == 3
    assert "wrote 3 documents" in capsys.readouterr().out


def _expected(value: Any, key: str, row: dict) -> Any:
    """The seed's summary value as the variant should show it: money ×k, years shifted, names replaced."""
    if isinstance(value, dict):
        return {k: _expected(v, k, row) for k, v in value.items() if k != "source"}
    if isinstance(value, list):
        return [_expected(v, key, row) for v in value]
    if isinstance(value, str):  # names can quote years and amounts ('2024年…专项资金14421.8万元')
        value = transform_numbers(value, row["factor"], row["year_shift"])
        for old, new in row["names"].items():
            value = re.sub(r"\s*".join(map(re.escape, old)), new, value)
        return re.sub(r"\s", "", value)
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        if key == "year":
            return Decimal(str(value)) + row["year_shift"]
        if key == "project_performance_tables":
            return Decimal(str(value))
        return Decimal(str(value)) * row["factor"]
    return value


def _normalised(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _normalised(v) for k, v in value.items() if k != "source"}
    if isinstance(value, list):
        return [_normalised(v) for v in value]
    if isinstance(value, str):
        return re.sub(r"\s", "", value)
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return Decimal(str(value))
    return value


def test_summary_of_a_variant_is_its_seeds_summary_transformed(corpus: list[tuple[Path, dict]]) -> None:
    """End to end: the pipeline reads a variant exactly as it reads the seed, up to k, shift and names."""
    import yusuan

    for path, row in corpus[:4]:
        seed = yusuan.summary(yusuan.read(seed_paths()[0].parent / row["seed"]))
        variant = yusuan.summary(yusuan.read(path))
        assert _normalised(variant) == _expected(seed, "", row), path.name
