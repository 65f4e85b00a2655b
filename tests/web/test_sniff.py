"""Uploads are told by content, never by name."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES, ROOT
from yusuan.web.security import WebError
from yusuan.web.sniff import sniff

DATA = ROOT / "tests" / "data"


@pytest.mark.parametrize(("path", "fmt"), [
    (DATA / "002_df00543b5fb556ea.pdf", "pdf"), (DATA / "002_df00543b5fb556ea.xlsx", "xlsx"),
    (DATA / "000_87792da19c622395.xls", "xls"), (DATA / "ocr_table.png", "png"),
    (EXAMPLES / "004_307b00c8d6f72425.txt", "text"),
])
def test_formats_by_content(path, fmt) -> None:
    assert sniff("any.name", path.read_bytes()) == fmt


def test_gbk_and_utf16_text() -> None:
    assert sniff("a", "部门预算收支总表".encode("gb18030")) == "text"
    assert sniff("a", "部门预算".encode("utf-16")) == "text"


@pytest.mark.parametrize(("data", "status"), [(b"", 400), (b"\x00\x01\x02garbage" * 50, 415),
                                             (b"PK\x03\x04not really a zip", 415)])
def test_refused(data, status) -> None:
    with pytest.raises(WebError) as err:
        sniff("x.pdf", data)
    assert err.value.status == status and err.value.message.startswith("x.pdf：")
