"""Load the table catalogue (catalogue.yaml) and match titles and header words against it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

import yaml

_WS = re.compile(r"[\s\u3000]+")


def squash(text: str) -> str:
    """Text with all whitespace removed and quotes unified: how titles and headers are compared."""
    return _WS.sub("", text).replace("\"", "“").replace("＂", "“")


@dataclass(frozen=True, slots=True)
class KindEntry:
    """One catalogue entry: a table kind, its display label and title patterns."""

    kind: str
    label: str
    titles: tuple[re.Pattern[str], ...]
    exclude: tuple[re.Pattern[str], ...] = field(default_factory=tuple)

    def matches(self, title: str) -> bool:
        """True when the squashed ``title`` names this kind."""
        return any(p.search(title) for p in self.titles) and not any(p.search(title) for p in self.exclude)


@dataclass(frozen=True, slots=True)
class Catalogue:
    """All kinds in match order, and the header aliases of every canonical column."""

    kinds: tuple[KindEntry, ...]
    columns: dict[str, tuple[str, ...]]

    def kind_of(self, title: str) -> str | None:
        """The kind whose title pattern matches ``title`` first, or None."""
        t = squash(title)
        return next((k.kind for k in self.kinds if k.matches(t)), None)

    def label(self, kind: str) -> str:
        """The Chinese display name of ``kind``."""
        return next((k.label for k in self.kinds if k.kind == kind), kind)


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
        )
        for e in data["kinds"]
    )
    columns = {key: tuple(aliases) for key, aliases in data["columns"].items()}
    return Catalogue(kinds=kinds, columns=columns)
