"""Projects named in the text, and prose the segmenter left at the end of a table."""

from __future__ import annotations

from decimal import Decimal

from tests.model.textlines import lines_of
from yusuan.model.narrative import read_narrative, trailing_prose
from yusuan.model.narrative_projects import projects_from_narrative

COUNTED_LIST = """四、绩效目标设置情况
2031年度，本单位编报绩效目标的项目共3个，涉及项目预算资金30.50万元。其中：中介机构服务费20.00万
元，业务费10.00万元，系统维护费0.50万元。
"""


def test_counted_list_gives_projects_in_the_document_unit() -> None:
    narrative = read_narrative(lines_of(COUNTED_LIST), "x")
    projects = projects_from_narrative(narrative, "元", "x")
    assert [(p.name, p.amount.value if p.amount else None, p.unit) for p in projects] == [
        ("中介机构服务费", Decimal("200000"), None),
        ("业务费", Decimal("100000"), None),
        ("系统维护费", Decimal("5000"), None),
    ]


def test_list_not_matching_its_count_is_ignored() -> None:
    text = COUNTED_LIST.replace("项目共3个", "项目共4个")
    assert projects_from_narrative(read_narrative(lines_of(text), "x"), "万元", "x") == []


def test_described_project_has_unit_and_no_amount() -> None:
    text = """项目经费情况说明
一、项目概况
由某区某某街道办事处建设的某某社区服务中心新建工程，位于某路口，用地面积约为4000平方米。
二、立项依据
根据有关批复进行建设。
"""
    (project,) = projects_from_narrative(read_narrative(lines_of(text), "x"), "元", "x")
    assert (project.name, project.unit, project.amount) == (
        "某某社区服务中心新建工程",
        "某区某某街道办事处",
        None,
    )


def test_trailing_prose_starts_at_its_heading_and_skips_notes() -> None:
    lines = lines_of(
        """“三公”经费预算表
合计 因公出国(境)费 公务接待费
1.35 0 1.35
注:本表为空表。
其他相关情况说明
一、2031年“三公”经费预算情况说明
2031年“三公”经费预算数为1.35万元，比2030年预算持平。其中：
（一）公务接待费1.35万元，比2030年预算持平，主要原因是保持不变。
"""
    )
    tail = trailing_prose(lines)
    assert tail[0].text == "其他相关情况说明"
    assert len(tail) == 4


def test_table_notes_alone_are_not_prose() -> None:
    lines = lines_of(
        """收入决算表
合计 1.00 1.00
注：本表反映部门本年度取得的各项收入情况。
本表金额转换成万元时，因四舍五入可能存在尾差。
如本表为空，则我部门本年度无此类资金收支余。
"""
    )
    assert trailing_prose(lines) == []
