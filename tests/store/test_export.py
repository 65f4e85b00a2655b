"""Export: Parquet/CSV read back with DuckDB give yusuan.summary's totals; FDP validates; XLSX has Chinese headers."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import frictionless
import pytest
from openpyxl import load_workbook

import yusuan
from tests.store.conftest import make_disclosure
from tests.store.helpers import put
from yusuan.cli.app import main
from yusuan.errors import UsageError
from yusuan.store import Store
from yusuan.store.export import export


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        put(store, make_disclosure(year=2024))
        put(store, make_disclosure(year=2025, scale=2))
        put(store, make_disclosure(department="另一个局", year=2025, scale=3, unit="元"))
    return path


def _totals(con: duckdb.DuckDBPyConnection, lines: str, docs: str) -> dict[tuple[str, int], dict[str, Decimal]]:
    rows = con.execute(
        f"""SELECT d.department, d.year, l.column_key, sum(l.amount)
            FROM {lines} l JOIN {docs} d USING (doc_id)
            WHERE l.table_kind = 'expenditure_summary' AND l.level = 'total' AND l.unit IS NULL
            GROUP BY ALL"""
    ).fetchall()
    out: dict[tuple[str, int], dict[str, Decimal]] = {}
    for dept, year, column, value in rows:
        out.setdefault((dept, year), {})[column] = Decimal(value)
    return out


def _expected() -> dict[tuple[str, int], dict[str, Decimal]]:
    out = {}
    for d in (make_disclosure(year=2024), make_disclosure(year=2025, scale=2),
              make_disclosure(department="另一个局", year=2025, scale=3, unit="元")):
        s = yusuan.summary(d)["expenditure"]
        out[(d.department, d.year)] = {"total": s["current_year_total"], **{k: s[k] for k in
                                       ("basic", "project", "personnel", "public")}}
    return out


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_parquet_and_csv_totals_match_summary(db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / fmt
    assert main(["export", "--db", str(db), "-f", fmt, "-o", str(out)]) == 0
    con = duckdb.connect()
    if fmt == "parquet":
        lines = f"read_parquet('{out / 'expenditure_lines.parquet'}')"
        docs = f"read_parquet('{out / 'documents.parquet'}')"
    else:  # CSV has no types: read the money column as the exact decimal it was written from
        lines = f"read_csv('{out / 'expenditure_lines.csv'}', types={{'amount': 'DECIMAL(20,4)'}})"
        docs = f"read_csv('{out / 'documents.csv'}')"
    assert _totals(con, lines, docs) == _expected()
    if fmt == "parquet":  # the money column keeps its exact decimal type
        kind = con.execute(f"SELECT typeof(amount) FROM {lines} LIMIT 1").fetchone()[0]
        assert kind == "DECIMAL(20,4)"
        by_class = dict(con.execute(
            f"SELECT code, sum(amount) FROM {lines} l JOIN {docs} d USING (doc_id) WHERE d.year = 2024 "
            "AND level = '类' AND column_key = 'total' AND table_kind = 'expenditure_summary' GROUP BY code"
        ).fetchall())
        assert by_class == yusuan.summary(make_disclosure(year=2024))["expenditure"]["by_function_class"]


def test_where_filter(db: Path, tmp_path: Path) -> None:
    with Store(db, read_only=True) as store:
        export(store, tmp_path / "p", "parquet", where="year = 2025 AND department = '另一个局'")
    con = duckdb.connect()
    assert con.execute(f"SELECT count(*) FROM read_parquet('{tmp_path / 'p' / 'documents.parquet'}')").fetchone() == (1,)
    n = con.execute(
        f"SELECT count(DISTINCT doc_id) FROM read_parquet('{tmp_path / 'p' / 'expenditure_lines.parquet'}')"
    ).fetchone()
    assert n == (1,)
    with Store(db, read_only=True) as store, pytest.raises(UsageError):
        export(store, tmp_path / "q", "csv", where="no_such_column = 1")


def test_fdp_validates_and_sums_in_yuan(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "fdp"
    with Store(db, read_only=True) as store:
        export(store, out, "fdp")
    report = frictionless.validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])
    package = frictionless.Package(str(out / "datapackage.json"))
    assert {"functional-classification", "economic-classification"} <= set(package.custom["model"]["dimensions"])
    con = duckdb.connect()
    sums = dict(con.execute(
        f"SELECT department || year, sum(amount) FROM read_csv_auto('{out / 'function_expenditure.csv'}') GROUP BY 1"
    ).fetchall())
    # 项 rows of basic + project = 本年支出合计, converted to 元
    assert Decimal(sums["测试市财政局2024"]) == Decimal("420.50") * 10000
    assert Decimal(sums["另一个局2025"]) == Decimal("420.50") * 3
    econ = con.execute(f"SELECT sum(amount) FROM read_csv_auto('{out / 'economic_basic.csv'}')").fetchone()[0]
    assert Decimal(econ) == Decimal("300") * 10000 + Decimal("600") * 10000 + Decimal("900")


def test_xlsx_one_sheet_per_table_with_chinese_headers(db: Path, tmp_path: Path) -> None:
    with Store(db, read_only=True) as store:
        (path,) = export(store, tmp_path / "x", "xlsx")
    wb = load_workbook(path, read_only=True)
    assert {"文件", "支出明细", "三公经费", "项目", "核对发现"} <= set(wb.sheetnames)
    header = next(wb["支出明细"].iter_rows(max_row=1, values_only=True))
    assert "科目编码" in header and "金额" in header and "栏目" in header
    docs = list(wb["文件"].iter_rows(values_only=True))
    assert len(docs) == 4


def test_examples_export_matches_summary(tmp_path: Path, examples_copy: Path) -> None:
    """On the real examples: 本年支出合计 and 功能分类 类 amounts read back from Parquet = yusuan.summary."""
    from yusuan.pipeline import read
    from yusuan.store.ingest import SerialBackend, ingest_paths

    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        ingest_paths(store, [examples_copy], SerialBackend())
        export(store, tmp_path / "p", "parquet")
    con = duckdb.connect()
    con.execute(f"CREATE VIEW lines AS SELECT * FROM read_parquet('{tmp_path / 'p' / 'expenditure_lines.parquet'}')")
    con.execute(f"CREATE VIEW docs AS SELECT * FROM read_parquet('{tmp_path / 'p' / 'documents.parquet'}')")
    compared = 0
    for path in sorted(examples_copy.glob("*.txt")):
        summary = yusuan.summary(read(path))["expenditure"]
        first = """(SELECT min(table_no) FROM lines l2 WHERE l2.doc_id = l.doc_id
                    AND l2.table_kind = 'expenditure_summary')"""
        where = f"""d.file_name = ? AND l.table_kind = 'expenditure_summary' AND l.column_key = 'total'
                    AND l.table_no = {first}"""
        total = con.execute(f"SELECT l.amount FROM lines l JOIN docs d USING (doc_id) WHERE {where} "
                            "AND l.level = 'total' AND l.unit IS NULL", [path.name]).fetchall()
        classes = con.execute(
            f"""SELECT l.code, sum(l.amount) FROM lines l JOIN docs d USING (doc_id) WHERE {where} AND l.level = '类'
                AND (l.unit IS NULL OR NOT EXISTS (SELECT 1 FROM lines l3 WHERE l3.doc_id = l.doc_id
                     AND l3.table_no = l.table_no AND l3.level = '类' AND l3.unit IS NULL))
                GROUP BY l.code""", [path.name]).fetchall()
        if summary["current_year_total"] is not None and total:
            assert total[0][0] == summary["current_year_total"], path.name
            compared += 1
        assert dict(classes) == summary["by_function_class"], path.name
    assert compared >= 1
