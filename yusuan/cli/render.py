"""Rich renderings of command results in Chinese (the readable face of the JSON contracts)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

REVENUE_LABELS = {
    "general_public_budget": "一般公共预算拨款收入",
    "government_fund": "政府性基金预算拨款收入",
    "state_capital": "国有资本经营预算拨款收入",
    "fiscal_special_account": "财政专户管理资金收入",
    "unit_funds": "单位资金收入",
    "current_year_total": "本年收入合计",
    "carryover_from_last_year": "上年结转结余",
    "grand_total": "收入总计",
}
EXPENDITURE_LABELS = {
    "current_year_total": "本年支出合计",
    "carryover_to_next_year": "年终结转结余",
    "grand_total": "支出总计",
    "basic": "基本支出",
    "personnel": "人员经费",
    "public": "公用经费",
    "project": "项目支出",
}
THREE_PUBLIC_LABELS = {
    "total": "“三公”经费合计",
    "outbound": "因公出国（境）费",
    "vehicle_total": "公务用车购置及运行费",
    "vehicle_purchase": "公务用车购置费",
    "vehicle_operation": "公务用车运行费",
    "reception": "公务接待费",
}


def _fmt(value: Any) -> str:
    return "—" if value is None else f"{value:,}" if not isinstance(value, str) else value


def _pairs(title: str, labels: dict[str, str], values: dict[str, Any], unit: str) -> Table:
    table = Table(title=f"{title}（{unit}）", show_header=False, title_justify="left")
    table.add_column("项目")
    table.add_column("金额", justify="right")
    for key, label in labels.items():
        table.add_row(label, _fmt(values.get(key)))
    return table


def print_summary(data: dict[str, Any], console: Console) -> None:
    """The SUMMARY_SCHEMA figures as a readable Chinese report."""
    unit = data["money_unit"]
    console.print(f"[bold]{data['department'] or '（未识别部门）'}[/]  {data['year'] or ''}年  金额单位：{unit}")
    console.print(f"来源：{data['source']}；预算单位：{'、'.join(data['units']) or '—'}")
    console.print(_pairs("收入", REVENUE_LABELS, data["revenue"], unit))
    console.print(_pairs("支出", EXPENDITURE_LABELS, data["expenditure"], unit))
    classes = Table(title="按功能分类（类）", title_justify="left")
    classes.add_column("科目编码")
    classes.add_column("金额", justify="right")
    for code, value in data["expenditure"]["by_function_class"].items():
        classes.add_row(code, _fmt(value))
    console.print(classes)
    console.print(_pairs("“三公”经费", THREE_PUBLIC_LABELS, data["three_public"], unit))
    console.print(f"机关运行经费：{_fmt(data['operating_costs'])}　政府采购预算总额：{_fmt(data['government_procurement_total'])}")
    console.print(f"项目 {len(data['projects'])} 个；项目绩效目标表 {data['project_performance_tables']} 张")


def print_tables(source: str, rows: list[dict[str, Any]], console: Console) -> None:
    """The tables found in one document."""
    table = Table(title=f"{source} 中识别的表格", title_justify="left")
    for column in ("表号", "标题", "类型", "页", "行号", "行数", "单位"):
        table.add_column(column)
    for r in rows:
        lines = f"{r['lines'][0]}–{r['lines'][1]}" if r["lines"] else ""
        table.add_row(
            r["number"] or "",
            r["title"],
            r["kind"] if r["kind"] != "raw" else "[yellow]raw（未识别）[/]",
            ",".join(map(str, r["pages"])),
            lines,
            str(r["rows"]),
            r["money_unit"] or "",
        )
    console.print(table)
