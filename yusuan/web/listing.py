"""The dashboard's list of documents: filters, search, sorting, review state and read coverage.

Why in Python over one query: the store's list (``yusuan list``) already counts findings by
severity; review states and read coverage are joined per document, and filtering a few
thousand rows in memory is faster than building SQL from user input.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from yusuan.check.coverage import read_coverage
from yusuan.store.db import Store
from yusuan.store.history import load_key_figures
from yusuan.store.query import list_documents
from yusuan.store.reviews import STATES, review_states

SORTS = {
    "year": ("年度", lambda d: (d["year"] or 0)),
    "department": ("部门", lambda d: d["department"] or ""),
    "region": ("地区", lambda d: d["region"] or ""),
    "kind": ("类型", lambda d: d["kind"] or ""),
    "error": ("错误", lambda d: d["error"]),
    "warning": ("警告", lambda d: d["warning"]),
    "coverage": ("读取完整度", lambda d: d["coverage_passed"]),
    "ingested": ("入库时间", lambda d: d["ingested_at"]),
}
FILTERS = ("q", "region", "year", "department", "kind", "state")


@dataclass(frozen=True, slots=True)
class Query:
    """What the dashboard asks for: filters (exact), a search text, a sort key and direction."""

    q: str = ""
    region: str = ""
    year: str = ""
    department: str = ""
    kind: str = ""
    state: str = ""
    sort: str = "year"
    desc: bool = True

    def params(self) -> dict[str, Any]:
        out: dict[str, Any] = {k: getattr(self, k) for k in FILTERS}
        out.update(sort=self.sort, desc="1" if self.desc else "0")
        return out

    def matches(self, d: dict[str, Any]) -> bool:
        text = self.q.strip().lower()
        if text and text not in " ".join(str(d[k] or "") for k in ("department", "file_name", "region", "doc_id")).lower():
            return False
        return all(
            not getattr(self, key) or str(d[field] or "") == getattr(self, key)
            for key, field in (("region", "region"), ("year", "year"), ("department", "department"),
                               ("kind", "kind"), ("state", "state"))
        )


def documents(store: Store) -> list[dict[str, Any]]:
    """Every stored document with counts by severity (check findings; ``read.*`` apart), state and coverage."""
    docs = list_documents(store)
    states = review_states(store)
    read_counts = dict(store.con.execute(
        "SELECT doc_id, count(*) FROM findings WHERE starts_with(rule, 'read.') GROUP BY doc_id").fetchall())
    for d in docs:
        d["state"] = states.get(d["doc_id"], "unreviewed")
        d["state_label"] = STATES[d["state"]]
        d["read_findings"] = read_counts.get(d["doc_id"], 0)
        figures = load_key_figures(store, d["doc_id"])
        coverage = read_coverage(figures) if figures else None
        d["coverage"] = coverage.label() if coverage else "—"
        d["coverage_passed"] = coverage.passed if coverage else -1
        d["coverage_full"] = bool(coverage and coverage.full)
        d["coverage_missing"] = coverage.missing if coverage else []
    return docs


def select(docs: list[dict[str, Any]], query: Query) -> list[dict[str, Any]]:
    """The documents ``query`` keeps, sorted (documents without the sort value last)."""
    key = SORTS.get(query.sort, SORTS["year"])[1]
    chosen = [d for d in docs if query.matches(d)]
    return sorted(chosen, key=lambda d: (key(d), d["file_name"]), reverse=query.desc)


def facets(docs: list[dict[str, Any]]) -> dict[str, list[str]]:
    """The values each filter can take, from the stored documents."""
    def values(field: str) -> list[str]:
        return sorted({str(d[field]) for d in docs if d[field] not in (None, "")})

    years = sorted(values("year"), reverse=True)
    return {"region": values("region"), "year": years, "department": values("department"), "kind": values("kind")}


def severity_totals(docs: list[dict[str, Any]]) -> dict[str, int]:
    return {s: sum(d[s] for d in docs) for s in ("error", "warning", "rounding", "info")}
