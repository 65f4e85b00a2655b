"""What calamine does not expose for .xls: number formats and hidden rows/columns, from BIFF8.

Why: without its number format, 4.00 in an .xls prints as ``4``, which later stages take for a
code, not an amount. The values still come from calamine; this module only walks the records
that carry formatting (FORMAT, XF, the cell records' XF index, ROW and COLINFO flags), after
pulling the ``Workbook`` stream out of the OLE2 compound file. Anything unexpected returns
nothing rather than failing: the workbook then reads as before, numbers as stored.
"""

from __future__ import annotations

import struct
from typing import Any

_FREE, _END = 0xFFFFFFFF, 0xFFFFFFFE


def ole_stream(data: bytes, name: str) -> bytes | None:
    """The named stream of an OLE2 (compound file) document, or None."""
    if len(data) < 512:
        return None
    sector = 1 << struct.unpack_from("<H", data, 0x1E)[0]
    mini = 1 << struct.unpack_from("<H", data, 0x20)[0]
    n_fat, first_dir = struct.unpack_from("<II", data, 0x2C)
    cutoff, first_minifat, _n_minifat, first_difat, _n_difat = struct.unpack_from("<IIIII", data, 0x38)

    def at(sid: int) -> bytes:
        return data[512 + sid * sector : 512 + (sid + 1) * sector]

    difat = [s for s in struct.unpack_from("<109I", data, 0x4C) if s not in (_FREE, _END)]
    sid, seen = first_difat, 0
    while sid not in (_FREE, _END) and seen < 1 << 16:
        words = struct.unpack(f"<{sector // 4}I", at(sid))
        difat.extend(s for s in words[:-1] if s not in (_FREE, _END))
        sid, seen = words[-1], seen + 1
    fat: list[int] = []
    for s in difat[:n_fat]:
        fat.extend(struct.unpack(f"<{sector // 4}I", at(s)))

    def chain(start: int, table: list[int]) -> list[int]:
        out = []
        while start not in (_FREE, _END) and start < len(table) and len(out) <= len(table):
            out.append(start)
            start = table[start]
        return out

    directory = b"".join(at(s) for s in chain(first_dir, fat))
    entries = []
    for off in range(0, len(directory) - 127, 128):
        length = struct.unpack_from("<H", directory, off + 0x40)[0]
        entry_name = directory[off : off + max(0, length - 2)].decode("utf-16-le", "replace")
        start, size = struct.unpack_from("<II", directory, off + 0x74)
        entries.append((entry_name, directory[off + 0x42], start, size))
    root = next((e for e in entries if e[1] == 5), None)
    wanted = next((e for e in entries if e[0] == name and e[1] == 2), None)
    if wanted is None:
        return None
    _, _, start, size = wanted
    if size >= cutoff or root is None:
        return b"".join(at(s) for s in chain(start, fat))[:size]
    minifat_bytes = b"".join(at(s) for s in chain(first_minifat, fat))
    minifat = list(struct.unpack(f"<{len(minifat_bytes) // 4}I", minifat_bytes))
    ministream = b"".join(at(s) for s in chain(root[2], fat))
    return b"".join(ministream[s * mini : (s + 1) * mini] for s in chain(start, minifat))[:size]


def _records(stream: bytes) -> Any:
    pos = 0
    while pos + 4 <= len(stream):
        rtype, length = struct.unpack_from("<HH", stream, pos)
        yield pos, rtype, stream[pos + 4 : pos + 4 + length]
        pos += 4 + length


def _unicode_string(body: bytes, offset: int) -> str:
    """An XLUnicodeString (16-bit length, flags, then 8- or 16-bit characters)."""
    count, flags = struct.unpack_from("<HB", body, offset)
    raw = body[offset + 3 :]
    return raw[: count * 2].decode("utf-16-le", "replace") if flags & 1 else raw[:count].decode("latin-1")


def xls_meta(data: bytes, builtin: dict[int, str]) -> dict[str, tuple[set[int], set[int], dict[tuple[int, int], str]]]:
    """Sheet name → (hidden rows, hidden columns, {(row, col): number format}), all 0-based;
    empty when the file is not a BIFF8 workbook this function understands."""
    try:
        stream = ole_stream(data, "Workbook")
        if not stream:
            return {}
        return _scan(stream, builtin)
    except (struct.error, IndexError, ValueError):
        return {}


def _scan(stream: bytes, builtin: dict[int, str]) -> dict[str, tuple[set[int], set[int], dict[tuple[int, int], str]]]:
    custom: dict[int, str] = {}
    xf_fmt: list[int] = []
    sheets: dict[int, str] = {}
    for _, rtype, body in _records(stream):
        if rtype == 0x041E:  # FORMAT
            custom[struct.unpack_from("<H", body, 0)[0]] = _unicode_string(body, 2)
        elif rtype == 0x00E0:  # XF
            xf_fmt.append(struct.unpack_from("<H", body, 2)[0])
        elif rtype == 0x0085:  # BOUNDSHEET: stream offset of the sheet's BOF
            offset = struct.unpack_from("<I", body, 0)[0]
            count, flags = body[6], body[7]
            raw = body[8:]
            sheets[offset] = raw[: count * 2].decode("utf-16-le", "replace") if flags & 1 else raw[:count].decode("latin-1")
        elif rtype == 0x000A:  # EOF of the globals
            break

    def fmt(ixfe: int) -> str | None:
        if ixfe >= len(xf_fmt):
            return None
        code = custom.get(xf_fmt[ixfe]) or builtin.get(xf_fmt[ixfe])
        return None if not code or code == "General" else code

    out: dict[str, tuple[set[int], set[int], dict[tuple[int, int], str]]] = {}
    for offset, name in sheets.items():
        rows: set[int] = set()
        cols: set[int] = set()
        formats: dict[tuple[int, int], str] = {}
        for _, rtype, body in _records(stream[offset:]):
            if rtype in (0x0203, 0x027E, 0x0006):  # NUMBER, RK, FORMULA
                r, c, ixfe = struct.unpack_from("<HHH", body, 0)
                if code := fmt(ixfe):
                    formats[(r, c)] = code
            elif rtype == 0x00BD:  # MULRK
                r, first = struct.unpack_from("<HH", body, 0)
                for i in range((len(body) - 6) // 6):
                    if code := fmt(struct.unpack_from("<H", body, 4 + 6 * i)[0]):
                        formats[(r, first + i)] = code
            elif rtype == 0x0208 and len(body) >= 14:  # ROW: fDyZero hides it
                if struct.unpack_from("<H", body, 12)[0] & 0x20:
                    rows.add(struct.unpack_from("<H", body, 0)[0])
            elif rtype == 0x007D:  # COLINFO
                first, last, _, _, flags = struct.unpack_from("<HHHHH", body, 0)
                if flags & 1:
                    cols.update(range(first, last + 1))
            elif rtype == 0x000A:  # EOF of the sheet
                break
        out[name] = (rows, cols, formats)
    return out
