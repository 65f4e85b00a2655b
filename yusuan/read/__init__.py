"""Readers: bytes of any supported format → :class:`~yusuan.layout.Layout`.

The format is sniffed from the content, not trusted from the extension: PDF (``%PDF``), xlsx
(zip with ``xl/``), docx (zip with ``word/``), xls (OLE2), PNG/JPEG images (OCR), HTML (a page's
markup start), else text. Each reader lives in its own
module and is imported only when needed, so reading text never pays for PDF or OCR libraries.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from yusuan._callable_package import make_callable
from yusuan.errors import UnreadableInput
from yusuan.layout import Layout

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(path: Path) -> str:
    """The format of ``path``: ``pdf``, ``xlsx``, ``docx``, ``xls``, ``image``, ``html`` or ``text``."""
    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
    except FileNotFoundError:
        raise UnreadableInput("文件不存在 — no such file", source=str(path)) from None
    except IsADirectoryError:
        raise UnreadableInput("这是目录，不是文件 — is a directory, not a document", source=str(path)) from None
    except OSError as exc:
        raise UnreadableInput(f"无法打开（{exc.strerror}） — cannot be opened", source=str(path)) from None
    if head.startswith(b"%PDF") or b"%PDF" in head[:16]:
        return "pdf"
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as zf:
                names = zf.namelist()
        except zipfile.BadZipFile:
            raise UnreadableInput("zip/xlsx 文件已损坏 — a damaged zip/xlsx file", source=path.name) from None
        if any(n.startswith("xl/") for n in names):
            return "xlsx"
        if any(n.startswith("word/") for n in names):
            return "docx"
        raise UnreadableInput(
            "是 zip 压缩包，但既不是 Excel 工作簿也不是 Word 文档 — a zip archive that is neither an Excel workbook nor a Word document",
            source=path.name,
        )
    if head.startswith(_OLE2):
        return "xls"
    if head.startswith(b"\x89PNG") or head.startswith(b"\xff\xd8\xff"):
        return "image"
    from yusuan.read.html import looks_like_html

    return "html" if looks_like_html(head) else "text"


def read_layout(path: str | Path) -> Layout:
    """Read any supported document into a layout (raises UnreadableInput with the reason)."""
    path = Path(path)
    fmt = sniff(path)
    if fmt == "text":
        from yusuan.read.text import read_text

        return read_text(path)
    if fmt == "pdf":
        from yusuan.read.pdf import read_pdf

        return read_pdf(path)
    if fmt in ("xlsx", "xls"):
        from yusuan.read.excel import read_excel

        return read_excel(path)
    if fmt == "docx":
        from yusuan.read.docx import read_docx

        return read_docx(path)
    if fmt == "html":
        from yusuan.read.html import read_html

        return read_html(path)
    try:
        from yusuan.read.ocr import read_image
    except ImportError:
        raise UnreadableInput("图像需要 OCR 识别，但未安装 OCR（请安装 yusuan[ocr]） — reading an image needs OCR: "
                              "install yusuan[ocr]", source=path.name) from None
    return read_image(path)



def _pipeline_read() -> Any:
    from yusuan.pipeline import read

    return read


make_callable(__name__, _pipeline_read)
