"""Field accuracy of the summary read from full scans of every seed, and OCR seconds per page.

Usage: ``python bench/scan_bench.py [--seeds 000 004 ...] [--pages N] [--keep DIR]`` from the
repository root (OCR extra installed, LibreOffice and poppler-utils on the PATH).

For each seed (examples/*.txt) this builds, in a temporary directory and with the recipe of
``tests/data/make_test_documents.py``, the department's printed PDF (LibreOffice from the print
workbook) and a scan of *every* page of it (pdftoppm 150 dpi grayscale, turned by at most 0.5°,
noised, blurred, JPEG, image-only PDF). The scan is read through ``yusuan.read`` — the PDF reader
finds no text layer and sends every page to OCR — and its summary is compared with the summary
of the seed text: the field accuracy is the share of the text summary's leaf fields (``source``
left out) that the scan gives equal. OCR seconds per page are wall and CPU seconds spent in
``ocr_pdf_pages`` divided by the pages. Results print as Markdown rows, one per seed as it ends.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "data"))

import make_test_documents as docs  # noqa: E402

import yusuan  # noqa: E402
import yusuan.read.ocr as ocr  # noqa: E402
from yusuan.key_figures import dumps  # noqa: E402


def leaves(value: Any, path: str = "") -> dict[str, Any]:
    """Every leaf of a JSON value by its path (``a.b[2].c``)."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            out.update(leaves(item, f"{path}.{key}" if path else str(key)))
        return out
    if isinstance(value, list):
        out = {}
        for i, item in enumerate(value):
            out.update(leaves(item, f"{path}[{i}]"))
        return out
    return {path: value}


def flat_summary(path: Path) -> dict[str, Any]:
    """The summary of ``path`` as JSON leaves, ``source`` left out."""
    data = json.loads(dumps(yusuan.summary(yusuan.read(path))))
    return {k: v for k, v in leaves(data).items() if not k.startswith("source")}


def accuracy(truth: dict[str, Any], got: dict[str, Any]) -> tuple[int, int, list[str]]:
    """(equal fields, fields, the differing paths) over the union of both summaries' leaves."""
    keys = sorted(set(truth) | set(got))
    wrong = [k for k in keys if truth.get(k) != got.get(k)]
    return len(keys) - len(wrong), len(keys), wrong


class OcrClock:
    """Wall and CPU seconds and pages spent in ``ocr_pdf_pages`` (patched in place)."""

    def __init__(self) -> None:
        self.wall = self.cpu = 0.0
        self.pages = 0
        self._inner = ocr.ocr_pdf_pages

    def __call__(self, path: Any, page_numbers: list[int] | None = None) -> list[Any]:
        wall, cpu = time.perf_counter(), time.process_time()
        pages = self._inner(path, page_numbers)
        self.wall += time.perf_counter() - wall
        self.cpu += time.process_time() - cpu
        self.pages += len(pages)
        return pages


def build_scan(seed: Path, work: Path, max_pages: int | None) -> tuple[Path, Path]:
    """``seed``'s printed PDF and its full scan (the recipe of make_test_documents.py)."""
    book = work / f"{seed.stem}.xlsx"
    docs.print_workbook(seed).save(book)
    pdf = docs.soffice(book, "pdf", work)
    count = len([t for t in docs.page_texts(pdf) if t.strip()])
    pages = list(range(1, min(count, max_pages or count) + 1))
    scan = work / f"{seed.stem}.scan.pdf"
    docs.save_scan(docs.scan_pages(pdf, pages, random.Random(seed.stem)), scan)
    return pdf, scan


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", nargs="*", help="seed name prefixes (default: all of examples/)")
    parser.add_argument("--pages", type=int, help="scan only the first N pages of each PDF")
    parser.add_argument("--keep", type=Path, help="keep the scans in this directory")
    parser.add_argument("--show", type=int, default=8, help="differing fields to list per seed")
    args = parser.parse_args()
    seeds = sorted(docs.EXAMPLES.glob("*.txt"))
    if args.seeds:
        seeds = [s for s in seeds if any(s.stem.startswith(p) for p in args.seeds)]
    clock = OcrClock()
    ocr.ocr_pdf_pages = clock  # the PDF reader imports it from the module at call time
    ocr.engine()  # model loading is not OCR time
    print("| seed | pages | printed PDF (text layer) fields equal | scan fields equal | scan field accuracy "
          "| OCR s/page (wall) | OCR s/page (CPU) |")
    print("|---|---:|---:|---:|---:|---:|---:|", flush=True)
    total_ok = total = 0
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for seed in seeds:
            truth = flat_summary(seed)
            pdf, scan = build_scan(seed, work, args.pages)
            printed, printed_n, _ = accuracy(truth, flat_summary(pdf))
            clock.wall = clock.cpu = 0.0
            clock.pages = 0
            got = flat_summary(scan)
            ok, n, wrong = accuracy(truth, got)
            total_ok, total = total_ok + ok, total + n
            pages = max(clock.pages, 1)
            print(f"| {seed.stem} | {clock.pages} | {printed}/{printed_n} | {ok}/{n} | {100 * ok / n:.1f} % "
                  f"| {clock.wall / pages:.1f} | {clock.cpu / pages:.1f} |", flush=True)
            for key in wrong[: args.show]:
                print(f"<!-- {seed.stem[:3]} {key}: text {truth.get(key)!r} scan {got.get(key)!r} -->", flush=True)
    if total:
        print(f"| all | | | {total_ok}/{total} | {100 * total_ok / total:.1f} % | | |")


if __name__ == "__main__":
    main()
