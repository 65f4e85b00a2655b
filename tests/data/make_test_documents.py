"""Build the committed test documents under tests/data/ from the seed texts, with independent tools.

Why: departments publish Excel workbooks, PDFs exported from those workbooks, and scans of the
printouts; the readers must give the same lines and cells for all of them. Each document here is
made from a seed text (examples/*.txt) by tools yusuan does not use to read it:

- ``<seed>.xlsx``      openpyxl: one row per text line, one cell per tab/space-separated field,
                       amounts (with a decimal point, thousands commas or a percent sign) stored as
                       numbers with a number format that prints them as the text did;
- ``<seed>.pdf``       LibreOffice (``soffice --convert-to pdf``) from the print workbook of the
                       same cells, laid out as departments print their tables: one sheet per table
                       (cut before each one-field title ending in 表), columns as wide as their
                       widest table field (codes and amounts never wrap or turn into ###), thin
                       borders around the table body, a run of blank lines kept as one empty row,
                       amounts starting in the table's usual first amount column (the text drops
                       the empty code cell of a 合计 row), 单位：万元 in the last column, landscape
                       A4 with 1-cm margins, fit to the page width; a table too wide to print at
                       ≥ 7 pt has its widest text columns narrowed and their long texts wrapped in
                       the cell (rows made tall enough), as a department does before printing;
                       the header fragments stay where the text has them (it does not say which
                       column a fragment of a multi-line header belongs to). The committed xlsx
                       stays one sheet: the Excel reader numbers lines by sheet row, so in a
                       one-sheet-per-table workbook every page repeats line numbers 1, 2, … and
                       the table stage mixes up the tables;
- ``<seed>.scan.pdf``  a few pages of that PDF rasterised by pdftoppm (grayscale, 150 dpi), turned
                       by at most 0.5°, noised and blurred with Pillow, saved as an image-only PDF;
- ``000_….xls``        LibreOffice's xls of the first seed's xlsx;
- ``features.xlsx/.xls``  merged cells, hidden rows/columns/sheets, number formats, number-vs-text,
                       several sheets, one whose used range starts at B3;
- ``encrypted.xlsx``   features.xlsx encrypted with msoffcrypto-tool (password ``yusuan``);
- ``corrupt.xlsx``     a truncated features.xlsx;
- ``ocr_table.png``    a small table rendered with Pillow in Noto Sans CJK, for the OCR reader.

``MANIFEST.json`` records which PDF pages each scan holds. Run from the repository root:
``python tests/data/make_test_documents.py`` (needs LibreOffice, poppler-utils, fonts-noto-cjk,
and ``pip install msoffcrypto-tool`` for the encrypted workbook). The content is reproducible;
the bytes are not: timestamps, the scans' noise and the encryption salt change on every run, so
commit a regenerated file only when its content changed.
"""

from __future__ import annotations

import io
import json
import math
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
EXAMPLES = ROOT / "examples"
CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")

DEFAULT_FONT_SIZE = 11  # openpyxl's default (Calibri 11)
SCAN_DPI = 150
SCAN_PAGES = 3  # pages per seed scanned, from the first page with a 总表 title and amounts
SCAN_JPEG_QUALITY = 40

# An amount as printed: digits with optional thousands commas, then decimals and/or a percent sign.
# Plain integers stay text: in these documents they are codes (2010101), row numbers and years.
_AMOUNT = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%?)$")


def fields(line: str) -> list[str]:
    """The fields of one text line, split the way yusuan's text reader splits it."""
    if "\t" in line:
        return [f.strip() for f in line.split("\t")]
    return line.replace("\u3000", " ").split()


def amount(text: str) -> tuple[float, str] | None:
    """(value, number format) when ``text`` is an amount to store as a number, else None."""
    m = _AMOUNT.match(text)
    if not m or not (m.group(1) is not None or "," in text or m.group(2)):
        return None
    decimals = len(m.group(1) or "")
    pattern = ("#,##0" if "," in text else "0") + ("." + "0" * decimals if decimals else "")
    value = Decimal(text.replace(",", "").rstrip("%"))
    if m.group(2):
        return float(value / 100), pattern + "%"
    return float(value), pattern


