"""publish(): refused when the model or its read-back output has an error or the text a slot;
--force writes a stamped draft; every file gets its manifest; the CLI exit codes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import yusuan
from tests.conftest import EXAMPLES
from yusuan.check.rules.slots import RULE_ID
from yusuan.cli.app import main
from yusuan.publish import PublishRefused, model_hash, publish
from yusuan.publish.guard import READBACK
from yusuan.publish.spec import load_template
from yusuan.publish.variants import variant

WORKBOOK = EXAMPLES / "budget_2025.xlsx"


def test_a_document_with_errors_is_refused_and_nothing_written(tmp_path: Path) -> None:
    d = yusuan.read(EXAMPLES / "002_df00543b5fb556ea.txt")  # its text contradicts its 三公 table
    out = tmp_path / "002.html"
    with pytest.raises(PublishRefused) as refused:
        publish(d, "html", out=out)
    rules = {f.rule for f in refused.value.findings}
    assert "narrative.three_public" in rules and RULE_ID in rules
    assert refused.value.exit_code == 1
    assert not out.exists() and not list(tmp_path.iterdir())


def test_force_writes_a_stamped_draft_with_its_manifest(tmp_path: Path) -> None:
    d = yusuan.read(EXAMPLES / "002_df00543b5fb556ea.txt")
    result = publish(d, "html", "national", out=tmp_path / "002.html", force=True)
    html = (tmp_path / "002.html").read_text("utf-8")
    assert result.draft and "草稿（未通过发布核对" in html
    manifest = json.loads((tmp_path / "002.html.manifest.json").read_text("utf-8"))
    assert manifest["model_sha256"] == model_hash(d)
    assert manifest["sha256"] == hashlib.sha256((tmp_path / "002.html").read_bytes()).hexdigest()
    assert manifest["template"] == "national" and manifest["draft"] is True and manifest["verified_by_reading_back"]
    assert any(f["rule"] == RULE_ID for f in manifest["findings"])


def test_a_layout_the_reader_misreads_is_caught_by_reading_back() -> None:
    d = yusuan.read(EXAMPLES / "001_f756e9a8bddbf743.txt")
    indented = variant(load_template("national"), {"code_layout": "indented"}).spec
    result = publish(d, "text", indented, force=True)
    differing = {f.locations[0].row or "" for f in result.findings if f.rule == READBACK}
    assert any(field.startswith(("basic_by_economic_class.", "expenditure.by_function")) for field in differing)
    assert result.draft


def test_the_example_workbook_publishes_clean(tmp_path: Path) -> None:
    d = yusuan.read(WORKBOOK)
    result = publish(d, "xlsx", "liaoning_city", out=tmp_path / "b.xlsx")
    assert not result.draft
    assert not [f for f in result.findings if f.severity == "error"]
    assert result.output is not None and result.output.department == "示例市工业和信息化局本级"


def test_cli_publish_list_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["publish", "--list-templates"]) == 0
    assert "shanghai_district" in capsys.readouterr().out
    assert main(["publish", str(WORKBOOK), "-f", "docx", "-o", str(tmp_path / "b.docx")]) == 0
    assert (tmp_path / "b.docx").exists() and (tmp_path / "b.docx.manifest.json").exists()
    assert main(["publish", str(EXAMPLES / "002_df00543b5fb556ea.txt"), "-f", "html", "-o", str(tmp_path / "x.html")]) == 1
    err = capsys.readouterr().err
    assert "narrative.three_public" in err and "未发布" in err
    assert main(["publish", str(WORKBOOK), "-f", "odt", "-o", str(tmp_path / "x.odt")]) == 64
    assert main(["publish", str(tmp_path / "missing.txt"), "-f", "html", "-o", str(tmp_path / "y.html")]) == 2


def test_a_model_json_publishes_like_its_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(WORKBOOK)]) == 0
    model = tmp_path / "model.json"
    model.write_text(capsys.readouterr().out, "utf-8")
    assert main(["publish", str(model), "-f", "html", "-o", str(tmp_path / "m.html"), "--json"]) == 0
    manifest = json.loads(capsys.readouterr().out)
    assert manifest["model_sha256"] == model_hash(yusuan.read(WORKBOOK)) and not manifest["draft"]


def test_a_published_draft_still_reports_its_slots_when_checked(tmp_path: Path) -> None:
    d = yusuan.read(EXAMPLES / "000_87792da19c622395.txt")  # no 情况说明: 机关运行经费 etc. are slots
    publish(d, "docx", out=tmp_path / "draft.docx", force=True, verify=False)
    findings = yusuan.check(yusuan.read(tmp_path / "draft.docx"))
    assert any(f.rule == RULE_ID and "机关运行经费" in f.message for f in findings)
