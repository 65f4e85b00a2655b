"""Figures quoted in the 情况说明 → :class:`NarrativeFigure` claims (patterns in claims.yaml).

A sentence is scanned for *subjects* (what a figure is about: “三公”经费, 机关运行经费, 政府采购货物…,
or a 功能科目 path '…（类）…（款）…（项）') and *figures* (a number with its unit). Each figure
belongs to the nearest subject before it in the same sentence; the words between them say whether
it is the value itself, its change (增加/减少 …), last year's value (比上年 …), a completion rate
(完成预算的 …) or a share (占…的, not recorded). A change stated without a subject ('2024 年预算数比
2023 年减少 22.3 万元') belongs to the topic of the section heading. A subject preceded by 无 is
stated as zero ('无政府采购预算'). Period words before a figure ('年初预算为', '支出决算为',
'2022年当年预算执行数为', '2023年预算安排') say which year's figure it is, also in a sentence that
continues the subject of the one before; such sentences form one statement (one ``sentence`` text),
so a figure quoted twice with different values there is visible as a contradiction. Figures after
'原因' explain a change and claim nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from yusuan.model.disclosure import NarrativeFigure
from yusuan.model.narrative_clauses import clause_start, compound_head, foreign_lead
from yusuan.model.provenance import Provenance
from yusuan.money import parse_amount

CodeResolver = Callable[[str, str | None, str | None], str | None]
"""(类 name, 款 name, 项 name) → the code they name in this document, or None."""


@dataclass(frozen=True, slots=True)
class _Subject:
    claim: str
    kind: str
    start: int
    end: int
    previous: bool = False
    carried: bool = False


@dataclass(frozen=True, slots=True)
class _Patterns:
    subjects: tuple[tuple[str, str, re.Pattern[str], re.Pattern[str] | None], ...]
    changes: dict[str, int]
    change_re: re.Pattern[str]
    unchanged: re.Pattern[str]
    previous: re.Pattern[str]
    completion: re.Pattern[str]
    share: re.Pattern[str]
    link: re.Pattern[str]
    figure: re.Pattern[str]
    unit_kind: dict[str, str]
    continues: re.Pattern[str]
    scopes: dict[str, re.Pattern[str]]
    section_scopes: dict[str, re.Pattern[str]]
    connectives: str
    qualifier_words: str
    org_suffix: str
    generic: frozenset[str]
    qualifiers: frozenset[str]
    not_subject_before: str
    aside: re.Pattern[str]
    periods: tuple[tuple[str, re.Pattern[str]], ...]
    reason: re.Pattern[str]


@cache
def load_patterns() -> _Patterns:
    """claims.yaml, compiled once."""
    data: dict[str, Any] = yaml.safe_load(files("yusuan.model").joinpath("claims.yaml").read_text("utf-8"))
    subjects = tuple(
        (
            entry["claim"],
            entry["kind"],
            re.compile(pattern),
            re.compile(entry["unless"]) if "unless" in entry else None,
        )
        for entry in data["subjects"]
        for pattern in entry["patterns"]
    )
    unit_kind = {unit: kind for kind, units in data["units"].items() for unit in units}
    units = "|".join(re.escape(u) for u in sorted(unit_kind, key=len, reverse=True))
    changes = {str(k): int(v) for k, v in data["changes"].items()}
    words = "|".join(sorted(changes, key=len, reverse=True))
    return _Patterns(
        subjects=subjects,
        changes=changes,
        change_re=re.compile(rf"({words})了?(?:约|近|达)?$"),
        unchanged=re.compile(data["unchanged"]),
        previous=re.compile(data["previous"]),
        completion=re.compile(data["completion"]),
        share=re.compile(data["share"]),
        link=re.compile(data["link"]),
        figure=re.compile(rf"(?<![\d.,])(-?\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|-?\d+(?:\.\d+)?)({units})"),
        unit_kind=unit_kind,
        continues=re.compile(data["continues"]),
        scopes={str(k): re.compile(v) for k, v in data["scopes"].items()},
        section_scopes={str(k): re.compile(v) for k, v in data["section_scopes"].items()},
        connectives=str(data["connectives"]),
        qualifier_words=str(data["qualifier_words"]),
        org_suffix=str(data["org_suffix"]),
        generic=frozenset(data["generic"]),
        qualifiers=frozenset(data["qualifiers"]),
        not_subject_before=str(data["not_subject_before"]),
        aside=re.compile(rf"[（(][^（）()]{{{int(data['aside_min'])},}}[)）]"),
        periods=tuple((str(suffix), re.compile(pattern)) for suffix, pattern in data["periods"].items()),
        reason=re.compile(data["reason"]),
    )


_MASK = "\u2026"
FOREIGN = ""
"""The claim of a foreign subject: one the patterns do not know, whose figures claim nothing."""
_OPENING = 16
_FUNCTION_PATH = re.compile(
    r"([^（）()，。；：、\d“”.．]{2,24}?)[（(]类[)）]([^（）()，。；：、]{2,30}?)[（(]款[)）]([^，。；：、]{2,40}?)[（(]项[)）]"
)
_FUNCTION_CLASS = re.compile(
    r"(?:^|[\d][.、．]|[（(]\d{1,2}[)）])([^\d，。；：、（）()“”.]{2,20}?支出)(?:[（(]类[)）]支出)?(?=-?\d)"
)


def _literal_run(pattern: re.Pattern[str]) -> str | None:
    """The longest run of literal characters at the top level of ``pattern`` (outside groups,
    branches, repeats and lookarounds): text it matches always contains that run. None when
    there is none, or when the pattern is not plain (flags that change literal matching)."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    try:
        parsed = re._parser.parse(pattern.pattern)  # type: ignore[attr-defined]
    except Exception:  # a parser API that reads patterns differently: no shortcut
        return None
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    literal = re._constants.LITERAL  # type: ignore[attr-defined]
    best = run = ""
    for op, arg in parsed:
        if op is literal:
            run += chr(arg)
            best = max(best, run, key=len)
        else:
            run = ""
    return best or None


