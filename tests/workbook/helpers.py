"""A small filled budget-entry workbook written the way a person fills one (leaves only)."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from yusuan.workbook.entries import Entries
from yusuan.workbook.writer import write_template

UNITS = ["测试局本级", "测试局信息中心"]


def entries() -> Entries:
    e = Entries(info={"部门名称": "测试局", "年度": 2025, "类型": "预算", "金额单位": "万元", "主要职责": "负责测试。"})
    e.rows["预算单位"] = [{"单位编码": "101001", "单位名称": UNITS[0]}, {"单位编码": "101002", "单位名称": UNITS[1]}]
    e.rows["收入"] = [
        {"单位名称": UNITS[0], "本年一般公共预算": D("300.00"), "上年结转一般公共预算": D("20.00")},
        {"单位名称": UNITS[1], "本年一般公共预算": D("50.00")},
    ]
    e.rows["支出"] = [
        {"单位名称": UNITS[0], "功能分类科目": "2010101", "资金来源": "一般公共预算", "人员经费": D("120.00"), "公用经费": D("30.00")},
        {"单位名称": UNITS[0], "功能分类科目": "2010102", "资金来源": "一般公共预算", "项目支出": D("170.00")},
        {"单位名称": UNITS[1], "功能分类科目": "2080505", "资金来源": "一般公共预算", "人员经费": D("50.00")},
    ]
    e.rows["基本支出经济分类"] = [
        {"单位名称": UNITS[0], "经济分类科目": "30101", "资金来源": "一般公共预算", "人员经费": D("120.00")},
        {"单位名称": UNITS[0], "经济分类科目": "30201", "资金来源": "一般公共预算", "公用经费": D("30.00")},
        {"单位名称": UNITS[1], "经济分类科目": "30108", "资金来源": "一般公共预算", "人员经费": D("50.00")},
    ]
    e.rows["三公经费"] = [{"项目": "公务用车运行费", "本年数": D("4.00"), "上年数": D("5.00")},
                       {"项目": "公务接待费", "本年数": D("1.00"), "上年数": D("1.00")}]
    e.rows["项目"] = [{"单位名称": UNITS[0], "项目名称": "测试项目", "资金来源": "一般公共预算", "本年金额": D("150.00"),
                      "上年结转": D("20.00")}]
    e.rows["政府采购"] = [{"采购类别": "货物", "采购项目": "电脑", "金额": D("8.00")}]
    e.rows["其他数字"] = [{"项目": "机关运行经费", "金额": D("30.00")}]
    return e


def write(tmp: Path, e: Entries | None = None, name: str = "budget.xlsx") -> Path:
    path = tmp / name
    path.write_bytes(write_template("预算", 2025, e or entries()))
    return path
