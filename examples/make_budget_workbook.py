"""Make examples/budget_2025.xlsx: a filled budget-entry workbook (预算录入表) for the README's demo.

Why made, not typed: it must stay in step with the workbook layout (yusuan/workbook/sheets.py). It
is seed 000's 2025 budget (Fushun, examples/000_…txt) pre-filled with ``yusuan template --from``,
renamed to an invented department (示例市), and completed as a department would complete it: its
duties and offices, the 机关运行经费, vehicles, procurement items, last year's totals and the
reasons for every change above 10 %; the seed's 项目内容 is left out (it names private
persons). Every figure of the tables is the seed's; the invented
parts are marked here. Run from the repository root: ``python examples/make_budget_workbook.py``.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import yusuan
from yusuan.workbook.entries import Entries
from yusuan.workbook.prefill import prefill
from yusuan.workbook.writer import write_template

HERE = Path(__file__).resolve().parent
SEED = HERE / "000_87792da19c622395.txt"
OUT = HERE / "budget_2025.xlsx"
D = Decimal

DUTIES = (
    "示例市工业和信息化局贯彻落实国家、省关于工业和信息化工作的方针政策，拟订全市工业、信息化发展规划并组织实施。",
    "负责监测分析工业运行态势，协调解决工业运行中的有关问题；推进工业技术改造、节能降耗和产业结构调整。",
    "负责中小企业发展的宏观指导，推动中小企业服务体系建设；承担市委、市政府交办的其他事项。",
)
OFFICES = "示例市工业和信息化局内设办公室、规划发展科、运行监测科、中小企业科等职能科室，本部门预算为局本级预算。"


def renamed(value: object) -> object:
    """The seed's department and unit names replaced by the invented 示例市."""
    return value.replace("抚顺市", "示例市") if isinstance(value, str) else value


def complete(entries: Entries) -> Entries:
    """What the department writes in: texts, figures only the text states, last year's totals, reasons."""
    entries.info = {k: renamed(v) for k, v in entries.info.items()}
    entries.rows = {name: [{k: renamed(v) for k, v in row.items()} for row in rows] for name, rows in entries.rows.items()}
    entries.info.update({"主要职责": "\n".join(DUTIES), "机构设置": OFFICES})
    for row in entries.of("项目"):  # the seed's 项目内容 names private persons: left out
        row["项目内容"] = None
    for row in entries.of("三公经费"):  # last year's 三公 (invented): 公务用车运行费 was 6.20
        row["上年数"] = {"公务用车运行费": D("6.20")}.get(row["项目"], D(0))
    entries.rows["其他数字"] = [
        {"项目": "机关运行经费", "金额": D("100.59")},  # the 公用经费 of this 行政单位
        {"项目": "上年机关运行经费", "金额": D("101.30")},
        {"项目": "上年收入总计", "金额": D("1298.45")},
        {"项目": "上年支出总计", "金额": D("1298.45")},
    ]
    entries.rows["资产"] = [{"车辆类别": "执法执勤用车", "实有数": D(2)}, {"车辆类别": "其他用车", "实有数": D(1)}]
    entries.rows["政府采购"] = [
        {"采购类别": "货物", "采购项目": "办公设备购置", "金额": D("12.00")},
        {"采购类别": "服务", "采购项目": "信息系统运行维护", "金额": D("0.95")},
    ]
    entries.rows["变化原因"] = [
        {"事项": "收入总计", "原因": "市升规入库企业奖励资金纳入部门预算，项目支出增加"},
        {"事项": "支出总计", "原因": "市升规入库企业奖励资金纳入部门预算，项目支出增加"},
    ]
    return entries


def main() -> None:
    d = yusuan.read(SEED)
    entries = complete(prefill(d, "预算", 2025))
    OUT.write_bytes(write_template("预算", 2025, entries))
    print(f"wrote {OUT.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