_NEEDED: dict[int, tuple[tuple[Any, ...], tuple[str | None, ...]]] = {}


def _needed(p: _Patterns) -> tuple[str | None, ...]:
    """Per subject pattern of ``p``, a substring every match contains (see :func:`_literal_run`)."""
    hit = _NEEDED.get(id(p.subjects))
    if hit is None or hit[0] is not p.subjects:
        hit = _NEEDED[id(p.subjects)] = (p.subjects, tuple(_literal_run(pat) for _, _, pat, _ in p.subjects))
    return hit[1]


def _subjects(sentence: str, resolve: CodeResolver | None, section: str | None = None) -> list[_Subject]:
    """Non-overlapping subjects in ``sentence``, leftmost-longest; 功能科目 paths included;
    ``section`` is the claim of the section's heading (see :func:`_scoped`)."""
    p = load_patterns()
    found: list[_Subject] = []
    if resolve is not None:
        # each pattern's match contains these characters: without them it need not be tried
        if "类" in sentence and "款" in sentence and "项" in sentence:
            for m in _FUNCTION_PATH.finditer(sentence):
                code = resolve(m.group(1), m.group(2), m.group(3))
                if code:
                    found.append(_Subject(f"function:{code}", "money", m.start(), m.end()))
        for m in _FUNCTION_CLASS.finditer(sentence) if "支出" in sentence else ():
            code = resolve(m.group(1), None, None)
            if code:
                found.append(_Subject(f"function_class:{code}", "money", m.start(1), m.end()))
    for (claim, kind, pattern, unless), needed in zip(p.subjects, _needed(p), strict=True):
        if needed is not None and needed not in sentence:
            continue  # every match of the pattern contains ``needed``
        if unless is not None and unless.search(sentence):
            continue
        for m in pattern.finditer(sentence):
            start, end = m.span()
            if end > start:
                found.append(_Subject(claim, kind, start, end))
    found.sort(key=lambda s: (s.start, -(s.end - s.start)))
    out: list[_Subject] = []
    for s in found:
        if out and s.start < out[-1].end:
            continue
        before = sentence[max(0, s.start - 12) : s.start]
        if before.endswith("占") or sentence[s.end : s.end + 1] in tuple(p.not_subject_before):
            continue
        if out and s.start == out[-1].end and s.claim in p.qualifiers:
            continue  # '机关运行经费预算支出': the general word qualifies the subject before it
        claim = s.claim
        if claim in p.generic and compound_head(sentence, s.start, p.qualifier_words, p.org_suffix):
            claim = FOREIGN  # '其中教育支出预算数为…': 支出预算 ends a subject of its own
        out.append(_Subject(claim, s.kind, s.start, s.end, previous=bool(p.previous.search(before))))
    return _scoped(out, p.scopes, section)


