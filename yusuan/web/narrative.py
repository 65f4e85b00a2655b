"""The 情况说明 as the document page shows it: each quoted figure marked in its sentence and linked to
the table cell its claim names.

Why the checker's own lookup: which cell a claim (``expenditure.basic``, ``function_class:208``…)
stands for is decided by :func:`yusuan.check.rules.claims.table_figures`; the page links to the
first printing it returns, so the link and the check agree by construction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from yusuan.check.context import Context
from yusuan.check.rules.claims import split_claim, table_figures
from yusuan.model import Disclosure
from yusuan.store.db import Store
from yusuan.store.history import load_disclosure
from yusuan.web.document import CellView
from yusuan.web.labels import PERIOD_LABELS

CLAIM_LABELS = {
    "income.total": "收入总计", "income.current_year": "本年收入", "expenditure.total": "支出总计",
    "expenditure.current_year": "本年支出", "expenditure.basic": "基本支出", "expenditure.personnel": "人员经费",
    "expenditure.public": "公用经费", "expenditure.project": "项目支出", "general_public_budget.total": "一般公共预算",
    "government_fund.total": "政府性基金预算", "state_capital.total": "国有资本经营预算", "fiscal.total": "财政拨款",
    "three_public.total": "“三公”经费", "three_public.outbound": "因公出国（境）费",
    "three_public.vehicle_total": "公务用车购置及运行费", "three_public.vehicle_purchase": "公务用车购置费",
    "three_public.vehicle_operation": "公务用车运行费", "three_public.reception": "公务接待费",
    "operating_costs": "机关运行经费", "procurement.total": "政府采购", "procurement.goods": "政府采购·货物",
    "procurement.works": "政府采购·工程", "procurement.services": "政府采购·服务",
}
SUFFIX_LABELS = {".previous": "上年数", ".change": "增减额", ".change_pct": "增减幅度", ".actual": "决算数",
                 ".budget": "预算数", ".completion_pct": "完成率", "": ""}


def claim_label(claim: str) -> str:
    base, suffix = split_claim(claim)
    if base.startswith(("function:", "function_class:")):
        name = f"功能科目 {base.split(':', 1)[1]}"
    else:
        name = CLAIM_LABELS.get(base, base)
    return f"{name}{'·' + SUFFIX_LABELS[suffix] if SUFFIX_LABELS.get(suffix) else ''}"


@dataclass(slots=True)
class Piece:
    """A run of section text; a quoted figure carries its claim and the anchor of the cell it claims."""

    text: str
    claim: str | None = None
    label: str = ""
    anchor: str | None = None


@dataclass(slots=True)
class SectionView:
    title: str
    pieces: list[Piece] = field(default_factory=list)

    @property
    def figures(self) -> int:
        return sum(1 for p in self.pieces if p.claim)


def _anchors(d: Disclosure, index: dict[tuple[str, ...], CellView]) -> dict[str, str]:
    """claim → anchor of the first table cell printing it (claims about this year's figures only)."""
    ctx = Context(d)
    out: dict[str, str] = {}
    for claim in {f.claim for f in d.narrative.figures}:
        base, suffix = split_claim(claim)
        if suffix not in ("", ".actual"):
            continue
        if base.startswith("three_public."):  # the 三公 table's current figures (not a grid table)
            cell_view = index.get(("three_public", PERIOD_LABELS["current"], base.split(".", 1)[1]))
            if cell_view is not None:
                out[claim] = cell_view.anchor
            continue
        for cell in table_figures(ctx, base):
            loc = cell.loc
            key = ("three_public", str(loc.row), str(loc.column)) if loc.kind == "three_public" else \
                ("row", str(loc.table), str(loc.row), str(loc.column))
            if key in index:
                out[claim] = index[key].anchor
                break
    return out


def _split(text: str, spans: list[tuple[int, int, str]], anchors: dict[str, str]) -> list[Piece]:
    pieces, at = [], 0
    for start, end, claim in sorted(spans):
        if start < at:
            continue
        if start > at:
            pieces.append(Piece(text[at:start]))
        pieces.append(Piece(text[start:end], claim, claim_label(claim), anchors.get(claim)))
        at = end
    if at < len(text):
        pieces.append(Piece(text[at:]))
    return pieces


def sections(store: Store, doc_id: str, index: dict[tuple[str, ...], CellView]) -> list[SectionView]:
    """The stored narrative sections with every quoted figure found in its sentence and linked."""
    rows = store.con.execute(
        "SELECT title, text FROM narrative_sections WHERE doc_id = ? ORDER BY section_no", [doc_id]).fetchall()
    if not rows:
        return []
    d = load_disclosure(store, doc_id)
    anchors = _anchors(d, index) if d is not None else {}
    figures = [(_squashed(f.sentence or "")[0], _squashed(f.text or "")[0], f.claim)
               for f in (d.narrative.figures if d is not None else []) if f.sentence and f.text]
    out = []
    for title, text in rows:
        text = text or ""
        flat, where = _squashed(text)
        spans = []
        for sentence, quoted, claim in figures:
            start = flat.find(sentence)
            pos = flat.find(quoted, start, start + len(sentence)) if start >= 0 else -1
            if pos >= 0:
                spans.append((where[pos], where[pos + len(quoted) - 1] + 1, claim))
        out.append(SectionView(title or "", _split(text, spans, anchors)))
    return out


def _squashed(text: str) -> tuple[str, list[int]]:
    """``text`` without whitespace, and where each kept character stood (the text prints '1186.91 万元'
    where the figure was read as '1186.91万元')."""
    where = [i for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(text[i] for i in where), where
