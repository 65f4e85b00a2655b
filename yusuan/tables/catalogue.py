"""Load the table catalogue (catalogue.yaml) and match titles and header words against it.

Everything region-specific about tables is data in catalogue.yaml: title patterns per kind,
column aliases, two-level column groups, row identities and the 收支总表 row labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

import yaml

_WS = re.compile(r"[\s\u3000]+")


@lru_cache(maxsize=1 << 16)
def squash(text: str) -> str:
    """Text with all whitespace removed and quotes unified: how titles and headers are compared
    (memoised: row names and header fragments are squashed again by every stage)."""
    return _WS.sub("", text).replace("\"", "“").replace("＂", "“")


@dataclass(frozen=True, slots=True)
class KindEntry:
    """One catalogue entry: a table kind, its display label and title patterns."""

    kind: str
    label: str
    titles: tuple[re.Pattern[str], ...]
    exclude: tuple[re.Pattern[str], ...] = field(default_factory=tuple)
    # group key → the row names that head a group of rows (货物/工程/服务 in a 政府采购表)
    row_groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # title feature → the values it may take ('none': the title names no such word)
    features: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def matches(self, title: str) -> bool:
        """True when the squashed ``title`` names this kind."""
        return any(p.search(title) for p in self.titles) and not any(p.search(title) for p in self.exclude)

    def has_features(self, found: dict[str, str]) -> bool:
        """True when a title's features (:meth:`Catalogue.title_features`) are this kind's."""
        return bool(self.features) and all(found.get(k, "none") in values for k, values in self.features.items())


@dataclass(frozen=True, slots=True)
class ColumnGroup:
    """A two-level header word (基本支出, 本年收入, 上年结转…): its own column key, members, prefix."""

    names: tuple[str, ...]
    key: str
    subtotal: tuple[str, ...]
    members: tuple[str, ...]
    prefix: str = ""
    caption: bool = False  # the name only heads its members: an own column needs a printed subtotal
    derive: bool = False  # printed only through its members: the group is their sum


@dataclass(frozen=True, slots=True)
class Catalogue:
    """All kinds in match order, column aliases and groups, row identities and summary row labels."""

    kinds: tuple[KindEntry, ...]
    columns: dict[str, tuple[str, ...]]
    groups: tuple[ColumnGroup, ...] = ()
    captions: tuple[str, ...] = ()
    identities: tuple[tuple[str, tuple[str, ...]], ...] = ()
    economic_tie_break: dict[str, tuple[str, ...]] = field(default_factory=dict)
    summary_rows: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    # feature → value → words (title_features in catalogue.yaml), in the order they are tried
    title_words: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)

    def kind_of(self, title: str) -> str | None:
        """The kind whose title pattern matches ``title`` first, else the first kind whose title
        features it has (一般公共预算支出明细表（按支出功能分类科目） → general_budget_expenditure), or None."""
        t = squash(title)
        found = next((k.kind for k in self.kinds if k.matches(t)), None)
        return found or self.kind_by_features(t)

    def title_features(self, title: str) -> dict[str, str]:
        """The fund scope, subject and classification a squashed title names (absent: not named)."""
        out: dict[str, str] = {}
        for feature, values in self.title_words.items():
            value = next((v for v, words in values.items() if any(w in title for w in words)), None)
            if value is not None:
                out[feature] = value
        return out

    def kind_by_features(self, title: str) -> str | None:
        """The first kind whose features a squashed title has (None when it names no subject)."""
        found = self.title_features(title)
        if "subject" not in found and "scope" not in found:
            return None
        return next((k.kind for k in self.kinds if k.has_features(found)), None)

    def row_groups(self, kind: str) -> dict[str, tuple[str, ...]]:
        """The row groups of ``kind`` (empty for most kinds)."""
        return next((k.row_groups for k in self.kinds if k.kind == kind), {})

    def label(self, kind: str) -> str:
        """The Chinese display name of ``kind``."""
        return next((k.label for k in self.kinds if k.kind == kind), kind)


def _groups(data: list[dict[str, Any]]) -> tuple[ColumnGroup, ...]:
    return tuple(
        ColumnGroup(
            names=tuple(g["names"]),
            key=g["key"],
            subtotal=tuple(g.get("subtotal", [])),
            members=tuple(g.get("members", [])),
            prefix=g.get("prefix", ""),
            caption=bool(g.get("caption", False)),
            derive=bool(g.get("derive", False)),
        )
        for g in data
    )


@cache
def load_catalogue() -> Catalogue:
    """The catalogue bundled with the package (parsed once)."""
    data = yaml.safe_load(files("yusuan.tables").joinpath("catalogue.yaml").read_text("utf-8"))
    kinds = tuple(
        KindEntry(
            kind=e["kind"],
            label=e.get("label", e["kind"]),
            titles=tuple(re.compile(p) for p in e["titles"]),
            exclude=tuple(re.compile(p) for p in e.get("exclude", [])),
            row_groups={key: tuple(names) for key, names in (e.get("row_groups") or {}).items()},
            features={key: _values(v) for key, v in (e.get("features") or {}).items()},
        )
        for e in data["kinds"]
    )
    return Catalogue(
        kinds=kinds,
        columns={key: tuple(aliases) for key, aliases in data["columns"].items()},
        groups=_groups(data.get("column_groups", [])),
        captions=tuple(data.get("column_captions", [])),
        identities=tuple((parent, tuple(members)) for parent, members in data.get("identities", [])),
        economic_tie_break={k: tuple(v) for k, v in data.get("economic_tie_break", {}).items()},
        summary_rows={
            side: {key: tuple(aliases) for key, aliases in rows.items()}
            for side, rows in data.get("summary_rows", {}).items()
        },
        title_words={
            feature: {value: tuple(words) for value, words in values.items()}
            for feature, values in data.get("title_features", {}).items()
        },
    )


def _values(value: Any) -> tuple[str, ...]:
    """A feature's allowed values: one or a list, YAML null read as 'none'."""
    items = value if isinstance(value, list) else [value]
    return tuple("none" if v is None else str(v) for v in items)
