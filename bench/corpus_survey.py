"""Corpus survey: how fully yusuan reads a folder of real disclosures without truth, and how many
error findings it gives on them.

    python bench/corpus_survey.py DIR... [--jobs N] [--json OUT.json] [--compare OLD.json] [--quiet]

Per document: the six criteria of a fully read document (yusuan.check.coverage: T 收支总计, C 功能
分类 类, B 基本+项目, G 一般公共预算, E 经济分类, S 三公), the table kinds found and how many stayed
``raw``, the read findings (rules ``read.*``: what the reader could not do) and the error findings
(what it says the document got wrong). Then totals: documents fully read, criteria shares, documents
without an error finding, read findings by rule. ``--compare`` prints the documents whose criteria
or error count changed against an earlier ``--json`` run: a reader change is judged on the whole
corpus, not on the document in front of you.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

SUFFIXES = {".pdf", ".txt", ".xlsx", ".xls", ".png", ".jpg", ".jpeg", ".docx", ".html", ".htm"}


def survey_one(path: str) -> dict[str, Any]:
    """Read, summarise and check one document; never raises (a failure is part of the result)."""
    import yusuan
    from yusuan.check.coverage import read_coverage
    from yusuan.errors import YusuanError

    started = time.perf_counter()
    out: dict[str, Any] = {"file": Path(path).name, "path": path}
    try:
        d = yusuan.read(path)
        summary = yusuan.summary(d)
        findings = yusuan.check(d)
    except YusuanError as err:
        out.update(error=str(err), seconds=time.perf_counter() - started)
        return out
    except Exception as err:  # a reader bug: the survey records it and goes on
        out.update(error=f"internal {type(err).__name__}: {err}", seconds=time.perf_counter() - started)
        return out
    coverage = read_coverage(summary)
    severities = Counter(f.severity for f in findings if not f.rule.startswith("read."))
    out.update(
        criteria=coverage.criteria,
        full=coverage.full,
        kinds=sorted({t.kind for t in d.tables if t.kind != "raw"}),
        raw=sum(1 for t in d.tables if t.kind == "raw"),
        tables=len(d.tables),
        errors=severities.get("error", 0),
        warnings=severities.get("warning", 0),
        rounding=severities.get("rounding", 0),
        error_rules=dict(Counter(f.rule for f in findings if f.severity == "error")),
        read_findings=dict(Counter(f.rule for f in findings if f.rule.startswith("read."))),
        seconds=time.perf_counter() - started,
    )
    return out


def _files(dirs: list[str]) -> list[str]:
    found: list[str] = []
    for name in dirs:
        p = Path(name)
        if p.is_file():
            found.append(str(p))
        else:
            found.extend(str(f) for f in sorted(p.rglob("*")) if f.suffix.lower() in SUFFIXES)
    return found


def _line(r: dict[str, Any]) -> str:
    if "error" in r:
        return f"  unread  {r['file']}: {r['error'][:160]}"
    failed = "".join(k for k, ok in r["criteria"].items() if not ok) or "-"
    reads = sum(r["read_findings"].values())
    rules = ", ".join(f"{k}×{v}" for k, v in sorted(r["error_rules"].items(), key=lambda kv: -kv[1])[:4])
    return (
        f"  {'full' if r['full'] else 'FAIL'}  {r['file']}: fails {failed:6} raw {r['raw']:2}  "
        f"read {reads:3}  errors {r['errors']:3}{'  ' + rules if rules else ''}"
    )


def _totals(results: list[dict[str, Any]]) -> str:
    read = [r for r in results if "error" not in r]
    n = len(results)
    full = sum(r["full"] for r in read)
    shares = " ".join(
        f"{k} {100 * sum(r['criteria'][k] for r in read) / max(n, 1):.0f}%" for k in "TCBGES"
    )
    clean = sum(1 for r in read if r["errors"] == 0)
    errors = [r["errors"] for r in read]
    reads = Counter()
    for r in read:
        reads.update(r["read_findings"])
    lines = [
        f"documents {n}, read {len(read)}, fully read {full} ({100 * full / max(n, 1):.1f}%); criteria {shares}",
        f"no error finding {clean} ({100 * clean / max(n, 1):.1f}%); errors total {sum(errors)}, "
        f"median {statistics.median(errors) if errors else 0}, max {max(errors) if errors else 0}; "
        f"raw tables {sum(r['raw'] for r in read)}; median {statistics.median([r['seconds'] for r in results]):.2f} s/doc",
    ]
    if reads:
        lines.append("read findings: " + ", ".join(f"{k} {v}" for k, v in reads.most_common()))
    return "\n".join(lines)


def _state(x: dict[str, Any]) -> tuple[str, int, int]:
    """(criteria failed or 'full', error count, criteria met) of one survey result."""
    if "error" in x:
        return "unread", -1, -1
    failed = "".join(k for k, ok in x["criteria"].items() if not ok)
    return failed or "full", x["errors"], sum(x["criteria"].values())


def _compare(results: list[dict[str, Any]], old_path: str) -> list[str]:
    old = {r["file"]: r for r in json.loads(Path(old_path).read_text("utf-8"))}
    out: list[str] = []
    for r in results:
        before = old.get(r["file"])
        if before is None:
            continue
        (a, ea, fa), (b, eb, fb) = _state(before), _state(r)
        if (a, ea) != (b, eb):
            mark = "better" if (fb, -eb) > (fa, -ea) and fb >= fa and eb <= ea else "WORSE" if fb < fa or eb > ea else "mixed"
            out.append(f"  {mark:6} {r['file']}: {a} errors {ea} → {b} errors {eb}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dirs", nargs="+")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", dest="json_out")
    parser.add_argument("--compare")
    parser.add_argument("--quiet", action="store_true", help="only documents not fully read or with errors")
    args = parser.parse_args(argv)
    files = _files(args.dirs)
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            results = list(pool.map(survey_one, files, chunksize=1))
    else:
        results = [survey_one(f) for f in files]
    for r in results:
        if not args.quiet or "error" in r or not r["full"] or r["errors"]:
            print(_line(r))
    print(_totals(results))
    if args.compare:
        changes = _compare(results, args.compare)
        print(f"changes against {args.compare}: {len(changes)}")
        print("\n".join(changes))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(results, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