def display_width(text: str) -> int:
    """Width in Excel character units (CJK counts two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


# Excel column-width units per point of an 11-pt sheet (a unit is about 5.25 pt), the printable
# width of landscape A4 with 1-cm margins in those units, and the smallest font the fit-to-width
# scale may give (7 pt): a wider table has its text columns narrowed (narrow_text_columns).
UNIT_PT = 5.25
PAGE_UNITS = (842 - 2 * 28.35) / UNIT_PT
MIN_SCALE = 7 / DEFAULT_FONT_SIZE
PRINT_MARGIN = 1 / 2.54  # inches: the print workbook's 1-cm margins
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
INDENT = Alignment(indent=1)
WRAP = Alignment(indent=1, wrap_text=True, vertical="top")
LINE_PT = 15.0  # the height of one line of 11-pt text in a row
MIN_WRAP_WIDTH = 8.0  # a narrowed text column keeps room for about four CJK characters
_TABLE_TITLE = re.compile(r"^[^，。；：:（）()]{2,40}表$")
_UNIT_LINE = re.compile(r"单位(名称)?[：:]|^表\s*\d+$|^附表")


def column_width(text: str) -> float:
    """Columns units ``text`` needs at 11 pt, with room for the cell padding (CJK glyphs are a
    little wider than two Latin digits in Noto Sans CJK)."""
    wide = sum(1 for c in text if unicodedata.east_asian_width(c) in "WF")
    return (len(text) - wide) * 1.05 + wide * 2.2 + 3.5  # padding and a one-character indent


def segments(rows: list[list[str]]) -> list[list[list[str]]]:
    """The lines cut before every table title (a one-field line ending in 表), as the text's
    pages are: the front matter, then one table (or table page) per segment."""
    out: list[list[list[str]]] = [[]]
    for row in rows:
        filled = [f for f in row if f]
        if len(filled) == 1 and _TABLE_TITLE.match(filled[0]) and any(len([f for f in r if f]) > 1 for r in out[-1]):
            out.append([])
        out[-1].append(row)
    return [seg for seg in out if seg]


def sheet_name(title: str, taken: set[str]) -> str:
    """A unique sheet name (≤ 31 characters, none of []:*?/\\) for a segment titled ``title``."""
    base = re.sub(r"[\[\]:*?/\\]", "", title)[:26] or "表"
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}{n}"
    taken.add(name)
    return name


def join_spaced(row: list[str]) -> list[str]:
    """A letter-spaced label (收   入   总   计, split by the text into one field a character)
    back in one cell, as the sheet had it: runs of one-CJK-character fields joined by a space."""
    out: list[str] = []
    run: list[str] = []
    for f in [*row, ""]:
        if len(f) == 1 and unicodedata.east_asian_width(f) in "WF":
            run.append(f)
            continue
        if len(run) >= 2:
            out.append(" ".join(run))
        else:
            out.extend(run)
        run = []
        out.append(f)
    return out[:-1]


def place(rows: list[list[str]]) -> tuple[list[dict[int, str]], set[int]]:
    """Each line's fields by 0-based column, as a department's sheet holds them, and the lines
    that are unit or table-number lines. The text drops empty cells, so a 合计 row without a code
    has its amounts one field to the left: amounts start in the table's usual first amount column
    (the commonest one) when the line's text fields leave room; a unit line's last field
    (单位：万元) goes to the table's last column, as printed at the top right."""
    placed = [{c: f for c, f in enumerate(join_spaced(row)) if f} for row in rows]
    units = {r for r, cells in enumerate(placed) if any(_UNIT_LINE.search(f) for f in cells.values())}
    starts: dict[int, int] = {}
    for r, cells in enumerate(placed):
        first = next((c for c, f in sorted(cells.items()) if amount(f) is not None), None)
        if first is not None and len(cells) >= 2 and r not in units:
            starts[first] = starts.get(first, 0) + 1
    if starts:
        usual = max(starts, key=lambda c: (starts[c], -c))
        for r, cells in enumerate(placed):
            first = next((c for c, f in sorted(cells.items()) if amount(f) is not None), None)
            if first is not None and first < usual and r not in units:
                placed[r] = {(c + usual - first if c >= first else c): f for c, f in cells.items()}
    ncols = max((c for r, cells in enumerate(placed) if r not in units for c in cells), default=0) + 1
    for r in units:
        cells = placed[r]
        last = max(cells)
        if len(cells) >= 2 and last < ncols - 1:
            cells[ncols - 1] = cells.pop(last)
    return placed, units


