"""One stored document as the document page shows it: its tables as printed, its findings, and
which cell each finding points at.

Why from the store rows: every printed cell is a row (table, row, column) with its text and box,
so a table is rebuilt exactly as read, and a finding's location (table label, row label, column,
line — the check contract) is matched to the cell it names without re-reading the file.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from yusuan.check.cells import row_label
from yusuan.check.registry import REGISTRY, all_rules
from yusuan.model import LineItem
from yusuan.store.db import Store
from yusuan.store.rows import TABLE_FUND, TWO_SIDED_KINDS
from yusuan.web.labels import (
    LEVEL_INDENT,
    PERIOD_LABELS,
    SEVERITY_LABELS,
    SEVERITY_ORDER,
    THREE_PUBLIC_PARTS,
    column_label,
    kind_label,
)

READ_PREFIX = "read."
LINE_TABLES = ("income_lines", "expenditure_lines", "economic_lines", "other_lines")


@dataclass(slots=True)
class CellView:
    """A printed cell: its text, its anchor id, and the findings that involve it (worst first)."""

    text: str
    anchor: str
    findings: list[int] = field(default_factory=list)
    severity: str | None = None

    def td(self) -> str:
        """The cell as a ``<td>`` (built here, not in a template macro: a page has thousands of cells)."""
        text = escape(self.text)
        if not self.findings:
            return f'<td class="num" id="{self.anchor}">{text}</td>'
        nos = " ".join(str(n) for n in self.findings)
        title = " ".join(f"#{n + 1}" for n in self.findings)
        return (f'<td class="num hit {self.severity}" id="{self.anchor}" data-findings="{nos}" tabindex="0" '
                f'title="问题 {title}">{text}</td>')

    def mark(self, finding_no: int, severity: str) -> None:
        if finding_no not in self.findings:
            self.findings.append(finding_no)
        if self.severity is None or SEVERITY_ORDER.index(severity) < SEVERITY_ORDER.index(self.severity):
            self.severity = severity


@dataclass(slots=True)
class RowView:
    code: str | None
    name: str
    level: str
    cells: dict[str, CellView] = field(default_factory=dict)

    @property
    def indent(self) -> int:
        return LEVEL_INDENT.get(self.level, 0)

    def tds(self, columns: list[str]) -> Markup:
        """This row's cells under ``columns`` (an empty ``<td>`` where the row prints none)."""
        return Markup("".join(c.td() if (c := self.cells.get(k)) else '<td class="num"></td>' for k in columns))


@dataclass(slots=True)
class TableView:
    """A table as printed: grid rows by canonical column, or (三公, 绩效, unrecognised) its raw cells."""

    table_no: int
    kind: str
    title: str
    number: str | None
    money_unit: str | None
    first_page: int | None
    columns: list[str] = field(default_factory=list)
    rows: list[RowView] = field(default_factory=list)
    income: list[RowView] = field(default_factory=list)
    income_columns: list[str] = field(default_factory=list)
    raw: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    anchor: str = ""

    @property
    def label(self) -> str:
        """How findings name the table (the checker's table label)."""
        return f"{self.number} {self.title}" if self.number else self.title

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)

    @property
    def two_sided(self) -> bool:
        return self.kind in TWO_SIDED_KINDS

    @property
    def has_codes(self) -> bool:
        return any(r.code for r in self.rows)

    def headings(self, columns: list[str]) -> list[str]:
        return [column_label(c) for c in columns]

    @property
    def side_by_side(self) -> list[tuple[RowView | None, RowView | None]]:
        """Income rows beside expenditure rows, as a 收支总表 prints them."""
        n = max(len(self.income), len(self.rows))
        return [(self.income[i] if i < len(self.income) else None, self.rows[i] if i < len(self.rows) else None)
                for i in range(n)]


@dataclass(slots=True)
class FindingView:
    """One finding with its rule, its locations (each with the cell anchor and page box it names), its decision."""

    no: int
    rule: str
    severity: str
    message: str
    values: list[str]
    locations: list[dict[str, Any]]
    decision: dict[str, Any] | None = None

    @property
    def severity_label(self) -> str:
        return SEVERITY_LABELS.get(self.severity, self.severity)

    @property
    def rule_title(self) -> str:
        found = REGISTRY.get(self.rule)
        return found.title if found else ""

    @property
    def is_read(self) -> bool:
        return self.rule.startswith(READ_PREFIX)

    @property
    def boxes(self) -> list[dict[str, Any]]:
        return [loc for loc in self.locations if loc.get("bbox") and loc.get("page")]

    @property
    def first_page(self) -> int | None:
        boxes = self.boxes
        return boxes[0]["page"] if boxes else None

    @property
    def display_no(self) -> int:
        return self.no + 1


@dataclass(slots=True)
class DocumentView:
    doc: dict[str, Any]
    tables: list[TableView]
    findings: list[FindingView]
    three_public: TableView | None
    index: dict[tuple[str, ...], CellView] = field(default_factory=dict)

    @property
    def check_findings(self) -> list[FindingView]:
        return [f for f in self.findings if not f.is_read]

    @property
    def read_findings(self) -> list[FindingView]:
        return [f for f in self.findings if f.is_read]

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(SEVERITY_ORDER, 0)
        for f in self.check_findings:
            out[f.severity] = out.get(f.severity, 0) + 1
        return out

    @property
    def pages_with_boxes(self) -> list[int]:
        return sorted({b["page"] for f in self.findings for b in f.boxes})


def canonical_column(kind: str, column_key: str, fund_source: str | None) -> str:
    """The canonical column key a stored cell had in the model (the inverse of ``rows.column_and_fund``)."""
    if column_key == "carryover" and fund_source and fund_source != TABLE_FUND.get(kind):
        return f"carryover.{fund_source}"
    return column_key


