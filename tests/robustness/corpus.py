"""The bad-input corpus: every kind of file a department might upload that is not a readable disclosure.

Why generated: the inputs are made here, at test time, from a fixed seed (random bytes, a cut
PDF, a zip bomb), so the repository holds no binary junk and the 200 MB and million-row files cost
no storage. ``build(folder)`` writes them all; ``python -m tests.robustness.corpus DIR`` does the
same from the command line (bench/robustness_bench.py uses it). Each input names the Chinese
reason a user must see.
"""

from __future__ import annotations

import random
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.fixtures.pdf.synth import SynthPage, borderless_table, pdf_bytes, ruled_table

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "000_87792da19c622395.txt"
SEED = 20260101


@dataclass(frozen=True)
class BadInput:
    """One bad input: its file (or directory), what it is, the reason (Chinese) the CLI must print."""

    name: str
    what: str
    reason: str
    one_file_reason: str | None = None  # what commands reading one file (summary) say instead
    without_ocr: bool = False  # read with the OCR extra made unimportable
    slow: bool = False  # big enough to be left out of the quick test run


NOVEL = "第一回　宴桃园豪杰三结义，斩黄巾英雄首立功。\n话说天下大势，分久必合，合久必分。周末七国分争，并入于秦。\n" * 60
INVOICE = (
    "增值税普通发票\n发票代码：011002100111　发票号码：12345678\n开票日期：2025年03月14日\n"
    "购买方名称：某某科技有限公司\t纳税人识别号：91110000XXXXXXXX\n"
    "货物或应税劳务名称\t规格型号\t单位\t数量\t单价\t金额\t税率\t税额\n"
    "*信息技术服务*软件维护\t\t项\t1\t9,433.96\t9,433.96\t6%\t566.04\n"
    "价税合计（大写）壹万元整\t（小写）¥10,000.00\n"
)
NOTICE = (
    "某某市人民政府办公室关于做好2025年春节期间安全生产工作的通知\n\n"
    "各区县人民政府，市政府各部门：\n"
    "　　为切实做好春节期间安全生产工作，经市政府同意，现将有关事项通知如下：\n"
    "　　一、高度重视，压实安全生产责任。各地各部门要统筹发展和安全，落实预算安排的安全生产经费。\n"
    "　　二、突出重点，深入开展隐患排查整治。\n"
    "　　三、强化值班值守和应急处置。\n\n某某市人民政府办公室\n2025年1月20日\n"
) * 5


def _random(n: int, salt: int) -> bytes:
    return random.Random(SEED + salt).randbytes(n)


def _write(path: Path, data: bytes) -> None:
    path.write_bytes(data)


def _broken_xref(path: Path) -> None:
    """A PDF whose xref offsets all point nowhere and whose startxref is wrong: PDFium rebuilds the
    xref by scanning the objects, so what is left to say is that the page is no disclosure."""
    data = bytearray(pdf_bytes([SynthPage().text(50, 700, "会议纪要：关于办公用房调整的说明")]))
    xref = data.rindex(b"\nxref\n") + len(b"\nxref\n")
    table_end = data.index(b"trailer", xref)
    data[xref:table_end] = bytes(ord("9") if chr(b).isdigit() else b for b in data[xref:table_end])
    start = data.rindex(b"startxref\n") + len(b"startxref\n")
    data[start : data.index(b"\n", start)] = b"999999999"
    path.write_bytes(bytes(data))


def _garbled_numbers(path: Path) -> None:
    """A real disclosure with every digit replaced by a letter: titles and names intact, no figure."""
    text = EXAMPLE.read_text("utf-8")
    path.write_text(text.translate(str.maketrans("0123456789", "OlZEASGTBq")), "utf-8")


def _nested_tables(path: Path) -> None:
    """A PDF of 60 boxes nested inside each other, each holding a title-like line and a figure."""
    page = SynthPage()
    for i in range(60):
        inset = 4.0 * i
        page.grid([20 + inset, 575 - inset], [20 + inset, 822 - inset])
        page.text(24 + inset, 810 - inset - 2, f"表{i + 1} 第{i + 1}层", size=3)
    _write(path, pdf_bytes([page]))