def _scoped(subjects: list[_Subject], scopes: dict[str, re.Pattern[str]], section: str | None) -> list[_Subject]:
    """After a scoping subject ('购置车辆', '机关运行经费'), later subjects of its family are its parts
    ('其中：其他用车 1 辆' → vehicles.purchased.other; '其中：…公务接待费2万元' →
    operating_costs.reception), until a subject of another family. In a section about one fund
    (``section``, its heading's claim), the department-wide subjects are that fund's."""
    p = load_patterns()
    within = p.section_scopes.get(section) if section else None
    out: list[_Subject] = []
    scope: tuple[str, re.Pattern[str]] | None = None
    for s in subjects:
        part = scope[1].match(s.claim) if scope else None
        if s.claim in scopes:
            scope = (s.claim, scopes[s.claim])
        elif scope and part:
            s = _Subject(f"{scope[0]}.{part.group(1)}", s.kind, s.start, s.end, s.previous)
        else:
            scope = None
            own = within.match(s.claim) if within else None
            if own:
                s = _Subject(f"{section}.{own.group(1)}", s.kind, s.start, s.end, s.previous)
        out.append(s)
    return out


def _sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pieces of a section's text, split after 。！？ outside parentheses."""
    out: list[tuple[int, str]] = []
    start = depth = 0
    for i, ch in enumerate(text):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif ch in "。！？" and depth == 0 and (i + 1 == len(text) or text[i + 1] not in "。！？"):
            out.append((start, text[start : i + 1]))
            start = i + 1
    if start < len(text):
        out.append((start, text[start:]))
    return out


