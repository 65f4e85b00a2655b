"""Row labels of a “三公”经费表 → canonical keys (合计, 一、因公出国(境)费, 其中：公务用车购置费 …).

Shared by the text reader (:mod:`yusuan.tables.three_public_text`) and the geometric matrix reader
(:mod:`yusuan.tables.three_public_matrix`): a label is squashed and stripped of its numbering, and
a sub-item ('其中：教学科研人员因公出国') is not the item itself.
"""

from __future__ import annotations

import re

from yusuan.model.wrapped import squash

KEYS = ("total", "outbound", "vehicle_total", "vehicle_purchase", "vehicle_operation", "reception")
_NUMBERING = re.compile(
    r"^(?:\d+[、.．]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|其中[:：]?|\d+)+"
)
_ENUMERATED = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．])")
_PROSE = re.compile(r"[，。；！]")
# Label patterns in match order; a label is squashed and stripped of its numbering first.
_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("vehicle_total", re.compile(r"公务用车购置(?:及|和)(?:运行|运维)")),
    ("vehicle_purchase", re.compile(r"(?:公务用?车|车辆)购置")),
    ("vehicle_operation", re.compile(r"(?:公务用?车|车辆)(?:运行|运维)")),
    ("reception", re.compile(r"公务接待")),
    ("outbound", re.compile(r"^因公出国")),
    ("total", re.compile(r"^(?:合计|总计|“?三公”?经费(?:合计|小计|总计)?)$")),
)
# A label that names the 三公 subtotal itself ('“三公”经费小计'), not a 合计 that may hold other items.
NAMES_THREE_PUBLIC = re.compile(r"三公")


def classify_label(text: str) -> str | None:
    """The canonical key a row label names ('二、公务用车购置及运维费' → 'vehicle_total'), or None.

    Sub-items ('其中：教学科研人员因公出国', '其他因公出国') are not the item itself.
    """
    raw = squash(text).replace('"', "“")
    if not raw or _PROSE.search(raw) or len(raw) > 30:
        return None
    label = _NUMBERING.sub("", raw)
    # '其中：教学科研人员因公出国' is a part; '其中：（一）因公出国（境）支出' opens the enumerated items
    sub_item = raw.startswith("其中") and not _ENUMERATED.match(re.sub(r"^其中[:：]?", "", raw))
    if label.startswith("其他") or "教学科研" in label:
        return None
    for key, pattern in _LABELS:
        if pattern.search(label):
            if sub_item and key in ("outbound", "reception", "total"):
                return None
            return key
    return None


