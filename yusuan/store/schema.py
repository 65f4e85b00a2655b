"""The store's DuckDB schema and its ordered migrations (see SCHEMA.md beside this file).

Why migrations: a store outlives the yusuan that wrote it. ``schema_version`` records every
migration applied; :func:`migrate` applies the missing ones in order, each in its own transaction,
so an old store opens with a new yusuan without losing a row.

Money columns are ``DECIMAL(20,4)``: 16 integer digits (any budget in 元) and 4 decimals (a 万元
figure printed with 2 decimals, or a 千元/亿元 one with up to 4, stays exact). Each row keeps the
printed ``text`` too, and ``money_unit`` says what the figure is counted in.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import duckdb

from yusuan.key_figures import dumps

MONEY = "DECIMAL(20,4)"

_LINE_COLUMNS = f"""
    doc_id VARCHAR NOT NULL,
    table_no INTEGER NOT NULL,
    table_kind VARCHAR NOT NULL,
    row_no INTEGER NOT NULL,
    name VARCHAR,
    code VARCHAR,
    level VARCHAR,
    unit VARCHAR,
    row_key VARCHAR,
    side VARCHAR,
    column_key VARCHAR NOT NULL,
    fund_source VARCHAR,
    amount {MONEY} NOT NULL,
    text VARCHAR,
    money_unit VARCHAR,
    page INTEGER,
    line INTEGER
