"""``publish(d, fmt, template=…)``: the model → a checked, read-back, manifested disclosure file.

Steps: assemble the printed document in the template; render it; run the checker on the model,
look for unfilled slots, read the output back with yusuan's own readers and run the checker and
the summary comparison on it. Any error stops publishing (:class:`PublishRefused`, exit code 1)
unless ``force``, which stamps the output as a draft (草稿) and records why in the manifest.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from yusuan.check.finding import Finding
from yusuan.errors import UsageError, YusuanError
from yusuan.model import Disclosure
from yusuan.model.serialize import to_plain
from yusuan.publish import guard
from yusuan.publish.assemble import assemble
from yusuan.publish.render import FORMATS, render
from yusuan.publish.spec import TemplateSpec, load_template


class PublishRefused(YusuanError):
    """The document has errors or unfilled slots (exit code 1): listed, nothing written."""

    exit_code = 1

    def __init__(self, findings: list[Finding], source: str | None = None) -> None:
        self.findings = findings
        super().__init__(
            f"{len(findings)} 项错误或待填写内容，未发布（--force 可发布为草稿） — refused to publish", source=source
        )


@dataclass(slots=True)
class Published:
    """A published file: its bytes, where it was written, and its manifest."""

    data: bytes
    format: str
    template: str
    draft: bool
    findings: list[Finding]
    manifest: dict[str, Any]
    path: Path | None = None
    manifest_path: Path | None = None
    output: Disclosure | None = field(default=None, repr=False)


def model_hash(d: Disclosure) -> str:
    """sha256 of the model as ``yusuan parse`` prints it (canonical JSON)."""
    text = json.dumps(to_plain(d), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def publish(
    d: Disclosure,
    fmt: str,
    template: str | Path | TemplateSpec = "national",
    *,
    out: str | Path | None = None,
    force: bool = False,
    previous: Disclosure | None = None,
    verify: bool = True,
) -> Published:
    """Publish ``d`` as ``fmt`` (html, pdf, xlsx, docx; text for tests) in ``template``.

    Raises PublishRefused (with the findings) when the model or the output read back has an error
    finding or the text an unfilled slot, unless ``force``. ``verify=False`` skips reading the
    output back (the benchmark of rendering alone); the manifest says so.
    """
    if fmt not in FORMATS:
        raise UsageError(f"不支持的发布格式 {fmt!r}（可用：{'、'.join(FORMATS)}） — unknown format")
    spec = template if isinstance(template, TemplateSpec) else load_template(template)
    doc = assemble(d, spec, previous)
    findings = [*guard.model_findings(d), *guard.slot_findings(doc)]
    data = render(doc, spec, fmt)
    back = None
    if verify:
        back = guard.read_back(data, FORMATS[fmt], d.source)
        output = [f for f in guard.model_findings(back) if f.rule != guard.RULE_ID]
        differences = guard.summary_differences(d, back)
        findings += [*_tagged(output), *guard.readback_findings(differences, fmt)]
    stopping = guard.blocking(findings)
    if stopping and not force:
        raise PublishRefused(stopping, source=d.source)
    if stopping:
        doc.draft = True
        doc.note = f"发布时仍有 {len(stopping)} 项错误或待填写内容，见清单（manifest）。"
        data = render(doc, spec, fmt)
    result = Published(data, fmt, spec.name, bool(stopping), findings, {}, output=back)
    result.manifest = manifest(d, result, verified=verify)
    if out is not None:
        _write(result, Path(out))
    return result


def _tagged(findings: list[Finding]) -> list[Finding]:
    """Findings of the read-back output, their message marked so the manifest tells them apart."""
    return [Finding(f.rule, f.severity, f"（发布文件读回）{f.message}", f.values, f.locations) for f in findings]


def manifest(d: Disclosure, result: Published, verified: bool) -> dict[str, Any]:
    """What was published from what: model hash, template, file hash, the findings at publish time."""
    return {
        "source": d.source,
        "department": d.department,
        "year": d.year,
        "kind": d.kind,
        "model_sha256": model_hash(d),
        "template": result.template,
        "format": result.format,
        "sha256": hashlib.sha256(result.data).hexdigest(),
        "bytes": len(result.data),
        "draft": result.draft,
        "verified_by_reading_back": verified,
        "published_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "findings": [f.as_dict() for f in result.findings],
    }


def _write(result: Published, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    partial.write_bytes(result.data)
    partial.replace(out)
    result.path = out
    result.manifest["file"] = out.name
    result.manifest_path = out.with_name(out.name + ".manifest.json")
    result.manifest_path.write_text(json.dumps(result.manifest, ensure_ascii=False, indent=1) + "\n", "utf-8")