def _closed_asides(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of each parenthesised span of ``sentence``."""
    spans: list[tuple[int, int]] = []
    opened: list[int] = []
    for i, ch in enumerate(sentence):
        if ch in "（(":
            opened.append(i)
        elif ch in "）)" and opened:
            spans.append((opened.pop(), i + 1))
    return spans


def _owner(subjects: Sequence[_Subject], at: int, asides: Sequence[tuple[int, int]]) -> _Subject | None:
    """The nearest subject before position ``at``, skipping subjects inside a parenthesis that
    closed before it ('购置及运行费74.1万元（购置费0万元…运行费74.1万元）比上年增加39.2万元')."""
    for s in reversed(subjects):
        if s.end > at:
            continue
        if any(a <= s.start and s.end <= e <= at for a, e in asides):
            continue
        return s
    return None


def _foreign_starts(
    sentence: str, subjects: Sequence[_Subject], asides: Sequence[tuple[int, int]], points: Sequence[int], p: _Patterns
) -> list[int]:
    """Where clauses start whose lead names a subject the patterns do not know (see
    :mod:`yusuan.model.narrative_clauses`); ``points`` are the positions of figures and 持平 words."""
    out: list[int] = []
    for at in sorted(points):
        owner = _owner(subjects, at, asides)
        cut = clause_start(sentence, owner.end if owner else 0, at)
        if cut is not None and foreign_lead(sentence[cut:at], p.connectives):
            out.append(cut)
    return out


def _foreign(starts: Sequence[int], owner: _Subject | None, at: int) -> bool:
    """True when the figure at ``at`` belongs to a foreign subject, not to ``owner`` (or the topic)."""
    if owner is not None and owner.claim == FOREIGN:
        return True
    lo = owner.end if owner else 0
    return any(lo <= start <= at for start in starts)


def extract_claims(
    text: str,
    where_at: Callable[[int], Provenance | None],
    topic: str | None = None,
    resolve: CodeResolver | None = None,
) -> list[NarrativeFigure]:
    """Every claim the (whitespace-free) ``text`` of one section states.

    ``where_at(offset)`` gives the provenance of a character; ``topic`` is the claim of the
    section heading, used for changes stated without a subject.
    """
    p = load_patterns()
    figures: list[NarrativeFigure] = []
    carried: _Subject | None = None
    orphaned = False  # the last sentence quoted an amount of a subject the patterns do not know
    # (first figure, text offset) of the sentence that opened the carried subject, while only
    # sentences continuing it have followed (None once another sentence came between)
    statement: tuple[int, int] | None = None
    for offset, printed_sentence in _sentences(text):
        sentence = p.aside.sub(
            lambda m: m.group(0) if _opens_with_subject(m.group(0)[1:], p) else _MASK * len(m.group(0)),
            printed_sentence,
        )
        subjects = _subjects(sentence, resolve, topic)
        asides = _closed_asides(sentence)
        continued = carried is not None and p.continues.match(sentence) is not None
        if carried is not None and continued:
            # '公务接待费1.35万元。比2024年预算持平' continues the previous sentence's subject
            subjects = [_Subject(carried.claim, carried.kind, 0, 0, carried=True), *subjects]
        # a sentence that opens with its subject ('3.公务用车购置及运行费21.71万元…') sets what the
        # following subject-less sentences of the section are about
        # a sentence continuing one about an unknown subject is about that subject, not the heading's
        here = None if orphaned and p.continues.match(sentence) else topic
        opening = _opening(sentence, subjects, asides, p)
        if isinstance(opening, _Subject):
            carried, continued, orphaned = opening, False, False
            statement = (len(figures), offset)
        elif not continued:
            statement = None
            carried, orphaned = (None, True) if opening else (carried, orphaned)

        def add(
            claim: str,
            value: Decimal,
            printed: str,
            unit: str | None,
            at: int,
            original: str = printed_sentence,
            base: int = offset,
        ) -> None:
            figures.append(NarrativeFigure(claim, value, printed, unit, original, where_at(base + at)))

        for s in subjects:
            if s.claim and sentence[max(0, s.start - 2) : s.start].endswith(("无", "没有")):
                add(s.claim, Decimal(0), "无", None, s.start)
        figure_matches = list(p.figure.finditer(sentence))
        unchanged_matches = list(p.unchanged.finditer(sentence))
        foreign = _foreign_starts(
            sentence, subjects, asides, [m.start() for m in (*figure_matches, *unchanged_matches)], p
        )
        unchanged = []
        for m in unchanged_matches:
            owner = _owner(subjects, m.start(), asides)
            if _foreign(foreign, owner, m.start()):
                continue
            claim = owner.claim if owner else here
            if claim:
                unchanged.append((f"{claim}.change", m.start()))
        stated = len(figures)
        last_end = 0
        unknown = False
        for m in figure_matches:
            value = parse_amount(m.group(1))
            unit = m.group(2)
            kind = p.unit_kind[unit]
            owner = _owner(subjects, m.start(), asides)
            gap_start = max(last_end, owner.end if owner else 0)
            gap = sentence[gap_start : m.start()].replace(_MASK, "")
            previous_end, last_end = last_end, m.end()
            if value is None:
                continue
            if _foreign(foreign, owner, m.start()):
                unknown = True  # '；事业收入增加2,110.3万元': a subject the patterns do not know
                continue
            if p.reason.search(sentence, owner.end if owner else 0, m.start()):
                continue  # '…减少22.75%。主要原因是运营服务费减少3840万元': the figures of a reason
            direct = owner is not None and previous_end <= owner.end
            # '会议费预算支出10.05万元，比上年减少4.95万元': after a figure of an unknown subject,
            # a subject-less change is that subject's, not the heading's
            claim = _claim(owner, None if unknown else here, gap, kind, value, p, direct)
            if claim is None:
                unknown = unknown or owner is None
                continue
            name, signed = claim
            add(name, signed, m.group(0), unit, m.start())
        # '比上年减少0.3万元…主要原因是基本与上年持平': a stated figure wins over the wording
        numbered = {f.claim for f in figures[stated:]}
        for claim, at in unchanged:
            if claim not in numbered:
                add(claim, Decimal(0), "持平", None, at)
        if continued and statement is not None:
            _join(figures[statement[0] :], text[statement[1] : offset + len(printed_sentence)])
    return figures


def _opening(
    sentence: str, subjects: Sequence[_Subject], asides: Sequence[tuple[int, int]], p: _Patterns
) -> _Subject | bool:
    """The subject a sentence opens with: of those near its start, the first that owns a figure
    ('财政拨款支出主要内容如下：1.“…（项）”2.63万元' is about the 项, not 财政拨款支出). True when
    it opens with none but quotes an amount of its own ('（2）其他农林水支出100.00万元…', a subject
    the patterns do not know): it is about something else, so the subject carried so far ends
    (False: the sentence quotes nothing that could be about another subject)."""
    near = [s for s in subjects if not s.carried and s.start <= _OPENING]
    amounts = [m for m in p.figure.finditer(sentence) if p.unit_kind[m.group(2)] != "percent"]
    owners = {_owner(subjects, m.start(), asides) for m in p.figure.finditer(sentence)}
    opening = next((s for s in near if s in owners), near[0] if near else None)
    return opening if opening is not None else bool(amounts)


def _join(figures: Sequence[NarrativeFigure], statement: str) -> None:
    """The sentences of one carried subject are one statement: its figures share that text, so a
    figure quoted twice with different values ('…220.63万元…。…预算安排441.25万元…') is one contradiction."""
    for f in figures:
        f.sentence = statement


def _opens_with_subject(text: str, p: _Patterns) -> bool:
    """True when a parenthesis starts with 其中/含 or a subject: its figures are claims, not an aside."""
    if text.startswith(("其中", "含")):
        return True
    return any(
        pattern.match(text)
        for (_, _, pattern, _), needed in zip(p.subjects, _needed(p), strict=True)
        if needed is None or needed in text
    )


def _claim(
    owner: _Subject | None, topic: str | None, gap: str, kind: str, value: Decimal, p: _Patterns, direct: bool
) -> tuple[str, Decimal] | None:
    """The claim key and signed value of a figure, from its subject and the words before it."""
    if p.share.search(gap):
        return None
    change = p.change_re.search(gap)
    base = owner.claim if owner else topic
    if not base:
        return None
    subject_kind = owner.kind if owner else "money"
    if change:
        sign = p.changes[change.group(1)]
        if kind == "percent":
            return f"{base}.change_pct", sign * value
        if kind == subject_kind:
            return f"{base}.change", sign * value
        return None
    if owner is None:
        return None
    if kind == "percent":
        if p.completion.search(gap):
            return f"{base}.completion_pct", value
        if subject_kind == "percent" and p.link.search(gap) and not owner.carried:
            return base, value
        return None
    if kind != subject_kind:
        return None
    # '年初预算为X万元，支出决算为Y万元' / '2022年当年预算执行数为X万元，2023年预算安排Y万元': the
    # words say which period a figure is, also for a later figure of the clause or a carried subject
    period = next((suffix for suffix, pattern in p.periods if pattern.search(gap)), None)
    if period is not None:
        return f"{base}{period}", value
    if not p.link.search(gap) or not direct or owner.carried:
        return None
    return (f"{base}.previous" if owner.previous else base), value


def topic_of(heading: str) -> str | None:
    """The claim a section heading is about ('二、…“三公”经费预算支出情况说明' → three_public.total)."""
    subjects = _subjects(normalise(heading), None)
    return (subjects[0].claim or None) if subjects else None


_WS = re.compile(r"\s+")
_NORMALISED: dict[str, str] = {}


def normalise(text: str) -> str:
    """Whitespace removed, quotes unified — the form claim patterns are written for (memoised)."""
    out = _NORMALISED.get(text)
    if out is None:
        if len(_NORMALISED) >= 1 << 16:
            _NORMALISED.clear()
        out = _NORMALISED[text] = _WS.sub("", text).replace('"', "“").replace("＂", "“")
    return out


def make_resolver(codes: Sequence[tuple[str, str]]) -> CodeResolver:
    """A resolver over the (code, name) rows of the document's own tables.

    The 类 name finds a 3-digit code, the 款 name a 5-digit code under it, the 项 name a 7-digit
    code under that; when the 款 name does not match, a 项 name unique under the 类 still does.
    """
    by_name: dict[tuple[int, str], list[str]] = {}
    for code, name in codes:
        key = (len(code), normalise(name))
        if code not in by_name.setdefault(key, []):
            by_name[key].append(code)

    def resolve(cls: str, section: str | None, item: str | None) -> str | None:
        cls_codes = by_name.get((3, normalise(cls)), [])
        if not cls_codes:
            return None
        if section is None:
            return cls_codes[0]
        sec = [c for c in by_name.get((5, normalise(section)), []) if c[:3] in cls_codes]
        items = [c for c in by_name.get((7, normalise(item or "")), []) if c[:3] in cls_codes]
        narrowed = [c for c in items if c[:5] in sec] or (items if len(items) == 1 else [])
        return narrowed[0] if narrowed else None

    return resolve
