"""Codes: every 功能分类/经济分类 code is known for the year, printed under its name, at its level,
below its parent. Dictionaries come from ``yusuan.codes``; an absent code is “unknown”, never wrong."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from yusuan.check.context import Context, clean_name
from yusuan.check.finding import INFO, WARNING, Finding, Location
from yusuan.check.registry import rule
from yusuan.check.rules.kinds import ECONOMIC, FUNCTION
from yusuan.model import LineItem, StatementTable

LEVEL_LENGTH = {"类": 3, "款": 5, "项": 7}


def system_of(code: str) -> str | None:
    """功能分类 codes start with 2, 部门预算经济分类 with 3, 政府预算经济分类 with 5."""
    return {"2": "functional", "3": "economic_department", "5": "economic_government"}.get(code[:1])


def _coded(
    ctx: Context, kinds: tuple[str, ...], systems: tuple[str, ...]
) -> Iterator[tuple[StatementTable, LineItem]]:
    for table in ctx.tables(*kinds):
        for item in ctx.code_rows(table):
            if item.code and system_of(item.code) in systems:
                yield table, item


def _loc(ctx: Context, table: StatementTable, item: LineItem) -> Location:
    cell = ctx.cell(table, item, next(iter(item.values), "total"))
    if cell is not None:
        return Location(cell.loc.table, cell.loc.kind, cell.loc.row, None, cell.loc.page, cell.loc.line)
    w = item.where
    return Location(
        table.title,
        table.kind,
        f"{item.code} {item.name}",
        None,
        w.page if w else None,
        w.line if w else None,
    )


def _known(ctx: Context, kinds: tuple[str, ...], systems: tuple[str, ...]) -> Iterator[Finding]:
    from yusuan.codes import lookup

    seen: dict[str, list[Location]] = {}
    for table, item in _coded(ctx, kinds, systems):
        code = item.code or ""
        if lookup(code, system_of(code), ctx.d.year) is None:  # type: ignore[arg-type]
            seen.setdefault(code, []).append(_loc(ctx, table, item))
    for code, locations in seen.items():
        yield Finding(
            "", INFO, f"科目编码 {code} 不在已知分类表中（未见过，不等于错误）", (code,), tuple(locations)
        )


@lru_cache(maxsize=16384)
def _match(code: str, printed: str, system: str, year: int | None) -> tuple[str, str | None]:
    """(status, expected name) of a printed name; cached because every table repeats its codes."""
    from yusuan.codes import name_matches

    result = name_matches(code, printed, system, year)  # type: ignore[arg-type]
    return result.status, result.expected


def _names(ctx: Context, kinds: tuple[str, ...], systems: tuple[str, ...]) -> Iterator[Finding]:
    for table, item in _coded(ctx, kinds, systems):
        code = item.code or ""
        printed = clean_name(item.name.replace(code, ""))
        status, expected = _match(code, printed, system_of(code) or "", ctx.d.year)
        if status in ("differs", "misprint"):
            note = "（已知误印）" if status == "misprint" else ""
            yield Finding(
                "",
                WARNING,
                f"科目 {code} 印为“{printed}”，分类表为“{expected}”{note}",
                (printed, expected or ""),
                (_loc(ctx, table, item),),
            )


@rule(
    "codes.function_known",
    "功能分类科目编码已知",
    INFO,
    "功能分类编码应存在于该年度的政府收支分类科目中；未收录的编码只提示，不判错。",
)
def function_known(ctx: Context) -> Iterator[Finding]:
    yield from _known(ctx, FUNCTION, ("functional",))


@rule(
    "codes.function_name",
    "功能分类科目名称与编码相符",
    WARNING,
    "印出的科目名称应与该编码在分类表中的名称一致（允许已知的更名）。",
)
def function_name(ctx: Context) -> Iterator[Finding]:
    yield from _names(ctx, FUNCTION, ("functional",))


@rule(
    "codes.economic_known",
    "经济分类科目编码已知",
    INFO,
    "经济分类编码（部门预算 3xx / 政府预算 5xx）应存在于分类表中；未收录只提示。",
)
def economic_known(ctx: Context) -> Iterator[Finding]:
    yield from _known(ctx, ECONOMIC, ("economic_department", "economic_government"))


@rule(
    "codes.economic_name",
    "经济分类科目名称与编码相符",
    WARNING,
    "印出的经济分类科目名称应与分类表一致（允许已知的更名）。",
)
def economic_name(ctx: Context) -> Iterator[Finding]:
    yield from _names(ctx, ECONOMIC, ("economic_department", "economic_government"))


@rule(
    "codes.level",
    "科目级次与编码长度相符",
    WARNING,
    "类为 3 位、款为 5 位、项为 7 位编码；级次与长度不符说明编码被拆行或错印。",
)
def level(ctx: Context) -> Iterator[Finding]:
    for table, item in _coded(
        ctx, (*FUNCTION, *ECONOMIC), ("functional", "economic_department", "economic_government")
    ):
        want = LEVEL_LENGTH.get(item.level)
        if want and item.code and len(item.code) != want and not (item.level == "项" and len(item.code) > 7):
            yield Finding(
                "",
                WARNING,
                f"科目 {item.code} 标为“{item.level}”，但编码为 {len(item.code)} 位",
                (item.code,),
                (_loc(ctx, table, item),),
            )


@rule(
    "codes.parent",
    "下级科目的上级科目已列示",
    WARNING,
    "表中列出“项”时其所属“款”、列出“款”时其所属“类”也应列出。",
)
def parent(ctx: Context) -> Iterator[Finding]:
    for table in ctx.tables(*FUNCTION, *ECONOMIC):
        for rows in ctx.index(table).codes.values():
            lengths = {len(c) for c in rows}
            for code, item in rows.items():
                cut = 5 if len(code) == 7 else 3 if len(code) == 5 else None
                if cut and cut in lengths and code[:cut] not in rows:
                    yield Finding(
                        "",
                        WARNING,
                        f"科目 {code} {item.name} 的上级科目 {code[:cut]} 未列示",
                        (code, code[:cut]),
                        (_loc(ctx, table, item),),
                    )
