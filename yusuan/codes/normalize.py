"""How printed codes and names are compared: documents differ in spacing and parenthesis width only."""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")
_PARENS = str.maketrans({"(": "（", ")": "）"})


def normalize_code(code: str | int) -> str:
    """Join split printings (``201 05 06``, ``206010\\n1``) into one digit string."""
    return _SPACE.sub("", str(code))


def normalize_name(name: str) -> str:
    """Drop all whitespace and make parentheses full-width, as the bundled tables do."""
    return _SPACE.sub("", name).translate(_PARENS)


def level(code: str | int) -> str | None:
    """类 (3 digits), 款 (5) or 项 (7); ``None`` for any other length or non-digits."""
    c = normalize_code(code)
    if not c.isdigit():
        return None
    return {3: "类", 5: "款", 7: "项"}.get(len(c))


def parent(code: str | int) -> str | None:
    """The enclosing code one level up (项 → 款 → 类); ``None`` for a 类 or a malformed code."""
    c = normalize_code(code)
    lv = level(c)
    if lv == "项":
        return c[:5]
    if lv == "款":
        return c[:3]
    return None
