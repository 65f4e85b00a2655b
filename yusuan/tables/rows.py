"""Body lines of a grid table → logical rows (序号, 科目编码, 名称, printed values).

Why a token stream and not one row per line: extraction breaks cells across lines ('科学技术管理'
/ '事务', codes '206010' / '1') and prints side-by-side panels on one line, so rows are read as
a grammar over the tokens: [序号] [code parts] name… values…. A new row starts at a code or a 序号
(line start) once the current row has a name or values, or at text after values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from yusuan.layout import Cell, Line
from yusuan.tables.amounts import amount_text as is_amount

_DASHES = frozenset({"-", "—", "–", "－", "——"})
_CODE_LENGTHS = frozenset({3, 5, 7})
_BRACKETED = re.compile(r"^[\[［【](\d{3,7})[\]］】](.*)$")
_OPENERS = frozenset("[［【")
_GLUED_TEXT = re.compile(r"^(-?[\d,]*\d\.\d+)[\u3400-\u9fff（(“《]")
# a 科目编码 glued to its name: '30201-办公费', '2010101行政运行', '201—一般公共服务支出'
_GLUED_CODE = re.compile(r"^(\d{3}|\d{5}|\d{7})[-－—–·.．、:：]?([\u3400-\u9fff（(“].*)$")
_PART_MAX = 2  # digits of a code part printed alone in a 款/项 column ('06' under 201)


@dataclass(slots=True)
class Value:
    """A printed figure: its text, the tab field it stood in (None when not tab-separated), its line."""

    text: str
    field: int | None
    line: Line
    x1: float | None = None
    bbox: tuple[float, float, float, float] | None = None  # the printed cell (PDF/OCR), for provenance
    ocr: bool = False  # read by OCR: findings on it say so


@dataclass(slots=True)
class RawRow:
    """One logical row before its values are placed into columns.

    ``alt_code``/``alt_name``: a second code system printed on the same row (部门经济 30101 beside
    政府经济 50101, or a 功能 项 beside an 经济 款). ``code_part``: a code printed only as its own
    digits in a 款 or 项 column ('06' under 201), completed from the rows above by
    :func:`complete_codes`; ``code_x`` is where the code token stood (PDF/OCR).
    """

    seq: str | None = None
    code: str | None = None
    name: str = ""
    values: list[Value] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    alt_code: str | None = None
    alt_name: str = ""
    code_part: str | None = None
    code_x: float | None = None

    @property
    def started(self) -> bool:
        return bool(self.name or self.values or self.code or self.seq or self.code_part)


def _joined(code: str, part: str) -> str | None:
    """``code`` continued by ``part``: a 7-digit code broken after 6 digits ('206010' / '1'), or
    类|款|项 columns ('208' '05' '01'; '301' '2' with the 款's leading zero not printed)."""
    n, m = len(code), len(part)
    if n == 6 and m == 1:
        return code + part
    if n in (3, 5) and m in (1, 2):
        return code + part.zfill(2)
    return None


def _is_total_label(token: str) -> bool:
    """合计/总计 or '人员经费合计': always the start of its own row."""
    return token.endswith(("合计", "总计"))


def is_value(text: str, integers: bool) -> bool:
    """A printed amount: decimals or thousands separators, a dash, or (元 tables) a bare integer."""
    if text in _DASHES:
        return True
    if not is_amount(text):
        return False
    return integers or "." in text or "," in text


Token = tuple[str, int | None, float | None, Cell]


def _tokens(line: Line, right: float | None = None) -> list[Token]:
    """(token, tab field, right edge, cell) tuples; a tab field holding '558001 名称' gives two tokens,
    a code printed in brackets before its name ('[20140]信访事务') gives code and name, and a
    one-word cell with a box (PDF) keeps its right edge. Text right of ``right`` (the figures'
    right edge, PDF) is a trailing text column (绩效目标, 备注), not part of any row name."""
    tabbed = "\t" in line.raw
    out: list[Token] = []
    for index, cell in enumerate(line.cells):
        text = cell.text
        if right is not None and cell.top is not None:
            if cell.x1 > right + 1 and (glued := _GLUED_TEXT.match(text.strip())):
                text = glued.group(1)  # '0.00保信息化…': the figure, then the next column's text
            elif cell.x0 >= right - 1 and not is_amount(text.strip()):
                continue
        parts = text.split()
        field = index if tabbed else None
        edge = None
        if cell.top is not None and len(parts) == 1:
            edge = _figure_x1(cell) if text is not cell.text else cell.x1  # a glued figure ends at its digits
        for part in parts:
            m = _BRACKETED.match(part) if part[0] in _OPENERS else None
            if m is None and part[0].isdigit() and not is_amount(part):
                m = _GLUED_CODE.match(part)
            if m:
                out.append((m.group(1), field, None, cell))
                part = m.group(2)
                if not part:
                    continue
            out.append((part, field, edge, cell))
    return out


def uses_integers(lines: list[Line]) -> bool:
    """True when no figure of the body has decimals (a 元 table of whole numbers, '3,296,600' / '0')."""
    return not any("." in c.text and is_amount(c.text) for ln in lines for c in ln.cells)


class _Reader:
    """The row grammar as a small state machine (one instance per table body)."""

    def __init__(self, has_seq: bool, integers: bool) -> None:
        self.has_seq, self.integers = has_seq, integers
        self.rows: list[RawRow] = []
        self.row = RawRow()
        self.coded = False  # a whole 科目编码 was printed above: code parts can be completed

    def flush(self) -> None:
        if self.row.started:
            self.rows.append(self.row)
            self.coded = self.coded or bool(self.row.code and len(self.row.code) in _CODE_LENGTHS)
        self.row = RawRow()

    def feed(
        self,
        token: str,
        index: int | None,
        line: Line,
        at_start: bool,
        edge: float | None = None,
        cell: Cell | None = None,
        following: str | None = None,
    ) -> None:
        """Take one token: it continues the current row or starts the next one (``following`` is
        the next token on the same line, if any)."""
        row = self.row
        digits = token.isdigit()
        if digits and self.has_seq and at_start and (row.name or row.values):
            self.flush()  # a 序号 opens the next row
        elif digits and (self._joins(token) or self._second_code(token, line, cell)):
            return
        elif digits and self._code_part(token, at_start, following):
            self.flush()
            self.row.code_part, self.row.code_x = token, cell.x0 if cell is not None and cell.top is not None else None
            return
        elif digits and len(token) in (*_CODE_LENGTHS, 6) and (row.name or row.values) and (at_start or not self.integers):
            self.flush()  # a code opens the next row (side-by-side panels too)
        elif is_value(token, self.integers) and (row.name or row.code or row.code_part or not digits):
            whole = cell is not None and cell.text.strip() == token
            row.values.append(
                Value(token, index, line, edge, cell.bbox if whole else None, cell.ocr if cell is not None else False)  # type: ignore[union-attr]
            )
            return
        elif not digits and (row.values or (row.name and _is_total_label(token))):
            self.flush()  # text after figures, or a 合计 label, opens the next row
        self._place(token, digits, at_start)

    def _joins(self, token: str) -> bool:
        """'206010' '1', '208' '05', '301' '2': the code continued by ``token`` (the second code
        system's too), before any name."""
        row = self.row
        if row.values:
            return False
        if row.alt_code and not row.alt_name and (joined := _joined(row.alt_code, token)):
            row.alt_code = joined
            return True
        if row.code and not row.name and not row.alt_code and (joined := _joined(row.code, token)):
            row.code = joined
            return True
        return False

    def _second_code(self, token: str, line: Line, cell: Cell | None) -> bool:
        """A code of another system printed after the row's code and name on the same line, before
        any figure (部门 30101 基本工资 | 政府 50101 工资奖金津补贴): the row's second code."""
        row = self.row
        if row.values or row.alt_code or not row.code or not row.name or len(token) not in _CODE_LENGTHS:
            return False
        if not row.lines or row.lines[-1] is not line:
            return False
        if code_system(token) is None or code_system(token) == code_system(row.code):
            return False
        row.alt_code = token
        return True

    def _code_part(self, token: str, at_start: bool, following: str | None) -> bool:
        """A code printed only as its own digits ('06' 财政事务 under 201 一般公共服务支出): first on
        its line, one or two digits, a name after it, and a full code printed above."""
        if self.has_seq or not at_start or len(token) > _PART_MAX or following is None:
            return False
        if following.isdigit() or is_value(following, self.integers):
            return False
        return self.coded or bool(self.row.code)

    def _place(self, token: str, digits: bool, at_start: bool) -> None:
        row = self.row
        if digits and self.has_seq and row.seq is None and row.code is None and not row.name and at_start:
            row.seq = token
        elif digits and row.code is None and not row.name and row.code_part is None:
            row.code = token
        elif row.alt_code and not row.values:
            row.alt_name += token
        else:
            row.name += token


def _repeats_figures(tokens: list[Token], row: RawRow, integers: bool) -> bool:
    """A line of figures only, the same figures in the same tab fields (or at the same right edges)
    as the row above: the row printed twice (a 合计 repeated without its label), not more figures."""
    if not tokens or not row.values or len(tokens) != len(row.values):
        return False
    for (text, index, edge, _), value in zip(tokens, row.values, strict=True):
        if not is_value(text, integers) or text != value.text:
            return False
        same_field = index is not None and index == value.field
        same_edge = edge is not None and value.x1 is not None and abs(edge - value.x1) < 1
        if not (same_field or same_edge):
            return False
    return True


def _figure_width(text: str, height: float) -> float:
    """How wide a figure prints at a line ``height`` (digits about 0.55 em, '.' and ',' 0.3 em):
    where a figure glued to the next column's text ends."""
    return sum(0.3 * height if ch in ".,，" else 0.55 * height for ch in text)


def _figures_right(body: list[Line]) -> dict[int, float]:
    """Per page, the right edge of the printed figures (PDF) where text stands right of it: a
    trailing text column (绩效目标, 备注). Pages without geometry or such text are left out; a
    table may set its columns differently on every page."""
    pages: dict[int, list[Line]] = {}
    for line in body:
        pages.setdefault(line.page, []).append(line)
    out: dict[int, float] = {}
    last: float | None = None
    for page, lines in pages.items():
        right = _page_figures_right(lines)
        figure_lines = sum(1 for ln in lines if any(_figure_x1(c) is not None for c in ln.cells))
        if right is None and figure_lines < 3:
            right = last  # a page with a row or two: the columns of the page before
        if right is not None:
            out[page] = last = right
    return out


def _figure_x1(cell: Cell) -> float | None:
    """Where the figure of a cell ends: the cell's edge, or for a figure glued to the next
    column's text ('0.00保信息化…') the estimated end of its digits."""
    text = cell.text.strip()
    if cell.top is None or cell.bottom is None:
        return None
    if is_amount(text):
        return cell.x1
    glued = _GLUED_TEXT.match(text)
    return cell.x0 + _figure_width(glued.group(1), cell.bottom - cell.top) if glued else None


def _page_figures_right(lines: list[Line]) -> float | None:
    figures = [[x for c in ln.cells if (x := _figure_x1(c)) is not None] for ln in lines]
    edges = sorted(x for xs in figures for x in xs)
    if len(edges) < 3:
        return None
    # the rightmost figure column: a run of right edges within 3 pt that many rows share (a
    # figure quoted inside the text column, '0.003、…', is no column)
    need = max(2, sum(1 for xs in figures if xs) // 5)
    runs: list[list[float]] = []
    for x in edges:
        if runs and x - runs[-1][-1] <= 3:
            runs[-1].append(x)
        else:
            runs.append([x])
    columns = [run for run in runs if len(run) >= need]
    if not columns:
        return None
    right = columns[-1][-1]
    past = [t for ln in lines for c in ln.cells if c.top is not None and c.x0 >= right - 1 and (t := c.text.strip())]
    # only text: a figure or a code there means another panel of a side-by-side table
    if not past or any(is_amount(t) or t.isdigit() for t in past):
        return None
    return right


def read_rows(body: list[Line], has_seq: bool) -> list[RawRow]:
    """The logical rows of a table body (see module doc), their code parts completed."""
    reader = _Reader(has_seq, uses_integers(body))
    right = _figures_right(body)
    for line in body:
        tokens = _tokens(line, right.get(line.page))
        if _repeats_figures(tokens, reader.row, reader.integers):
            continue
        for position, (token, index, edge, cell) in enumerate(tokens):
            following = tokens[position + 1][0] if position + 1 < len(tokens) else None
            reader.feed(token, index, line, position == 0, edge, cell, following)
            lines = reader.row.lines
            if not lines or lines[-1] is not line:
                lines.append(line)
    reader.flush()
    complete_codes(reader.rows)
    return reader.rows


def code_system(code: str) -> str | None:
    """The classification a 科目编码 belongs to by its first digit: 2 功能, 3 部门经济, 5 政府经济."""
    return {"2": "functional", "3": "economic_department", "5": "economic_government"}.get(code[:1])


def complete_codes(rows: list[RawRow]) -> None:
    """Give rows printing only a code part ('06', '01') their whole code, in place.

    A part stands in the 款 column (its 类's code + the part) or the 项 column (its 款's code +
    the part). Which one: where the part stands on the page when parts stand at two x positions
    (the left one is 款); else the code whose dictionary name is the row's name; else the level
    below the row above (a part after a 类 is a 款, after a 款 a 项) or beside it (after a 项).
    """
    columns = _part_columns(rows)
    klass: str | None = None
    kuan: str | None = None
    last: str | None = None  # level of the row above: 类 / 款 / 项
    for row in rows:
        if row.code and row.code.isdigit() and len(row.code) in _CODE_LENGTHS:
            klass, kuan = row.code[:3], row.code[:5] if len(row.code) >= 5 else None
            last = {3: "类", 5: "款", 7: "项"}[len(row.code)]
            continue
        if row.code_part is None:
            continue
        part = row.code_part.zfill(2)
        options = {"款": klass + part if klass else None, "项": kuan + part if kuan else None}
        level = _part_level(row, options, columns, last)
        if level is None or options[level] is None:
            row.name = row.code_part + row.name  # no code above to complete it: keep what was printed
            row.code_part = None
            continue
        row.code, row.code_part = options[level], None
        if level == "款":
            kuan = row.code
        last = level


def _part_columns(rows: list[RawRow]) -> dict[str, float]:
    """x of the 款 and 项 part columns, when parts stand at two distinct positions."""
    xs = sorted({round(r.code_x) for r in rows if r.code_part is not None and r.code_x is not None})
    if len(xs) < 2 or xs[-1] - xs[0] < 6:
        return {}
    return {"款": xs[0], "项": xs[-1]}


def _part_level(
    row: RawRow, options: dict[str, str | None], columns: dict[str, float], last: str | None
) -> str | None:
    if columns and row.code_x is not None:
        return min(columns, key=lambda level: abs(columns[level] - row.code_x))  # type: ignore[operator]
    from yusuan.codes import name_matches

    named = [
        level
        for level, code in options.items()
        if code and name_matches(code, row.name, "functional" if code[0] == "2" else "economic_department").status
        in ("exact", "renamed", "misprint")
    ]
    if len(named) == 1:
        return named[0]
    if options["项"] is None:
        return "款"
    return "项" if last in ("款", "项") else "款"
