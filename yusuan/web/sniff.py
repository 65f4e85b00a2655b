"""What an uploaded file is, told by its bytes (never by its name or the browser's content type).

Why: a file named ``.pdf`` may be anything; the reader is handed a file with the suffix its
content earns, and content that is none of the formats yusuan reads is refused before any work.
"""

from __future__ import annotations

import io
import zipfile

from yusuan.web.security import WebError

SUFFIXES = {"pdf": ".pdf", "xlsx": ".xlsx", "xls": ".xls", "png": ".png", "jpeg": ".jpg", "tiff": ".tif", "text": ".txt"}
_TEXT_ENCODINGS = ("utf-8-sig", "gb18030")


def _is_text(data: bytes) -> bool:
    head = data[:65536]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True  # UTF-16 with a byte-order mark
    if b"\x00" in head:
        return False
    for encoding in _TEXT_ENCODINGS:
        try:
            head.decode(encoding)
        except UnicodeDecodeError as err:
            if err.start >= len(head) - 4:  # a character cut at the end of the sample
                return True
            continue
        return True
    return False


def _is_xlsx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return any(n.startswith("xl/") for n in z.namelist())
    except (zipfile.BadZipFile, OSError):
        return False


def sniff(name: str, data: bytes) -> str:
    """The format of ``data`` (a key of :data:`SUFFIXES`); WebError 415 when yusuan cannot read it."""
    if not data:
        raise WebError(400, "empty_file", f"{name}：文件为空")
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if _is_xlsx(data):
            return "xlsx"
        raise WebError(415, "unsupported_type", f"{name}：是压缩包或 Word 文件，不是 Excel 工作簿（.xlsx）")
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "xls"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if _is_text(data):
        return "text"
    raise WebError(415, "unsupported_type",
                   f"{name}：无法识别的文件内容（应为 PDF、Excel、文本或扫描图片），未处理")
