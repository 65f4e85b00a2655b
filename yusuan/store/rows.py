"""Disclosure (+ findings) → plain rows per store table, the unit of work a reader process returns.

Why a separate step: rows are plain tuples of str/int/Decimal, cheap to pickle back from a worker
process or a Dask worker, so the single writer only inserts; and the routing of each table kind
to income / expenditure / economic / other lines is decided in one place.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

import duckdb
import pyarrow as pa

from yusuan.model import Disclosure, LineItem, StatementTable
from yusuan.model.disclosure import FUND_SOURCE_COLUMNS
from yusuan.model.provenance import Amount, Provenance
from yusuan.model.serialize import to_plain
from yusuan.store.schema import DATA_TABLES, migrate

FUND_SOURCES = frozenset(FUND_SOURCE_COLUMNS)
TABLE_FUND = {
    "general_budget_expenditure": "general_public_budget",
    "general_budget_basic": "general_public_budget",
    "government_fund": "government_fund",
    "state_capital": "state_capital",
}
INCOME_KINDS = frozenset({"income_summary"})
TWO_SIDED_KINDS = frozenset({"income_expenditure_summary", "fiscal_summary"})
EXPENDITURE_KINDS = frozenset(
    {"expenditure_summary", "general_budget_expenditure", "government_fund", "state_capital", "function_classification"}
)
_QUANTUM = Decimal("0.0001")
_REGION_RE = re.compile(r"^(.{1,8}?(?:自治区|自治州|省|市|州|盟|县|旗|区))")


_SCHEMAS: dict[str, pa.Schema] = {}


def arrow_schemas() -> dict[str, pa.Schema]:
    """The Arrow schema of every store table, from an in-memory DuckDB migrated to the latest version."""
    if not _SCHEMAS:
        con = duckdb.connect()
        migrate(con)
        _SCHEMAS.update({t: con.sql(f"SELECT * FROM {t} LIMIT 0").to_arrow_table().schema for t in DATA_TABLES})
        con.close()
    return _SCHEMAS


def as_arrow(table: str, rows: list[tuple[Any, ...]]) -> pa.Table:
    """Rows of one store table as an Arrow table of its exact column types (DECIMAL stays decimal)."""
    schema = arrow_schemas()[table]
    columns = list(zip(*rows, strict=True))
    arrays = [pa.array(list(col), type=f.type) for col, f in zip(columns, schema, strict=True)]
    return pa.Table.from_arrays(arrays, schema=schema)


@dataclass(slots=True)
class DocumentRows:
    """Every row one document contributes, keyed by store table name (tuples in column order).

    :meth:`freeze` turns them into Arrow tables where they are made (in the reader process), so the
    single writer only concatenates and inserts.
    """

    doc_id: str
    tables: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    severities: dict[str, int] = field(default_factory=dict)
    arrow: dict[str, pa.Table] = field(default_factory=dict)

    def add(self, table: str, row: tuple[Any, ...]) -> None:
        self.tables.setdefault(table, []).append(row)

    def freeze(self) -> DocumentRows:
        """Convert the rows to Arrow (once); returns self."""
        for table, rows in self.tables.items():
            if rows:
                self.arrow[table] = as_arrow(table, rows)
        self.tables = {}
        return self

    def table(self, name: str) -> pa.Table | None:
        """The rows of store table ``name`` as Arrow, or None when the document has none."""
        if name in self.arrow:
            return self.arrow[name]
        rows = self.tables.get(name)
        return as_arrow(name, rows) if rows else None


def money(value: Decimal | None) -> Decimal | None:
    """A Decimal that fits DECIMAL(20,4) (more decimals are rounded half-even; ``text`` keeps the print)."""
    if value is None:
        return None
    return value if value.as_tuple().exponent >= -4 else value.quantize(_QUANTUM, ROUND_HALF_EVEN)  # type: ignore[operator]


def region_of(department: str | None) -> str | None:
    """The region a department name starts with (抚顺市工业和信息化局 → 抚顺市), when it has one."""
    if not department:
        return None
    m = _REGION_RE.match(department)
    return m.group(1) if m and len(m.group(1)) >= 2 else None


def line_target(table_kind: str, side: str | None) -> str:
    """Which lines table a row of ``table_kind`` belongs in."""
    if table_kind in TWO_SIDED_KINDS:
        return "income_lines" if side == "income" else "expenditure_lines"
    if table_kind in INCOME_KINDS:
        return "income_lines"
    if table_kind in EXPENDITURE_KINDS:
        return "expenditure_lines"
    if table_kind == "general_budget_basic" or table_kind.startswith("economic_classification"):
        return "economic_lines"
    return "other_lines"


def column_and_fund(table_kind: str, column: str) -> tuple[str, str | None]:
    """Split a canonical column key into (column key, fund source)."""
    if column.startswith("carryover."):
        return "carryover", column.split(".", 1)[1]
    if column in FUND_SOURCES:
        return column, column
    return column, TABLE_FUND.get(table_kind)


def _where(*candidates: Provenance | None) -> tuple[int | None, int | None]:
    for w in candidates:
        if w is not None and (w.page is not None or w.line is not None):
            return w.page, w.line
    return None, None


Cell = tuple[float | None, float | None, float | None, float | None, bool]


def _box(page: int | None, *candidates: Provenance | None) -> Cell:
    """The v3 cell columns (x0, top, x1, bottom, ocr): the box of the first candidate with one on ``page``.

    Only a box on the stored page is taken (a project's amount cell before its row), so a UI
    highlighting it never lands on another page; ``ocr`` is true when any candidate was read by OCR.
    """
    ocr = any(w is not None and w.ocr for w in candidates)
    for w in candidates:
        if w is not None and w.bbox is not None and (page is None or w.page == page):
            x0, top, x1, bottom = (float(v) for v in w.bbox)
            return x0, top, x1, bottom, ocr
    return None, None, None, None, ocr


def _amount_cols(a: Amount | None) -> tuple[Decimal | None, str | None]:
    return (None, None) if a is None else (money(a.value), a.text)


def _table_rows(rows: DocumentRows, table_no: int, t: StatementTable, default_unit: str) -> None:
    first_line, last_line = t.lines if t.lines else (None, None)
    rows.add(
        "statement_tables",
        (
            rows.doc_id, table_no, t.kind, t.title, t.number, t.money_unit or default_unit,
            t.pages[0] if t.pages else None, first_line, last_line, t.unit, len(t.items) or len(t.cells),
            json.dumps(t.notes, ensure_ascii=False) if t.notes else None,
            json.dumps(t.columns, ensure_ascii=False), json.dumps(t.cells, ensure_ascii=False),
        ),
    )
    unit = t.money_unit or default_unit
    for row_no, item in enumerate(t.items):
        _line_rows(rows, table_no, row_no, t, item, unit)


def _line_rows(rows: DocumentRows, table_no: int, row_no: int, t: StatementTable, item: LineItem, unit: str) -> None:
    target = line_target(t.kind, item.side)
    for column, amount in item.values.items():
        column_key, fund = column_and_fund(t.kind, column)
        page, line = _where(amount.where, item.where)
        cell = _box(page, amount.where, item.where)
        rows.add(
            target,
            (
                rows.doc_id, table_no, t.kind, row_no, item.name, item.code, item.level, item.unit or t.unit,
                item.key, item.side, column_key, fund, money(amount.value), amount.text, unit, page, line, *cell,
            ),
        )


def _three_public_rows(rows: DocumentRows, d: Disclosure) -> None:
    tp = d.three_public
    if tp is None:
        return
    unit = tp.money_unit or d.money_unit
    for period, parts in (("current", tp.current), ("previous", tp.previous), ("budget", tp.budget)):
        for part, amount in parts.items():
            page, line = _where(amount.where)
            cell = _box(page, amount.where)
            rows.add(
                "three_public", (rows.doc_id, period, part, money(amount.value), amount.text, unit, page, line, *cell)
            )


def _project_rows(rows: DocumentRows, d: Disclosure) -> None:
    for no, p in enumerate(d.projects):
        value, text = _amount_cols(p.amount)
        amount_where = p.amount.where if p.amount else None
        page, line = _where(p.where, amount_where)
        cell = _box(page, amount_where, p.where)
        rows.add(
            "projects",
            (rows.doc_id, no, p.name, p.unit, p.content, p.origin, value, text, d.money_unit, page, line, *cell),
        )
        for source, amount in p.sources.items():
            rows.add("project_sources", (rows.doc_id, no, source, money(amount.value), amount.text))


def _performance_rows(rows: DocumentRows, d: Disclosure) -> None:
    for no, target in enumerate(d.performance):
        value, _ = _amount_cols(target.amount)
        page, line = _where(target.where)
        rows.add(
            "performance_targets",
            (rows.doc_id, no, target.scope, target.name, target.unit, value, target.goal,
             target.self_evaluation, page, line),
        )
        for ino, ind in enumerate(target.indicators):
            page, line = _where(ind.where)
            rows.add(
                "performance_indicators",
                (rows.doc_id, no, ino, ind.level1, ind.level2, ind.name, ind.operator, ind.value, ind.unit,
                 page, line),
            )


def _narrative_rows(rows: DocumentRows, d: Disclosure) -> None:
    for no, f in enumerate(d.narrative.figures):
        page, line = _where(f.where)
        rows.add(
            "narrative_figures",
            (rows.doc_id, no, f.claim, money(f.value), f.text, f.unit, f.sentence, page, line),
        )


def _section_rows(rows: DocumentRows, d: Disclosure) -> None:
    """The narrative's headings and text (v4), so the web view can show quoted figures in place."""
    for no, section in enumerate(d.narrative.sections):
        rows.add("narrative_sections", (rows.doc_id, no, section.title, section.text, section.line))


def _finding_rows(rows: DocumentRows, findings: list[Any]) -> None:
    for no, f in enumerate(findings):
        severity = str(getattr(f, "severity", "info"))
        rows.severities[severity] = rows.severities.get(severity, 0) + 1
        values = [str(v) for v in (getattr(f, "values", None) or [])]
        locations = to_plain(list(getattr(f, "locations", None) or []))
        rows.add(
            "findings",
            (rows.doc_id, no, str(getattr(f, "rule", "?")), severity, str(getattr(f, "message", "")),
             json.dumps(values, ensure_ascii=False), json.dumps(locations, ensure_ascii=False, default=str)),
        )


def to_rows(
    d: Disclosure,
    findings: list[Any],
    *,
    doc_id: str,
    file_name: str,
    path: str | None,
    size: int | None,
    key_figures_json: str | None = None,
) -> DocumentRows:
    """Every store row of one document; ``doc_id`` is the sha256 of its bytes."""
    rows = DocumentRows(doc_id)
    region = getattr(d, "region", None) or region_of(d.department)
    rows.add(
        "documents",
        (
            doc_id, file_name, path, d.department, region, d.year, d.kind, d.money_unit, d.format, size,
            len(d.tables), json.dumps(d.warnings, ensure_ascii=False), datetime.now(UTC).replace(tzinfo=None),
        ),
    )
    for no, name in enumerate(d.units):
        rows.add("units", (doc_id, no, name))
    for table_no, t in enumerate(d.tables):
        _table_rows(rows, table_no, t, d.money_unit)
    _three_public_rows(rows, d)
    _project_rows(rows, d)
    _performance_rows(rows, d)
    _narrative_rows(rows, d)
    _section_rows(rows, d)
    _finding_rows(rows, findings)
    if key_figures_json is not None:
        rows.add("key_figures", (doc_id, key_figures_json))
    return rows