def narrative_sheet(ws: Worksheet, rows: list[list[str]]) -> None:
    """Front matter and explanations (no table title, no amount in a field of its own): a line per row in one cell, its
    fields joined by a space, in one column as wide as the longest line up to the page width at
    7 pt; a longer line wraps in its cell, as a word processor's paragraph would."""
    lines = [" ".join(f for f in row if f) for row in rows]
    room = PAGE_UNITS / MIN_SCALE
    width = min(room, max((column_width(t) for t in lines), default=10.0))
    for r, text in enumerate(lines, start=1):
        cell = ws.cell(row=r, column=1, value=text)
        cell.data_type = "s"
        if column_width(text) > room:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            grow_row(ws, r, text, width)
    ws.column_dimensions["A"].width = round(width, 2)
    fit_page(ws, PRINT_MARGIN, PRINT_MARGIN)


def fill_sheet(ws: Worksheet, rows: list[list[str]]) -> None:
    """Write one segment: a cell per field (amounts as formatted numbers), columns as wide as the
    widest field of a table line in them, thin borders around the table body, landscape A4."""
    # a run of blank lines is one empty row: the text's blank line is all that tells a project's
    # name from its 项目内容 when both were flowed into the first column
    rows = [row for i, row in enumerate(rows) if any(row) or (i and any(rows[i - 1]))]
    while rows and not any(rows[-1]):
        rows.pop()
    titled = bool(_TABLE_TITLE.match(next((f for row in rows for f in row if f), "")))
    if not titled and not any(amount(f) is not None for row in rows for f in row):
        narrative_sheet(ws, rows)
        return
    placed, units = place(rows)
    widths: dict[int, float] = {}
    multi = [r for r, cells in enumerate(placed) if len(cells) >= 2]
    body = [r for r in multi if r not in units]
    for r in body:
        for c, f in placed[r].items():
            widths[c] = max(widths.get(c, 0.0), column_width(f))
    ncols = max((c for cells in placed for c in cells), default=0) + 1
    wrapped = narrow_text_columns(widths, [placed[r] for r in body], PAGE_UNITS / MIN_SCALE)
    single = [column_width(f) for r, cells in enumerate(placed) for f in cells.values() if len(cells) == 1 or r in units]
    total = sum(widths.get(c, 4.0) for c in range(ncols))
    if not body or max(single, default=0) > total:
        # Front matter or a note wider than the table: the first column takes the rest of the page
        # (text past it runs on into the empty columns to its right, as in a typed sheet).
        widths[0] = max(widths.get(0, 0.0), min(max(single, default=0) - total + widths.get(0, 0.0),
                                                PAGE_UNITS / MIN_SCALE - total + widths.get(0, 0.0)))
        total = sum(widths.get(c, 4.0) for c in range(ncols))
    first, last = (body[0], body[-1]) if body else (len(rows), -1)
    for r, cells in enumerate(placed, start=1):
        for c, f in cells.items():
            cell = ws.cell(row=r, column=c + 1)
            num = amount(f)
            if num is not None:
                cell.value, cell.number_format = num
            else:
                cell.value = f
                cell.data_type = "s"  # never a formula, whatever the text starts with
            # a character's indent, so a right-aligned amount does not touch the code or name
            # left-aligned in the next column (a scan's OCR would read them as one box)
            wrap = c in wrapped and len(cells) >= 2 and column_width(f) > wrapped[c]
            cell.alignment = WRAP if wrap else INDENT
            if wrap:  # LibreOffice keeps the stored row height: give the wrapped lines room
                grow_row(ws, r, f, wrapped[c])
        if first <= r - 1 <= last:
            for c in range(1, ncols + 1):
                ws.cell(row=r, column=c).border = BORDER
    for c in range(ncols):
        ws.column_dimensions[get_column_letter(c + 1)].width = round(widths.get(c, 4.0), 2)
    # one page wide (the scale only ever shrinks; the text columns were narrowed for ≥ 7 pt)
    fit_page(ws, PRINT_MARGIN, PRINT_MARGIN)


def grow_row(ws: Worksheet, row: int, text: str, width: float) -> None:
    """Make ``row`` tall enough for ``text`` wrapped in a column ``width`` units wide (Excel
    fits the height when the text is typed; a file written by openpyxl has to say it)."""
    lines = math.ceil(column_width(text) * 1.1 / width)
    height = max(ws.row_dimensions[row].height or 0.0, LINE_PT * lines)
    ws.row_dimensions[row].height = height


