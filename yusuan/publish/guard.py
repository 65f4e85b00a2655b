"""Refuse to publish a wrong document: the checker on the model, on the output read back, and the
read-back summary against the model's.

Why read back: a template that prints a figure under the wrong header, drops a column or rounds a
figure makes a document whose numbers no longer say what the model says; reading it with yusuan's
own readers and comparing the key figures (SUMMARY_SCHEMA, every field) catches that before a
department publishes it.
"""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import yusuan
from yusuan.check.finding import ERROR, Finding, Location
from yusuan.check.rules.slots import RULE_ID, slot_finding
from yusuan.model import Disclosure
from yusuan.money import convert
from yusuan.publish.document import Document

READBACK = "publish.readback"
_NOT_MONEY = {"year", "project_performance_tables"}


def model_findings(d: Disclosure) -> list[Finding]:
    """Every finding of the checker on the model (all severities: the manifest keeps them)."""
    return yusuan.check(d)


def slot_findings(doc: Document) -> list[Finding]:
    """One finding per paragraph of the printed document that still holds a slot."""
    return [slot_finding(text) for text in doc.slots()]


def read_back(data: bytes, suffix: str, name: str) -> Disclosure:
    """The published bytes read by yusuan's readers, as a user would read the file."""
    with tempfile.TemporaryDirectory(prefix="yusuan-publish-") as tmp:
        path = Path(tmp) / f"{Path(name).stem}{suffix}"
        path.write_bytes(data)
        return yusuan.read(path)


def leaves(value: Any, path: str = "") -> dict[str, Any]:
    """A summary as ``{dotted.path: value}``."""
    if isinstance(value, dict):
        return {k: v for key, item in value.items() for k, v in leaves(item, f"{path}.{key}" if path else key).items()}
    if isinstance(value, list):
        return {k: v for i, item in enumerate(value) for k, v in leaves(item, f"{path}[{i}]").items()}
    return {path: value}


def comparable(summary: dict[str, Any], unit: str) -> dict[str, Any]:
    """A summary's fields, ``source`` left out, money converted into ``unit`` (a template may print
    the model in another unit: 元 ↔ 万元, exactly)."""
    fields = {k: v for k, v in leaves(summary).items() if not k.startswith("source")}
    frm = fields.get("money_unit")
    if frm and frm != unit:
        fields = {k: convert(v, frm, unit) if isinstance(v, Decimal) and k not in _NOT_MONEY else v for k, v in fields.items()}
        fields["money_unit"] = unit
    return {k: _plain(v) for k, v in fields.items()}


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return value.normalize() if value else Decimal(0)
    if isinstance(value, str):
        return "".join(value.split())
    return value


def summary_differences(model: Disclosure, back: Disclosure) -> dict[str, tuple[Any, Any]]:
    """Every summary field where the output read back differs from the model (model, output)."""
    want = comparable(yusuan.summary(model), model.money_unit)
    got = comparable(yusuan.summary(back), model.money_unit)
    return {k: (want.get(k), got.get(k)) for k in sorted(set(want) | set(got)) if want.get(k) != got.get(k)}


def readback_findings(differences: dict[str, tuple[Any, Any]], fmt: str) -> list[Finding]:
    """Each differing field as an error: the published file does not say what the model says."""
    return [
        Finding(READBACK, ERROR, f"发布的 {fmt} 文件读回后 {field} 为 {got}，而模型中为 {want}",
                tuple(str(v) for v in (want, got)), (Location(kind="publish", row=field),))
        for field, (want, got) in differences.items()
    ]


def blocking(findings: list[Finding]) -> list[Finding]:
    """The findings that stop publishing: errors (slots and read-back differences are errors)."""
    return [f for f in findings if f.severity == ERROR]


__all__ = ["READBACK", "RULE_ID", "blocking", "model_findings", "read_back", "readback_findings",
           "slot_findings", "summary_differences"]
