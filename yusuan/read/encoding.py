"""Decode text files without being told their encoding: UTF-8 (± BOM), UTF-16, GB18030/GBK.

Why not a generic detector: these documents are Chinese or nothing, so the candidates are few and
a strict decode plus a CJK-share test decides reliably and fast.
"""

from __future__ import annotations

import codecs

from yusuan.errors import UnreadableInput

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: ASCII/CJK text leaves zero bytes at every other position."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_zeros = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_zeros > 0.2 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.2 and odd_zeros < 0.05:
        return "utf-16-be"
    return None


def _is_binary(text: str) -> bool:
    """Control characters other than tab/newline/form feed/CR mean this is not a text document."""
    sample = text[:20000]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return bad > max(2, len(sample) // 200)


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Return (text, encoding name). Raises UnreadableInput for empty or binary data."""
    if not data.strip():
        raise UnreadableInput("the file is empty", source=source)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(name), name, source)
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return _checked(data.decode(utf16), utf16, source)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8000]:
        raise UnreadableInput("binary data, not a text, PDF or Excel document", source=source)
    for name in ("utf-8", "gb18030"):
        try:
            return _checked(data.decode(name), name, source)
        except UnicodeDecodeError:
            continue
    raise UnreadableInput("not valid UTF-8, UTF-16 or GB18030 text", source=source)


def _checked(text: str, name: str, source: str) -> tuple[str, str]:
    if _is_binary(text):
        raise UnreadableInput("binary data, not a text, PDF or Excel document", source=source)
    return text, name