def narrow_text_columns(widths: dict[int, float], body: list[dict[int, str]], room: float) -> dict[int, float]:
    """Narrow the widest text columns of a table too wide for ``room`` until it fits, as a
    department does before printing (their long names and 绩效指标 texts then wrap in the cell);
    amount and code columns keep their width. Returns the narrowed columns and their widths."""
    total = sum(widths.values())
    if total <= room:
        return {}
    text = {c for cells in body for c, f in cells.items() if amount(f) is None and not f.isdigit()}
    fixed = sum(w for c, w in widths.items() if c not in text)
    lo, hi = MIN_WRAP_WIDTH, max((widths[c] for c in text), default=MIN_WRAP_WIDTH)
    for _ in range(40):  # the largest cap that fits: sum(min(w, cap)) + fixed ≤ room
        cap = (lo + hi) / 2
        if fixed + sum(min(widths[c], cap) for c in text) <= room:
            lo = cap
        else:
            hi = cap
    narrowed = {c: lo for c in text if widths[c] > lo}
    widths.update(narrowed)
    return narrowed


def print_workbook(seed: Path) -> Workbook:
    """The seed as the department prints it: one sheet per table (see module doc)."""
    rows = [fields(line) for line in seed.read_text("utf-8").split("\n")]
    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    for seg in segments(rows):
        title = next((f for row in seg for f in row if f), "封面")
        fill_sheet(wb.create_sheet(sheet_name(title, taken)), seg)
    return wb


def fit_font(cell: Cell, text: str, room: int) -> None:
    """Give ``cell`` a font small enough for ``text`` to fit in ``room`` character units."""
    need = display_width(text) + 1
    if need > room:
        cell.font = Font(name="Calibri", size=max(1.0, round(DEFAULT_FONT_SIZE * room / need * 0.95, 1)))


