"""“三公”经费表 → :class:`ThreePublic` (current year, previous year and a 决算's 预算数 where printed).

The table stage reads its cells: where the page gives geometry (PDF, OCR, Excel) the table is read
as a labelled matrix (:mod:`yusuan.tables.three_public_matrix`: items, periods, fund columns, unit
rows, verified by the identities); a text layout, or a header whose geometry does not fit its
body (an office suite's export), is read from the order of its words and figures
(:mod:`yusuan.tables.three_public_text`). Either way a reading that was not understood gives
None — the summary then says null and the table stays recognised — never zeros: a reading that
prints figures but places none of them, or (where the matrix could not be labelled) one that
does not add up, is not taken. Blanks of a table that is understood are zero.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

from yusuan.layout import Line
from yusuan.model.disclosure import ThreePublic
from yusuan.model.provenance import Amount, Provenance
from yusuan.model.wrapped import squash
from yusuan.money import is_amount, parse_amount
from yusuan.tables.table import Table
from yusuan.tables.three_public_labels import KEYS, classify_label
from yusuan.tables.three_public_matrix import adds_up, read_matrix
from yusuan.tables.three_public_text import empty_rows, read_grid, read_rows

__all__ = ["KEYS", "classify_label", "read_three_public"]

Found = dict[str, dict[str, Amount]]
_UNIT_RE = re.compile(r"单位[:：]\s*(亿元|万元|千元|元)")
_CODE = re.compile(r"^\d{3,}$")


def _money_unit(table: Table, lines: Sequence[Line]) -> str | None:
    if table.money_unit:
        return table.money_unit
    for line in lines[:8]:
        if m := _UNIT_RE.search(squash(line.text)):
            return m.group(1)
    return None


def _prints_figures(lines: Sequence[Line]) -> bool:
    """Whether the table prints a non-zero figure (a unit's code before its name is no figure)."""
    for line in lines:
        cells = [c.text.strip() for c in line.cells if c.text.strip()]
        for i, text in enumerate(cells):
            if not is_amount(text) or (_CODE.match(text) and i + 1 < len(cells) and not is_amount(cells[i + 1])):
                continue
            if parse_amount(text):
                return True
    return False


def _understood(found: Found, body: Sequence[Line], verify: bool) -> bool:
    """A reading is taken when it places a figure wherever the table prints one, and — ``verify``:
    the geometry offered a matrix that could not be labelled — when its blocks add up."""
    placed = any(a.value for block in found.values() for a in block.values())
    if not placed and _prints_figures(body):
        return False
    return not verify or all(adds_up(block) for block in found.values())


def _complete(values: dict[str, Amount], where: Provenance) -> dict[str, Amount]:
    """Blanks → 0 and the vehicle subtotal/total filled where only their parts are printed."""
    out = dict(values)
    for key in ("outbound", "vehicle_purchase", "vehicle_operation", "reception"):
        out.setdefault(key, Amount(Decimal(0), "", where.at(row=key)))
    if "vehicle_total" not in out:
        value = out["vehicle_purchase"].value + out["vehicle_operation"].value
        out["vehicle_total"] = Amount(value, "" if not value else str(value), where.at(row="vehicle_total"))
    if "total" not in out:
        value = out["outbound"].value + out["vehicle_total"].value + out["reception"].value
        out["total"] = Amount(value, "" if not value else str(value), where.at(row="total"))
    return {k: out[k] for k in KEYS}



def read_three_public(table: Table, source: str, lines: Iterable[Line] | None = None) -> ThreePublic | None:
    """Read the 三公 table's figures into canonical keys; None when ``table`` is not really one, or
    when its figures could not be labelled.

    ``lines`` are all source lines of the table's span (title included), which survive even when
    the segmenter dropped a page's repeated lines; by default the table's own lines.
    """
    span = [
        ln for ln in (lines if lines is not None else [table.title_line, *table.lines]) if not ln.is_blank
    ]
    where = Provenance(source=source, table=table.label, kind="three_public", page=table.title_line.page)
    body = span[1:] if span and span[0].number == table.title_line.number else span
    found = read_matrix(table, where)
    if found is None:
        found = read_rows(body, where) or read_grid(body, where) or empty_rows(body)
        geometric = any(c.top is not None for ln in table.header for c in ln.cells)
        if found is None or not _understood(found, body, geometric):
            return None
    tp = ThreePublic(money_unit=_money_unit(table, span), table=table.label)
    tp.current = _complete(found.get("current", {}), where)
    if found.get("previous"):
        tp.previous = _complete(found["previous"], where)
    if found.get("budget"):
        tp.budget = _complete(found["budget"], where)
    return tp
