"""Excel reader: .xlsx / .xls workbook → :class:`~yusuan.layout.Layout`.

Why this shape: a department's workbook is the table as it was typed, so every visible sheet is
a page, every visible row with text a line, and every cell a cell with ``x0`` its column index
(``x1 = x0 + span``, so a merged title or header spans its columns). Like a tab-separated text
line, a row keeps its empty cells up to its last non-empty one, so cell positions stay columns;
hidden rows, columns and sheets are left out, as the department's readers never saw them.

Values come from python-calamine (fast, and the only reader here for .xls); what calamine does
not expose for .xlsx — number formats, hidden rows and columns — comes from one streaming expat
pass over the sheet XML (:func:`_xlsx_meta`), much cheaper than loading it with openpyxl.

Numbers print as the sheet displays them: the value rounded to the decimals of its number
format (1425.4 under ``#,##0.00`` → ``1,425.40``), computed in Decimal from the value's 15
significant digits (what Excel stores), never from a binary float repr. For .xls the formats
and hidden rows/columns come from its BIFF8 records (:mod:`yusuan.read.excel_xls`).
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree.ElementTree import ParseError, iterparse
from xml.parsers import expat

from yusuan.errors import UnreadableInput
from yusuan.layout import Cell, Layout, Line, Page

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_INFLATED_BYTES = 256 * 1024 * 1024
"""The largest .xlsx read, inflated: budget workbooks inflate to a few MB; a zip bomb to gigabytes."""
MAX_ROWS = 100_000
"""The most rows a sheet may have: a budget table has hundreds (memory grows with every cell)."""
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_XLS_STREAMS = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))  # BIFF8, BIFF5


def read_excel(path: str | Path) -> Layout:
    """Read a workbook (see module doc); UnreadableInput for encrypted, damaged or non-Excel files."""
    path = Path(path)
    fmt = _check_container(path)
    try:
        import python_calamine as pc
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise UnreadableInput(f"缺少 python-calamine，无法读取 Excel（{exc}） — cannot read Excel without python-calamine", source=path.name) from None
    try:
        wb = pc.CalamineWorkbook.from_path(str(path))
        metas = _xlsx_meta(path) if fmt == "xlsx" else _xls_meta(path)
        layout = Layout(source=path.name, format=fmt, path=str(path))
        for sheet_meta in wb.sheets_metadata:
            if str(sheet_meta.visible) != str(pc.SheetVisibleEnum.Visible):
                layout.warnings.append(f"hidden sheet {sheet_meta.name!r} skipped")
                continue
            sheet = wb.get_sheet_by_name(sheet_meta.name)
            offset = int(sum(p.height or 0 for p in layout.pages))
            page = _sheet_page(sheet, metas.get(sheet_meta.name, _SheetMeta()), len(layout.pages) + 1, offset)
            layout.pages.append(page)
    except pc.PasswordError:
        raise UnreadableInput("工作簿设有密码保护 — is password-protected", source=path.name) from None
    except (pc.CalamineError, pc.XmlError, pc.ZipError, zipfile.BadZipFile, OSError, ValueError,
            expat.ExpatError, ParseError, zlib.error, EOFError) as exc:  # the last three found by fuzzing
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower():  # an encrypted .xls (FILEPASS)
            raise UnreadableInput("工作簿设有密码保护 — is password-protected", source=path.name) from None
        raise UnreadableInput(f"Excel 工作簿已损坏（{_short(exc)}） — a damaged Excel workbook", source=path.name) from None
    if fmt == "xls" and not metas:
        layout.warnings.append("xls: number formats and hidden rows/columns not found; numbers print as stored")
    return layout


def _xls_meta(path: Path) -> dict[str, _SheetMeta]:
    """The same for .xls, from its BIFF8 records (:mod:`yusuan.read.excel_xls`)."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS

    from yusuan.read.excel_xls import xls_meta

    found = xls_meta(path.read_bytes(), BUILTIN_FORMATS)
    return {name: _SheetMeta(rows, cols, formats) for name, (rows, cols, formats) in found.items()}


