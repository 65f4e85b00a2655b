"""Cross-document look-ups for checks: the same department's previous-year document.

Why here: a check such as “the stated change equals this year − last year” needs last year's
figures, which only the store has. :func:`previous_year` rebuilds last year's Disclosure from the
stored rows (tables with their line items, 三公, projects, performance, narrative figures), so it
fits the checker's ``PreviousProvider``: ``run_checks(d, previous=partial(previous_year, store))``.
:func:`previous_year_figures` gives the key figures (SUMMARY_SCHEMA) instead.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

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
from yusuan.money import parse_amount
from yusuan.store.db import Store
from yusuan.store.rows import money

_INT_KEYS = frozenset({"year", "project_performance_tables"})
_WS = re.compile(r"\s+")
LINE_TABLES = ("income_lines", "expenditure_lines", "economic_lines", "other_lines")


def _decimals(value: Any, key: str = "") -> Any:
    """JSON numbers back to Decimal (money), except the keys that are counts or years."""
    if isinstance(value, dict):
        return {k: _decimals(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_decimals(v, key) for v in value]
    if isinstance(value, Decimal) and key in _INT_KEYS:
        return int(value)
    return value


def load_key_figures(store: Store, doc_id: str) -> dict[str, Any] | None:
    """The stored key figures (SUMMARY_SCHEMA shape, Decimal money) of one document."""
    row = store.con.execute("SELECT figures FROM key_figures WHERE doc_id = ?", [doc_id]).fetchone()
    if row is None:
        return None
    data = json.loads(row[0], parse_float=Decimal, parse_int=Decimal)
    return _decimals(data)


_NUMBER = re.compile(r"\(?-?\d[\d,]*(?:\.\d+)?\)?")


def printed_value(stored: Decimal, text: str | None) -> Decimal:
    """``stored`` (a DECIMAL(20,4) column: 21.2200, 0.0000) at the precision ``text`` prints.

    Why: a figure's decimals are its rounding (checks allow one unit of the last printed digit), so
    a value read back must be Decimal('21.22') as printed, not Decimal('21.2200'). The printed
    number is taken from the text (a cell '1,234.50', a quoted figure '17.08万元' whose value may
    carry the sign of 减少, '12.345678%' that the column rounded); it is used when it (or its
    negative) is what the column holds. A text with no number ('' for a blank cell, '无', '持平')
    stands for an exact zero. Otherwise the stored value is kept.
    """
    if text is None or not any(ch.isdigit() for ch in text):
        return Decimal(0) if stored == 0 and text is not None else stored
    try:
        printed = parse_amount(text)
    except ValueError:
        m = _NUMBER.search(text)
        try:
            printed = parse_amount(m.group(0)) if m else None
        except ValueError:
            printed = None
    if printed is None:
        return stored
    for candidate in (printed, -printed):
        if money(candidate) == stored:
            return candidate
    return stored


_CELL_SQL = "x0, top, x1, bottom, ocr"  # the v3 cell columns (yusuan.store.schema.CELL_COLUMNS)


def _bbox(x0: float | None, top: float | None, x1: float | None,
          bottom: float | None) -> tuple[float, float, float, float] | None:
    """The stored cell box back as Provenance.bbox (None unless all four edges are stored)."""
    if x0 is None or top is None or x1 is None or bottom is None:
        return None
    return (x0, top, x1, bottom)


def _amount(value: Decimal | None, text: str | None, source: str, page: int | None = None,
            line: int | None = None, cell: tuple[Any, ...] = ()) -> Amount | None:
    """The printed amount again: the value at its printed precision (:func:`printed_value`).

    ``cell`` is the row's (x0, top, x1, bottom, ocr) when the table stores them (schema v3).
    """
    if value is None:
        return None
    bbox = _bbox(*cell[:4]) if cell else None
    ocr = bool(cell[4]) if cell else False
    where = (Provenance(source, page=page, line=line, bbox=bbox, ocr=ocr)
             if page is not None or line is not None or bbox is not None or ocr else None)
    return Amount(printed_value(value, text), text or "", where)


def load_disclosure(store: Store, doc_id: str) -> Disclosure | None:
    """Rebuild a stored document's Disclosure from its rows (rows without any figure are not stored)."""
    con = store.con
    doc = con.execute(
        "SELECT file_name, department, year, kind, money_unit, format FROM documents WHERE doc_id = ?", [doc_id]
    ).fetchone()
    if doc is None:
        return None
    source = doc[0]
    d = Disclosure(source=source, department=doc[1], year=doc[2], kind=doc[3] or "预算", money_unit=doc[4] or "万元",
                   format=doc[5] or "text")
    d.units = [r[0] for r in con.execute("SELECT name FROM units WHERE doc_id = ? ORDER BY unit_no", [doc_id]).fetchall()]
    tables: dict[int, StatementTable] = {}
    for no, kind, title, number, unit, page, first, last, t_unit, notes in con.execute(
        "SELECT table_no, kind, title, number, money_unit, first_page, first_line, last_line, unit, notes "
        "FROM statement_tables WHERE doc_id = ? ORDER BY table_no",
        [doc_id],
    ).fetchall():
        tables[no] = StatementTable(kind=kind, title=title or "", number=number, money_unit=unit,
                                    pages=[page] if page else [], lines=(first, last) if first is not None else None,
                                    unit=t_unit, notes=json.loads(notes) if notes else [])
    items: dict[tuple[int, int], LineItem] = {}
    for table in LINE_TABLES:
        for t_no, r_no, name, code, level, unit, key, side, column, fund, amount, text, page, line, *cell in con.execute(
            f"SELECT table_no, row_no, name, code, level, unit, row_key, side, column_key, fund_source, amount, "
            f"text, page, line, {_CELL_SQL} FROM {table} WHERE doc_id = ? ORDER BY table_no, row_no",
            [doc_id],
        ).fetchall():
            item = items.get((t_no, r_no))
            if item is None:
                item = LineItem(name=name or "", values={}, code=code, level=level or "item", unit=unit, key=key,
                                side=side, where=Provenance(source, page=page, line=line))
                items[(t_no, r_no)] = item
            column_name = f"carryover.{fund}" if column == "carryover" and fund else column
            item.values[column_name] = _amount(amount, text, source, page, line, cell)  # type: ignore[assignment]
    for (t_no, _), item in sorted(items.items()):
        if t_no in tables:
            tables[t_no].items.append(item)
    d.tables = [tables[k] for k in sorted(tables)]
    _load_parts(store, doc_id, d)
    return d


