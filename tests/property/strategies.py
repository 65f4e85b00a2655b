"""Hypothesis strategies: random consistent budgets, their printing as text and .xlsx, and noise.

Why our own small printer (not ``yusuan.publish``): the property is that the reader reads back
what was printed, so the printer must be independent of the code under test and simple enough to
be obviously right — a 收支预算总表 of two sides whose identities hold by construction.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from hypothesis import strategies as st

CENT = Decimal("0.01")
INCOME_LINES = ("一、一般公共预算拨款收入", "二、政府性基金预算拨款收入", "三、国有资本经营预算拨款收入",
                "四、财政专户管理资金收入", "五、单位资金收入")
INCOME_KEYS = ("general_public_budget", "government_fund", "state_capital", "fiscal_special_account", "unit_funds")
FUNCTION_CLASSES = ("一般公共服务支出", "教育支出", "科学技术支出", "文化旅游体育与传媒支出", "社会保障和就业支出",
                    "卫生健康支出", "节能环保支出", "城乡社区支出", "农林水支出", "住房保障支出")
NUMERALS = "一二三四五六七八九十"
DEPARTMENTS = ("测试市财政局", "某某区教育局", "示例县卫生健康委员会", "样本市生态环境局")


@dataclass(frozen=True)
class Budget:
    """A 收支预算总表 whose identities hold: Σ income = 本年收入合计 = Σ expenditure = 本年支出合计,
    收入总计 = 本年收入合计 + 上年结转 = 支出总计 = 本年支出合计 + 年终结转."""

    department: str
    year: int
    income: tuple[Decimal, ...]  # one per INCOME_LINES
    expenditure: tuple[tuple[str, Decimal], ...]  # (功能分类 类 name, amount)
    carryover: Decimal
    thousands: bool  # print 1,234.50 or 1234.50

    @property
    def total(self) -> Decimal:
        return sum(self.income, Decimal(0))


def _partition(total_cents: int, parts: int, cuts: list[int]) -> list[int]:
    points = sorted({0, total_cents, *(c % (total_cents + 1) for c in cuts[: parts - 1])})
    return [b - a for a, b in itertools.pairwise(points)]


@st.composite
def budgets(draw: st.DrawFn) -> Budget:
    """A random consistent budget (amounts in 万元 with two decimals, up to a hundred million)."""
    cents = st.integers(min_value=0, max_value=10_000_000_00)
    income = [draw(cents) for _ in INCOME_LINES]
    income[0] = max(income[0], 1)  # a department has some 一般公共预算 money
    total = sum(income)
    k = draw(st.integers(min_value=1, max_value=len(FUNCTION_CLASSES)))
    names = draw(st.permutations(FUNCTION_CLASSES))[:k]
    cuts = draw(st.lists(st.integers(min_value=0, max_value=total), min_size=k - 1, max_size=k - 1))
    amounts = _partition(total, k, cuts)
    names = names[: len(amounts)]
    return Budget(
        department=draw(st.sampled_from(DEPARTMENTS)),
        year=draw(st.integers(min_value=2018, max_value=2030)),
        income=tuple(Decimal(c) * CENT for c in income),
        expenditure=tuple((n, Decimal(a) * CENT) for n, a in zip(names, amounts, strict=True)),
        carryover=Decimal(draw(st.integers(min_value=0, max_value=100_000_00))) * CENT,
        thousands=draw(st.booleans()),
    )


def _money(b: Budget, v: Decimal) -> str:
    """A printed amount: blank for zero (as the disclosures print it)."""
    if not v:
        return ""
    return f"{v:,.2f}" if b.thousands else f"{v:.2f}"


def rows(b: Budget) -> list[list[str]]:
    """The table as rows of cells (the same for text and Excel)."""
    out = [[f"{b.year}年{b.department}部门预算"], ["收支预算总表"], [f"部门：{b.department}", "", "", "单位：万元"],
           ["收入", "", "支出", ""], ["项目", "预算数", "项目", "预算数"]]
    left = [[name, _money(b, v)] for name, v in zip(INCOME_LINES, b.income, strict=True)]
    right = [[f"{NUMERALS[i]}、{name}", _money(b, v)] for i, (name, v) in enumerate(b.expenditure)]
    for i in range(max(len(left), len(right))):
        out.append((left[i] if i < len(left) else ["", ""]) + (right[i] if i < len(right) else ["", ""]))
    out.append(["本年收入合计", _money(b, b.total), "本年支出合计", _money(b, b.total)])
    out.append(["上年结转结余", _money(b, b.carryover), "年终结转结余", _money(b, b.carryover)])
    grand = _money(b, b.total + b.carryover)
    out.append(["收入总计", grand, "支出总计", grand])
    return out


def as_text(b: Budget) -> str:
    """Tab-separated lines, as a text extraction of the table prints them."""
    return "\n".join("\t".join(r).rstrip("\t") for r in rows(b)) + "\n"


def write_xlsx(b: Budget, path: Path) -> Path:
    """The same table as a workbook: numbers as numbers under a 2-decimal format, text as text."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    fmt = "#,##0.00" if b.thousands else "0.00"
    for r, row in enumerate(rows(b), start=1):
        for c, cell in enumerate(row, start=1):
            if not cell:
                continue
            number = cell.replace(",", "")
            if number.replace(".", "", 1).isdigit() and c in (2, 4) and r > 5:
                ws.cell(r, c, float(Decimal(number))).number_format = fmt
            else:
                ws.cell(r, c, cell)
    wb.save(path)
    return path


