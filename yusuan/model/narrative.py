"""The explanatory text (情况说明): sections, the figures it quotes, and the glossary (名词解释)."""

from __future__ import annotations

from yusuan.layout import Line
from yusuan.model.disclosure import Narrative, NarrativeSection


def read_narrative(lines: list[Line], source: str) -> Narrative:
    """Sections of the text outside the tables (figures are extracted by claim patterns)."""
    text = "\n".join(ln.text for ln in lines if not ln.is_blank)
    narrative = Narrative()
    if text:
        narrative.sections.append(NarrativeSection(title="", text=text, line=lines[0].number if lines else None))
    return narrative
