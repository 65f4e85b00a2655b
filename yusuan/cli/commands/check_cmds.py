"""``yusuan check`` and ``yusuan rules``: check documents against every rule; list the rules."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer
from rich.console import Console
from rich.markup import escape

from yusuan.errors import NO_DOCUMENTS, UnreadableInput, UsageError, YusuanError

if TYPE_CHECKING:  # the checker loads on first use: ``yusuan --help`` need not import it
    from yusuan.check.finding import Finding

DOCUMENT_SUFFIXES = {".txt", ".pdf", ".xlsx", ".xlsm", ".xls", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}
STYLE = {"error": "bold red", "warning": "yellow", "rounding": "cyan", "info": "dim"}
LABEL = {"error": "错误", "warning": "警告", "rounding": "舍入", "info": "提示"}
QUOTED = 3  # source lines quoted per finding; sums can involve dozens of cells

Files = Annotated[
    list[Path], typer.Argument(help="文件或目录 — documents to check (a directory: every document in it)")
]
AsJson = Annotated[bool, typer.Option("--json", help="print the findings as JSON (the check contract)")]
FailOn = Annotated[
    str, typer.Option("--fail-on", help="exit 1 on findings of this severity or worse: error|warning")
]
Db = Annotated[
    Path | None, typer.Option("--db", help="yusuan store for cross-year checks (last year's figures)")
]


class ChecksFailed(YusuanError):
    """Findings at or above the --fail-on threshold (exit code 1).

    An error rather than typer.Exit because ``yusuan.cli.app.main`` returns the exit code of
    YusuanError subclasses only.
    """

    exit_code = 1


def _documents(paths: list[Path]) -> tuple[list[Path], bool]:
    """The files to check, and whether a directory was given (then: progress bar and one line each)."""
    out: list[Path] = []
    directory = False
    from yusuan.pipeline import MANIFEST

    for p in paths:
        if p.is_dir() and (p / MANIFEST).is_file():
            out.append(p)  # a folder printing one disclosure (yusuan.pipeline.members)
        elif p.is_dir():
            directory = True
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in DOCUMENT_SUFFIXES)
            if not found:
                raise UnreadableInput(NO_DOCUMENTS, source=str(p))
            out.extend(found)
        else:
            out.append(p)
    return out, directory


class Result(NamedTuple):
    """One document's outcome: its findings, or why it could not be read."""

    path: Path
    source: str
    findings: list[Finding]
    format: str | None = None
    error: str | None = None


def _check_one(path: Path | list[Path], db: Path | None) -> Result:
    """Read and check one document (a file, or several files --as-one); an unreadable one is a
    Result with ``error`` set."""
    import yusuan
    from yusuan.check import run_checks
    from yusuan.check.previous import from_store

    first = path[0] if isinstance(path, list) else path
    try:
        d = yusuan.read(path)
    except YusuanError as err:
        return Result(first, str(first), [], error=str(err))
    return Result(first, d.source, run_checks(d, previous=from_store(db) if db else None), d.format)


def _source_lines(path: Path) -> list[str]:
    """The lines of a text document, to quote the line a finding points at."""
    from yusuan.read.encoding import decode

    try:
        return decode(path.read_bytes(), str(path))[0].splitlines()
    except (OSError, YusuanError):
        return []


def _print_report(path: Path, findings: list[Finding], fmt: str | None, console: Console) -> None:
    """Findings grouped by table, each with its locations and the quoted source line."""
    from yusuan.check.finding import RANK, SEVERITIES

    lines = _source_lines(path) if fmt == "text" else []
    counts = {s: sum(f.severity == s for f in findings) for s in SEVERITIES}
    console.print(f"[bold]{escape(str(path))}[/]  " + "  ".join(f"{LABEL[s]} {n}" for s, n in counts.items()))
    groups: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        groups[next((loc.table for loc in f.locations if loc.table), None) or "（全文）"].append(f)
    for table, items in groups.items():
        console.rule(f"[bold]{escape(table)}[/]", align="left")
        for f in sorted(items, key=lambda f: -RANK[f.severity]):
            console.print(f"[{STYLE[f.severity]}]{LABEL[f.severity]}[/] [dim]{f.rule}[/] {escape(f.message)}")
            _print_locations(f, lines, console)


def _print_locations(f: Finding, lines: list[str], console: Console) -> None:
    located = [loc for loc in f.locations if loc.line]
    for loc in located[:QUOTED]:
        where = f"第{loc.line}行" + (f"（第{loc.page}页）" if loc.page else "") + ("（OCR 识别）" if loc.ocr else "")
        text = lines[loc.line - 1].strip() if loc.line and 0 < loc.line <= len(lines) else ""
        console.print(f"    [dim]{where} {escape(loc.row or '')}[/]  {escape(text)}")
    if len(located) > QUOTED:
        console.print(f"    [dim]……另有 {len(located) - QUOTED} 处[/]")