"""

V1 = f"""
CREATE TABLE documents (
    doc_id VARCHAR PRIMARY KEY,          -- sha256 of the file's bytes (hex)
    file_name VARCHAR NOT NULL,
    path VARCHAR,
    department VARCHAR,
    region VARCHAR,
    year INTEGER,
    kind VARCHAR,                        -- 预算 | 决算
    money_unit VARCHAR,
    format VARCHAR,
    size_bytes BIGINT,
    n_tables INTEGER,
    warnings VARCHAR,                    -- JSON list of reader warnings
    ingested_at TIMESTAMP NOT NULL
);
CREATE TABLE units (doc_id VARCHAR NOT NULL, unit_no INTEGER NOT NULL, name VARCHAR NOT NULL);
CREATE TABLE statement_tables (
    doc_id VARCHAR NOT NULL, table_no INTEGER NOT NULL, kind VARCHAR NOT NULL, title VARCHAR,
    number VARCHAR, money_unit VARCHAR, first_page INTEGER, first_line INTEGER, last_line INTEGER,
    unit VARCHAR, n_rows INTEGER, notes VARCHAR
);
CREATE TABLE income_lines ({_LINE_COLUMNS});
CREATE TABLE expenditure_lines ({_LINE_COLUMNS});
CREATE TABLE economic_lines ({_LINE_COLUMNS});
CREATE TABLE other_lines ({_LINE_COLUMNS});
CREATE TABLE three_public (
    doc_id VARCHAR NOT NULL, period VARCHAR NOT NULL, part VARCHAR NOT NULL,
    amount {MONEY} NOT NULL, text VARCHAR, money_unit VARCHAR, page INTEGER, line INTEGER
);
CREATE TABLE projects (
    doc_id VARCHAR NOT NULL, project_no INTEGER NOT NULL, name VARCHAR NOT NULL, unit VARCHAR,
    content VARCHAR, origin VARCHAR, amount {MONEY}, text VARCHAR, money_unit VARCHAR,
    page INTEGER, line INTEGER
);
CREATE TABLE project_sources (
    doc_id VARCHAR NOT NULL, project_no INTEGER NOT NULL, fund_source VARCHAR NOT NULL,
    amount {MONEY} NOT NULL, text VARCHAR
);
CREATE TABLE performance_targets (
    doc_id VARCHAR NOT NULL, target_no INTEGER NOT NULL, scope VARCHAR NOT NULL, name VARCHAR,
    unit VARCHAR, amount {MONEY}, goal VARCHAR, self_evaluation BOOLEAN, page INTEGER, line INTEGER
);
CREATE TABLE performance_indicators (
    doc_id VARCHAR NOT NULL, target_no INTEGER NOT NULL, indicator_no INTEGER NOT NULL,
    level1 VARCHAR, level2 VARCHAR, name VARCHAR NOT NULL, operator VARCHAR, value VARCHAR,
    unit VARCHAR, page INTEGER, line INTEGER
);
CREATE TABLE narrative_figures (
    doc_id VARCHAR NOT NULL, figure_no INTEGER NOT NULL, claim VARCHAR NOT NULL,
    value {MONEY} NOT NULL, text VARCHAR, unit VARCHAR, sentence VARCHAR, page INTEGER, line INTEGER
);
CREATE TABLE findings (
    doc_id VARCHAR NOT NULL, finding_no INTEGER NOT NULL, rule VARCHAR NOT NULL,
    severity VARCHAR NOT NULL, message VARCHAR, "values" VARCHAR, locations VARCHAR
);
"""

V2 = """
CREATE TABLE key_figures (
    doc_id VARCHAR PRIMARY KEY,
    figures VARCHAR NOT NULL             -- SUMMARY_SCHEMA JSON (yusuan.key_figures.dumps)
);
CREATE INDEX documents_department_year ON documents (department, year);
"""


def _v1(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(V1)


def _v2(con: duckdb.DuckDBPyConnection) -> None:
    """Key figures per document, for ``previous_year``; back-filled from stored lines for old rows."""
    con.execute(V2)
    docs = con.execute("SELECT doc_id, department, year, money_unit FROM documents").fetchall()
    for doc_id, department, year, unit in docs:
        figures = _backfill_figures(con, doc_id, department, year, unit)
        con.execute("INSERT INTO key_figures VALUES (?, ?)", [doc_id, figures])


def _backfill_figures(
    con: duckdb.DuckDBPyConnection, doc_id: str, department: str | None, year: int | None, unit: str | None
) -> str:
    """The key figures a v1 store can still give: totals and 类 amounts of the expenditure table."""
    totals = dict(
        con.execute(
            "SELECT column_key, SUM(amount) FROM expenditure_lines WHERE doc_id = ? AND table_kind = "
            "'expenditure_summary' AND level = 'total' AND unit IS NULL GROUP BY column_key",
            [doc_id],
        ).fetchall()
    )
    classes = con.execute(
        "SELECT code, SUM(amount) FROM expenditure_lines WHERE doc_id = ? AND table_kind = "
        "'expenditure_summary' AND level = '类' AND column_key = 'total' AND unit IS NULL "
        "GROUP BY code ORDER BY code",
        [doc_id],
    ).fetchall()

    def s(v: Decimal | None) -> Decimal | None:
        return None if v is None else v.normalize() if v == v.to_integral_value() else v

    data = {
        "department": department,
        "year": year,
        "money_unit": unit,
        "expenditure": {
            "current_year_total": s(totals.get("total")),
            **{k: s(totals.get(k)) for k in ("basic", "personnel", "public", "project")},
            "by_function_class": {code: s(v) for code, v in classes},
        },
        "backfilled": True,
    }
    return dumps(data, indent=None)


CELL_COLUMNS = ("x0", "top", "x1", "bottom", "ocr")
"""Appended by v3 to every table of :data:`CELL_TABLES`, in this order (last columns of each row)."""
CELL_TABLES = ("income_lines", "expenditure_lines", "economic_lines", "other_lines", "three_public", "projects")
V3 = "".join(
    f"""
