"""Budget units from the 概况 lists (numbered, inline, across page breaks) and from the tables."""

from __future__ import annotations

from decimal import Decimal

from yusuan.model.disclosure import Disclosure, LineItem, StatementTable
from yusuan.model.identity import identify
from yusuan.model.identity_units import is_page_token, reconcile, split_list
from yusuan.read.text import layout_from_text
from yusuan.tables.table import Table


def _units(text: str, rows: list[str] | None = None, department: str = "某市某某局") -> list[str]:
    """The units identify() reads from ``text``, with an optional 表2 headed '单位名称 合计' whose
    code-less rows are ``rows``."""
    layout = layout_from_text(text + "\n单位名称\t合计\t财政拨款\n", "x.txt")
    lines = [ln for ln in layout.lines() if not ln.is_blank]
    meta = {"单位名称": department}
    tables = [Table(kind="income_summary", title="收入总体情况表", title_line=lines[0], meta=meta)]
    d = Disclosure(source="x.txt")
    if rows is not None:
        tables[0].header = [lines[-1]]
        items = [LineItem(name="合计", values={}, level="total")]
        items += [LineItem(name=r, values={"total": Decimal(1)}) for r in rows]
        d.tables = [StatementTable(kind="income_summary", title="收入总体情况表", items=items)]
    return identify(layout, tables, d).units


def test_numbered_list_with_chinese_numerals_wrapped_names_and_footer() -> None:
    text = """三、部门预算构成
本部门预算为汇总预算，包括：委本级预算，以及纳入编制范围的下属单位预算。预算单位3
个，具体包括：
（一）某市第一医院
-3-
（二）某市健康发展和服务管理中心（某市保健
中心）
（三）某市某某委员会（本级）
第二部分 2030年部门预算表
"""
    assert _units(text) == [
        "某市第一医院",
        "某市健康发展和服务管理中心（某市保健中心）",
        "某市某某委员会（本级）",
    ]


def test_duties_list_is_not_units() -> None:
    text = """一、主要职责
某市某某局的主要职责是：
（一）贯彻执行国家和省、市有关法律法规。
（二）负责有关工作。
"""
    assert _units(text) == ["某市某某局"]


def test_parentheses_protect_the_list_separator() -> None:
    text = """下属单位具体包括：某市气象台、某市气象综合保障中心(某市预警信息发布中心、某市气象数据
中心)。
"""
    assert _units(text) == ["某市气象台", "某市气象综合保障中心(某市预警信息发布中心、某市气象数据中心)"]
    assert split_list("A、B（C、D）、E") == ["A", "B（C、D）", "E"]


def test_page_footer_between_halves_of_a_name() -> None:
    for footer in ("-3-", "- 3 -", "第3页", "第 3 页 共 20 页", "—3—"):
        text = f"""本部门预算为汇总预算，包括：局本级预算，以及纳入编制范围的下属单位预算。下属单位具体包括：某市甲监
狱、某市乙强制隔离戒毒
{footer}
所、某市丙中心。
"""
        assert _units(text) == ["某市某某局", "某市甲监狱", "某市乙强制隔离戒毒所", "某市丙中心"], footer
    assert is_page_token("- 12 -") and is_page_token("第3页") and not is_page_token("2030")


def test_list_cross_checked_with_the_table_unit_rows() -> None:
    text = """下属预算单位3个，分别是：某市甲中心、某市乙中心（某市丙所）、某市丁站。
"""
    rows = ["某市某某局", "某市甲中心", "某省某市监测中心站", "某市乙中心", "某市丁站"]
    # the unit the 概况 does not name is inserted where the table prints it
    assert _units(text, rows) == rows
    # without a list the table rows are the units
    assert _units("", rows) == rows


def test_reconcile_prefers_the_table_spelling() -> None:
    listed = [
        "某市气象综合保障中心（某市预警中心、某市数据中心）",  # table prints the main name only
        "某市征地办公室（某市土地开发中心）",  # table prints the alias
        "某市研究院和某市评审中心",  # two units joined by 和
        "某市知识产权保护中心",  # table: '某知识产权保护中心'
        "某市某某委员会（本级）",
        "某市未列表单位",  # no table row: kept as listed
    ]
    rows = [
        "某市某某委员会",
        "某市气象综合保障中心",
        "某市土地开发中心",
        "某市研究院",
        "某市评审中心",
        "某知识产权保护中心",
    ]
    assert reconcile(listed, rows) == [
        "某市气象综合保障中心",
        "某市土地开发中心",
        "某市研究院",
        "某市评审中心",
        "某知识产权保护中心",
        "某市某某委员会",
        "某市未列表单位",
    ]
    assert reconcile([], rows) == rows and reconcile(listed[:1], []) == listed[:1]


def test_numbered_list_ends_where_the_numbering_changes_style() -> None:
    text = """纳入编制范围的预算单位包括：
1.某市某某局本级
2.某市甲中心
（三）部门预算构成
"""
    assert _units(text) == ["某市某某局本级", "某市甲中心"]


def test_near_spelling_must_keep_the_kind_of_unit() -> None:
    assert reconcile(["某市第四环保所"], ["某市第五环保所"]) == ["某市第五环保所", "某市第四环保所"]
    assert reconcile(["某市妇女儿童医疗中心"], ["某大学附属妇女儿童医疗中心"]) == [
        "某大学附属妇女儿童医疗中心"
    ]
