"""The JSON contract of `yusuan check --json` (other tools read it)."""

from __future__ import annotations

from yusuan.check import Finding, Location, report
from yusuan.check.finding import at_or_above


def test_report_shape_exactly() -> None:
    f = Finding(
        "function.class_sum",
        "rounding",
        "类 208：82.89，款之和 82.88，差 0.01",
        ("82.89", "82.88"),
        (Location("表3 支出总表", "expenditure_summary", "208 社会保障和就业支出", "total", 3, 412),),
    )
    assert report("a.txt", [f]) == {
        "source": "a.txt",
        "findings": [
            {
                "rule": "function.class_sum",
                "severity": "rounding",
                "message": "类 208：82.89，款之和 82.88，差 0.01",
                "values": ["82.89", "82.88"],
                "locations": [
                    {
                        "table": "表3 支出总表",
                        "kind": "expenditure_summary",
                        "row": "208 社会保障和就业支出",
                        "column": "total",
                        "page": 3,
                        "line": 412,
                        "bbox": None,
                        "ocr": False,
                    }
                ],
            }
        ],
    }


def test_threshold() -> None:
    fs = [Finding("a", s, "m") for s in ("info", "rounding", "warning", "error")]
    assert [f.severity for f in at_or_above(fs, "error")] == ["error"]
    assert [f.severity for f in at_or_above(fs, "warning")] == ["warning", "error"]


def test_a_pdf_cell_carries_its_box_and_an_ocr_cell_says_so() -> None:
    loc = Location("表1", "income_expenditure_summary", "合计", "total", 1, 8, (443.40183, 239.63, 492.17, 251.22), True)
    assert loc.as_dict()["bbox"] == [443.4, 239.6, 492.2, 251.2] and loc.as_dict()["ocr"] is True
