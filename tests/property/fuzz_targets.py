"""Fuzz targets: the reader on a mutated input must return a disclosure or raise a YusuanError.

Shared by tests/property/test_fuzz_readers.py (bounded, in CI) and bench/fuzz_bench.py (longer).
Each target takes the bytes to read; anything but a yusuan error (or success) is a crash.
"""

from __future__ import annotations

import contextlib
import io
import tempfile
import zipfile
from collections.abc import Callable
from decimal import Decimal as D
from functools import cache
from pathlib import Path

from hypothesis import strategies as st

import yusuan
from tests.fixtures.pdf.synth import pdf_bytes, ruled_table, wrapped_table
from tests.property.strategies import Budget, mutated_bytes, noisy_text, write_xlsx
from yusuan.errors import YusuanError

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "000_87792da19c622395.txt"
SAMPLE = Budget("测试市财政局", 2025, (D("1425.40"), D("12.00"), D(0), D(0), D("3.5")),
                (("社会保障和就业支出", D("1000.90")), ("住房保障支出", D("440.00"))), D("7.25"), thousands=True)


def read_bytes(data: bytes, suffix: str) -> None:
    """Read ``data`` as a file named ``*{suffix}`` through the whole read path; typed errors are fine."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(data)
        with contextlib.suppress(YusuanError):
            yusuan.summary(yusuan.read(path))


@cache
def base_text() -> str:
    return EXAMPLE.read_text("utf-8")


@cache
def base_pdf() -> bytes:
    return pdf_bytes(ruled_table() + wrapped_table())


@cache
def base_xlsx() -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        return write_xlsx(SAMPLE, Path(tmp) / "b.xlsx").read_bytes()


@st.composite
def xlsx_with_noisy_xml(draw: st.DrawFn) -> bytes:
    """The sample workbook with one XML member's text mutated (the zip itself stays valid)."""
    src = zipfile.ZipFile(io.BytesIO(base_xlsx()))
    names = src.namelist()
    victim = draw(st.sampled_from([n for n in names if n.endswith(".xml")]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in names:
            data = src.read(name)
            if name == victim:
                data = draw(noisy_text(data.decode("utf-8"))).encode("utf-8", "surrogatepass")
            dst.writestr(name, data)
    return out.getvalue()


TARGETS: dict[str, tuple[Callable[[], st.SearchStrategy[bytes]], str]] = {
    "text": (lambda: noisy_text(base_text()).map(lambda s: s.encode("utf-8", "surrogatepass")), ".txt"),
    "pdf": (lambda: mutated_bytes(base_pdf()), ".pdf"),
    "xlsx bytes": (lambda: mutated_bytes(base_xlsx()), ".xlsx"),
    "xlsx xml": (xlsx_with_noisy_xml, ".xlsx"),
}
"""name → (strategy of inputs, file suffix)."""