ALTER TABLE {table} ADD COLUMN x0 DOUBLE;
ALTER TABLE {table} ADD COLUMN top DOUBLE;
ALTER TABLE {table} ADD COLUMN x1 DOUBLE;
ALTER TABLE {table} ADD COLUMN bottom DOUBLE;
ALTER TABLE {table} ADD COLUMN ocr BOOLEAN DEFAULT false;"""
    for table in CELL_TABLES
)


def _v3(con: duckdb.DuckDBPyConnection) -> None:
    """The printed cell's box on its page (points, origin top-left; NULL for text/Excel) and the OCR flag.

    Rows stored before v3 keep NULL boxes and ``ocr = false`` (their figures are not re-read).
    """
    con.execute(V3)


V4 = """
ALTER TABLE statement_tables ADD COLUMN columns VARCHAR;     -- JSON list of canonical column keys, printed order
ALTER TABLE statement_tables ADD COLUMN cells VARCHAR;       -- JSON list of the body lines' cell texts
CREATE TABLE narrative_sections (
    doc_id VARCHAR NOT NULL, section_no INTEGER NOT NULL, title VARCHAR, text VARCHAR, line INTEGER
);
CREATE TABLE sources (
    doc_id VARCHAR PRIMARY KEY, file_name VARCHAR NOT NULL, content BLOB NOT NULL, stored_at TIMESTAMP NOT NULL
);
CREATE TABLE users (
    name VARCHAR PRIMARY KEY, role VARCHAR NOT NULL, password_hash VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL
);
CREATE TABLE sessions (
    token_hash VARCHAR PRIMARY KEY, user_name VARCHAR NOT NULL, csrf VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL, expires_at TIMESTAMP NOT NULL
);
CREATE TABLE jobs (
    job_id VARCHAR PRIMARY KEY, batch_id VARCHAR, file_name VARCHAR NOT NULL, size_bytes BIGINT, format VARCHAR,
    doc_id VARCHAR, status VARCHAR NOT NULL, error VARCHAR, created_by VARCHAR, created_at TIMESTAMP NOT NULL,
    started_at TIMESTAMP, finished_at TIMESTAMP, confirmed_by VARCHAR, confirmed_at TIMESTAMP
);
CREATE SEQUENCE review_ids;
CREATE TABLE reviews (
    review_id BIGINT PRIMARY KEY DEFAULT nextval('review_ids'), doc_id VARCHAR NOT NULL, finding_no INTEGER NOT NULL,
    decision VARCHAR NOT NULL, reason VARCHAR, user_name VARCHAR NOT NULL, decided_at TIMESTAMP NOT NULL,
    undone_at TIMESTAMP, undone_by VARCHAR
);
CREATE SEQUENCE audit_ids;
CREATE TABLE audit_log (
    entry_id BIGINT PRIMARY KEY DEFAULT nextval('audit_ids'), logged_at TIMESTAMP NOT NULL, user_name VARCHAR,
    action VARCHAR NOT NULL, doc_id VARCHAR, finding_no INTEGER, detail VARCHAR
);
"""


def _v4(con: duckdb.DuckDBPyConnection) -> None:
    """What the web application needs: tables as printed, the narrative's text, source files, accounts,
    upload jobs, review decisions and their audit log. Documents stored before v4 keep NULL
    ``columns``/``cells`` and no narrative sections (they are not re-read)."""
    con.execute(V4)


MIGRATIONS: list[tuple[int, str, Callable[[duckdb.DuckDBPyConnection], None]]] = [
    (1, "documents, lines, 三公, projects, performance, narrative figures, findings", _v1),
    (2, "key_figures per document (for previous_year) and a department/year index", _v2),
    (3, "cell box (x0, top, x1, bottom) and ocr flag on lines, 三公 and projects", _v3),
    (4, "tables as printed, narrative sections, sources, users, sessions, jobs, reviews, audit log", _v4),
]
LATEST = MIGRATIONS[-1][0]


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest migration applied (0 for an empty database)."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()
    if not exists or not exists[0]:
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(con: duckdb.DuckDBPyConnection, target: int = LATEST) -> int:
    """Apply every missing migration up to ``target``, each in one transaction; returns the version."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description VARCHAR, "
        "applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    version = current_version(con)
    for number, description, apply in MIGRATIONS:
        if version < number <= target:
            con.execute("BEGIN TRANSACTION")
            try:
                apply(con)
                con.execute("INSERT INTO schema_version (version, description) VALUES (?, ?)", [number, description])
                con.execute("COMMIT")
            except Exception:
                con.execute("ROLLBACK")
                raise
            version = number
    return version


DATA_TABLES = (
    "documents",
    "units",
    "statement_tables",
    "income_lines",
    "expenditure_lines",
    "economic_lines",
    "other_lines",
    "three_public",
    "projects",
    "project_sources",
    "performance_targets",
    "performance_indicators",
    "narrative_figures",
    "findings",
    "key_figures",
    "narrative_sections",
)
"""Tables holding a document's own rows (what ingest writes, :meth:`Store.delete` removes, export dumps)."""
WEB_TABLES = ("sources", "users", "sessions", "jobs", "reviews", "audit_log")
"""Tables of the web application (v4): never exported; a document's source and reviews go with it."""
