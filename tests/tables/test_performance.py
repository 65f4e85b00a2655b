"""绩效目标表 / 绩效自评表: targets split from concatenated pages, names, units, amounts, indicators."""

from __future__ import annotations

from decimal import Decimal

from tests.model.textlines import table_of
from yusuan.tables.performance import read_performance

TEXT_PAGES = """部门预算项目（政策）绩效目标表
表17 单位：万元

项目(政策)名称 老干部服务工作经费

主管部门 某市某某局 实施单位 某市某某局本级

预算资金情况 2.38

总体目标 确保单位正常运转

绩效指标

一级指标 二级指标 三级指标
运算
符号

指标值
度量
单位

完成时限

产出指标

数量指标 足额保障率 = 100 % 2030-12

效益指标

社会效益指标 确保平稳运行 平稳运行 2030-12

满意度指标服务对象满意度指 干部群众满意度 >= 95 % 2030-12



部门预算项目（政策）绩效目标表
表17 单位：万元



部门预算项目（政策）绩效目标表
表17 单位：万元

项目(政策)名称 企业奖励资金

主管部门 某市某某局 实施单位 某市某某局本级

预算资金情况 197.50

总体目标 鼓励和支持工业企业升规入库。
"""


def test_text_targets_split_and_empty_page_not_counted() -> None:
    table, lines = table_of(TEXT_PAGES, "performance_project")
    targets = read_performance(table, "x", lines)
    assert [(t.scope, t.name, t.unit, t.amount.value if t.amount else None) for t in targets] == [
        ("project", "老干部服务工作经费", "某市某某局本级", Decimal("2.38")),
        ("project", "企业奖励资金", "某市某某局本级", Decimal("197.50")),
    ]
    first = targets[0]
    assert first.goal == "确保单位正常运转"
    by_name = {i.name: i for i in first.indicators}
    assert by_name["足额保障率"].level1 == "产出指标"
    assert by_name["足额保障率"].level2 == "数量指标"
    assert (by_name["足额保障率"].operator, by_name["足额保障率"].value, by_name["足额保障率"].unit) == (
        "=",
        "100",
        "%",
    )
    assert by_name["干部群众满意度"].operator == ">="
    assert by_name["确保平稳运行"].value == "平稳运行"


TAB_PAGE = (
    "部门预算项目（政策）绩效目标表\n"
    "单位：万元\n"
    "项目(政策)名称\t职称评审相关工作经 费\t\t\t\t\t\t\n"
    "主管部门\t某市某某局\t\t\t实施单位\t某市某某局本级\t\t\n"
    "预算资金情况\t27.01\t\t\t\t\t\t\n"
    "总体目标\t科学客观公正评价专业技术人员。\t\t\t\t\t\t\n"
    "绩效指标\t一级指标\t二级指标\t三级指标\t运算符号\t指标值\t度量单位\t完成时限\n"
    "\t产出指标\t数量指标\t参评人数\t>\t1300\t人\t2030-12\n"
    "\t\t\t聘请专家人次\t<=\t270\t人次\t2030-12\n"
    "\t效益指标\t可持续影响指标\t建设创新城市\t\t争创一流\t\t2030-12\n"
)


def test_tab_target_indicators_by_column() -> None:
    table, lines = table_of(TAB_PAGE, "performance_project")
    (target,) = read_performance(table, "x", lines)
    assert target.name == "职称评审相关工作经费"
    assert target.amount is not None and target.amount.value == Decimal("27.01")
    assert [(i.level1, i.level2, i.name, i.operator, i.value, i.unit) for i in target.indicators] == [
        ("产出指标", "数量指标", "参评人数", ">", "1300", "人"),
        ("产出指标", "数量指标", "聘请专家人次", "<=", "270", "人次"),
        ("效益指标", "可持续影响指标", "建设创新城市", None, "争创一流", None),
    ]


WRAPPED_NAME = """11、提前下达 2030 年专项资金（“专精特新”骨干企业创新发展项目）绩效目标表
单位：万元

项目编码 13030325P00380910013D 项目名称
提前下达 2030 年专项资金（“专精特新”骨

干企业创新发展项目）

预算规模及

资金用途

预算数 100.00 其中：财政 资金 100.00 其他资金

绩效目标 1.推动企业创新发展。

一级指标 二级指标 三级指标 绩效指标描述 指标值
产出指标
数量指标 支持企业数量 支持企业的数量 ≥5 家
"""


def test_name_wrapped_below_its_label_and_prefixed_operator() -> None:
    table, lines = table_of(WRAPPED_NAME, "performance_project")
    (target,) = read_performance(table, "x", lines)
    assert target.name == "提前下达 2030 年专项资金（“专精特新”骨干企业创新发展项目）"
    assert target.unit is None
    assert target.amount is not None and target.amount.value == Decimal("100.00")
    assert target.goal == "1.推动企业创新发展。"
    (indicator,) = target.indicators
    assert (indicator.operator, indicator.value, indicator.unit) == ("≥", "5", "家")


SELF_EVALUATION = """部门（单位）整体绩效自评表
2030年度

部门（单位）名称 060001某省某某厅本级

部门年初预算支出金额 7302.15

年度目标

年初总体目标 全年完成情况

推动工业高质量发展。
"""


def test_overall_self_evaluation() -> None:
    table, lines = table_of(SELF_EVALUATION, "performance_overall", None)
    (target,) = read_performance(table, "x", lines)
    assert target.scope == "overall" and target.self_evaluation
    assert target.name == "某省某某厅本级" and target.unit == "某省某某厅本级"
    assert target.amount is not None and target.amount.value == Decimal("7302.15")
