"""Conservative repair of OCR slips in amounts, and splitting a box at an amount's edge.

Why conservative: a wrong figure is worse than an unreadable one, so only slips that cannot be
a real number are repaired, and no digit is ever added or dropped: full-width digits and
separators become ASCII, a letter O between digits becomes 0, dots used as thousands separators
(``74.934.98``) become commas, and a final comma before two decimals (``74,934,98``) becomes the
decimal point; dashes after an amount (a table rule read as text) are dropped. Anything else is
left exactly as read.
"""

from __future__ import annotations

import re

_FULLWIDTH = str.maketrans("０１２３４５６７８９，．－％", "0123456789,.-%")
_NUMERIC_CHARS = re.compile(r"^[-+]?[\d,.%Oo]+$")
_AMOUNT = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")
_DOT_THOUSANDS = re.compile(r"^(-?\d{1,3})((?:\.\d{3})+)\.(\d{1,2})$")
_COMMA_DECIMAL = re.compile(r"^(-?\d{1,3}(?:,\d{3})*|-?\d+),(\d{2})$")
_RULE_TAIL = re.compile(r"[-_—–]+$")


def is_amount(text: str) -> bool:
    """True for a printed amount: digits with optional thousands commas, decimals or percent, and
    at least one of a decimal point, a comma or a percent sign (plain integers may be codes)."""
    return bool(_AMOUNT.match(text)) and any(ch in text for ch in ".,%")


def fix_number(token: str) -> str:
    """``token`` with the repairs of the module doc applied when it is number-like, else unchanged."""
    t = token.translate(_FULLWIDTH)
    rule = _RULE_TAIL.search(t)
    if rule and rule.start() and is_amount(fix_number(t[: rule.start()])):
        t = t[: rule.start()]  # a table rule read as dashes after the figure
    if not _NUMERIC_CHARS.match(t) or not any(ch.isdigit() for ch in t):
        return token
    while "O" in t or "o" in t:
        fixed = re.sub(r"(?<=[\d,.])[Oo]|[Oo](?=[\d,.])", "0", t)
        if fixed == t:
            return token  # a letter O that touches no digit: not ours to guess
        t = fixed
    m = _DOT_THOUSANDS.match(t)
    if m:
        t = m.group(1) + m.group(2).replace(".", ",") + "." + m.group(3)
    m = _COMMA_DECIMAL.match(t)
    if m:
        t = f"{m.group(1)}.{m.group(2)}"
    return t


def fix_text(text: str) -> str:
    """Apply :func:`fix_number` to every whitespace-separated token of ``text``."""
    return " ".join(fix_number(tok) for tok in text.split())


_CJK = r"\u3400-\u9fff\uff08\uff09（）()、"
_LEADING_AMOUNT = re.compile(rf"^(-?[\d,.]*\d%?)([{_CJK}].*)$")
_TRAILING_AMOUNT = re.compile(rf"^(.*[{_CJK}])(-?\d[\d,.]*%?)$")


def split_pieces(text: str) -> list[str]:
    """Split one OCR box's text where an amount meets a label or another amount: the detector
    sometimes joins ``74,934.98本年支出合计`` or ``1,425.40 1,380.12`` into one box. Pieces that
    are not amounts stay together, so a label with a space inside is not torn apart. Number-like
    pieces come back repaired (:func:`fix_number`)."""
    tokens = text.split()
    if not tokens:
        return []
    pieces: list[str] = []
    for tok in tokens:
        parts = [fix_number(tok)]
        m = _LEADING_AMOUNT.match(tok)
        if m and is_amount(fix_number(m.group(1))):
            parts = [fix_number(m.group(1)), m.group(2)]
        else:
            m = _TRAILING_AMOUNT.match(tok)
            if m and is_amount(fix_number(m.group(2))):
                parts = [m.group(1), fix_number(m.group(2))]
        for part in parts:
            if pieces and not is_amount(part) and not is_amount(pieces[-1]):
                pieces[-1] = f"{pieces[-1]} {part}"
            else:
                pieces.append(part)
    return pieces
