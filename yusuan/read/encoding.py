"""Decode text files without being told their encoding: UTF-8 (± BOM), UTF-16, GB18030/GBK.

Why not a generic detector: these documents are Chinese or nothing, so the candidates are few and
a strict decode plus a CJK-share test decides reliably and fast.
"""

from __future__ import annotations

import codecs
import re

from yusuan.errors import UnreadableInput

_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
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
    bad = len(_CONTROL.findall(sample))
    return bad > max(2, len(sample) // 200)


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Return (text, encoding name). Raises UnreadableInput for empty or binary data."""
    if not data.strip():
        raise UnreadableInput("文件为空 — the file is empty", source=source)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(name), name, source)
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return _checked(data.decode(utf16), utf16, source)
        except UnicodeDecodeError:
            pass
    nul = b"\x00" in data[:8000]
    if not nul:
        try:
            return _checked(data.decode("utf-8"), "utf-8", source)
        except UnicodeDecodeError:
            pass
    cjk16 = _plausible_utf16(data)
    if cjk16:
        return cjk16
    if nul:
        raise UnreadableInput("二进制数据，不是文本、PDF 或 Excel 文件 — binary data, not a text, PDF or Excel document", source=source)
    try:
        return _checked(data.decode("gb18030"), "gb18030", source)
    except UnicodeDecodeError:
        raise UnreadableInput("不是有效的 UTF-8、UTF-16 或 GB18030 文本 — not valid UTF-8, UTF-16 or GB18030 text", source=source) from None


def _try(data: bytes, name: str) -> str | None:
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        return None


def _cjk_share(text: str) -> float:
    sample = text[:4000]
    cjk = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")
    return cjk / max(1, len(sample))


def _plausible_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without BOM and with few ASCII characters (so no zero-byte pattern): accept a
    decode that is mostly Chinese. GBK bytes read as UTF-16 land in Hangul/surrogates, not CJK."""
    if len(data) % 2:
        return None
    for name in ("utf-16-le", "utf-16-be"):
        text = _try(data, name)
        if text is not None and _cjk_share(text) >= 0.5 and not _is_binary(text):
            return text, name
    return None


def _checked(text: str, name: str, source: str) -> tuple[str, str]:
    if _is_binary(text):
        raise UnreadableInput("二进制数据，不是文本、PDF 或 Excel 文件 — binary data, not a text, PDF or Excel document", source=source)
    return text, name
