"""项目支出表 checks on real 烟台 budgets (../shared/pdf/wild2): a table continued on the next page
under its title adds up with its first part, coincidental sums make no unit rows, and rows the
table says it withholds (涉密项目剔除) are a warning, not an error."""

from __future__ import annotations

import pytest

import yusuan
from tests.conftest import shared_path


def _project_findings(name: str) -> tuple[yusuan.Disclosure, list]:
    d = yusuan.read(shared_path("pdf", "wild2", f"yantai_2026_{name}_预算.pdf"))
    return d, [f for f in yusuan.check(d) if f.rule in ("projects.table_sum", "projects.sum")]


@pytest.mark.parametrize("name", ["烟台市民政局", "烟台市交通运输局"])
def test_a_table_continued_under_its_title_adds_up_with_its_first_part(name: str) -> None:
    d, findings = _project_findings(name)
    assert len(d.tables_of("project_expenditure")) == 2
    assert findings == []


def test_names_without_the_category_column() -> None:
    d, _ = _project_findings("烟台市民政局")
    assert d.projects[0].name == "民政业务工作经费"
    assert d.table("project_expenditure").items[1].name == "民政业务工作经费"  # type: ignore[union-attr]


def test_no_unit_rows_where_every_row_makes_the_total() -> None:
    d, findings = _project_findings("烟台市住房和城乡建设局")
    assert {p.unit for p in d.projects} == {None}
    assert not [f for f in findings if f.rule == "projects.table_sum"]


def test_withheld_rows_are_a_warning() -> None:
    _, findings = _project_findings("烟台市信访局")
    assert findings and {f.severity for f in findings} == {"warning"}


def test_a_tree_of_project_groups_is_no_list_of_units() -> None:
    """西安 专项业务经费支出表: groups (通用项目 › 大型活动) are neither projects nor units."""
    d = yusuan.read(shared_path("pdf", "wild2", "xian_2026_西安市审计局_预算.pdf"))
    assert [p.name for p in d.projects] == [
        "审计培训", "购买中介机构审计服务", "审计事务", "审计专项补助经费", "审计专项补助经费（结转）",
    ]  # fmt: skip
    assert {p.unit for p in d.projects} == {"西安市审计局"}
    table = d.table("project_expenditure")
    assert table is not None and {i.name for i in table.items if i.level == "category"} >= {"通用项目", "大型活动"}
    assert not [f for f in yusuan.check(d) if f.rule in ("projects.table_sum", "units.total_sum")]
