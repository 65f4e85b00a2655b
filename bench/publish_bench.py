"""Publishing: seconds to publish one department per format and template, and the round trip.

For every seed (examples/*.txt) and every Shanghai PDF of ../shared/pdf, each bundled template
and each format: the wall time to build and render the document (``render s``), to read it back
(``read s``), its size, and whether ``read(publish(read(doc)))`` gives the document's summary on
every field (else the first differing fields). Prints a markdown table for bench/README.md.

    python bench/publish_bench.py [--formats pdf,html,xlsx,docx] [--templates ...] [--docs GLOB] [--json OUT]
    python bench/publish_bench.py --variants 20 [--formats text,xlsx,pdf]   # the template-variation suite

``--variants N`` prints every seed in every single-axis variant of the national template and N
random mixes (fixed seed 11, as the test suite's first 6) instead, in each format given.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yusuan  # noqa: E402
from yusuan.publish.roundtrip import round_trip  # noqa: E402
from yusuan.publish.spec import load_template, template_names  # noqa: E402
from yusuan.publish.variants import random_variants, single_axis_variants  # noqa: E402


def documents(pattern: str | None) -> list[Path]:
    docs = sorted((ROOT / "examples").glob("*.txt")) + sorted((ROOT.parent / "shared" / "pdf").glob("*.pdf"))
    return [d for d in docs if pattern is None or d.match(pattern)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--formats", default="pdf,html,xlsx,docx")
    parser.add_argument("--templates", default=",".join(template_names()))
    parser.add_argument("--docs", default=None, help="a glob on the file name")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--variants", type=int, default=None, help="run the variation suite with N random mixes")
    args = parser.parse_args()
    if args.variants is not None:
        variants(args.variants, args.formats.split(","))
        return
    rows = []
    print("| document | template | format | render s | read s | KB | round trip |")
    print("|---|---|---|---:|---:|---:|---|")
    for path in documents(args.docs):
        d = yusuan.read(path)
        for name in args.templates.split(","):
            spec = load_template(name)
            for fmt in args.formats.split(","):
                rt = round_trip(d, spec, fmt)
                verdict = "same" if rt.same else f"{len(rt.differences)} differ: " + "; ".join(
                    f"{k} {a}→{b}" for k, (a, b) in list(rt.differences.items())[:2])
                rows.append({"document": path.name, "template": name, "format": fmt, "render_s": rt.render_seconds,
                             "read_s": rt.read_seconds, "bytes": rt.size, "differences": {k: [str(a), str(b)] for k, (a, b) in rt.differences.items()}})
                print(f"| {path.name[:34]} | {name} | {fmt} | {rt.render_seconds:.2f} | {rt.read_seconds:.2f} | "
                      f"{rt.size / 1024:.0f} | {verdict[:90]} |", flush=True)
    print()
    print("| format | median render s | max render s | round trips same |")
    print("|---|---:|---:|---:|")
    for fmt in args.formats.split(","):
        mine = [r for r in rows if r["format"] == fmt]
        same = sum(1 for r in mine if not r["differences"])
        print(f"| {fmt} | {statistics.median(r['render_s'] for r in mine):.2f} | {max(r['render_s'] for r in mine):.2f} | {same}/{len(mine)} |")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), "utf-8")


def variants(count: int, formats: list[str]) -> None:
    """Every seed × every variant × each format: whether it reads back, and the first differences."""
    base = load_template("national")
    suite = [*single_axis_variants(base), *random_variants(base, count, seed=11)]
    totals: dict[str, list[int]] = {f: [0, 0] for f in formats}
    print("| seed | format | variant | render s | round trip |")
    print("|---|---|---|---:|---|")
    for path in sorted((ROOT / "examples").glob("*.txt")):
        d = yusuan.read(path)
        for fmt in formats:
            for v in suite:
                rt = round_trip(d, v.spec, fmt)
                totals[fmt][0] += rt.same
                totals[fmt][1] += 1
                verdict = "same" if rt.same else f"{len(rt.differences)} differ: " + "; ".join(
                    f"{k} {a}→{b}" for k, (a, b) in list(rt.differences.items())[:2])
                print(f"| {path.name[:3]} | {fmt} | {v.name} | {rt.render_seconds:.2f} | {verdict[:100]} |", flush=True)
    print()
    for fmt, (same, n) in totals.items():
        print(f"{fmt}: {same}/{n} variants read back to the seed's summary")


if __name__ == "__main__":
    main()
