"""Department, year, kind and units from meta lines, coded headers, covers and the 概况."""

from __future__ import annotations

from yusuan.model.disclosure import BUDGET, FINAL_ACCOUNTS, Disclosure
from yusuan.model.identity import identify
from yusuan.read.text import layout_from_text
from yusuan.tables.table import Table


def _identify(text: str, titles: list[str], meta: dict[str, str] | None = None, unit: str | None = "万元"):
    layout = layout_from_text(text, "x.txt")
    first = next(layout.lines())
    tables = [
        Table(kind="raw", title=t, title_line=first, money_unit=unit, meta=dict(meta or {})) for t in titles
    ]
    return identify(layout, tables, Disclosure(source="x.txt"))


def test_cover_over_year_and_numbered_unit_list() -> None:
    text = """
某市经济和信息化局
2030 年部门预算

第一部分 概况
二、机构设置
纳入某市经济和信息化局 2030 年部门预算编制范围的二级预算单位包括：

1. 某市经济和信息化局本级
2. 某市中小企业服务中心

第二部分 公开表
"""
    ident = _identify(text, ["收支预算总表", "支出预算总表"])
    assert ident.department == "某市经济和信息化局"
    assert ident.year == 2030
    assert ident.kind == BUDGET
    assert ident.units == ["某市经济和信息化局本级", "某市中小企业服务中心"]


def test_coded_header_and_unit_table() -> None:
    text = """ 部门预算收支总表
901 农业农村部门 预算年度：2031 单位：万元
机构设置：
单位名称 单位性质 单位规格 经费保障形式
农业农村部门农业农村局本级 行政 正科级 财政拨款
农业技术推广站 事业 股级 财政拨款

二、部门预算安排的总体情况
"""
    ident = _identify(text, ["部门预算收支总表"], {"预算年度": "2031", "单位": "万元"})
    assert ident.department == "农业农村部门"
    assert ident.year == 2031
    assert ident.units == ["农业农村部门农业农村局本级", "农业技术推广站"]


def test_final_accounts_meta_department_and_single_unit_fallback() -> None:
    ident = _identify("收入支出决算总表\n", ["收入支出决算总表", "支出决算表"], {"部门": "某省某某厅"})
    assert ident.kind == FINAL_ACCOUNTS
    assert ident.department == "某省某某厅"
    single = _identify(
        "2032年某县水利局本级单位预算批复表\n", ["收支预算总表"], {"单位名称": "某县水利局本级"}, unit="元"
    )
    assert single.department == "某县水利局本级"
    assert single.year == 2032
    assert single.units == ["某县水利局本级"]
    assert single.money_unit == "元"


def test_inline_unit_lists() -> None:
    text = """二、部门机构设置
本部门设3个内设机构，内设机构具体包括：办公室、财务处、规划处。
三、部门预算构成
本部门预算为汇总预算，包括：局本级预算，以及纳入编制范围的下属单位预算。下属单位具体包括：
我局管理的直属单位某市甲中心、某市乙站。
"""
    ident = _identify(text, ["收支总体情况表"], {"单位名称": "某市某某局"})
    assert ident.units == ["某市某某局", "某市甲中心", "某市乙站"]
    counted = """2.从预算单位构成看，纳入本部门部门汇总预算编制范围的预算单位共计2家，具体包括：某市某局，
某市某中心。
"""
    assert _identify(counted, ["收支总表"], {"部门": "某市某局"}).units == ["某市某局", "某市某中心"]
    miscounted = counted.replace("共计2家", "共计3家")
    assert _identify(miscounted, ["收支总表"], {"部门": "某市某局"}).units == []
