"""A Fiscal Data Package (datapackage.json + CSV) of the stored expenditure lines.

Why these rows: a Fiscal Data Package is summed by its consumers, so each resource holds one
level only, without double counting — the 项 rows (功能分类, by 基本/项目支出) of each expenditure
table and the 款 rows (部门预算经济分类, by 人员/公用经费) of each basic-expenditure table, the
department rows where printed, else every unit's. Amounts are converted to 元 (exact Decimal).
The ``model`` declares 功能分类 and 经济分类 as classification dimensions and ``amount`` as the measure.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb

_FACTOR = "CASE money_unit WHEN '万元' THEN 10000 WHEN '千元' THEN 1000 WHEN '亿元' THEN 100000000 ELSE 1 END"


def _leaf_rows(table: str, kind_cond: str, level: str, columns: str, cond: str) -> str:
    return f"""
WITH l AS (SELECT * FROM {table} WHERE {kind_cond} AND level = '{level}' AND code IS NOT NULL
           AND column_key IN ({columns}) AND {cond}),
     dept AS (SELECT DISTINCT doc_id, table_no FROM l WHERE unit IS NULL),
     names AS (SELECT doc_id, code, min(name) AS name FROM {table} WHERE {cond} AND code IS NOT NULL
               GROUP BY ALL)
SELECT l.doc_id, d.department, d.region, d.year, d.kind,
       CASE d.kind WHEN '决算' THEN 'executed' ELSE 'approved' END AS phase,
       l.table_kind, l.unit, substr(l.code, 1, 3) AS class_code, c.name AS class_name,
       l.code AS code, l.name AS name, l.column_key, l.fund_source,
       CAST(l.amount * ({_FACTOR.replace("money_unit", "l.money_unit")}) AS DECIMAL(28,4)) AS amount
FROM l JOIN documents d USING (doc_id)
LEFT JOIN dept ON dept.doc_id = l.doc_id AND dept.table_no = l.table_no
LEFT JOIN names c ON c.doc_id = l.doc_id AND c.code = substr(l.code, 1, 3)
WHERE l.unit IS NULL OR dept.doc_id IS NULL
ORDER BY l.doc_id, l.table_no, l.row_no, l.column_key"""


def _field(name: str, type_: str, title: str, description: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"name": name, "type": type_, "title": title}
    if description:
        out["description"] = description
    return out


def _schema(code_title: str, class_title: str, column_title: str) -> dict[str, Any]:
    return {
        "fields": [
            _field("doc_id", "string", "文件编号", "sha256 of the source document"),
            _field("department", "string", "部门"),
            _field("region", "string", "地区"),
            _field("year", "year", "年度"),
            _field("kind", "string", "类型 (预算/决算)"),
            _field("phase", "string", "phase (approved = 预算, executed = 决算)"),
            _field("table_kind", "string", "表类型"),
            _field("unit", "string", "预算单位"),
            _field("class_code", "string", class_title + " 类"),
            _field("class_name", "string", class_title + " 类名称"),
            _field("code", "string", code_title),
            _field("name", "string", code_title + "名称"),
            _field("column_key", "string", column_title),
            _field("fund_source", "string", "资金来源"),
            _field("amount", "number", "金额 (元)"),
        ]
    }


def _dimension(resource: str, kind: str, label: str) -> dict[str, Any]:
    return {
        "dimensionType": "classification",
        "classificationType": kind,
        "title": label,
        "attributes": {
            "class_code": {"source": "class_code", "resource": resource},
            "class_name": {"source": "class_name", "resource": resource, "labelfor": "class_code"},
            "code": {"source": "code", "resource": resource, "parent": "class_code"},
            "name": {"source": "name", "resource": resource, "labelfor": "code"},
        },
        "primaryKey": ["code"],
    }


def descriptor() -> dict[str, Any]:
    """The datapackage.json of an export (resources, schemas and the fiscal model)."""
    return {
        "name": "yusuan-fiscal-data",
        "title": "部门预算/决算公开 — yusuan export",
        "fiscalSpecVersion": "1.0.0-rc.1",
        "resources": [
            {
                "name": "function-expenditure",
                "title": "支出功能分类 项级支出 (基本/项目)",
                "path": "function_expenditure.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "profile": "tabular-data-resource",
                "schema": _schema("功能分类科目", "功能分类", "支出类型 (basic 基本支出 / project 项目支出)"),
            },
            {
                "name": "economic-basic",
                "title": "部门预算经济分类 款级基本支出 (人员/公用)",
                "path": "economic_basic.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "profile": "tabular-data-resource",
                "schema": _schema("经济分类科目", "经济分类", "经费类型 (personnel 人员经费 / public 公用经费)"),
            },
        ],
        "model": {
            "measures": {
                "amount": {"source": "amount", "resource": "function-expenditure", "currency": "CNY",
                           "factor": 1, "direction": "expenditure"},
                "economic-amount": {"source": "amount", "resource": "economic-basic", "currency": "CNY",
                                    "factor": 1, "direction": "expenditure"},
            },
            "dimensions": {
                "functional-classification": _dimension("function-expenditure", "functional", "支出功能分类"),
                "economic-classification": _dimension("economic-basic", "economic", "支出经济分类"),
                "administrative-classification": {
                    "dimensionType": "entity",
                    "title": "部门",
                    "attributes": {"department": {"source": "department"}},
                    "primaryKey": ["department"],
                },
                "date": {
                    "dimensionType": "datetime",
                    "attributes": {"year": {"source": "year"}},
                    "primaryKey": ["year"],
                },
                "phase": {
                    "dimensionType": "other",
                    "attributes": {"phase": {"source": "phase"}},
                    "primaryKey": ["phase"],
                },
            },
        },
    }


def export_fdp(con: duckdb.DuckDBPyConnection, cond: str, out: Path) -> list[Path]:
    """Write the package's CSVs and datapackage.json into ``out``."""
    queries = {
        "function_expenditure.csv": _leaf_rows(
            "expenditure_lines", "table_kind = 'expenditure_summary'", "项", "'basic', 'project'", cond
        ),
        "economic_basic.csv": _leaf_rows(
            "economic_lines", "table_kind = 'general_budget_basic'", "款", "'personnel', 'public'", cond
        ),
    }
    written = []
    for name, query in queries.items():
        target = str(out / name).replace("'", "''")
        con.execute(f"COPY ({query}) TO '{target}' (FORMAT csv, HEADER true)")
        written.append(out / name)
    package = out / "datapackage.json"
    package.write_text(json.dumps(descriptor(), ensure_ascii=False, indent=2), "utf-8")
    written.append(package)
    return written
