"""Look up 政府收支分类科目 codes and compare printed names, from the bundled TSV files.

The files hold what real documents print (see README.md), so a code missing here is "not seen",
never "invalid". Everything is loaded once, on first use, and kept: checking one document's
codes must cost microseconds, not a file read.
"""

from __future__ import annotations

import csv
from functools import cache, lru_cache
from importlib import resources

from yusuan.codes.model import SYSTEMS, CodeEntry, MatchResult, PrintedName, System
from yusuan.codes.normalize import level, normalize_code, normalize_name

_Index = dict[str, tuple[PrintedName, ...]]


def read_tsv(filename: str) -> list[dict[str, str]]:
    """Rows of a bundled TSV file as dicts keyed by its header."""
    text = resources.files("yusuan.codes").joinpath(filename).read_text("utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t"))


@cache
def _variants() -> dict[tuple[str, str, str], tuple[str, str]]:
    """(system, code, name) → (kind, note) for the known renamings and misprints."""
    return {
        (r["system"], r["code"], normalize_name(r["name"])): (r["kind"], r["note"])
        for r in read_tsv("variants.tsv")
    }


def _printed(system: str, row: dict[str, str]) -> PrintedName:
    name = normalize_name(row["name"])
    kind, note = _variants().get((system, row["code"], name), ("official", ""))
    years = frozenset(int(y) for y in row["years"].split(",") if y.strip())
    return PrintedName(name, years, int(row["documents"]), kind, note, row["level"])  # type: ignore[arg-type]


@cache
def _index(system: System) -> _Index:
    """code → every printed name of that code, for one classification system."""
    if system not in SYSTEMS:
        raise ValueError(f"unknown classification system {system!r}; expected one of {SYSTEMS}")
    out: dict[str, list[PrintedName]] = {}
    for row in read_tsv(f"{system}.tsv"):
        out.setdefault(normalize_code(row["code"]), []).append(_printed(system, row))
    if system == "functional":  # the official 类 list: every 类 known even where no document printed it
        for row in read_tsv("functional_official.tsv"):
            code = normalize_code(row["code"])
            if not any(p.name == normalize_name(row["name"]) for p in out.get(code, ())):
                out.setdefault(code, []).append(_printed(system, row))
    return {code: tuple(names) for code, names in out.items()}


def _expected(printed: tuple[PrintedName, ...], year: int | None) -> PrintedName:
    """The name a document of ``year`` should print: a non-misprint name printed that year,
    else the one printed nearest to it (later years win ties); the latest when no year is given."""
    pool = [p for p in printed if p.kind != "misprint"] or list(printed)
    if year is None:
        return max(pool, key=lambda p: (max(p.years, default=0), p.documents))

    def distance(p: PrintedName) -> tuple[int, int, int]:
        gap = min((abs(y - year) for y in p.years), default=10**6)
        return (gap, -max(p.years, default=0), -p.documents)

    return min(pool, key=distance)


@lru_cache(maxsize=8192)
def lookup(code: str | int, system: System, year: int | None = None) -> CodeEntry | None:
    """The entry for ``code`` in ``system`` with the name expected in ``year``; ``None`` if never seen."""
    c = normalize_code(code)
    printed = _index(system).get(c)
    if not printed:
        return None
    return CodeEntry(c, system, printed[0].level or level(c) or "", _expected(printed, year).name, printed)


def names(code: str | int, system: System) -> tuple[str, ...]:
    """Every name real documents print for ``code`` (latest official name first); empty if unseen."""
    entry = lookup(code, system)
    return entry.names if entry else ()


@cache
def _by_name(system: System) -> dict[str, tuple[str, ...]]:
    """Printed name → the codes printing it, in one system (every name ever printed for a code)."""
    out: dict[str, list[str]] = {}
    for code, printed in _index(system).items():
        for p in printed:
            if code not in out.setdefault(p.name, []):
                out[p.name].append(code)
    return {name: tuple(codes) for name, codes in out.items()}


def codes_named(name: str, system: System) -> tuple[str, ...]:
    """The codes of ``system`` printed as ``name`` (a row printing only its name: 工资福利支出 → 301)."""
    return _by_name(system).get(normalize_name(name), ())


def system_of(code: str | int) -> System | None:
    """The system a code belongs to by its first digit (2 功能, 3 部门经济, 5 政府经济), else None."""
    return {"2": "functional", "3": "economic_department", "5": "economic_government"}.get(  # type: ignore[return-value]
        normalize_code(code)[:1]
    )


def known_codes(system: System) -> frozenset[str]:
    """All codes of ``system`` that the bundled tables hold."""
    return frozenset(_index(system))


def name_matches(code: str | int, printed_name: str, system: System, year: int | None = None) -> MatchResult:
    """Compare a printed name with the dictionary: exact, a known renaming, a known misprint,
    a differing name, or an unknown code (not seen in any document, so not judged)."""
    entry = lookup(code, system, year)
    c = normalize_code(code)
    if entry is None:
        return MatchResult("unknown", c, printed_name, None, f"{c} is not in the bundled {system} table")
    wanted = normalize_name(printed_name)
    if wanted == entry.name:
        return MatchResult("exact", c, printed_name, entry.name)
    for p in entry.printed:
        if p.name == wanted:
            status = "misprint" if p.kind == "misprint" else "renamed"
            note = p.note or f"printed in {', '.join(map(str, sorted(p.years)))}"
            return MatchResult(status, c, printed_name, entry.name, note)
    return MatchResult("differs", c, printed_name, entry.name, f"documents print {'/'.join(entry.names)}")
