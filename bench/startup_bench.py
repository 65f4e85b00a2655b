"""Start-up time of the CLI against a bare typer + rich program, measured in one run.

Usage: ``python bench/startup_bench.py [--repeat 20]``. Each command runs ``--repeat`` times as a
fresh process, the programs interleaved so machine load falls on all of them alike; prints a
Markdown table of median and minimum wall time and the ratio of yusuan's median to the bare
program's doing the same kind of thing (its group help; one command with an option).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = '''
import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(name="bare", help="A bare typer + rich program.", no_args_is_help=True, add_completion=False)


@app.command()
def hello(as_json: bool = typer.Option(False, "--json", help="print JSON")) -> None:
    """Print a small table."""
    table = Table(title="t")
    table.add_column("a")
    table.add_row("1")
    Console().print(table)


@app.command()
def bye() -> None:
    """Say nothing."""


app()
'''


def _yusuan() -> list[str]:
    return [sys.executable, "-c", "from yusuan.cli.app import run; run()"]


def commands(bare: Path) -> list[tuple[str, list[str], str | None]]:
    """(label, argv, the bare label it is compared with)."""
    py = [sys.executable, str(bare)]
    return [
        ("bare --help", [*py, "--help"], None),
        ("bare hello --json", [*py, "hello", "--json"], None),
        ("yusuan --help", [*_yusuan(), "--help"], "bare --help"),
        ("yusuan rules", [*_yusuan(), "rules"], "bare hello --json"),
        ("yusuan rules --json", [*_yusuan(), "rules", "--json"], "bare hello --json"),
    ]


def measure(repeat: int) -> list[tuple[str, float, float, str | None]]:
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE, "utf-8")
        cmds = commands(bare)
        times: dict[str, list[float]] = {label: [] for label, _, _ in cmds}
        for _ in range(repeat):
            for label, argv, _ in cmds:
                start = time.perf_counter()
                subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
                times[label].append(time.perf_counter() - start)
    return [(label, statistics.median(times[label]), min(times[label]), base) for label, _, base in cmds]


def table(rows: list[tuple[str, float, float, str | None]]) -> str:
    medians = {label: med for label, med, _, _ in rows}
    out = ["| command | median ms | min ms | vs bare (median) |", "|---|---:|---:|---:|"]
    for label, med, low, base in rows:
        ratio = f"{med / medians[base]:.2f}× `{base}`" if base else "—"
        out.append(f"| `{label}` | {med * 1000:.0f} | {low * 1000:.0f} | {ratio} |")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    print(table(measure(args.repeat)))


if __name__ == "__main__":
    main()
