"""A disclosure printed as text alone (只有情况说明、没有表格): read it, or say why it is not one.

Some departments publish the 情况说明 without its tables (or in a file of its own). Such a document
is read for what it states — department, year, every quoted figure, 三公, 机关运行经费, 政府采购 —
instead of being refused. Whether a table-less document is a budget disclosure at all is decided by
evidence, all of which must be present: budget vocabulary (several distinct terms), figures the
text quotes about known subjects, and a year; a novel or an invoice has none of these.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from yusuan.layout import Line
from yusuan.model.disclosure import Disclosure
from yusuan.model.wrapped import squash

VOCABULARY = (
    "部门预算",
    "部门决算",
    "一般公共预算",
    "政府性基金",
    "财政拨款",
    "三公",
    "机关运行经费",
    "政府采购",
    "基本支出",
    "项目支出",
    "收支",
    "预算",
    "决算",
)
MIN_TERMS = 3
MIN_CLAIMS = 2

_TITLE = re.compile(r"^(?P<year>20\d{2})年度?[^，。：:]{0,10}?(?:预算|决算)[^，。：:]{0,8}$")
_NAME_AND_TITLE = re.compile(r"^(?P<name>[^，。：:\d]{2,40}?)(?P<year>20\d{2})年度?[^，。：:]{0,10}?(?:预算|决算)")
_ORGANISATION = re.compile(r"[局委院校部厅办室处会所站馆队团中心]$|政府$")
_PRONOUNS = frozenset({"本部门", "本单位", "我部门", "我单位", "我局", "我委", "我校", "我院", "部门", "单位"})
_FIRST_LINES = 80


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a table-less document shows of a budget disclosure."""

    terms: tuple[str, ...]
    claims: int
    year: int | None

    @property
    def sufficient(self) -> bool:
        return len(self.terms) >= MIN_TERMS and self.claims >= MIN_CLAIMS and self.year is not None


def evidence(d: Disclosure, text: str) -> Evidence:
    """The budget evidence of ``d`` (read without tables) and its whole ``text``."""
    flat = squash(text)
    terms = tuple(t for t in VOCABULARY if t in flat)
    claims = sum(1 for f in d.narrative.figures if f.unit not in ("%", "％"))
    return Evidence(terms, claims, d.year)


def refusal(source: str, found: Evidence) -> str:
    """The Chinese message for a document that is neither tables nor a budget 情况说明."""
    missing = []
    if len(found.terms) < MIN_TERMS:
        missing.append("预算用语（如 一般公共预算、财政拨款、“三公”经费）")
    if found.claims < MIN_CLAIMS:
        missing.append("引用预算数字的句子（如 收入预算X万元）")
    if found.year is None:
        missing.append("年度")
    return (
        f"不是部门预算/决算公开文件：未找到预算表格（如 收支预算总表、支出预算总表），"
        f"也不像情况说明（缺少{'、'.join(missing)}）"
        f" / not a disclosure: no budget table, and the text lacks {len(missing)} kinds of budget evidence"
    )


def title_identity(lines: Sequence[Line]) -> tuple[str | None, int | None]:
    """Department and year from a cover title ('X' over '2019年部门综合预算说明', or one line
    'X2019年部门预算说明'), for templates the table-driven identity does not cover."""
    texts = [t for t in (squash(ln.text) for ln in lines[:_FIRST_LINES]) if t and t.strip("-—0123456789")]
    previous = ""
    for text in texts:
        if (m := _TITLE.match(text)) and _ORGANISATION.search(previous):
            return previous, int(m.group("year"))
        if (m := _NAME_AND_TITLE.match(text)) and _ORGANISATION.search(m.group("name")):
            return m.group("name"), int(m.group("year"))
        previous = text
    return None, None


def complete_identity(d: Disclosure, lines: Sequence[Line]) -> None:
    """Fill a department that is missing or only a pronoun (本部门), and a missing year, from the
    cover title."""
    name, year = title_identity(lines)
    if name and (d.department is None or d.department in _PRONOUNS):
        d.department = name
    if d.year is None and year:
        d.year = year
