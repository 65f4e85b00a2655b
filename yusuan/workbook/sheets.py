"""The budget-entry workbook's sheets (预算录入表): one description used to write and to read it.

Why one description: the writer lays out headers, widths, dropdowns and help from it, and the
reader finds each column by the same header, so the two cannot drift apart. Only what a person
must type is asked for — 项 rows, 经济分类 款 rows, projects, 三公 items; every parent (类, 款,
合计, 基本支出, fund totals) is computed by the reader (:mod:`yusuan.workbook.build`).
"""

from __future__ import annotations

from dataclasses import dataclass

MARKER_SHEET = "_yusuan"  # a very hidden sheet: this workbook is a yusuan budget-entry workbook
MARKER = "yusuan-budget-entry-workbook"
CODES_SHEET = "_科目"  # hidden lists for the dropdowns
VERSION = 1

FUNDS = ("一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "单位资金")
FUND_KEYS = ("general_public_budget", "government_fund", "state_capital", "fiscal_special_account", "unit_funds")
PROCUREMENT_KINDS = ("货物", "工程", "服务")
VEHICLE_KINDS = ("部级领导干部用车", "主要领导干部用车", "机要通信用车", "应急保障用车", "执法执勤用车",
                 "特种专业技术用车", "离退休干部用车", "其他用车")
THREE_PUBLIC_ITEMS = ("因公出国（境）费", "公务用车购置费", "公务用车运行费", "公务接待费")
INFO_FIELDS = ("部门名称", "年度", "类型", "金额单位", "主要职责", "机构设置")
OTHER_FIGURES = ("机关运行经费", "上年机关运行经费", "上年收入总计", "上年支出总计", "上年一般公共预算支出")
REASON_TOPICS = ("收入总计", "支出总计", "“三公”经费", "因公出国（境）费", "公务用车购置及运行费", "公务接待费",
                 "机关运行经费")


@dataclass(frozen=True, slots=True)
class Column:
    """One input column: header (also what the reader looks for), what it holds, a help note.

    ``kind``: ``text``, ``money``, ``count``, ``functional`` (功能分类 项 code, dropdown),
    ``economic`` (部门预算经济分类 款 code, dropdown), ``unit`` (a unit of the 预算单位 sheet),
    or ``choice`` (one of ``choices``).
    """

    header: str
    kind: str = "text"
    width: int = 14
    help: str = ""
    choices: tuple[str, ...] = ()
    required: bool = False


@dataclass(frozen=True, slots=True)
class Sheet:
    """One input sheet: name, what it is for, its columns."""

    name: str
    purpose: str
    columns: tuple[Column, ...]

    def header(self, name: str) -> Column:
        return next(c for c in self.columns if c.header == name)


_UNIT = Column("单位名称", "unit", 30, "预算单位（取自“预算单位”表）", required=True)
_FUND = Column("资金来源", "choice", 16, "一般公共预算 / 政府性基金预算 / 国有资本经营预算 / 财政专户管理资金 / 单位资金",
               FUNDS, required=True)

SHEETS: tuple[Sheet, ...] = (
    Sheet("基本信息", "部门名称、年度、预算或决算、金额单位，以及只有部门能写的主要职责和机构设置。", (
        Column("项目", "text", 16), Column("内容", "text", 90),
    )),
    Sheet("预算单位", "纳入本部门预算（决算）编制范围的单位，第一行为本级。", (
        Column("单位编码", "text", 12), Column("单位名称", "text", 40, required=True),
    )),
    Sheet("收入", "每个单位按收入来源填列本年收入和上年结转结余；合计与部门数由系统计算。", (
        _UNIT,
        *(Column(f"本年{f}", "money", 14) for f in FUNDS),
        *(Column(f"上年结转{f}", "money", 14) for f in FUNDS),
    )),
    Sheet("支出", "每行一个单位、一个功能分类“项”科目、一种资金来源的支出；类、款、合计、基本支出由系统计算。", (
        _UNIT,
        Column("功能分类科目", "functional", 34, "7 位“项”级科目编码（下拉选择）", required=True),
        _FUND,
        Column("人员经费", "money", 14), Column("公用经费", "money", 14), Column("项目支出", "money", 14),
    )),
    Sheet("基本支出经济分类", "基本支出按部门预算经济分类“款”填列，分人员经费和公用经费（301、303 通常为人员经费）；类和合计由系统计算。", (
        _UNIT,
        Column("经济分类科目", "economic", 30, "5 位“款”级科目编码（下拉选择）", required=True),
        _FUND,
        Column("人员经费", "money", 14), Column("公用经费", "money", 14),
    )),
    Sheet("三公经费", "“三公”经费各项的本年数与上年数（决算：预算数与决算数）。", (
        Column("项目", "choice", 22, "", THREE_PUBLIC_ITEMS, required=True),
        Column("本年数", "money", 14), Column("上年数", "money", 14),
    )),
    Sheet("项目", "项目支出明细：每个项目一行；项目支出合计须与“支出”表的项目支出一致。", (
        _UNIT, Column("项目名称", "text", 36, required=True), Column("项目内容", "text", 40), _FUND,
        Column("本年金额", "money", 14), Column("上年结转", "money", 14),
    )),
    Sheet("绩效目标", "每个项目的年度目标和绩效指标，一行一个指标；项目名称与“项目”表一致。", (
        Column("项目名称", "text", 36, required=True), Column("年度目标", "text", 40),
        Column("一级指标", "text", 12), Column("二级指标", "text", 14), Column("三级指标", "text", 24),
        Column("运算符", "choice", 8, "", (">=", "<=", "=", ">", "<")), Column("指标值", "text", 10),
        Column("度量单位", "text", 10),
    )),
    Sheet("政府采购", "政府采购预算：每个采购项目一行，按货物、工程、服务分类。", (
        Column("采购类别", "choice", 10, "", PROCUREMENT_KINDS, required=True),
        Column("采购项目", "text", 36), Column("金额", "money", 14, required=True),
    )),
    Sheet("资产", "公务用车等国有资产：实有数与拟购置数。", (
        Column("车辆类别", "choice", 22, "", VEHICLE_KINDS, required=True),
        Column("实有数", "count", 10), Column("拟购置数", "count", 10),
    )),
    Sheet("其他数字", "情况说明引用而表中没有的数字：机关运行经费、上年数。", (
        Column("项目", "choice", 24, "", OTHER_FIGURES, required=True), Column("金额", "money", 14),
    )),
    Sheet("变化原因", "比上年增减超过 10% 的事项须说明原因，情况说明引用；未填写处为【待填写】。", (
        Column("事项", "choice", 24, "", REASON_TOPICS, required=True), Column("原因", "text", 80),
    )),
)


def sheet(name: str) -> Sheet:
    """The definition of sheet ``name``."""
    return next(s for s in SHEETS if s.name == name)