def _check_container(path: Path) -> str:
    """``xlsx`` or ``xls`` from the bytes; an OLE2 file holding an EncryptedPackage is an encrypted xlsx."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"无法打开（{exc.strerror}） — cannot be opened", source=path.name) from None
    if data.startswith(_OLE2):
        if _ENCRYPTED_STREAM in data:
            raise UnreadableInput("加密的 Office 文件，设有密码保护 — is password-protected (an encrypted Office file)", source=path.name)
        if not any(stream in data for stream in _XLS_STREAMS):
            raise UnreadableInput("旧版 Office（OLE2）文件，不是 Excel 工作簿 — an old Office (OLE2) file that is not an Excel workbook", source=path.name)
        return "xls"
    if data.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as zf:
                inflated = sum(info.file_size for info in zf.infolist())
                if inflated > MAX_INFLATED_BYTES:  # before testzip, which would inflate it all
                    raise UnreadableInput(
                        f"Excel 工作簿解压后过大（{inflated / 2**20:,.0f} MB，上限 {MAX_INFLATED_BYTES // 2**20} MB；"
                        "疑似压缩炸弹） — the workbook inflates too large (a zip bomb?)", source=path.name)
                if zf.testzip() is not None:
                    raise zipfile.BadZipFile("a member fails its CRC check")
                if not any(n.startswith("xl/") for n in zf.namelist()):
                    raise UnreadableInput("是 zip 压缩包，不是 Excel 工作簿 — a zip archive that is not an Excel workbook", source=path.name)
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:  # a damaged deflate stream (found by fuzzing)
            raise UnreadableInput(f"zip/xlsx 文件已损坏（{exc}） — a damaged zip/xlsx file", source=path.name) from None
        return "xlsx"
    raise UnreadableInput("不是 Excel 工作簿（既非 xlsx 也非 xls） — not an Excel workbook (neither xlsx nor xls)", source=path.name)


def _short(exc: Exception) -> str:
    return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__


# --- one sheet -----------------------------------------------------------------------------------


@dataclass(slots=True)
class _SheetMeta:
    """What calamine does not tell: hidden rows/columns and number formats (0-based coordinates)."""

    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    formats: dict[tuple[int, int], str] = field(default_factory=dict)


def _sheet_page(sheet: Any, meta: _SheetMeta, number: int, offset: int = 0) -> Page:
    """One sheet as a page: a line per visible row with any text, whose cells run from the sheet's
    first column to the row's last non-empty one, an empty cell for each empty visible column
    between (as a tab-separated line has an empty field, so ``cells[i]`` stays column-aligned).

    Line numbers run on across sheets (row r of a sheet is line ``offset + r``, ``offset`` the rows
    of the sheets before it), so tables on different sheets never share line numbers — the table
    stage orders and spans tables by line number. A one-sheet workbook's lines are its rows."""
    rows = sheet.to_python(skip_empty_area=True)
    page = Page(number=number, line_offset=offset)
    if not rows or sheet.start is None:
        return page
    r0, c0 = sheet.start
    spans = {(a[0], a[1]): b[1] - a[1] + 1 for a, b in (sheet.merged_cell_ranges or [])}
    width = 0
    for i, values in enumerate(rows):
        r = r0 + i
        if r in meta.hidden_rows:
            continue
        end = len(values)
        while end and (values[end - 1] == "" or values[end - 1] is None):
            end -= 1  # calamine pads rows to the sheet's width
        cells: list[Cell] = []
        filled = 0
        for j in range(end):
            c = c0 + j
            if c in meta.hidden_cols:
                continue
            value = values[j]
            text = cell_text(value, meta.formats.get((r, c))) if value != "" else ""
            cells.append(Cell(text, float(c), float(c + spans.get((r, c), 1))))
            if text:
                filled = len(cells)
        del cells[filled:]
        if cells:
            width = max(width, int(max(c.x1 for c in cells)))
            page.lines.append(Line(cells, number, offset + r + 1, _raw(cells)))
    page.width = float(width)
    page.height = float(r0 + len(rows))
    return page


def _raw(cells: list[Cell]) -> str:
    """The row as text: tab-separated where it has empty cells (their positions place values in
    columns, as in a tab-separated text line), else single-space-separated like printed text, since
    a row without gaps says nothing about columns beyond its order."""
    sep = "\t" if any(not c.text for c in cells) else " "
    return sep.join(c.text for c in cells)


# --- cell values ---------------------------------------------------------------------------------

_NEWLINE = re.compile(r"[ \t\u3000]*\r?\n[ \t\u3000]*")
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")


