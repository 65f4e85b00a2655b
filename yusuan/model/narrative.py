"""The explanatory text (情况说明): sections, the figures it quotes, and the glossary (名词解释).

Headings are recognised by their numbering (第X部分 > 一、 > （一） > 1、/1. > （1）) on a short line
that is not a sentence; the text under a heading is one section. Sentences wrap over lines (often
with blank lines between), so a section's lines are joined before its figures are read (see
:mod:`yusuan.model.narrative_claims`). Under a 名词解释 heading, numbered 'term：definition' items
form the glossary and quote no figures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from yusuan.layout import Line
from yusuan.model.disclosure import Narrative, NarrativeSection
from yusuan.model.narrative_claims import extract_claims, make_resolver, normalise, topic_of
from yusuan.model.provenance import Provenance
from yusuan.model.wrapped import join_wrapped
from yusuan.money import is_amount

_HEADINGS: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"^(?:第[一二三四五六七八九十]+部分|(?:名词解释|名词说明|.{0,30}(?:情况说明|编制说明|部门概况))$)"
    ),
    re.compile(r"^[一二三四五六七八九十]+[、.．]"),
    re.compile(r"^[（(][一二三四五六七八九十]+[)）]"),
    re.compile(r"^\d{1,2}[、.．](?!\d)"),
    re.compile(r"^[（(]\d{1,2}[)）]"),
)
_GLOSSARY = re.compile(r"名词解释|名词说明|术语解释")
_TERM = re.compile(
    r"^(?:(?:\d{1,2}|[一二三四五六七八九十]+)[、.．]|[（(][一二三四五六七八九十\d]+[)）][、.．]?)\s*([^：:，。]{1,90}?)[:：](.*)$"
)
_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?(?:万元?|元|%|辆|个)")  # '支出15,456.62万' (元 wraps)


def heading_level(text: str) -> int | None:
    """The level of a heading line (0 = 第X部分), or None for a line of prose."""
    t = normalise(text)
    if not t or len(t) > 40 or "，" in t or (t.endswith(("；", "：")) and len(t) > 24) or _FIGURE.search(t):
        return None
    return next((level for level, pattern in enumerate(_HEADINGS) if pattern.match(t)), None)


@dataclass(slots=True)
class _Section:
    title: str
    level: int
    lines: list[Line] = field(default_factory=list)
    topic: str | None = None


_NOTE = re.compile(r"^(?:注|备注|说明)\s*\d*\s*[:：、.]")
_SENTENCE = re.compile(r"[，。；]")
_PAGE_NUMBER = re.compile(r"^(?:[-—–－]\d{1,3}[-—–－]|第\d{1,3}页(?:共\d{1,3}页)?)$")


def _furniture(lines: Sequence[Line]) -> set[str]:
    """Running headers: short lines without punctuation printed alike on several pages. They and
    page numbers ('- 29 -') fall into sentences that run over a page break, so they are skipped."""
    pages: dict[str, set[int]] = {}
    for line in lines:
        t = normalise(line.text)
        if 8 <= len(t) <= 40 and not _SENTENCE.search(t) and heading_level(line.text) is None:
            pages.setdefault(t, set()).add(line.page)
    return {t for t, on in pages.items() if len(on) >= 2}


def _sections(lines: Sequence[Line]) -> list[_Section]:
    sections = [_Section(title="", level=-1)]
    furniture = _furniture(lines)
    for line in lines:
        t = normalise(line.text)
        if line.is_blank or t in furniture or _PAGE_NUMBER.match(t):
            continue
        level = heading_level(line.text)
        if level is None:
            sections[-1].lines.append(line)
        else:
            sections.append(_Section(title=join_wrapped([line.text]), level=level, lines=[line]))
    return sections


def _topics(sections: list[_Section]) -> None:
    """Each section's topic: its heading's subject, else the nearest enclosing heading's."""
    stack: list[_Section] = []
    for s in sections:
        while stack and stack[-1].level >= s.level:
            stack.pop()
        own = topic_of(s.title) if s.title else None
        s.topic = own or (stack[-1].topic if stack else None)
        stack.append(s)


