"""read(publish(d)) against d: print a model in a template and format, read it back, compare.

Why a module: the publish guard, the round-trip tests, the template-variation suite and the
benchmark all ask the same question — does the printed document say what the model says? —
and must ask it the same way (every SUMMARY_SCHEMA field, money in the model's unit).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from yusuan.model import Disclosure
from yusuan.publish.assemble import assemble
from yusuan.publish.guard import read_back, summary_differences
from yusuan.publish.render import FORMATS, render
from yusuan.publish.spec import TemplateSpec


@dataclass(frozen=True, slots=True)
class RoundTrip:
    """What came back: the differing summary fields (model, read back), and the time each step took."""

    differences: dict[str, tuple[Any, Any]]
    render_seconds: float
    read_seconds: float
    size: int

    @property
    def same(self) -> bool:
        return not self.differences


def round_trip(d: Disclosure, spec: TemplateSpec, fmt: str) -> RoundTrip:
    """Publish ``d`` in ``spec`` as ``fmt`` (without the checker) and read it back."""
    start = time.perf_counter()
    data = render(assemble(d, spec), spec, fmt)
    rendered = time.perf_counter()
    back = read_back(data, FORMATS[fmt], d.source)
    done = time.perf_counter()
    return RoundTrip(summary_differences(d, back), rendered - start, done - rendered, len(data))
