"""Export the store (or the documents a filter selects) as Parquet, CSV, XLSX or a Fiscal Data Package.

Why DuckDB COPY for Parquet/CSV: the rows never pass through Python, and DECIMAL columns stay
exact (Parquet keeps the decimal type; CSV prints the digits). XLSX gets one sheet per table with
Chinese headers; the Fiscal Data Package is described in :mod:`yusuan.store.fdp`.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from yusuan.errors import StoreError, UsageError
from yusuan.store.db import Store
from yusuan.store.schema import DATA_TABLES

FORMATS = ("parquet", "csv", "xlsx", "fdp")
XLSX_MAX_ROWS = 1_048_575

SHEETS = {
    "documents": "文件",
    "units": "单位",
    "statement_tables": "表格",
    "income_lines": "收入明细",
    "expenditure_lines": "支出明细",
    "economic_lines": "经济分类明细",
    "other_lines": "其他表格明细",
    "three_public": "三公经费",
    "projects": "项目",
    "project_sources": "项目资金来源",
    "performance_targets": "绩效目标",
    "performance_indicators": "绩效指标",
    "narrative_figures": "文字中的数字",
    "findings": "核对发现",
    "key_figures": "关键数字",
    "narrative_sections": "情况说明",
}
HEADERS = {
    "doc_id": "文件编号(sha256)", "file_name": "文件名", "path": "路径", "department": "部门", "region": "地区",
    "year": "年度", "kind": "类型", "money_unit": "金额单位", "format": "格式", "size_bytes": "字节数",
    "n_tables": "表格数", "warnings": "读取提示", "ingested_at": "入库时间", "unit_no": "单位序号",
    "name": "名称", "table_no": "表序号", "title": "表名", "number": "表号", "first_page": "起始页",
    "first_line": "起始行", "last_line": "结束行", "unit": "单位", "n_rows": "行数", "notes": "表注",
    "table_kind": "表类型", "row_no": "行序号", "code": "科目编码", "level": "级次", "row_key": "行含义",
    "side": "收支方", "column_key": "栏目", "fund_source": "资金来源", "amount": "金额", "text": "原文",
    "page": "页", "line": "行", "period": "期间", "part": "项目", "project_no": "项目序号",
    "content": "项目内容", "origin": "来源表", "target_no": "目标序号", "scope": "范围", "goal": "绩效目标",
    "self_evaluation": "自评", "indicator_no": "指标序号", "level1": "一级指标", "level2": "二级指标",
    "operator": "运算符", "value": "指标值", "figure_no": "序号", "claim": "含义", "sentence": "原句",
    "finding_no": "序号", "rule": "规则", "severity": "严重程度", "message": "说明", "values": "数值",
    "locations": "位置", "figures": "关键数字(JSON)", "columns": "栏目(JSON)", "cells": "表体原文(JSON)",
    "section_no": "段序号",
    "x0": "左(x0,磅)", "top": "上(top,磅)", "x1": "右(x1,磅)", "bottom": "下(bottom,磅)", "ocr": "OCR识别",
}


def doc_filter(where: str | None) -> str:
    """The SQL condition selecting rows of the chosen documents (``where`` filters ``documents``)."""
    if not where:
        return "TRUE"
    return f"doc_id IN (SELECT doc_id FROM documents WHERE {where})"


def check_where(con: duckdb.DuckDBPyConnection, where: str | None) -> int:
    """The number of documents ``where`` selects (UsageError when it is not valid SQL)."""
    try:
        row = con.execute(f"SELECT count(*) FROM documents WHERE {doc_filter(where)}").fetchone()
    except duckdb.Error as err:
        raise UsageError(f"--where is not a valid filter on documents: {err}") from err
    return int(row[0]) if row else 0


def _copy(con: duckdb.DuckDBPyConnection, table: str, cond: str, path: Path, options: str) -> None:
    target = str(path).replace("'", "''")
    con.execute(f"COPY (SELECT * FROM {table} WHERE {cond}) TO '{target}' ({options})")


def export_xlsx(con: duckdb.DuckDBPyConnection, cond: str, path: Path) -> None:
    """One sheet per table, Chinese sheet names and headers, money as exact numbers."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    for table in DATA_TABLES:
        cur = con.execute(f"SELECT * FROM {table} WHERE {cond}")
        names = [c[0] for c in cur.description or []]
        ws = wb.create_sheet(SHEETS[table])
        ws.append([HEADERS.get(n, n) for n in names])
        count = 0
        while batch := cur.fetchmany(5000):
            count += len(batch)
            if count > XLSX_MAX_ROWS:
                raise StoreError(f"{table} has more rows than a worksheet holds; export parquet or narrow --where")
            for row in batch:
                ws.append(list(row))
    wb.save(path)


def export(store: Store, out_dir: str | Path, fmt: str, where: str | None = None) -> list[Path]:
    """Write the chosen documents in ``fmt`` under ``out_dir``; returns the files written."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    con = store.con
    check_where(con, where)
    cond = doc_filter(where)
    written: list[Path] = []
    try:
        if fmt == "parquet":
            for table in DATA_TABLES:
                _copy(con, table, cond, out / f"{table}.parquet", "FORMAT parquet")
                written.append(out / f"{table}.parquet")
        elif fmt == "csv":
            for table in DATA_TABLES:
                _copy(con, table, cond, out / f"{table}.csv", "FORMAT csv, HEADER true")
                written.append(out / f"{table}.csv")
        elif fmt == "xlsx":
            export_xlsx(con, cond, out / "yusuan.xlsx")
            written.append(out / "yusuan.xlsx")
        else:
            from yusuan.store.fdp import export_fdp

            written.extend(export_fdp(con, cond, out))
    except duckdb.Error as err:
        raise StoreError(f"export failed: {err}", source=str(store.path)) from err
    return written
