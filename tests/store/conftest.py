"""Store test helpers: a complete Disclosure built in code, and corpora of distinct example copies."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from yusuan.model import (
    Amount,
    Disclosure,
    LineItem,
    NarrativeFigure,
    PerformanceTarget,
    Project,
    StatementTable,
    ThreePublic,
)
from yusuan.model.disclosure import Indicator
from yusuan.model.provenance import Provenance


def amt(text: str, line: int | None = None) -> Amount:
    """An amount as printed (``"1,425.40"``) with a provenance line."""
    return Amount(Decimal(text.replace(",", "")), text, Provenance("t.txt", page=1, line=line))


def _row(name: str, code: str | None, level: str, basic: str, project: str, line: int, **extra: str) -> LineItem:
    b, p = Decimal(basic), Decimal(project)
    values = {"total": amt(str(b + p), line), "basic": amt(basic, line), "project": amt(project, line)}
    values.update({k: amt(v, line) for k, v in extra.items()})
    return LineItem(name=name, code=code, level=level, values=values, where=Provenance("t.txt", 1, line))


def make_disclosure(
    department: str = "测试市财政局",
    year: int = 2025,
    scale: int = 1,
    projects: tuple[str, ...] = ("信息化建设", "办公楼维修"),
    unit: str = "万元",
) -> Disclosure:
    """A small but complete 部门预算: summary, expenditure (类/款/项), basic by 经济分类, 三公, projects."""
    k = Decimal(scale)

    def m(v: str) -> str:
        return str(Decimal(v) * k)

    spending = StatementTable(
        kind="expenditure_summary", title="支出预算总表", number="表3", money_unit=unit, pages=[1], lines=(10, 20),
        columns=["total", "basic", "personnel", "public", "project"],
        items=[
            _row("合计", None, "total", m("300.00"), m("120.50"), 11, personnel=m("250.00"), public=m("50.00")),
            _row("一般公共服务支出", "201", "类", m("200.00"), m("100.50"), 12),
            _row("财政事务", "20106", "款", m("200.00"), m("100.50"), 13),
            _row("行政运行", "2010601", "项", m("200.00"), m("0"), 14),
            _row("信息化建设", "2010605", "项", m("0"), m("100.50"), 15),
            _row("社会保障和就业支出", "208", "类", m("100.00"), m("20.00"), 16),
            _row("行政事业单位养老支出", "20805", "款", m("100.00"), m("20.00"), 17),
            _row("机关事业单位基本养老保险缴费支出", "2080505", "项", m("100.00"), m("20.00"), 18),
        ],
    )
    basic = StatementTable(
        kind="general_budget_basic", title="一般公共预算基本支出表", money_unit=unit, pages=[2], lines=(30, 36),
        columns=["total", "personnel", "public"],
        items=[
            LineItem("合计", {"total": amt(m("300.00")), "personnel": amt(m("250.00")), "public": amt(m("50.00"))},
                     level="total"),
            LineItem("工资福利支出", {"total": amt(m("250.00")), "personnel": amt(m("250.00"))}, code="301", level="类"),
            LineItem("基本工资", {"total": amt(m("250.00")), "personnel": amt(m("250.00"))}, code="30101", level="款"),
            LineItem("商品和服务支出", {"total": amt(m("50.00")), "public": amt(m("50.00"))}, code="302", level="类"),
            LineItem("办公费", {"total": amt(m("50.00")), "public": amt(m("50.00"))}, code="30201", level="款"),
        ],
    )
    total = m("420.50")
    summary = StatementTable(
        kind="income_expenditure_summary", title="收支预算总表", number="表1", money_unit=unit, pages=[1],
        items=[
            LineItem("一般公共预算拨款收入", {"total": amt(total)}, key="general_public_budget", side="income"),
            LineItem("本年收入合计", {"total": amt(total)}, key="current_year_total", side="income"),
            LineItem("收入总计", {"total": amt(total)}, key="grand_total", side="income"),
            LineItem("本年支出合计", {"total": amt(total)}, key="current_year_total", side="expenditure"),
            LineItem("支出总计", {"total": amt(total)}, key="grand_total", side="expenditure"),
        ],
    )
    income = StatementTable(
        kind="income_summary", title="收入预算总表", money_unit=unit,
        items=[LineItem("合计", {"total": amt(total), "general_public_budget": amt(total),
                                 "carryover.general_public_budget": amt("0")}, level="total")],
    )
    three = ThreePublic(
        current={"total": amt(m("12.00")), "outbound": amt(m("2.00")), "vehicle_total": amt(m("8.00")),
                 "vehicle_purchase": amt(m("0")), "vehicle_operation": amt(m("8.00")), "reception": amt(m("2.00"))},
        previous={"total": amt("11.00")}, money_unit=unit, table="“三公”经费支出表",
    )
    d = Disclosure(source=f"{department}{year}.txt", department=department, year=year, money_unit=unit,
                   units=[department], tables=[summary, income, spending, basic], three_public=three)
    amounts = [m("100.50"), m("20.00"), m("5.00")]
    d.projects = [Project(name, amt(amounts[i % 3]), unit=department, sources={"general_public_budget": amt(amounts[i % 3])})
                  for i, name in enumerate(projects)]
    d.performance = [PerformanceTarget("project", projects[0], amount=amt(m("100.50")),
                                       indicators=[Indicator("产出指标", "数量指标", "系统数", "≥", "3", "个")])]
    d.narrative.figures = [NarrativeFigure("expenditure.total", Decimal(total), total, unit, f"支出总计{total}万元。")]
    return d


@pytest.fixture
def examples_copy(tmp_path: Path) -> Path:
    """The four examples in a fresh directory."""
    out = tmp_path / "docs"
    out.mkdir()
    for p in sorted(EXAMPLES.glob("*.txt")):
        shutil.copy(p, out / p.name)
    return out


def distinct_copies(n: int, outdir: Path) -> list[Path]:
    """``n`` documents with distinct content hashes: bench/generate_corpus when present, else example copies
    with one byte appended (a trailing newline variant) so each hash differs."""
    try:
        from bench.generate_corpus import generate  # type: ignore[import-not-found]
    except ImportError:
        generate = None
    if generate is not None:
        try:
            return list(generate(n, outdir, 7))
        except Exception:  # the generator is still being written; fall back to copies
            pass
    outdir.mkdir(parents=True, exist_ok=True)
    seeds = sorted(EXAMPLES.glob("*.txt"))
    paths = []
    for i in range(n):
        src = seeds[i % len(seeds)]
        dst = outdir / f"{i:04d}_{src.name}"
        dst.write_bytes(src.read_bytes() + b"\n" * (1 + i // len(seeds)))
        paths.append(dst)
    return paths