def _glossary(sections: Sequence[_Section]) -> tuple[dict[str, str], set[int]]:
    """term → definition from the 名词解释 part; also the ids of the sections it spans."""
    glossary: dict[str, str] = {}
    spanned: set[int] = set()
    inside_level: int | None = None
    for s in sections:
        if inside_level is not None and s.level <= inside_level and not _TERM.match(normalise(s.title)):
            inside_level = None
        lines = s.lines
        if _GLOSSARY.search(s.title):
            inside_level = s.level
            lines = s.lines[1:]  # the heading itself, then perhaps the first terms
        if inside_level is None:
            continue
        spanned.add(id(s))
        term, parts = None, []
        for line in lines:
            m = _TERM.match(line.text.strip())
            if m:
                if term:
                    glossary[term] = join_wrapped(parts)
                term, parts = normalise(m.group(1)), [m.group(2)]
            elif term:
                parts.append(line.text)
        if term:
            glossary[term] = join_wrapped(parts)
    return glossary, spanned


def trailing_prose(span: Sequence[Line]) -> list[Line]:
    """Prose at the end of a table's lines: text the segmenter ran into the last table.

    Read back from the end while lines are neither figures nor multi-cell rows; the run starts at
    its first numbered heading (what precedes it continues the table's 注 notes) and counts only
    if it holds at least two sentences.
    """
    tail: list[Line] = []
    for line in reversed(span):
        if line.is_blank:
            continue
        cells = [c.text for c in line.cells if c.text.strip()]
        if len(cells) >= 3 or any(is_amount(c) for c in cells):
            break
        tail.append(line)
    tail.reverse()
    notes = [i for i, ln in enumerate(tail) if _NOTE.match(normalise(ln.text))]
    if notes:
        tail = tail[notes[-1] + 1 :]
    first_heading = next((i for i, ln in enumerate(tail) if heading_level(ln.text) is not None), None)
    if first_heading is None:
        return []
    tail = tail[first_heading:]
    sentences = sum(1 for ln in tail if len(normalise(ln.text)) >= 16 and _SENTENCE.search(ln.text))
    return tail if sentences >= 2 else []


def read_narrative(lines: list[Line], source: str, codes: Sequence[tuple[str, str]] = ()) -> Narrative:
    """Sections, glossary and quoted figures of the text outside the tables.

    ``codes`` are the (功能科目 code, name) rows of the document's tables, so a figure quoted for
    '…（类）…（款）…（项）' can be claimed as ``function:<code>``.
    """
    narrative = Narrative()
    sections = _sections(lines)
    _topics(sections)
    narrative.glossary, glossary_ids = _glossary(sections)
    resolve = make_resolver(codes) if codes else None
    for s in sections:
        body = [ln for ln in s.lines if not (s.title and ln is s.lines[0])]
        # Numbered items (1、 / （1）) are content more often than headings: their line is read too.
        scanned = s.lines if s.level >= 3 else body
        if not s.title and not body:
            continue
        narrative.sections.append(
            NarrativeSection(
                title=s.title,
                text=join_wrapped(ln.text for ln in body),
                line=s.lines[0].number if s.lines else None,
            )
        )
        if id(s) in glossary_ids:
            continue
        text, offsets = "", []
        for ln in scanned:
            offsets.append((len(text), ln))
            text += normalise(ln.text)

        def where_at(pos: int, offsets: list[tuple[int, Line]] = offsets) -> Provenance:
            line = next((ln for start, ln in reversed(offsets) if start <= pos), offsets[0][1])
            return Provenance(source=source, page=line.page, line=line.number, kind="narrative")

        if offsets:
            narrative.figures.extend(extract_claims(text, where_at, s.topic, resolve))
    return narrative
