"""Template specs: the bundled templates load, a copied folder is a new template, bad specs are
refused with a Chinese message naming the file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from yusuan.errors import UsageError
from yusuan.publish.spec import load_template, template_names, templates_root


def test_the_three_bundled_templates_load() -> None:
    assert set(template_names()) >= {"national", "liaoning_city", "shanghai_district"}
    national = load_template("national")
    assert [t.kind for t in national.tables][:8] == [
        "income_expenditure_summary", "income_summary", "expenditure_summary", "fiscal_summary",
        "general_budget_expenditure", "general_budget_basic", "three_public", "government_fund"]
    assert len(load_template("liaoning_city").tables) >= 17
    shanghai = load_template("shanghai_district")
    assert (shanghai.money_unit, shanghai.code_layout, shanghai.landscape, len(shanghai.tables)) == ("元", "split", True, 9)


def test_a_copied_folder_is_a_new_template(tmp_path: Path) -> None:
    folder = tmp_path / "my_county"
    shutil.copytree(templates_root() / "national", folder)
    text = (folder / "template.yaml").read_text("utf-8").replace("name: national", "name: my_county")
    (folder / "template.yaml").write_text(text.replace("code_layout: whole", "code_layout: glued"), "utf-8")
    spec = load_template(folder)
    assert (spec.name, spec.code_layout, spec.folder) == ("my_county", "glued", folder)


@pytest.mark.parametrize(("edit", "message"), [
    (lambda t: t.replace("code_layout: whole", "code_layout: sideways"), "code_layout"),
    (lambda t: t.replace("money_unit: 万元", "money_unit: 美元"), "单位"),
    (lambda t: t.replace("layout: two_sided}", "layout: circular}", 1), "layout"),
    (lambda t: t.replace("label: 全国通用（八张表）", ""), "label"),
    (lambda t: t + "\n  - [unclosed", "YAML"),
])
def test_bad_specs_are_refused(tmp_path: Path, edit, message: str) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "bad"
    shutil.copytree(templates_root() / "national", folder)
    (folder / "template.yaml").write_text(edit((folder / "template.yaml").read_text("utf-8")), "utf-8")
    with pytest.raises(UsageError, match=message):
        load_template(folder)


def test_an_unknown_template_names_the_ones_there_are() -> None:
    with pytest.raises(UsageError, match="national"):
        load_template("no_such_region")
