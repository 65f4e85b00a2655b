"""Text that wrapped over several lines or cells (换行文本): join it back as it was printed.

PDF extraction breaks names and sentences at the cell or page width and sometimes inserts spaces
inside a word ('职称评审相关工作经 费'). Chinese has no spaces between words, so a space (or a line
break) between two CJK characters is an artefact and is dropped; a space beside a Latin letter
or digit ('2024 年') may be real and is kept as one space.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_CJK = r"\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’《》（）【】—"
_GAP_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
_WS = re.compile(r"\s+")


def join_wrapped(parts: Iterable[str]) -> str:
    """Join pieces of one wrapped text: CJK–CJK breaks vanish, other breaks become one space."""
    text = " ".join(p.strip() for p in parts if p and p.strip())
    return _GAP_BETWEEN_CJK.sub("", _WS.sub(" ", text)).strip()


_SQUASHED: dict[str, str] = {}
_SQUASHED_MAX = 1 << 16


def squash(text: str) -> str:
    """Text without any whitespace: how labels and keywords are compared.

    Memoised: the model stage squashes the same labels and lines many times over.
    """
    out = _SQUASHED.get(text)
    if out is None:
        if len(_SQUASHED) >= _SQUASHED_MAX:
            _SQUASHED.clear()
        out = _SQUASHED[text] = _WS.sub("", text)
    return out


_LEADING_CODE = re.compile(r"^\[?\d{3,}\]?\s*[-—]?\s*")
_TRAILING_CODE = re.compile(r"\s*[-—]\s*\d{6,}$")


def clean_unit_name(text: str) -> str:
    """A unit name without the codes printed around it ('558001沈阳市…本级-210100000' → '沈阳市…本级')."""
    name = join_wrapped([text])
    name = _TRAILING_CODE.sub("", _LEADING_CODE.sub("", name))
    return name.strip()