def fit_page(ws: Worksheet, side: float = 0.4, ends: float = 0.5) -> None:
    """A4 landscape, one page wide, as many pages tall as needed (margins in inches)."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_margins.left = ws.page_margins.right = side
    ws.page_margins.top = ws.page_margins.bottom = ends


def seed_workbook(seed: Path) -> Workbook:
    """The seed as a one-sheet workbook (see module doc)."""
    rows = [fields(line) for line in seed.read_text("utf-8").split("\n")]
    wb = Workbook()
    ws = wb.active
    ws.title = "预算"
    # A column is as wide as nine in ten of its table fields need (fields of lines with two or
    # more, the last one excepted since it may run on to the right), at most 30 characters, and
    # 6 for columns fewer than 3% of the lines reach; wide tables still print at a readable scale.
    widths: dict[int, list[int]] = {}
    reach: dict[int, int] = {}
    for row in rows:
        filled = [i for i, f in enumerate(row) if f]
        for i in filled:
            reach[i] = reach.get(i, 0) + 1
            if len(filled) >= 2 and i != filled[-1]:
                widths.setdefault(i, []).append(display_width(row[i]))
    lines = sum(1 for row in rows if any(row))
    col_width = {}
    for i, n in reach.items():
        w = sorted(widths.get(i, [3]))
        col_width[i] = max(4, min(30 if n >= 0.03 * lines else 6, w[int(len(w) * 0.9)] + 1))
    for r, row in enumerate(rows, start=1):
        for c, f in enumerate(row, start=1):
            if not f:
                continue
            cell = ws.cell(row=r, column=c)
            num = amount(f)
            if num is not None:
                cell.value, cell.number_format = num
                fit_font(cell, f, col_width[c - 1] - 1)  # else LibreOffice prints ### for it
                continue
            cell.value = f
            cell.data_type = "s"  # never a formula, whatever the text starts with
            # Text wider than the room it has (its column plus the empty columns to its right,
            # up to the last column) gets a smaller font, so the PDF keeps it whole on one line.
            # (Not shrink-to-fit: LibreOffice counts the unshrunk overflow into the print width.)
            room, k = col_width[c - 1], c
            while k < len(row) and not row[k]:
                room += col_width.get(k, 4)
                k += 1
            if k == len(row):
                room += sum(w for i, w in col_width.items() if i >= k)
            fit_font(cell, f, room)
    for i, w in col_width.items():
        ws.column_dimensions[get_column_letter(i + 1)].width = w
    fit_page(ws)
    return wb


def features_workbook() -> Workbook:
    """A small workbook with what real department workbooks have: merged titles and headers,
    hidden rows, number formats of every common kind, numbers stored as text, a second sheet."""
    wb = Workbook()
    ws = wb.active
    ws.title = "收支总表"
    ws["A1"] = "收支预算总表"
    ws.merge_cells("A1:D1")
    ws["D2"] = "单位：万元"
    ws["A3"] = "收入"
    ws.merge_cells("A3:B3")
    ws["C3"] = "支出"
    ws.merge_cells("C3:D3")
    ws.append(["项目", "预算数", "项目", "预算数"])  # row 4
    ws.append(["一、一般公共预算拨款收入", 1425.4, "一、社会保障和就业支出", 1425.3999999999999])  # row 5
    ws.append(["二、政府性基金预算拨款收入", "1,425.40", "二、卫生健康支出", 0.1 + 0.2])  # row 6
    ws.append(["隐藏行", 999.99, "不应读出", 999.99])  # row 7, hidden
    ws.row_dimensions[7].hidden = True
    ws.append(["三、其他收入", -12.5, "三、节能环保支出", 0])  # row 8
    ws.append(["完成率", 0.9607, "科目编码", 2010101])  # row 9
    ws.append(["大额", 1234567.891, "整数金额", 15])  # row 10
    ws.append([None, None, None, None])  # row 11, empty
    ws.append(["收入总计", 74934.98, "支出总计", 74934.98])  # row 12
    ws["A13"] = "注：本表为空表时保留说明。"
    ws.merge_cells("A13:D14")
    formats = {
        "B5": "#,##0.00", "D5": "0.00", "D6": "General", "B8": "#,##0.00;[Red]-#,##0.00",
        "D8": '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ', "B9": "0.00%", "D9": "General",
        "B10": "#,##0.00", "D10": "0", "B12": "#,##0.00", "D12": "#,##0.00",
    }
    for ref, fmt in formats.items():
        ws[ref].number_format = fmt
    ws2 = wb.create_sheet("财政拨款支出")
    ws2.append(["科目编码", "科目名称", "合计"])
    ws2.append(["208", "社会保障和就业支出", 1425.4])
    ws2["C2"].number_format = "0.00"
    ws2.append(["20801", "人力资源和社会保障管理事务", 12.0])
    ws2["C3"].number_format = "0.00"
    ws2["D1"] = "隐藏列"
    ws2["D2"] = 8.88
    ws2.column_dimensions["D"].hidden = True
    ws2["E2"] = "备注"
    ws3 = wb.create_sheet("偏移")  # a used range that starts at B3, not A1
    ws3["B3"] = "科目名称"
    ws3["C3"] = "金额"
    ws3["B4"] = "合计"
    ws3["C4"] = 3.5
    ws3["C4"].number_format = "0.00"
    hidden = wb.create_sheet("隐藏表")
    hidden["A1"] = "隐藏的工作表"
    hidden.sheet_state = "hidden"
    wb.create_sheet("空表")
    return wb


def soffice(src: Path, fmt: str, outdir: Path) -> Path:
    """Convert ``src`` with headless LibreOffice (its own profile, so it runs beside a desktop one)."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
             "--outdir", str(outdir), str(src)],
            check=True, capture_output=True, timeout=600,
        )
    out = outdir / f"{src.stem}.{fmt.split(':')[0]}"
    if not out.exists():
        raise RuntimeError(f"LibreOffice did not write {out}")
    return out


