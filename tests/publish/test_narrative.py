"""The 情况说明 and 名词解释 built from the figures: last year's figures and the changes, reasons
from the model's text, slots where only a person can say, the glossary's 功能科目."""

from __future__ import annotations

from functools import cache

import yusuan
from tests.conftest import EXAMPLES, shared_path
from yusuan.model import Disclosure
from yusuan.publish.assemble import assemble
from yusuan.publish.document import SLOT, Document, Section
from yusuan.publish.glossary import functional_items
from yusuan.publish.spec import load_template


@cache
def _read(path: str) -> Disclosure:
    return yusuan.read(path)


def _text(doc: Document, content_title: str) -> str:
    part = next(p for p in doc.parts if content_title in p.title)
    return "\n".join(f"{b.title}\n" + "\n".join(b.paragraphs) for b in part.blocks if isinstance(b, Section))


def test_changes_against_the_previous_model_with_reasons_from_the_text() -> None:
    d = _read(str(shared_path("pdf", "shanghai_putuo_wanlijiedao_2025_bumen_yusuan.pdf")))
    previous = _read(str(shared_path("pdf", "shanghai_putuo_wanlijiedao_2024_bumen_yusuan.pdf")))
    text = _text(assemble(d, load_template("national"), previous), "情况说明")
    assert "收入总计18,976.7551万元，比上年收入总计15,621.1123万元增加3,355.6428万元，增长21.48%。主要原因是" + SLOT in text
    # the source text gave this reason, so it is quoted, not a slot
    assert "下降21.48%。主要原因是2025年新增1辆公务用车购置，但与2024年购置的车辆类型不同" in text
    # a change within the threshold needs no reason
    assert "机关运行经费预算464.64万元，比上年机关运行经费443.18万元增加21.46万元，增长4.84%。" in text


def test_what_the_model_does_not_have_is_a_slot() -> None:
    d = _read(str(EXAMPLES / "000_87792da19c622395.txt"))  # tables only, no 情况说明
    doc = assemble(d, load_template("national"))
    slots = doc.slots()
    assert any(f"机关运行经费预算{SLOT}万元" in s for s in slots)
    assert any("主要职责" in s or "本部门主要职责" in s for s in slots)
    assert not any("收入总计" in s for s in slots)  # no last year: no change, no reason needed


def test_the_text_quotes_the_tables_and_reads_back_as_the_same_claims() -> None:
    d = _read(str(EXAMPLES / "001_f756e9a8bddbf743.txt"))
    text = _text(assemble(d, load_template("liaoning_city")), "情况说明")
    assert "收入总计103,600.23万元" in text and "一般公共预算支出74,934.98万元" in text
    assert "其中一般公共预算基本支出8,422.59万元" in text
    assert "机关运行经费预算388.03万元" in text  # stated only by the source text


def test_the_glossary_covers_every_functional_item_used() -> None:
    d = _read(str(EXAMPLES / "001_f756e9a8bddbf743.txt"))
    doc = assemble(d, load_template("national"))
    glossary = _text(doc, "名词解释")
    items = functional_items(d)
    assert len(items) == 20
    for code, name in items.items():
        assert f"{name}（项）" in glossary, code
    assert "（类）资源勘探工业信息等支出" not in glossary and "资源勘探工业信息等支出（类）工业和信息产业监管（款）行政运行（项）" in glossary
    assert "“三公”经费：" not in glossary  # entries are 'N. term' headings with their text below
    assert "“三公”经费" in glossary