def _load_parts(store: Store, doc_id: str, d: Disclosure) -> None:
    """三公, projects, performance targets and narrative figures of a stored document."""
    con, source = store.con, d.source
    tp_rows = con.execute(f"SELECT period, part, amount, text, money_unit, page, line, {_CELL_SQL} FROM three_public "
                          "WHERE doc_id = ?", [doc_id]).fetchall()
    if tp_rows:
        tp = ThreePublic(money_unit=tp_rows[0][4])
        for period, part, amount, text, _, page, line, *cell in tp_rows:
            getattr(tp, period)[part] = _amount(amount, text, source, page, line, cell)
        d.three_public = tp
    sources: dict[int, dict[str, Amount]] = defaultdict(dict)
    for no, fund, amount, text in con.execute(
        "SELECT project_no, fund_source, amount, text FROM project_sources WHERE doc_id = ?", [doc_id]
    ).fetchall():
        sources[no][fund] = _amount(amount, text, source)  # type: ignore[assignment]
    for no, name, unit, content, origin, amount, text, page, line, *cell in con.execute(
        f"SELECT project_no, name, unit, content, origin, amount, text, page, line, {_CELL_SQL} FROM projects "
        "WHERE doc_id = ? ORDER BY project_no",
        [doc_id],
    ).fetchall():
        d.projects.append(Project(name, _amount(amount, text, source, page, line, cell), unit=unit, content=content,
                                  sources=sources.get(no, {}), origin=origin or "project_expenditure"))
    indicators: dict[int, list[Indicator]] = defaultdict(list)
    for no, l1, l2, name, op, value, unit in con.execute(
        "SELECT target_no, level1, level2, name, operator, value, unit FROM performance_indicators "
        "WHERE doc_id = ? ORDER BY target_no, indicator_no",
        [doc_id],
    ).fetchall():
        indicators[no].append(Indicator(l1, l2, name, op, value, unit))
    for no, scope, name, unit, amount, goal, self_eval in con.execute(
        "SELECT target_no, scope, name, unit, amount, goal, self_evaluation FROM performance_targets "
        "WHERE doc_id = ? ORDER BY target_no",
        [doc_id],
    ).fetchall():
        d.performance.append(PerformanceTarget(scope, name, unit=unit, amount=_amount(amount, None, source), goal=goal,
                                               indicators=indicators.get(no, []), self_evaluation=bool(self_eval)))
    for claim, value, text, unit, sentence, page, line in con.execute(
        "SELECT claim, value, text, unit, sentence, page, line FROM narrative_figures WHERE doc_id = ? "
        "ORDER BY figure_no",
        [doc_id],
    ).fetchall():
        d.narrative.figures.append(NarrativeFigure(claim, printed_value(value, text), text or "", unit,
                                                   sentence or "", Provenance(source, page=page, line=line)))


def find_previous(store: Store, disclosure: Any) -> tuple[str, str] | None:
    """(doc_id, file_name) of the same department's document for the year before, or None.

    The department is matched ignoring whitespace; the same kind (预算/决算) is preferred, then the
    most recently ingested.
    """
    get = disclosure.get if isinstance(disclosure, dict) else lambda k: getattr(disclosure, k, None)
    department, year, kind = get("department"), get("year"), get("kind")
    if not department or year is None:
        return None
    row = store.con.execute(
        "SELECT doc_id, file_name FROM documents WHERE regexp_replace(department, '\\s+', '', 'g') = ? "
        "AND year = ? ORDER BY (kind = ?) DESC, ingested_at DESC LIMIT 1",
        [_WS.sub("", department), int(year) - 1, kind or ""],
    ).fetchone()
    return None if row is None else (row[0], row[1])


def _with_store(store: Store | str | Path, fn: Any) -> Any:
    if isinstance(store, Store):
        return fn(store)
    with Store(store, read_only=True) as st:
        return fn(st)


def previous_year(store: Store | str | Path, disclosure: Any) -> Disclosure | None:
    """The same department's previous-year Disclosure, rebuilt from the store, or None.

    ``disclosure`` is a Disclosure or any object/dict with ``department``, ``year`` and ``kind``.
    Fits ``yusuan.check.run_checks(d, previous=functools.partial(previous_year, store))``.
    """

    def look(st: Store) -> Disclosure | None:
        found = find_previous(st, disclosure)
        return None if found is None else load_disclosure(st, found[0])

    return _with_store(store, look)


def previous_year_figures(store: Store | str | Path, disclosure: Any) -> dict[str, Any] | None:
    """Key figures (SUMMARY_SCHEMA dict, Decimal money, plus ``doc_id``/``file_name``) of the previous year.

    Documents stored before schema v2 give only the expenditure totals (``backfilled: true``).
    """

    def look(st: Store) -> dict[str, Any] | None:
        found = find_previous(st, disclosure)
        if found is None:
            return None
        return {**(load_key_figures(st, found[0]) or {}), "doc_id": found[0], "file_name": found[1]}

    return _with_store(store, look)
