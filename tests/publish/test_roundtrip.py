"""read(publish(read(doc))) gives read(doc)'s summary on every field: every seed and every Shanghai
PDF, each bundled template, each format. Text and HTML run for every pair; the slower formats
run for a subset here and for every pair in bench/publish_bench.py (bench/README.md, Publish).
Cases the reader cannot yet read back are strict xfails with the reason (tests/publish/reader_gaps.py)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

import yusuan
from tests.conftest import EXAMPLES, SHARED
from tests.publish.reader_gaps import reader_gap
from yusuan.model import Disclosure
from yusuan.publish.roundtrip import round_trip
from yusuan.publish.spec import load_template, template_names

SEEDS = sorted(EXAMPLES.glob("*.txt"))
SHANGHAI = sorted((SHARED / "pdf").glob("shanghai_*.pdf"))
DOCS = [*SEEDS, *SHANGHAI]
SMALL = [p for p in DOCS if p.name.startswith(("002_", "shanghai_putuo_caizhengju"))]


@cache
def model(path: Path) -> Disclosure:
    return yusuan.read(path)


def _cases() -> list[object]:
    cases = []
    for path in DOCS:
        for template in template_names():
            for fmt in ("text", "html", "xlsx", "docx", "pdf"):
                if fmt in ("xlsx", "docx") and template != "national" and path not in SMALL:
                    continue
                if fmt == "pdf" and not (path.name.startswith("shanghai_putuo_caizhengju") or
                                         (path.name.startswith("002_") and template == "national")):
                    continue
                seed = path.name[:3] if path.parent == EXAMPLES else path.stem
                gap = reader_gap(seed, {}, fmt, template)
                marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
                cases.append(pytest.param(path, template, fmt, marks=marks, id=f"{path.stem[:24]}-{template}-{fmt}"))
    return cases


@pytest.mark.parametrize(("path", "template", "fmt"), _cases())
def test_published_document_reads_back_to_the_same_summary(path: Path, template: str, fmt: str) -> None:
    if not path.exists():
        pytest.skip(f"{path} is absent")
    rt = round_trip(model(path), load_template(template), fmt)
    assert rt.same, f"{len(rt.differences)} fields differ, first: {list(rt.differences.items())[:4]}"
