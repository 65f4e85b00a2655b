"""Clause structure of a 情况说明 sentence (分句): which words lead a figure, and whether they name a
subject other than the one a claim pattern found.

Why: regions list several subjects in one sentence ('其中：财政拨款收入减少6,331.03万元，…；事业收入
增加2,110.3万元') and qualify a general word with a subject of their own ('其中教育支出预算数为…').
A figure belongs to the subject of its own clause; only a clause that opens with connective words
(比上年、较上年增加、年初预算为、增长…) continues the subject of the clause before it. A clause whose
lead keeps other words once the connectives are taken out names a subject the patterns do not know
(a *foreign* subject): its figures claim nothing, nor do those of clauses continuing it. A general
subject ('支出预算', '财政拨款收入') printed as the tail of a longer noun ('教育支出预算', '非财政拨款
收入') is foreign too, unless the words before it only qualify it (本部门、2025年、当年…).
The connective and qualifier words are data (claims.yaml: ``connectives``, ``qualifier_words``).
"""

from __future__ import annotations

import re
from functools import cache

_BOUNDARY = frozenset("，；：、,;:！？")
_CJK = re.compile(r"[\u3400-\u9fff]")
_NOISE = re.compile(r"[\d.．,，、；;：:（）()\[\]【】“”‘’《》\-—–%％\u2026①②③④⑤⑥⑦⑧⑨⑩\s]")
_HEAD_STOP = frozenset("，。；：、,;:！？（）()“”‘’《》【】0123456789\u2026")


def _is_boundary(sentence: str, i: int) -> bool:
    """A clause boundary at ``i``: punctuation, but not the thousands comma of '1,234'."""
    ch = sentence[i]
    if ch not in _BOUNDARY:
        return False
    return not (ch == "," and 0 < i < len(sentence) - 1 and sentence[i - 1].isdigit() and sentence[i + 1].isdigit())


def clause_start(sentence: str, lo: int, at: int) -> int | None:
    """Where the clause holding position ``at`` starts, if a boundary lies between ``lo`` and ``at``."""
    for i in range(at - 1, lo - 1, -1):
        if _is_boundary(sentence, i):
            return i + 1
    return None


@cache
def _words(alternatives: str, suffix: str = "") -> re.Pattern[str]:
    """A word list 'a|bc|…' compiled longest first, so '年初' is taken whole before '年'."""
    words = sorted(alternatives.split("|"), key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(words)}){suffix}")


def foreign_lead(lead: str, connectives: str) -> bool:
    """True when the words leading a figure name a subject: something is left once digits,
    punctuation, list markers and the connective words are removed."""
    rest = _words(connectives).sub("", _NOISE.sub("", lead))
    return bool(_CJK.search(rest))


def compound_head(sentence: str, start: int, qualifier_words: str, org_suffix: str) -> bool:
    """True when the general subject at ``start`` is the tail of a longer noun: the words before it
    in its clause, after trailing qualifier words are removed, end in a character that is neither
    punctuation nor the end of an organisation's name (…局, …校)."""
    i = start
    while i > 0 and sentence[i - 1] not in _HEAD_STOP:
        i -= 1
    head = sentence[i:start]
    if not head:
        return False
    rest = _words(qualifier_words, "+$").sub("", head)
    return bool(rest) and _CJK.match(rest[-1]) is not None and rest[-1] not in org_suffix