def _summary_line(r: Result) -> str:
    """One line per document when checking a directory."""
    from yusuan.check.finding import SEVERITIES

    if r.error:
        return f"[red]无法读取[/] {escape(r.error)}"
    counts = {s: sum(f.severity == s for f in r.findings) for s in SEVERITIES}
    mark = "[red]✗[/]" if counts["error"] else "[green]✓[/]"
    return f"{mark} {escape(r.source)}  " + "  ".join(f"{LABEL[s]} {n}" for s, n in counts.items())


AsOne = Annotated[bool, typer.Option("--as-one", help="几个文件是同一份公开（表格 + 情况说明） — check the files as ONE disclosure")]


def check(
    files: Files, as_json: AsJson = False, fail_on: FailOn = "error", db: Db = None, as_one: AsOne = False
) -> None:
    """核对 — check documents: identities, quoted figures, codes, completeness (exit 1 on findings)."""
    from rich.progress import Progress

    from yusuan.check.finding import RANK, SEVERITIES, at_or_above

    if fail_on not in RANK:
        raise typer.BadParameter(f"--fail-on must be one of {', '.join(SEVERITIES)}")
    if db is not None and not db.exists():
        raise UsageError(f"--db {db}：存储库不存在（请先用 yusuan ingest 建立） — no such store (create it with yusuan ingest)")
    documents: list[Path | list[Path]]
    documents, directory = ([list(files)], False) if as_one else _documents(files)
    console, err = Console(), Console(stderr=True, soft_wrap=True, highlight=False)
    results: list[Result] = []
    with Progress(console=err, transient=True, disable=not directory or as_json) as progress:
        task = progress.add_task("核对中", total=len(documents))
        for path in documents:
            results.append(_check_one(path, db))
            progress.advance(task)
            if directory and not as_json:
                progress.console.print(_summary_line(results[-1]))
    _output(results, as_json, directory, console, err)
    unreadable = sum(1 for r in results if r.error)
    failing = sum(len(at_or_above(r.findings, fail_on)) for r in results)
    if unreadable and len(results) == 1:  # one file: its reason is the one line
        raise UnreadableInput(str(results[0].error))
    if unreadable:
        raise UnreadableInput(f"{unreadable}/{len(results)} 个文件无法读取 — {unreadable} of {len(results)} files could not be read")
    if failing:
        raise ChecksFailed(f"{failing} findings at or above {fail_on} (--fail-on {fail_on})")


def _output(results: list[Result], as_json: bool, directory: bool, console: Console, err: Console) -> None:
    """JSON (one object for one file, a list for several), or the readable report per file."""
    from yusuan.check.finding import report

    for r in results:
        if r.error and (as_json or not directory) and len(results) > 1:
            err.print(f"[bold red]错误[/] {escape(r.error)}")
    readable = [r for r in results if not r.error]
    if as_json:
        reports = [report(r.source, r.findings) for r in readable]
        if reports:
            typer.echo(json.dumps(reports[0] if len(results) == 1 else reports, ensure_ascii=False, indent=1))
    elif not directory:
        for r in readable:
            _print_report(r.path, r.findings, r.format, console)


RulesJson = Annotated[bool, typer.Option("--json", help="print the catalogue as JSON: id, severity, title, rationale")]


def rules(as_json: RulesJson = False) -> None:
    """规则清单 — every check rule: id, severity, title and rationale."""
    from rich.text import Text

    from yusuan.check import all_rules

    catalogue = all_rules()
    if as_json:
        rows = [
            {"id": r.id, "severity": r.severity, "title": r.title, "rationale": r.rationale}
            for r in catalogue
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    # a list, not a rich Table: laying out a table of 80-odd wrapped rationales costs more than
    # starting the program (see bench/README.md, "Start-up")
    listing = Text(f"核对规则（{len(catalogue)} 条）\n", style="bold")
    for r in catalogue:
        listing.append(r.id, style="bold")
        listing.append("  ")
        listing.append(LABEL[r.severity], style=STYLE[r.severity])
        listing.append(f"  {r.title}\n")
        listing.append(f"    {r.rationale}\n", style="dim")
    Console().print(listing, soft_wrap=True, end="")


def register(app: typer.Typer) -> None:
    app.command()(check)
    app.command()(rules)
