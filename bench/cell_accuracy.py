"""Cell accuracy of the PDF (and Excel, scan) paths against the text reader, on the seeds.

For each seed, every figure the text reader puts in a recognised table — keyed by (table kind,
occurrence, unit, row code or name, column) — is looked up in the model read from the derived
document (``tests/data/<seed>.pdf`` exported by LibreOffice, ``.xlsx``, ``.scan.pdf``); a cell is
right when the same key holds the same Decimal. Prints a Markdown table.

Usage: ``python bench/cell_accuracy.py [--formats pdf xlsx] [--data tests/data]``
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import yusuan
from yusuan.model import Disclosure

ROOT = Path(__file__).resolve().parent.parent
_WS = re.compile(r"\s+")
Key = tuple[str, int, str, str, str]


def cells(d: Disclosure) -> dict[Key, Decimal]:
    """Every printed (non-blank) figure of the recognised tables, by a format-independent key."""
    out: dict[Key, Decimal] = {}
    seen: Counter[str] = Counter()
    for table in d.tables:
        if table.kind == "raw":
            continue
        occurrence = seen[table.kind]
        seen[table.kind] += 1
        for item in table.items:
            row = item.code or _WS.sub("", item.name)
            for column, amount in item.values.items():
                if not amount.blank:
                    out[(table.kind, occurrence, item.unit or "", row, column)] = amount.value
    return out


def accuracy(reference: dict[Key, Decimal], other: dict[Key, Decimal]) -> tuple[int, int]:
    """(right, total): reference cells found with the same value in ``other``."""
    return sum(1 for k, v in reference.items() if other.get(k) == v), len(reference)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--formats", nargs="+", default=["pdf", "xlsx"])
    parser.add_argument("--data", type=Path, default=ROOT / "tests" / "data")
    args = parser.parse_args()
    print("| seed | format | cells right | of text cells | accuracy |")
    print("|---|---|---:|---:|---:|")
    totals: Counter[str] = Counter()
    for seed in sorted((ROOT / "examples").glob("*.txt")):
        reference = cells(yusuan.read(seed))
        for fmt in args.formats:
            path = args.data / f"{seed.stem}.{fmt}"
            if not path.exists():
                continue
            right, total = accuracy(reference, cells(yusuan.read(path)))
            totals[f"{fmt}.right"] += right
            totals[f"{fmt}.total"] += total
            print(f"| {seed.stem} | {fmt} | {right} | {total} | {right / total:.1%} |")
    for fmt in args.formats:
        if totals[f"{fmt}.total"]:
            r, t = totals[f"{fmt}.right"], totals[f"{fmt}.total"]
            print(f"| **all** | {fmt} | {r} | {t} | {r / t:.1%} |")


if __name__ == "__main__":
    main()
