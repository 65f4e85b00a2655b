"""Schema v3: every stored table cell keeps its box on the page and the OCR flag.

A PDF's cells are stored with (x0, top, x1, bottom) inside their page and ``ocr`` false; a text
document's boxes are NULL; a v2 store migrates with its rows kept (NULL boxes, ``ocr`` false);
reading a document back restores ``Provenance.bbox``/``ocr``; exports that dump the tables carry
the new columns.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import duckdb
import pypdfium2 as pdfium
import pytest

import yusuan
from tests.conftest import EXAMPLES, ROOT
from tests.store.conftest import make_disclosure
from tests.store.helpers import put
from tests.store.legacy import old_store
from yusuan.model import Amount, Disclosure
from yusuan.store import Store
from yusuan.store.export import export
from yusuan.store.history import LINE_TABLES, load_disclosure
from yusuan.store.ingest import SerialBackend, ingest_paths
from yusuan.store.rows import to_rows
from yusuan.store.schema import CELL_COLUMNS, CELL_TABLES, LATEST, MIGRATIONS, current_version, migrate

SEED = "000_87792da19c622395"
PDF = ROOT / "tests" / "data" / f"{SEED}.pdf"
TEXT = EXAMPLES / f"{SEED}.txt"
CELLS = "page, text, x0, top, x1, bottom, ocr"


def _ingest(tmp_path: Path, source: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    shutil.copy(source, docs / source.name)
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        report = ingest_paths(store, [docs / source.name], SerialBackend())
    assert (report.ingested, report.failed) == (1, [])
    return db


def _cells(store: Store, table: str) -> list[tuple]:
    return store.con.execute(f"SELECT {CELLS} FROM {table}").fetchall()


def test_v3_columns_and_types() -> None:
    con = duckdb.connect()
    migrate(con)
    assert current_version(con) == LATEST >= 3
    for table in CELL_TABLES:
        types = dict(con.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?", [table]).fetchall())
        assert [c for c in types if c in CELL_COLUMNS] == list(CELL_COLUMNS)
        assert [types[c] for c in CELL_COLUMNS] == ["DOUBLE"] * 4 + ["BOOLEAN"]
        assert types["amount"] == "DECIMAL(20,4)"
        last = con.execute(f"SELECT * FROM {table} LIMIT 0").description or []
        assert tuple(c[0] for c in last[-5:]) == CELL_COLUMNS  # appended: old columns keep their places


@pytest.fixture(scope="module")
def pdf_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _ingest(tmp_path_factory.mktemp("pdf"), PDF)


def test_pdf_cells_have_boxes_inside_their_page(pdf_db: Path) -> None:
    doc = pdfium.PdfDocument(str(PDF))
    sizes = [doc[i].get_size() for i in range(len(doc))]
    doc.close()
    boxed = 0
    with Store(pdf_db, read_only=True) as store:
        for table in LINE_TABLES:
            for page, text, x0, top, x1, bottom, ocr in _cells(store, table):
                assert ocr is False
                if x0 is None:
                    assert text == "" and top is None and x1 is None and bottom is None  # a blank cell
                    continue
                assert page is not None
                width, height = sizes[page - 1]
                assert 0 <= x0 < x1 <= width and 0 <= top < bottom <= height, (table, page, text)
                boxed += 1
        for table in ("three_public", "projects"):
            for page, _, x0, top, x1, bottom, ocr in _cells(store, table):
                assert ocr is False
                if x0 is not None:
                    width, height = sizes[page - 1]
                    assert 0 <= x0 < x1 <= width and 0 <= top < bottom <= height
    assert boxed > 300


def test_pdf_boxes_are_the_model_boxes(pdf_db: Path) -> None:
    d = yusuan.read(PDF)
    with Store(pdf_db, read_only=True) as store:
        doc_id = store.con.execute("SELECT doc_id FROM documents").fetchone()[0]
        back = load_disclosure(store, doc_id)
    assert back is not None

    def figures(x: Disclosure) -> list[tuple[int, int, str, Amount]]:
        """(table, row among the rows with figures — the only ones stored, column, amount) of boxed cells."""
        return [(ti, k, c, a) for ti, t in enumerate(x.tables)
                for k, i in enumerate(i for i in t.items if i.values) for c, a in i.values.items()
                if a.where is not None and a.where.bbox is not None]

    read = figures(d)
    stored = {(ti, k, c): a for ti, k, c, a in figures(back)}
    assert len(read) > 300 and len(stored) == len(read)
    for ti, k, c, a in read:
        got = stored[(ti, k, c)]
        assert got.text == a.text
        assert got.where is not None and a.where is not None
        assert got.where.bbox == pytest.approx(a.where.bbox) and got.where.page == a.where.page
        assert got.where.ocr is False


def test_text_cells_have_no_box(tmp_path: Path) -> None:
    db = _ingest(tmp_path, TEXT)
    with Store(db, read_only=True) as store:
        n = 0
        for table in CELL_TABLES:
            for _page, _text, x0, top, x1, bottom, ocr in _cells(store, table):
                assert (x0, top, x1, bottom, ocr) == (None, None, None, None, False)
                n += 1
        doc_id = store.con.execute("SELECT doc_id FROM documents").fetchone()[0]
        back = load_disclosure(store, doc_id)
    assert n > 100 and back is not None
    assert all(a.where is None or (a.where.bbox is None and not a.where.ocr)
               for t in back.tables for i in t.items for a in i.values.values())


def _ocr_disclosure() -> Disclosure:
    """make_disclosure with OCR boxes on the 支出总表 cells, the 三公 total and the first project."""
    d = make_disclosure(department="扫描件局")
    spending = next(t for t in d.tables if t.kind == "expenditure_summary")
    for r, item in enumerate(spending.items):
        for c, (col, a) in enumerate(item.values.items()):
            box = (100.0 + 60 * c, 50.0 + 20 * r, 150.0 + 60 * c, 65.5 + 20 * r)
            item.values[col] = Amount(a.value, a.text, a.where.at(page=3, bbox=box, ocr=True))  # type: ignore[union-attr]
    tp = d.three_public
    assert tp is not None
    a = tp.current["total"]
    tp.current["total"] = Amount(a.value, a.text, a.where.at(page=5, bbox=(10.0, 20.0, 30.0, 40.0), ocr=True))  # type: ignore[union-attr]
    p = d.projects[0]
    assert p.amount is not None
    p.amount = Amount(p.amount.value, p.amount.text, p.amount.where.at(page=6, bbox=(1.0, 2.0, 3.0, 4.0), ocr=True))  # type: ignore[union-attr]
    return d


def test_ocr_flag_and_boxes_round_trip(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        doc_id = put(store, _ocr_disclosure())
        rows = store.con.execute(
            "SELECT count(*), count(*) FILTER (WHERE ocr), count(x0) FROM expenditure_lines "
            "WHERE table_kind = 'expenditure_summary'").fetchone()
        assert rows[0] > 0 and rows[0] == rows[1] == rows[2]
        assert store.con.execute("SELECT count(*) FROM expenditure_lines WHERE table_kind <> 'expenditure_summary' "
                                 "AND (ocr OR x0 IS NOT NULL)").fetchone() == (0,)
        assert store.con.execute("SELECT page, x0, top, x1, bottom, ocr FROM three_public "
                                 "WHERE period = 'current' AND part = 'total'").fetchone() == (5, 10, 20, 30, 40, True)
        assert store.con.execute("SELECT page, x0, top, x1, bottom, ocr FROM projects WHERE project_no = 0"
                                 ).fetchone() == (6, 1, 2, 3, 4, True)
        back = load_disclosure(store, doc_id)
    assert back is not None
    spending = next(t for t in back.tables if t.kind == "expenditure_summary")
    first = spending.items[0].values["total"].where
    assert first is not None and first.ocr and first.page == 3 and first.bbox == (100.0, 50.0, 150.0, 65.5)
    assert back.three_public is not None
    assert back.three_public.current["total"].where.bbox == (10.0, 20.0, 30.0, 40.0)  # type: ignore[union-attr]
    assert back.three_public.current["total"].where.ocr  # type: ignore[union-attr]
    assert not back.three_public.current["outbound"].where.ocr  # type: ignore[union-attr]
    assert back.projects[0].amount.where.bbox == (1.0, 2.0, 3.0, 4.0)  # type: ignore[union-attr]
    assert back.projects[1].amount.where.bbox is None  # type: ignore[union-attr]


def test_v2_store_migrates_keeping_rows(tmp_path: Path) -> None:
    old = to_rows(make_disclosure(year=2024), [], doc_id="b" * 64, file_name="old.txt", path="old.txt", size=1,
                  key_figures_json='{"department": "测试市财政局", "year": 2024}')
    db = old_store(tmp_path / "v2.duckdb", 2, old)
    con = duckdb.connect(str(db))
    before = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in CELL_TABLES}
    assert "x0" not in {r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'expenditure_lines'").fetchall()}
    con.close()
    assert before["expenditure_lines"] and before["three_public"] and before["projects"]

    with Store(db, read_only=True) as store:  # a read-only open upgrades once
        assert store.version == LATEST
        versions = [r[0] for r in store.con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()]
        assert versions == [n for n, _, _ in MIGRATIONS]
        for table in CELL_TABLES:
            assert store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == before[table]
            assert store.con.execute(
                f"SELECT count(*) FROM {table} WHERE x0 IS NOT NULL OR top IS NOT NULL OR x1 IS NOT NULL "
                f"OR bottom IS NOT NULL OR ocr IS NOT false").fetchone() == (0,)
        total = store.con.execute(
            "SELECT amount, text, page, line FROM expenditure_lines WHERE level = 'total' AND column_key = 'total' "
            "AND table_kind = 'expenditure_summary'").fetchone()
        assert total == (Decimal("420.5000"), "420.50", 1, 11)
        back = load_disclosure(store, "b" * 64)
    assert back is not None and back.tables and back.projects and back.three_public is not None

    with Store(db) as store:  # and a new document stores its boxes beside the old rows
        put(store, _ocr_disclosure())
        assert store.con.execute("SELECT count(DISTINCT doc_id) FROM expenditure_lines WHERE ocr").fetchone() == (1,)
        assert store.con.execute("SELECT count(*) FROM documents").fetchone() == (2,)


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_line_exports_carry_the_cell_columns(tmp_path: Path, fmt: str) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        put(store, _ocr_disclosure())
        export(store, tmp_path / fmt, fmt)
    con = duckdb.connect()
    path = str(tmp_path / fmt / f"expenditure_lines.{fmt}")
    read = f"read_parquet('{path}')" if fmt == "parquet" else f"read_csv('{path}')"
    columns = [c[0] for c in con.execute(f"SELECT * FROM {read} LIMIT 0").description or []]
    assert columns[-5:] == list(CELL_COLUMNS)
    assert con.execute(f"SELECT count(*) FROM {read} WHERE ocr AND x1 > x0 AND bottom > top").fetchone()[0] > 0
