"""What the reader cannot yet read back, by seed, template variant and format — the lead's queue.

Each rule names the variant axis (or the seed's table) and what the reader gets wrong; the
round-trip and variation suites mark exactly the cases these rules match as strict xfails, so a
reader fix turns its cases into XPASS failures and the rule is then removed here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Gap:
    """A reader fault: when it applies (seed, axes of the variant, format, template) and why."""

    applies: Callable[[str, dict[str, Any], str, str], bool]
    reason: str


# where each bundled template prints the table number (the 决算 三公 gap depends on it)
_NUMBER_POSITION = {"national": "before_title", "liaoning_city": "after_title", "shanghai_district": "inline"}

GAPS: tuple[Gap, ...] = (
    Gap(lambda seed, axes, fmt, tpl: seed == "000",
        "000 项目支出表 with a 项目内容 column: the project reader glues each 项目内容 to its 项目名称 "
        "(projects[*].name; tab-separated and grid formats since c0e8db3, PDF always)"),
    Gap(lambda seed, axes, fmt, tpl: axes.get("code_layout") == "indented",
        "code_layout=indented: rows printing names only (indented, no codes) get no codes from the "
        "dictionary — by_function_class/item and basic_by_economic_class come back empty"),
    Gap(lambda seed, axes, fmt, tpl: axes.get("code_layout") == "broken" and fmt == "text",
        "code_layout=broken: a 7-digit 项 code broken over two lines (201035 / 0) is not rejoined — "
        "the 项 rows lose their codes (by_function_item, by_function_class empty)"),
    Gap(lambda seed, axes, fmt, tpl: axes.get("total_label") == "",
        "total_label=∅: a 合计 row printed without its label is not found by position and arithmetic — "
        "expenditure.basic/personnel/project and the 一般公共预算 totals come back null"),
    Gap(lambda seed, axes, fmt, tpl: axes.get("header_groups") == "caption_only" and seed in ("001", "002", "004"),
        "header_groups=caption_only: 基本支出 printed only through its children (人员经费 | 公用经费, no 小计) — "
        "the first child is read as the group's subtotal (expenditure.basic/personnel/public shift one column)"),
    Gap(lambda seed, axes, fmt, tpl: axes.get("column_order") == "reversed" and seed in ("002", "004"),
        "column_order=reversed (合计 last, 项目支出 before 基本支出): the 支出总表 columns are misplaced — "
        "expenditure.basic 0, by_function_class empty"),
    Gap(lambda seed, axes, fmt, tpl: axes.get("three_public_layout") == "items_as_rows" and seed == "001",
        "three_public_layout=items_as_rows with two year columns (2023年预算数 | 2024年预算数): the earlier "
        "year's column is read as this year's (three_public.* = last year's figures)"),
    Gap(lambda seed, axes, fmt, tpl: seed == "002" and fmt != "pdf"
        and (axes.get("three_public_layout") or ("single" if tpl == "shanghai_district" else "")) == "single",
        "three_public_layout=single for a 三公 whose parts do not add up (公务用车购置及运行费 1.00, 购置/运行 0): "
        "placement by identities reads vehicle_total as 0"),
    Gap(lambda seed, axes, fmt, tpl: seed == "004" and fmt == "text"
        and (axes.get("number_position") or _NUMBER_POSITION[tpl]) != "before_title",
        "004 决算 三公 row table in text with the table number after the title (or inline): the title line "
        "(…支出决算表) is taken into the header, its 决算 comes before 预算数, so the 预算数 column is read as "
        "this year's (three_public.* = 预算数)"),
    Gap(lambda seed, axes, fmt, tpl: seed == "001" and fmt in ("xlsx", "html", "docx", "pdf")
        and (axes.get("header_groups") == "flat" or tpl == "shanghai_district"),
        "001 项目支出表 with a one-row header (header_groups=flat, or the Shanghai template's flat columns) in "
        "xlsx/html/docx/pdf: no empty header cell, so the rows are not read as tab-separated and the unit "
        "subtotal rows are read as projects (projects[*] shift by one)"),
    Gap(lambda seed, axes, fmt, tpl: seed == "001" and fmt == "text" and tpl == "shanghai_district",
        "001 项目支出表 under the Shanghai meta line '编制部门：X … 单位：元': the project reader takes the meta "
        "line for a project (its meta pattern knows 部门：/单位： at the start, not 编制部门：)"),
)


def reader_gap(seed: str, axes: dict[str, Any], fmt: str, template: str = "national") -> str | None:
    """The reason the reader fails this case, or None when it must read it back."""
    return next((g.reason for g in GAPS if g.applies(seed, axes, fmt, template)), None)
