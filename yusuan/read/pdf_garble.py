"""Is a page's text layer usable? And the one repair that is always safe (radical → ideograph).

Why: a PDF whose fonts lack a ToUnicode map yields glyph ids, private-use code points, U+FFFD or
pdfminer's ``(cid:123)`` instead of text; numbers read from such a page would be wrong, not just
missing, so the page goes to OCR instead, as do pages without text that are scans or whose text was converted
to outlines. Some producers map ideographs to the look-alike Kangxi
radicals (⽣ U+2F63 for 生); NFKC maps those back and nothing else, so that repair is applied.
"""

from __future__ import annotations

import re
import unicodedata

from yusuan.read.pdf_glyphs import PageGlyphs

GARBLED_SHARE = 0.2  # a page is garbled when this share of its glyphs is unusable
MIN_GLYPHS = 8  # pages with fewer glyphs are judged by the whole document, not alone
SCAN_COVER = 0.3  # a page without text whose images cover this share of it is a scan
OUTLINE_PATHS = 100  # a page without text but this many glyph-like paths has its text as outlines
_CID = re.compile(r"\(cid:\d+\)")
_BAD = re.compile("[\ufffd\ue000-\uf8ff\ufffe\uffff\U000f0000-\U0010ffff\x00-\x08\x0b\x0c\x0e-\x1f]")


def _radical_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for lo, hi in ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0xF900, 0xFAFF)):
        for code in range(lo, hi + 1):
            mapped = unicodedata.normalize("NFKC", chr(code))
            if len(mapped) == 1 and mapped != chr(code):
                table[code] = mapped
    return table


RADICALS = _radical_table()


def is_bad_char(ch: str) -> bool:
    """A character no real text layer contains: replacement, private use, noncharacter, control."""
    o = ord(ch)
    return (
        o == 0xFFFD
        or 0xE000 <= o <= 0xF8FF
        or o >= 0xF0000
        or o in (0xFFFE, 0xFFFF)
        or (o < 32 and ch not in "\t\r\n")
    )


def garbled_share(page: PageGlyphs) -> float:
    """The share of a page's glyphs that are unusable (bad characters or unmapped glyphs)."""
    glyphs = page.glyphs
    if not glyphs:
        return 0.0
    text = "".join(g[4] for g in glyphs)
    share = len(_BAD.findall(text)) / len(text)
    if page.sampled:
        share = max(share, page.unmapped / page.sampled)
    if "(cid:" in text:
        share = max(share, sum(len(m) for m in _CID.findall(text)) / len(text))
    return share


def is_garbled(page: PageGlyphs) -> bool:
    """True when the page's text cannot be trusted (see module doc)."""
    return len(page.glyphs) >= MIN_GLYPHS and garbled_share(page) >= GARBLED_SHARE


def textless_reason(page: PageGlyphs) -> str | None:
    """Why a page without text still has content to OCR (a scan, text drawn as outlines), or None."""
    if page.glyphs:
        return None
    if page.image_cover >= SCAN_COVER:
        return "no text layer (scanned image)"
    if page.outline_paths >= OUTLINE_PATHS:
        return "no text layer (text drawn as outlines)"
    return None


def is_scan(page: PageGlyphs) -> bool:
    """True for a page with no text but an image over much of it."""
    return not page.glyphs and page.image_cover >= SCAN_COVER


def repair(text: str) -> str:
    """Kangxi/compatibility ideographs → unified ideographs; everything else untouched."""
    if text.isascii():
        return text
    return text.translate(RADICALS)