def expected_summary(b: Budget) -> dict[str, Decimal]:
    """The key figures the reader must give back (zero where the table prints a blank)."""
    out = {f"revenue.{k}": v for k, v in zip(INCOME_KEYS, b.income, strict=True)}
    out |= {"revenue.current_year_total": b.total, "revenue.carryover_from_last_year": b.carryover,
            "revenue.grand_total": b.total + b.carryover, "expenditure.current_year_total": b.total,
            "expenditure.carryover_to_next_year": b.carryover, "expenditure.grand_total": b.total + b.carryover}
    return out


# --- noise -------------------------------------------------------------------------------------

NOISE_CHARS = st.sampled_from(list("\t \u3000,.，。：:-—（）()0123456789一二三合计总表万元\x00\x0c\r\ufeff\ufffd"))


@st.composite
def noisy_text(draw: st.DrawFn, base: str) -> str:
    """``base`` with random edits: characters inserted, deleted or replaced, lines dropped or repeated."""
    lines = base.split("\n")
    for _ in range(draw(st.integers(min_value=0, max_value=8))):
        if not lines:
            break
        i = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        op = draw(st.sampled_from(["insert", "delete", "replace", "drop", "repeat", "split"]))
        line = lines[i]
        j = draw(st.integers(min_value=0, max_value=len(line)))
        if op == "insert":
            lines[i] = line[:j] + draw(st.text(NOISE_CHARS, min_size=1, max_size=6)) + line[j:]
        elif op == "delete":
            lines[i] = line[:j] + line[j + draw(st.integers(min_value=1, max_value=8)):]
        elif op == "replace":
            lines[i] = line[:j] + draw(st.text(min_size=1, max_size=4)) + line[j + 1:]
        elif op == "drop":
            del lines[i]
        elif op == "repeat":
            lines.insert(i, line)
        else:
            lines[i : i + 1] = [line[:j], line[j:]]
    return "\n".join(lines)


@st.composite
def mutated_bytes(draw: st.DrawFn, base: bytes) -> bytes:
    """``base`` with a few bytes flipped, a run overwritten, or cut short."""
    data = bytearray(base)
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        op = draw(st.sampled_from(["flip", "run", "cut", "zero"]))
        i = draw(st.integers(min_value=0, max_value=max(0, len(data) - 1)))
        if op == "flip" and data:
            data[i] ^= 1 << draw(st.integers(min_value=0, max_value=7))
        elif op == "run":
            run = draw(st.binary(min_size=1, max_size=32))
            data[i : i + len(run)] = run
        elif op == "cut":
            del data[max(1, i):]
        elif data:
            data[i : i + draw(st.integers(min_value=1, max_value=64))] = bytes(64)
    return bytes(data)
