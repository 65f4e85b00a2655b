"""Seconds per page of PDF reading: yusuan's reader against the floor and the usual tools.

Usage: ``python bench/pdf_bench.py [--repeat N] [--sample K] [--per-file] [FILES...]``
(defaults: ../shared/pdf/*.pdf and ../shared/pdf/wild/*.pdf). In one run, on the same files:

- ``yusuan read_pdf``: the text-layer reader (file → Layout), best of ``--repeat`` runs;
- ``yusuan read→model``: ``yusuan.pipeline.read`` (file → Layout → tables → Disclosure), best of runs;
- ``pdfium text``: pypdfium2 ``get_text_bounded`` on every page — the floor for any PDFium reader;
- ``pdfplumber tables``: ``page.extract_tables()`` on every page (one run; it is slow);
- ``camelot stream``: ``camelot.read_pdf(flavor="stream")`` on every page (or ``--sample`` pages
  per file, spread over the document), if installed.

Prints a Markdown table (ms per page and ratios to yusuan's reader) per group of files. Times are
CPU time of this process (``time.process_time``), so a busy shared machine skews them less than
wall-clock time would; every tool here is single-threaded.
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "pdf"


@dataclass
class Result:
    """Seconds spent and pages covered per tool, for one group of files."""

    pages: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    covered: dict[str, int] = field(default_factory=dict)
    failures: dict[str, int] = field(default_factory=dict)

    def add(self, tool: str, seconds: float, pages: int) -> None:
        self.seconds[tool] = self.seconds.get(tool, 0.0) + seconds
        self.covered[tool] = self.covered.get(tool, 0) + pages

    def ms_per_page(self, tool: str) -> float | None:
        pages = self.covered.get(tool)
        return self.seconds[tool] / pages * 1000 if pages else None


def _best(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def _pdfium_text(path: Path) -> None:
    doc = pdfium.PdfDocument(str(path))
    for page in doc:
        page.get_textpage().get_text_bounded()
    doc.close()


def _pdfplumber_tables(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            page.close()


def _camelot(path: Path, pages: list[int]) -> None:
    import camelot

    camelot.read_pdf(str(path), pages=",".join(str(p) for p in pages), flavor="stream")


def _sample(n: int, k: int) -> list[int]:
    """``k`` pages spread over 1..n, avoiding the cover and last page (0: every page)."""
    if k <= 0 or k >= n:
        return list(range(1, n + 1))
    return sorted({round((i + 1) * n / (k + 1)) for i in range(k)})


def measure(path: Path, result: Result, repeat: int, sample: int, tools: set[str]) -> None:
    """Run every tool on one file and add its time to ``result``."""
    from yusuan.pipeline import read as read_model
    from yusuan.read.pdf import read_pdf

    doc = pdfium.PdfDocument(str(path))
    n = len(doc)
    doc.close()
    result.pages += n
    read_pdf(path)  # warm imports and caches
    result.add("yusuan read_pdf", _best(lambda: read_pdf(path), repeat), n)
    result.add("pdfium text", _best(lambda: _pdfium_text(path), repeat), n)
    if "model" in tools:
        try:
            read_model(path)
            result.add("yusuan read→model", _best(lambda: read_model(path), repeat), n)
        except Exception:  # a document the model stage rejects is counted, not timed
            result.failures["yusuan read→model"] = result.failures.get("yusuan read→model", 0) + 1
    if "pdfplumber" in tools:
        result.add("pdfplumber tables", _best(lambda: _pdfplumber_tables(path), 1), n)
    if "camelot" in tools:
        pages = _sample(n, sample)
        try:
            result.add("camelot stream", _best(lambda: _camelot(path, pages), 1), len(pages))
        except Exception:
            result.failures["camelot stream"] = result.failures.get("camelot stream", 0) + 1


TOOLS = ["yusuan read_pdf", "yusuan read→model", "pdfium text", "pdfplumber tables", "camelot stream"]


def table(results: dict[str, Result]) -> str:
    """The Markdown table: ms/page per tool and its ratio to yusuan read_pdf."""
    tools = [t for t in TOOLS if any(t in r.covered for r in results.values())]
    head = "| files | pages | " + " | ".join(f"{t} ms/page" for t in tools) + " |"
    lines = [head, "|---|---:|" + "---:|" * len(tools)]
    for name, r in results.items():
        base = r.ms_per_page("yusuan read_pdf") or 1.0
        cells = []
        for t in tools:
            ms = r.ms_per_page(t)
            if ms is None:
                cells.append("–")
                continue
            cell = f"{ms:.2f}" if ms < 100 else f"{ms:.0f}"
            if t != "yusuan read_pdf":
                cell += f" (×{ms / base:.2g})"
            if t == "camelot stream":
                cell += f" [{r.covered[t]} p]"
            if r.failures.get(t):
                cell += f" ({r.failures[t]} failed)"
            cells.append(cell)
        lines.append(f"| {name} | {r.pages} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3, help="runs of the fast tools (best is kept)")
    parser.add_argument("--sample", type=int, default=0, help="pages per file for camelot (0: all)")
    parser.add_argument("--per-file", action="store_true", help="one row per file as well")
    parser.add_argument("--skip", action="append", default=[], choices=["model", "pdfplumber", "camelot"])
    args = parser.parse_args()
    tools = {"model", "pdfplumber", "camelot"} - set(args.skip)
    if "camelot" in tools:
        try:
            import camelot  # noqa: F401
        except ImportError as exc:
            print(f"camelot not measured: {exc}")
            tools.discard("camelot")
    if args.files:
        groups = {"given files": args.files}
    else:
        groups = {
            "Shanghai (pdf/*.pdf)": sorted(SHARED.glob("*.pdf")),
            "Guangzhou+Suzhou (pdf/wild)": sorted((SHARED / "wild").glob("*.pdf")),
        }
    results: dict[str, Result] = {}
    total = Result()
    for group, files in groups.items():
        result = results.setdefault(group, Result())
        for path in files:
            one = Result()
            measure(path, one, args.repeat, args.sample, tools)
            for r in (result, total) + ((results.setdefault(path.name, Result()),) if args.per_file else ()):
                r.pages += one.pages
                for tool, seconds in one.seconds.items():
                    r.add(tool, seconds, one.covered[tool])
                for tool, count in one.failures.items():
                    r.failures[tool] = r.failures.get(tool, 0) + count
    if len(groups) > 1:
        results["all"] = total
    print(table(results))


if __name__ == "__main__":
    main()
