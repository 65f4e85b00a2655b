"""The published PDF looks like a government disclosure and carries its fonts: pages rendered with
pdftoppm, every font embedded with a Unicode map (pdffonts), wide tables on landscape pages, the
目录 with page numbers, the text extractable. ``YUSUAN_SCREENSHOTS=1`` also refreshes
docs/screenshots/publish_*.png from the pages rendered here."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest
from PIL import Image

import yusuan
from tests.conftest import EXAMPLES, ROOT
from yusuan.publish import publish

SCREENSHOTS = ROOT / "docs" / "screenshots"
needs_poppler = pytest.mark.skipif(not shutil.which("pdffonts") or not shutil.which("pdftoppm"),
                                   reason="poppler-utils (pdffonts, pdftoppm) is not installed")


@cache
def _pdf(tmp: str) -> Path:
    d = yusuan.read(EXAMPLES / "budget_2025.xlsx")
    out = Path(tmp) / "budget_2025.pdf"
    publish(d, "pdf", "national", out=out)
    return out


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _pdf(str(tmp_path_factory.mktemp("pdf")))


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


@needs_poppler
def test_every_font_is_embedded_with_a_unicode_map(pdf: Path) -> None:
    rows = _run("pdffonts", str(pdf)).splitlines()[2:]
    assert rows, "no fonts listed"
    for row in rows:
        fields = row.split()
        emb, sub, uni = fields[-5], fields[-4], fields[-3]
        assert (emb, sub, uni) == ("yes", "yes", "yes"), row
        assert "Noto" in fields[0] and "Type 3" not in row, row


@needs_poppler
def test_no_missing_glyph_and_the_text_is_there(pdf: Path) -> None:
    text = _run("pdftotext", "-layout", str(pdf), "-")
    assert "\ufffd" not in text and "\u25a1" not in text
    for words in ("示例市工业和信息化局本级", "收支总表", "一般公共预算“三公”经费支出表", "名词解释", "情况说明"):
        assert words in text
    toc = text.split("\f")[1]
    assert re.search(r"表1 收支总表\s*\.+\s*\d+", toc), toc[:400]


@needs_poppler
def test_wide_tables_are_on_landscape_pages(pdf: Path) -> None:
    info = _run("pdfinfo", "-f", "1", "-l", "40", str(pdf))
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    portrait = [s for s in sizes if float(s[0]) < float(s[1])]
    landscape = [s for s in sizes if float(s[0]) > float(s[1])]
    assert portrait and landscape  # the 收入总表 (13 columns) is landscape, the text pages portrait


@needs_poppler
def test_pages_render_and_look_like_pages(pdf: Path, tmp_path: Path) -> None:
    _run("pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "6", str(pdf), str(tmp_path / "page"))
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 6
    for page in pages:
        histogram = Image.open(page).convert("L").histogram()
        dark = sum(histogram[:128]) / sum(histogram)
        assert 0.001 < dark < 0.25, (page.name, dark)  # ink on the page, not a blank or black page
    if os.environ.get("YUSUAN_SCREENSHOTS"):
        _run("pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "6", str(pdf), str(tmp_path / "shot"))
        names = {1: "cover", 2: "toc", 4: "summary_table", 5: "income_table_landscape", 6: "expenditure_table"}
        for n, name in names.items():
            shutil.copy(tmp_path / f"shot-{n:02d}.png", SCREENSHOTS / f"publish_{name}.png")
        shanghai = tmp_path / "shanghai.pdf"
        publish(yusuan.read(EXAMPLES / "budget_2025.xlsx"), "pdf", "shanghai_district", out=shanghai)
        text = _run("pdftotext", "-layout", str(shanghai), "-").split("\f")
        page = next(i for i, t in enumerate(text, start=1) if "部门支出预算总表" in t and "功能分类科目名称" in t)
        _run("pdftoppm", "-r", "80", "-png", "-f", str(page), "-l", str(page), str(shanghai), str(tmp_path / "sh"))
        shutil.copy(next(tmp_path.glob("sh-*.png")), SCREENSHOTS / "publish_shanghai_split_codes.png")
