"""yusuan (预算): read, check, store and publish Chinese department budget disclosures.

The Python API mirrors the CLI: ``yusuan.read(path) -> Disclosure``, ``yusuan.summary(d)``,
``yusuan.check(d)``, ``yusuan.publish(d, fmt, template=…)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from pathlib import Path

    from yusuan.model import Disclosure


def read(path: str | Path) -> Disclosure:
    """Read one document (text, PDF, Excel or scan) into the canonical model."""
    from yusuan.pipeline import read as _read

    return _read(path)


def summary(d: Disclosure) -> dict[str, Any]:
    """The key figures of SUMMARY_SCHEMA.md (Decimals; ``yusuan.key_figures.dumps`` prints them)."""
    from yusuan.key_figures import summarise

    return summarise(d)


def check(d: Disclosure) -> list[Any]:
    """Every finding of every registered rule on ``d``."""
    from yusuan.check import run_checks

    return run_checks(d)


def publish(d: Disclosure, fmt: str, template: str = "national", **options: Any) -> Any:
    """The complete disclosure of ``d`` as html/pdf/xlsx/docx in a template (yusuan.publish.publish)."""
    from yusuan.publish import publish as _publish

    return _publish(d, fmt, template, **options)