def page_texts(pdf: Path) -> list[str]:
    """The text of each page (pdftotext), to choose which pages to scan."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True).stdout
    return text.decode("utf-8").split("\f")


def is_table_page(text: str) -> bool:
    """A page with a 总表 title and amounts on it (not the table of contents)."""
    return "总表" in text and len(re.findall(r"\d\.\d\d\b", text)) >= 5


def scan_pages(pdf: Path, pages: list[int], rng: random.Random) -> list[Image.Image]:
    """Rasterise, turn slightly, noise and blur the given 1-based pages, as a scanner would."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for number in pages:
            prefix = Path(tmp) / f"p{number}"
            subprocess.run(
                ["pdftoppm", "-gray", "-r", str(SCAN_DPI), "-f", str(number), "-l", str(number),
                 "-singlefile", "-png", str(pdf), str(prefix)],
                check=True, capture_output=True,
            )
            img = Image.open(f"{prefix}.png").convert("L")
            img = img.rotate(rng.uniform(-0.5, 0.5), resample=Image.Resampling.BICUBIC, fillcolor=255)
            noise = Image.effect_noise(img.size, 18)
            img = ImageChops.add(img, noise, scale=1.0, offset=-128)
            img = img.filter(ImageFilter.GaussianBlur(0.5))
            out.append(img)
    return out


def save_scan(images: list[Image.Image], path: Path) -> None:
    """An image-only PDF, one grayscale JPEG per page."""
    frames = []
    for img in images:
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=SCAN_JPEG_QUALITY, optimize=True)
        frames.append(Image.open(io.BytesIO(buf.getvalue())))
    frames[0].save(path, "PDF", save_all=True, append_images=frames[1:], resolution=SCAN_DPI)


def ocr_table_image(path: Path) -> None:
    """A small budget table drawn with a CJK font: labels, codes and amounts for the OCR tests."""
    font = ImageFont.truetype(str(CJK_FONT), 28)
    rows = [
        ("科目编码", "科目名称", "合计", "基本支出"),
        ("208", "社会保障和就业支出", "1,425.40", "1,380.12"),
        ("20801", "人力资源和社会保障管理事务", "74,934.98", "746.43"),
        ("2080505", "机关事业单位基本养老保险缴费支出", "96.70", "0.50"),
        ("", "合计", "76,457.08", "2,127.05"),
    ]
    xs = [20, 200, 760, 980]
    img = Image.new("L", (1180, 70 * len(rows) + 30), 255)
    draw = ImageDraw.Draw(img)
    for r, row in enumerate(rows):
        y = 25 + 70 * r
        for x, text in zip(xs, row, strict=True):
            draw.text((x, y), text, fill=0, font=font)
        draw.line((10, y + 52, 1170, y + 52), fill=90, width=2)
    img.save(path, optimize=True)


def encrypt(src: Path, dst: Path, password: str = "yusuan") -> bool:
    """Encrypt ``src`` with msoffcrypto-tool; False (and a note) when it is not installed."""
    try:
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:
        print("msoffcrypto-tool not installed: encrypted.xlsx left as it was", file=sys.stderr)
        return False
    with src.open("rb") as fin, dst.open("wb") as fout:
        OOXMLFile(fin).encrypt(password, fout)
    return True


def main() -> None:
    manifest: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for seed in sorted(EXAMPLES.glob("*.txt")):
            xlsx = HERE / f"{seed.stem}.xlsx"
            seed_workbook(seed).save(xlsx)
            printed = work / f"{seed.stem}.xlsx"
            print_workbook(seed).save(printed)
            pdf = soffice(printed, "pdf", work)
            shutil.copyfile(pdf, HERE / f"{seed.stem}.pdf")
            texts = page_texts(pdf)
            first = next((i for i, t in enumerate(texts, start=1) if is_table_page(t)), 1)
            pages = list(range(first, min(first + SCAN_PAGES, len(texts))))
            pages = pages or [1]
            rng = random.Random(seed.stem)
            save_scan(scan_pages(pdf, pages, rng), HERE / f"{seed.stem}.scan.pdf")
            manifest[seed.stem] = {"pdf_pages": len([t for t in texts if t.strip()]), "scan_of_pdf_pages": pages}
            print(f"{seed.stem}: {manifest[seed.stem]}")
        first_seed = sorted(EXAMPLES.glob("*.txt"))[0].stem
        shutil.copyfile(soffice(HERE / f"{first_seed}.xlsx", "xls", work), HERE / f"{first_seed}.xls")
        features = HERE / "features.xlsx"
        features_workbook().save(features)
        shutil.copyfile(soffice(features, "xls", work), HERE / "features.xls")
        encrypt(features, HERE / "encrypted.xlsx")
        data = features.read_bytes()
        (HERE / "corrupt.xlsx").write_bytes(data[: len(data) // 2])
    ocr_table_image(HERE / "ocr_table.png")
    (HERE / "MANIFEST.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