def _load_tables(store: Store, doc_id: str) -> list[TableView]:
    tables = []
    for no, kind, title, number, unit, page, notes, columns, cells in store.con.execute(
        "SELECT table_no, kind, title, number, money_unit, first_page, notes, columns, cells "
        "FROM statement_tables WHERE doc_id = ? ORDER BY table_no", [doc_id]
    ).fetchall():
        t = TableView(no, kind, title or "", number, unit, page, anchor=f"t{no}")
        t.columns = json.loads(columns) if columns else []
        t.raw = json.loads(cells) if cells else []
        t.notes = json.loads(notes) if notes else []
        tables.append(t)
    return tables


def _fill_rows(store: Store, doc_id: str, tables: list[TableView]) -> None:
    by_no = {t.table_no: t for t in tables}
    union = " UNION ALL ".join(
        f"SELECT table_no, row_no, name, code, level, side, column_key, fund_source, text FROM {t} WHERE doc_id = ?"
        for t in LINE_TABLES
    )
    rows: dict[tuple[int, int], RowView] = {}
    seen_columns: dict[tuple[int, str], list[str]] = defaultdict(list)
    for table_no, row_no, name, code, level, side, column_key, fund, text in store.con.execute(
        f"SELECT * FROM ({union}) ORDER BY table_no, row_no", [doc_id] * len(LINE_TABLES)
    ).fetchall():
        t = by_no.get(table_no)
        if t is None:
            continue
        row = rows.get((table_no, row_no))
        if row is None:
            row = rows[(table_no, row_no)] = RowView(code, name or "", level or "item")
            (t.income if t.two_sided and side == "income" else t.rows).append(row)
        column = canonical_column(t.kind, column_key, fund)
        row.cells[column] = CellView(text or "", f"c{table_no}-{row_no}-{len(row.cells)}")
        group = "income" if t.two_sided and side == "income" else "rows"
        if column not in seen_columns[(table_no, group)]:
            seen_columns[(table_no, group)].append(column)
    for t in tables:
        printed = seen_columns[(t.table_no, "rows")]
        order = [c for c in t.columns if c in printed]
        t.columns = order + [c for c in printed if c not in order]
        t.income_columns = seen_columns[(t.table_no, "income")]


def _three_public(store: Store, doc_id: str) -> TableView | None:
    rows = store.con.execute(
        "SELECT period, part, text, money_unit FROM three_public WHERE doc_id = ?", [doc_id]).fetchall()
    if not rows:
        return None
    t = TableView(-1, "three_public", "“三公”经费", None, rows[0][3], None, anchor="three-public")
    periods = [p for p in PERIOD_LABELS if any(r[0] == p for r in rows)]
    t.columns = [p for p in THREE_PUBLIC_PARTS if any(r[1] == p for r in rows)]
    for period in periods:
        view = RowView(None, PERIOD_LABELS[period], "item")
        for _, part, text, _ in (r for r in rows if r[0] == period):
            view.cells[part] = CellView(text or "", f"tp-{period}-{part}")
        t.rows.append(view)
    return t


def _findings(store: Store, doc_id: str) -> list[FindingView]:
    return [
        FindingView(no, rule, severity, message or "", json.loads(values or "[]"), json.loads(locations or "[]"))
        for no, rule, severity, message, values, locations in store.con.execute(
            'SELECT finding_no, rule, severity, message, "values", locations FROM findings WHERE doc_id = ? '
            "ORDER BY finding_no", [doc_id]).fetchall()
    ]


def _cell_index(tables: list[TableView], three_public: TableView | None) -> dict[tuple[str, ...], CellView]:
    """Every cell under the keys a location may name it by: (label, row, column) and (kind, line, column)."""
    index: dict[tuple[str, ...], CellView] = {}
    for t in tables:
        for row in [*t.income, *t.rows]:
            label = row_label(LineItem(row.name, {}, code=row.code, level=row.level))
            for column, cell in row.cells.items():
                index.setdefault(("row", t.label, label, column), cell)
                index.setdefault(("row", t.title, label, column), cell)
    if three_public is not None:
        for row in three_public.rows:
            for part, cell in row.cells.items():
                index.setdefault(("three_public", row.name, part), cell)
    return index


def _link(findings: list[FindingView], index: dict[tuple[str, ...], CellView]) -> None:
    for f in findings:
        for loc in f.locations:
            if loc.get("kind") == "three_public":
                cell = index.get(("three_public", str(loc.get("row")), str(loc.get("column"))))
            else:
                cell = index.get(("row", str(loc.get("table")), str(loc.get("row")), str(loc.get("column"))))
            loc["anchor"] = cell.anchor if cell else None
            if cell is not None:
                cell.mark(f.no, f.severity)


def document_view(store: Store, doc_id: str, decisions: dict[int, dict[str, Any]] | None = None) -> DocumentView | None:
    """The page's content for ``doc_id`` (None when it is not stored)."""
    cur = store.con.execute("SELECT * FROM documents WHERE doc_id = ?", [doc_id])
    row = cur.fetchone()
    if row is None:
        return None
    doc = dict(zip([c[0] for c in cur.description or []], row, strict=True))
    doc["warnings"] = json.loads(doc.get("warnings") or "[]")
    all_rules()  # the registry, for rule titles
    tables = _load_tables(store, doc_id)
    _fill_rows(store, doc_id, tables)
    three_public = _three_public(store, doc_id)
    findings = _findings(store, doc_id)
    index = _cell_index(tables, three_public)
    _link(findings, index)
    for f in findings:
        f.decision = (decisions or {}).get(f.no)
    return DocumentView(doc, tables, findings, three_public, index)
