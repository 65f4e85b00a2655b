"""Web-page reader: text blocks as lines, tables at grid columns (colspan, rowspan), CSS page
breaks, hidden elements and scripts left out, the declared or detected encoding."""

from __future__ import annotations

from pathlib import Path

import pytest

from yusuan.errors import UnreadableInput
from yusuan.read import read_layout, sniff
from yusuan.read.html import looks_like_html, read_html

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>不读标题</title><style>p {color: red}</style>
<script>var x = "不读脚本";</script></head>
<body>
<h1>收支预算总表</h1>
<p>单位：<b>万元</b><br>第二行</p>
<div style="display:none">隐藏</div>
<table>
 <caption>表1</caption>
 <thead><tr><th rowspan="2">科目编码</th><th rowspan="2">科目名称</th><th colspan="3">基本支出</th></tr>
 <tr><th>小计</th><th>人员经费</th><th>公用经费</th></tr></thead>
 <tbody><tr><td>201</td><td>一般公共<br>服务支出</td><td>1,425.40</td><td></td><td>22.30</td></tr></tbody>
</table>
<!-- 注释不读 -->
<section style="page-break-before: always"><p>第二页 正文</p></section>
<pre>项目    预算数
合计    1.00</pre>
</body></html>
"""


def _cells(line) -> list[tuple[str, float, float]]:
    return [(c.text, c.x0, c.x1) for c in line.cells]


def test_blocks_tables_spans_and_page_breaks(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, "utf-8")
    layout = read_html(path)
    assert layout.format == "html"
    first, second = layout.pages
    texts = [line.text for line in first.lines]
    assert texts[:4] == ["收支预算总表", "单位：万元", "第二行", "表1"]
    assert "隐藏" not in " ".join(texts) and "不读" not in " ".join(texts)
    assert _cells(first.lines[4]) == [("科目编码", 0, 1), ("科目名称", 1, 2), ("基本支出", 2, 5)]  # trailing empties dropped
    assert _cells(first.lines[5]) == [("", 0, 1), ("", 1, 2), ("小计", 2, 3), ("人员经费", 3, 4), ("公用经费", 4, 5)]
    assert _cells(first.lines[6]) == [("201", 0, 1), ("一般公共服务支出", 1, 2), ("1,425.40", 2, 3), ("", 3, 4), ("22.30", 4, 5)]
    assert [line.text for line in second.lines] == ["第二页 正文", "项目 预算数", "合计 1.00"]
    assert [c.text for c in second.lines[0].cells] == ["第二页", "正文"]
    assert second.lines[1].raw == "项目    预算数"


def test_encoding_declared_or_detected(tmp_path: Path) -> None:
    declared = tmp_path / "gbk.htm"
    declared.write_bytes('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head>'
                         "<body><p>一般公共预算</p></body></html>".encode("gbk"))
    assert [line.text for line in read_html(declared).lines()] == ["一般公共预算"]
    undeclared = tmp_path / "gb18030.html"
    undeclared.write_bytes("<html><body><p>政府性基金预算支出表</p></body></html>".encode("gb18030"))
    assert [line.text for line in read_html(undeclared).lines()] == ["政府性基金预算支出表"]


def test_sniffed_as_html_and_text_stays_text(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, "utf-8")
    assert sniff(page) == "html"
    assert read_layout(page).format == "html"
    text = tmp_path / "t.txt"
    text.write_text("收支预算总表\n<附注> 单位：万元\n", "utf-8")
    assert sniff(text) == "text"
    assert looks_like_html(b"\xef\xbb\xbf  <table><tr><td>1</td></tr></table>")
    assert not looks_like_html("<说明>".encode())


def test_a_page_without_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><script>1</script></body></html>", "utf-8")
    with pytest.raises(UnreadableInput, match="没有任何文字"):
        read_html(path)
