"""The template-variation suite: each seed's model printed in many template variants must read back
to the seed's summary on every field (money compared in the seed's unit).

Variants are parameters of the publish templates (yusuan/publish/variants.py): every value of every
axis alone (a failure names its axis), and random mixes drawn with a fixed seed — 31 per seed as
text, a subset as .xlsx and a few as PDF here; ``python bench/publish_bench.py --variants`` prints
them all in all three formats. What the reader cannot yet read is a strict xfail whose reason says
what it gets wrong (tests/publish/reader_gaps.py): that list is the reader's work queue.
"""

from __future__ import annotations

from functools import cache

import pytest

import yusuan
from tests.conftest import EXAMPLES
from tests.publish.reader_gaps import reader_gap
from yusuan.model import Disclosure
from yusuan.publish.roundtrip import round_trip
from yusuan.publish.spec import load_template
from yusuan.publish.variants import Variant, random_variants, single_axis_variants

SEEDS = {p.name[:3]: p for p in sorted(EXAMPLES.glob("*.txt"))}
BASE = load_template("national")
TEXT = [*single_axis_variants(BASE), *random_variants(BASE, 6, seed=11)]
XLSX = {"code_layout=split", "code_layout=glued", "code_layout=broken", "header_groups=flat", "total_label=总计",
        "money_unit=元", "title=1", "zero=-"}
PDF = {"000": ("landscape=True",), "001": ("code_layout=split",), "002": ("landscape=True", "money_unit=元"),
       "004": ("code_layout=glued",)}


@cache
def seed_model(seed: str) -> Disclosure:
    return yusuan.read(SEEDS[seed])


def _param(seed: str, variant: Variant, fmt: str) -> object:
    gap = reader_gap(seed, variant.axes, fmt)
    marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
    return pytest.param(seed, variant, fmt, marks=marks, id=f"{seed}-{fmt}-{variant.name}")


def _cases() -> list[object]:
    out = [_param(seed, v, "text") for seed in SEEDS for v in TEXT]
    out += [_param(seed, v, "xlsx") for seed in SEEDS for v in TEXT if v.name in XLSX]
    out += [_param(seed, v, "pdf") for seed, names in PDF.items() for v in TEXT if v.name in names]
    return out


def test_at_least_twenty_variants_per_seed() -> None:
    assert len(TEXT) >= 20 and len({v.name for v in TEXT}) == len(TEXT)
    assert {v.name for v in TEXT} >= XLSX | {n for names in PDF.values() for n in names}


def test_random_variants_are_reproducible() -> None:
    assert [v.name for v in random_variants(BASE, 6, seed=11)] == [v.name for v in TEXT[-6:]]
    assert [v.name for v in random_variants(BASE, 6, seed=12)] != [v.name for v in TEXT[-6:]]


@pytest.mark.parametrize(("seed", "variant", "fmt"), _cases())
def test_variant_reads_back_to_the_seed_summary(seed: str, variant: Variant, fmt: str) -> None:
    rt = round_trip(seed_model(seed), variant.spec, fmt)
    assert rt.same, f"{variant.name}: {len(rt.differences)} fields differ, first: {list(rt.differences.items())[:4]}"