def _big_text(path: Path, size: int = 200 * 1024 * 1024) -> None:
    """200 MB of text lines (written in chunks: the generator itself stays small)."""
    line = "一、一般公共预算拨款收入\t1,425.40\t一、社会保障和就业支出\t435.73\n".encode()
    chunk = line * (1024 * 1024 // len(line))
    with path.open("wb") as fh:
        written = 0
        while written < size:
            fh.write(chunk)
            written += len(chunk)


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)


def _xlsx(path: Path, rows: int, row_xml: Callable[[int], str], dimension: str | None) -> None:
    """A minimal workbook of one sheet, its rows streamed into the zip (no row list in memory)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("xl/workbook.xml", _WORKBOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            head = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            if dimension:
                head += f'<dimension ref="{dimension}"/>'
            fh.write((head + "<sheetData>").encode())
            batch: list[str] = []
            for r in range(1, rows + 1):
                batch.append(row_xml(r))
                if len(batch) == 10000:
                    fh.write("".join(batch).encode())
                    batch.clear()
            fh.write(("".join(batch) + "</sheetData></worksheet>").encode())


def _million_rows(path: Path) -> None:
    """1,000,000 rows of a code, a name and an amount."""
    _xlsx(path, 1_000_000,
          lambda r: f'<row r="{r}"><c r="A{r}"><v>{201000 + r}</v></c><c r="B{r}" t="inlineStr"><is><t>行政运行</t></is></c>'
                    f'<c r="C{r}"><v>{r}.25</v></c></row>', "A1:C1000000")


def _zip_bomb(path: Path, blocks: int = 1000) -> None:
    """An .xlsx of 2.5 MB whose sheet inflates to 1 GB: one compressed block of empty cells repeated.

    Written by hand because deflating a gigabyte takes seconds: after a full flush a deflate
    stream forgets its history, so the same 1 MB block compresses to the same bytes every time.
    """
    block = ("<row>" + '<c r="A1"/>' * 400 + "</row>").encode() * 240
    head = b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    tail = b"</sheetData></worksheet>"
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = deflate.compress(head) + deflate.flush(zlib.Z_FULL_FLUSH)
    repeat = deflate.compress(block) + deflate.flush(zlib.Z_FULL_FLUSH)
    data += repeat * blocks + deflate.compress(tail) + deflate.flush()
    crc = zlib.crc32(head)
    for _ in range(blocks):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    sheet = ("xl/worksheets/sheet1.xml", data, crc, len(head) + blocks * len(block) + len(tail))
    small = [(name, text.encode()) for name, text in (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _RELS),
                                                     ("xl/workbook.xml", _WORKBOOK),
                                                     ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS))]
    members = [(name, zlib.compress(raw)[2:-4], zlib.crc32(raw), len(raw)) for name, raw in small] + [sheet]
    _raw_zip(path, members)


def _raw_zip(path: Path, members: list[tuple[str, bytes, int, int]]) -> None:
    """A zip of already deflated members (name, deflated bytes, CRC-32, inflated size)."""
    out, central = bytearray(), bytearray()
    for name, data, crc, size in members:
        raw_name = name.encode()
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size, len(raw_name), 0)
        out += raw_name + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), size,
                               len(raw_name), 0, 0, 0, 0, 0, offset) + raw_name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(out), 0)
    path.write_bytes(bytes(out + central + end))


def _png_bomb(path: Path, side: int = 20000) -> None:
    """A PNG of 20,000 × 20,000 grey pixels in 400 KB: 400 MB of pixels once decoded."""
    row = b"\x00" + b"\x00" * side  # filter byte + pixels
    deflate = zlib.compressobj(9)
    idat = bytearray(deflate.compress(row * 100) + deflate.flush(zlib.Z_FULL_FLUSH))
    repeat = deflate.compress(row * 100) + deflate.flush(zlib.Z_FULL_FLUSH)
    idat += repeat * (side // 100 - 1) + deflate.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", bytes(idat)) + chunk(b"IEND", b""))


def _directory(path: Path) -> None:
    path.mkdir()
    (path / "readme.md").write_text("no documents here\n", "utf-8")


def _image_only(path: Path) -> None:
    _write(path, pdf_bytes([SynthPage().image(0, 0, 595, 842), SynthPage().image(0, 0, 595, 842)]))


BAD_INPUTS: tuple[tuple[BadInput, Callable[[Path], None]], ...] = (
    (BadInput("empty.txt", "an empty file", "文件为空"), lambda p: _write(p, b"")),
    (BadInput("random.pdf", "random bytes named .pdf", "二进制数据"), lambda p: _write(p, _random(64 * 1024, 1))),
    (BadInput("random.xlsx", "random bytes named .xlsx", "二进制数据"), lambda p: _write(p, _random(64 * 1024, 2))),
    (BadInput("random.txt", "random bytes named .txt", "二进制数据"), lambda p: _write(p, _random(64 * 1024, 3))),
    (BadInput("random.png", "random bytes named .png", "二进制数据"), lambda p: _write(p, _random(64 * 1024, 4))),
    (BadInput("truncated.pdf", "a PDF cut at 60 %", "PDF 文件不完整"),
     lambda p: _write(p, (d := pdf_bytes(borderless_table()))[: len(d) * 6 // 10])),
    (BadInput("encrypted.pdf", "a PDF with a user password", "PDF 设有密码保护"),
     lambda p: _write(p, pdf_bytes(ruled_table(), user_password="secret"))),
    (BadInput("broken_xref.pdf", "a PDF whose xref table and startxref are wrong", "不是部门预算/决算公开文件"), _broken_xref),
    (BadInput("scan.pdf", "an image-only PDF, OCR not installed", "PDF 没有文字层，且未安装 OCR", without_ocr=True),
     _image_only),
    (BadInput("novel_gbk.txt", "a novel in GBK", "不是部门预算/决算公开文件"), lambda p: _write(p, NOVEL.encode("gbk"))),
    (BadInput("novel_gb18030.txt", "a novel in GB18030 with four-byte characters", "不是部门预算/决算公开文件"),
     lambda p: _write(p, (NOVEL + "𠀀𠀁𪚥\n").encode("gb18030"))),
    (BadInput("notice_utf16.txt", "a government notice in UTF-16 without BOM", "不是部门预算/决算公开文件"),
     lambda p: _write(p, NOTICE.encode("utf-16-le"))),
    (BadInput("invoice.txt", "an invoice", "不是部门预算/决算公开文件"), lambda p: _write(p, INVOICE.encode())),
    (BadInput("notice.txt", "a government notice", "不是部门预算/决算公开文件"), lambda p: _write(p, NOTICE.encode())),
    (BadInput("garbled_numbers.txt", "a real disclosure with every digit garbled", "没有可读的金额"), _garbled_numbers),
    (BadInput("nested.pdf", "60 boxes nested in each other", "不是部门预算/决算公开文件"), _nested_tables),
    (BadInput("png_bomb.png", "a 400-megapixel PNG of 400 KB", "图像过大"), _png_bomb),
    (BadInput("missing.pdf", "a path that does not exist", "文件不存在"), lambda p: None),
    (BadInput("no_documents", "a directory with no documents", "目录中没有可读取的文件", one_file_reason="是目录"),
     _directory),
    (BadInput("big.txt", "a 200 MB text file", "文本文件过大", slow=True), _big_text),
    (BadInput("zip_bomb.xlsx", "an .xlsx of 2.5 MB whose sheet inflates to 1 GB", "解压后过大", slow=True), _zip_bomb),
    (BadInput("million_rows.xlsx", "an .xlsx with 1,000,000 rows", "行数过多", slow=True), _million_rows),
)


def build(folder: Path, *, slow: bool = True, names: set[str] | None = None) -> list[tuple[BadInput, Path]]:
    """Write the corpus (without the big inputs unless ``slow``) into ``folder``; (input, its path) each."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for bad, make in BAD_INPUTS:
        if (bad.slow and not slow) or (names is not None and bad.name not in names):
            continue
        path = folder / bad.name
        if not path.exists():
            make(path)
        out.append((bad, path))
    return out


if __name__ == "__main__":
    for bad, path in build(Path(sys.argv[1])):
        print(f"{path}\t{bad.what}")
