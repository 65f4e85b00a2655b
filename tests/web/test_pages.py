"""The HTML pages in-process: dashboard filters and escaping, the document view's highlights and
links, page images, exports, charts, compare, rules."""

from __future__ import annotations

import csv
import io
import re

import pypdfium2 as pdfium
from openpyxl import load_workbook

from tests.web.conftest import PDF_NAME, doc_id, login
from yusuan.check.registry import all_rules
from yusuan.store import Store


def _rows(page: str) -> str:
    return page.split('id="documents">', 1)[1].split("</table>", 1)[0]


def test_dashboard_lists_filters_and_sorts(client) -> None:
    page = client.get("/").text
    assert page.count('href="/documents/') >= 5 and "读取完整度" in page and "未审" in page
    only = _rows(client.get("/", params={"year": "2024", "kind": "决算"}).text)
    assert "辽宁" in only and "抚顺" not in only
    found = client.get("/", params={"q": "抚顺"}, headers={"HX-Request": "true", "HX-Target": "doc-list"}).text
    assert found.startswith('<section id="doc-list">') and "抚顺" in found and "辽宁" not in _rows(found)
    by_errors = client.get("/", params={"sort": "error", "desc": "1"}).text
    assert 'aria-sort="descending"' in by_errors


def test_document_text_is_escaped(db) -> None:
    from tests.web.conftest import make_client

    with Store(db) as store:
        store.con.execute("UPDATE documents SET department = '<script>alert(1)</script>' "
                          "WHERE file_name = '000_87792da19c622395.txt'")
    with make_client(db) as client:
        for url in ("/", f"/documents/{doc_id(client, '000_87792da19c622395.txt')[:16]}"):
            page = client.get(url).text
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page


def test_document_view_highlights_cells_and_shows_page_boxes(client) -> None:
    doc = doc_id(client, PDF_NAME)[:16]
    page = client.get(f"/documents/{doc}").text
    hits = re.findall(r'<td class="num hit (\w+)" id="(c[\d-]+)" data-findings="([\d ]+)"', page)
    assert hits, "no highlighted cell"
    anchors = {a for _, a, _ in hits}
    links = set(re.findall(r'<a href="#(c[\d-]+)" class="cell-link"', page))
    assert links and links <= anchors  # every finding location link lands on a highlighted cell
    assert '<img src="/documents/' in page and "<rect class=" in page
    assert "读取问题" in page and "核对问题" in page
    n = re.search(r'pages/(\d+)\.png', page).group(1)
    png = client.get(f"/documents/{doc}/pages/{n}.png")
    assert png.status_code == 200 and png.content[:8] == b"\x89PNG\r\n\x1a\n"
    fragment = client.get(f"/documents/{doc}/page", params={"n": n, "finding": 0}).text
    assert 'viewBox="0 0 ' in fragment
    assert client.get(f"/documents/{doc}/pages/999.png").status_code == 404


def test_narrative_figures_link_to_cells(client) -> None:
    page = client.get(f"/documents/{doc_id(client, '002_df00543b5fb556ea.txt')[:16]}").text
    linked = re.findall(r'<a class="fig" href="#(c[\d-]+|tp-[\w-]+)"', page)
    assert len(linked) >= 3
    assert all(f'id="{a}"' in page for a in linked)


def test_exports_carry_decisions(client) -> None:
    token = login(client, "rita")
    doc = doc_id(client, PDF_NAME)
    first = client.get(f"/api/documents/{doc}/findings").json()[0]["id"]
    client.post(f"/api/findings/{first}/review", json={"decision": "confirmed", "reason": "核实"},
                headers={"X-CSRF-Token": token})
    rows = list(csv.reader(io.StringIO(client.get(f"/documents/{doc[:16]}/findings.csv").content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["序号", "类别", "严重程度"] and rows[1][8:11] == ["确认", "核实", "rita"]
    wb = load_workbook(io.BytesIO(client.get(f"/documents/{doc[:16]}/findings.xlsx").content))
    assert wb.active.cell(3, 9).value == "确认" and wb.active.max_row == len(rows) + 1
    pdf = client.get(f"/documents/{doc[:16]}/annotated.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    annotated = pdfium.PdfDocument(pdf.content)
    assert len(annotated) > 57  # the 57 source pages, then the numbered list
    assert "核对问题清单" in annotated[57].get_textpage().get_text_range()


def test_charts_page_has_data_and_tables(client) -> None:
    page = client.get(f"/documents/{doc_id(client, PDF_NAME)[:16]}/charts").text
    for chart in ("chart-functions", "chart-basic-project", "chart-personnel-public", "chart-economic",
                  "chart-spending", "chart-three_public"):
        assert f'id="{chart}"' in page and f'id="{chart}-table"' in page
    data = re.search(r'<script type="application/json" id="chart-data">(.*?)</script>', page, re.S).group(1)
    assert '"functions": [{"name": "206 科学技术支出"' in data and "<" not in data


def test_compare_page(client) -> None:
    docs = {d["file_name"]: d["id"][:16] for d in client.get("/api/documents").json()}
    page = client.get("/compare", params={"a": docs["001_f756e9a8bddbf743.txt"], "b": docs["000_87792da19c622395.txt"]}).text
    assert "基本支出 / 项目支出" in page and "支出功能分类" in page and 'class="num chg"' in page
    assert client.get("/compare", params={"a": "zzzz", "b": "1234"}).status_code == 404


def test_rules_page_lists_every_rule(client) -> None:
    page = client.get("/rules").text
    assert all(f'id="{r.id}"' in page for r in all_rules())