def cell_text(value: Any, number_format: str | None = None) -> str:
    """The text a cell displays: strings trimmed (a line break inside Chinese text joins it),
    numbers through their number format, dates in ISO form."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return format_number(value, number_format)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        if isinstance(value, dt.datetime) and value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    text = str(value).strip().strip("\u3000")
    return _NEWLINE.sub(_join_break, text)


def _join_break(m: re.Match[str]) -> str:
    s = m.string
    before = s[m.start() - 1] if m.start() > 0 else ""
    after = s[m.end()] if m.end() < len(s) else ""
    return "" if _CJK.match(before) or _CJK.match(after) else " "


def to_decimal(value: int | float) -> Decimal:
    """A cell number as Decimal from its 15 significant digits (Excel's precision)."""
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(format(value, ".15g"))


def _plain(d: Decimal) -> str:
    """A Decimal without exponent or trailing zeros; never '-0'."""
    if d == 0:
        return "0"
    text = format(d.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


# One token of a number-format section: a quoted literal, an escaped char, padding (_x) or fill
# (*x), a bracketed colour/condition/locale, a digit-placeholder run, or any other character.
_TOKEN = re.compile(r'"([^"]*)"|\\(.)|_.|\*.|\[[^\]]*\]|([0#?][0#?,]*(?:\.[0#?]*)?|\.[0#?]+)|(.)')
_DATEISH = re.compile(r"[yYmMdDhHsS]")


def format_number(value: int | float, number_format: str | None) -> str:
    """``value`` as a number format displays it (the common cases of Excel's format language:
    decimals, thousands separators, percent, literals, positive;negative;zero sections).
    Anything else (General, text, dates, fractions, scientific) prints the plain value."""
    try:
        d = to_decimal(value)
    except (InvalidOperation, ValueError, OverflowError):
        return str(value)
    if not number_format:
        return _plain(d)
    sections = _split_sections(number_format)
    if d < 0 and len(sections) >= 2:
        out = _render(abs(d), sections[1])
    elif d == 0 and len(sections) >= 3:
        out = _render(d, sections[2])
    elif d < 0:
        out = _render(abs(d), sections[0])
        out = None if out is None else ("-" + out if out and out[0].isdigit() else out)
    else:
        out = _render(d, sections[0])
    return _plain(d) if out is None else out


def _split_sections(fmt: str) -> list[str]:
    """Split a format on ';' outside quotes."""
    sections, cur, quoted = [], [], False
    for ch in fmt:
        if ch == '"':
            quoted = not quoted
        if ch == ";" and not quoted:
            sections.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    sections.append("".join(cur))
    return sections


def _render(d: Decimal, section: str) -> str | None:
    """Render non-negative (or sign-in-literal) ``d`` with one format section; None when the
    section is not a plain number format this function understands."""
    if section.strip().lower() in ("general", "@", ""):
        return None
    before: list[str] = []
    after: list[str] = []
    pattern = None
    percent = False
    for m in _TOKEN.finditer(section):
        quoted, escaped, digits, other = m.group(1), m.group(2), m.group(3), m.group(4)
        literal = quoted if quoted is not None else escaped
        if digits is not None:
            if pattern is not None:
                return None  # two placeholder runs: fraction, phone number, …
            pattern = digits
            continue
        if other is not None:
            if other == "%":
                percent = True
            elif other in "Ee/@" or _DATEISH.match(other):
                return None
            literal = other
        if literal:
            (after if pattern is not None else before).append(literal)
    if pattern is None:
        return "".join(before).strip()  # a literal-only section, such as "-" for zero
    if percent:
        d = d * 100
    int_pat, _, dec_pat = pattern.partition(".")
    decimals = len(dec_pat)
    q = d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    int_part, _, frac = f"{q:f}".partition(".")
    int_part = int_part.lstrip("-")
    if int_part == "0" and "0" not in int_pat:
        int_part = ""  # '#' and '?' print nothing for a zero integer part
    elif "," in int_pat.strip(","):
        int_part = f"{int(int_part):,}"
    required = len(dec_pat) - len(dec_pat.lstrip("0"))  # '0.0#': one decimal always, two at most
    while len(frac) > required and frac.endswith("0"):
        frac = frac[:-1]
    number = int_part + ("." + frac if frac else "")
    return ("".join(before) + number + "".join(after)).strip()


# --- what calamine does not expose for xlsx -----------------------------------------------------

_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CELL_REF = re.compile(r"([A-Z]+)(\d+)")


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _xlsx_meta(path: Path) -> dict[str, _SheetMeta]:
    """Hidden rows/columns and non-General number formats of every sheet, by sheet name."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS

    out: dict[str, _SheetMeta] = {}
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        xf_formats = _cell_formats(zf, names, BUILTIN_FORMATS)
        for name, member in _sheet_members(zf, names).items():
            with zf.open(member) as fh:
                try:
                    out[name] = _scan_sheet(fh, xf_formats)
                except _TooManyRows:
                    raise UnreadableInput(f"工作表“{name}”行数过多（超过 {MAX_ROWS:,} 行） — too many rows",
                                          source=path.name) from None
    return out


def _cell_formats(zf: zipfile.ZipFile, names: set[str], builtin: dict[int, str]) -> list[str | None]:
    """The number format of each cell style index (None for General)."""
    if "xl/styles.xml" not in names:
        return []
    custom: dict[int, str] = {}
    xfs: list[str | None] = []
    in_cell_xfs = False
    with zf.open("xl/styles.xml") as fh:
        for event, el in iterparse(fh, events=("start", "end")):
            tag = _local(el.tag)
            if tag == "cellXfs":
                in_cell_xfs = event == "start"
            elif event == "start" and tag == "numFmt":
                custom[int(el.get("numFmtId", "0"))] = el.get("formatCode", "")
            elif event == "start" and tag == "xf" and in_cell_xfs:
                xfs.append(el.get("numFmtId", "0"))  # resolved below: numFmts may come first or not
    resolved: list[str | None] = []
    for fid in xfs:
        code = custom.get(int(fid)) or builtin.get(int(fid))
        resolved.append(None if not code or code == "General" else code)
    return resolved


def _sheet_members(zf: zipfile.ZipFile, names: set[str]) -> dict[str, str]:
    """Sheet name → zip member of its XML, through workbook.xml and its relationships."""
    rels: dict[str, str] = {}
    rel_path = "xl/_rels/workbook.xml.rels"
    if rel_path in names:
        with zf.open(rel_path) as fh:
            for _, el in iterparse(fh):
                if _local(el.tag) == "Relationship":
                    target = el.get("Target", "")
                    member = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
                    rels[el.get("Id", "")] = member
    out: dict[str, str] = {}
    with zf.open("xl/workbook.xml") as fh:
        for _, el in iterparse(fh):
            if _local(el.tag) == "sheet":
                rid = el.get(f"{{{_REL_NS}}}id") or next((v for k, v in el.attrib.items() if _local(k) == "id"), "")
                member = rels.get(rid)
                if member in names:
                    out[el.get("name", "")] = member
    return out


class _TooManyRows(Exception):
    """Raised from the expat handler to stop scanning a sheet past :data:`MAX_ROWS`."""


def _scan_sheet(fh: Any, xf_formats: list[str | None]) -> _SheetMeta:
    """One streaming pass over a sheet's XML (expat, no tree): hidden rows/columns, number formats."""
    meta = _SheetMeta()
    pos = [-1, -1]  # current row, column (0-based)

    def start(tag: str, attrs: dict[str, str]) -> None:
        name = tag.rpartition(":")[2]
        if name == "c":
            ref = _CELL_REF.match(attrs.get("r", ""))
            pos[1] = _col_index(ref.group(1)) if ref else pos[1] + 1
            style = attrs.get("s")
            if style and attrs.get("t", "n") == "n":
                idx = int(style)
                if idx < len(xf_formats) and xf_formats[idx]:
                    meta.formats[(pos[0], pos[1])] = xf_formats[idx]
        elif name == "row":
            pos[0] = int(attrs["r"]) - 1 if "r" in attrs else pos[0] + 1
            if pos[0] >= MAX_ROWS:
                raise _TooManyRows
            pos[1] = -1
            if attrs.get("hidden") in ("1", "true"):
                meta.hidden_rows.add(pos[0])
        elif name == "col" and attrs.get("hidden") in ("1", "true"):
            meta.hidden_cols.update(range(int(attrs.get("min", "1")) - 1, int(attrs.get("max", "1"))))

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    parser.ParseFile(fh)
    return meta
