"""Shared fixtures: where ../shared and the bundled examples are, and the truth comparison."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEEDS = sorted(p.name for p in EXAMPLES.glob("*.txt"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test (with the reason) when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is not beside the checkout)")
    return path


def load_truth(name: str) -> dict[str, Any]:
    """The hand-verified key figures of a document, numbers as Decimal."""
    path = shared_path("truth", Path(name).with_suffix(".json").name)
    return json.loads(path.read_text("utf-8"), parse_float=Decimal, parse_int=Decimal)


_WS = re.compile(r"\s+")


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return _WS.sub("", value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Decimal(str(value))
    return value


def diff_summary(actual: dict[str, Any], truth: dict[str, Any], path: str = "") -> list[str]:
    """Every field where ``actual`` differs from ``truth`` (numbers compared as Decimal, names without
    whitespace; ``inconsistencies`` and ``notes`` ignored)."""
    out: list[str] = []
    if isinstance(truth, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {actual!r}"]
        for key, expected in truth.items():
            if key in ("inconsistencies", "notes") and not path:
                continue
            if key not in actual:
                out.append(f"{path}.{key}: missing")
                continue
            out.extend(diff_summary(actual[key], expected, f"{path}.{key}"))
        if path.endswith(("by_function_class", "by_function_item")) or path == ".basic_by_economic_class":
            out.extend(f"{path}.{k}: unexpected {actual[k]}" for k in actual if k not in truth)
        return out
    if isinstance(truth, list):
        if not isinstance(actual, list) or len(actual) != len(truth):
            n = len(actual) if isinstance(actual, list) else actual
            return [f"{path}: expected {len(truth)} items, got {n}"]
        for i, (a, t) in enumerate(zip(actual, truth, strict=True)):
            out.extend(diff_summary(a, t, f"{path}[{i}]"))
        return out
    a, t = _norm(actual), _norm(truth)
    if isinstance(t, Decimal) and isinstance(a, Decimal):
        return [] if a == t else [f"{path}: expected {truth}, got {actual}"]
    return [] if a == t else [f"{path}: expected {truth!r}, got {actual!r}"]
