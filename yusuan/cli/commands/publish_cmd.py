"""``yusuan publish``: a model or a document → the complete disclosure as HTML, PDF, XLSX or DOCX."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape

from yusuan.errors import UsageError

if TYPE_CHECKING:
    from yusuan.model import Disclosure

Source = Annotated[
    Path | None,
    typer.Argument(help="模型或文件 — a model JSON (yusuan parse), a filled budget-entry workbook, or any disclosure"),
]


def load_source(path: Path) -> Disclosure:
    """A model JSON (yusuan parse) or any document yusuan reads."""
    import yusuan
    from yusuan.publish.model_json import load_model, looks_like_model

    return load_model(path) if looks_like_model(path) else yusuan.read(path)


def publish(
    source: Source = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="html | pdf | xlsx | docx")] = "pdf",
    template: Annotated[str, typer.Option("--template", "-t", help="模板名或模板目录 — template name or folder")] = "national",
    out: Annotated[Path | None, typer.Option("--output", "-o", help="输出文件 — output file")] = None,
    force: Annotated[bool, typer.Option("--force", help="有错误或待填写内容时仍发布，并标为草稿 — publish a draft")] = False,
    previous: Annotated[Path | None, typer.Option("--previous", help="上年的模型或文件 — last year's document, for the changes")] = None,
    list_templates: Annotated[bool, typer.Option("--list-templates", help="列出可用模板 — list the templates")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="print the manifest as JSON")] = False,
) -> None:
    """发布 — publish the complete disclosure (cover, 目录, 概况, tables, 情况说明, 名词解释) in a template."""
    from yusuan.publish import FORMATS, PublishRefused, load_template, template_names
    from yusuan.publish import publish as run

    console = Console(highlight=False, soft_wrap=True)
    if list_templates:
        for name in template_names():
            spec = load_template(name)
            console.print(f"[bold]{name}[/]  {escape(spec.label)} — {len(spec.tables)} 张表")
        return
    if source is None or out is None:
        raise UsageError("需要一个输入文件和 -o 输出文件 — usage: yusuan publish FILE --format pdf -o OUT")
    if fmt not in FORMATS or fmt == "text":
        raise UsageError(f"--format 应为 html、pdf、xlsx 或 docx，而不是 {fmt!r}")
    d = load_source(source)
    last = load_source(previous) if previous is not None else None
    try:
        result = run(d, fmt, template, out=out, force=force, previous=last)
    except PublishRefused as refused:
        err = Console(stderr=True, highlight=False, soft_wrap=True)
        for f in refused.findings:
            err.print(f"[bold red]{f.rule}[/] {escape(f.message)}")
        raise
    if as_json:
        typer.echo(json.dumps(result.manifest, ensure_ascii=False, indent=1))
        return
    state = "[bold red]草稿[/] " if result.draft else ""
    console.print(f"{state}已发布 {escape(str(result.path))}（模板 {result.template}，{len(result.data):,} 字节，"
                  f"sha256 {result.manifest['sha256'][:12]}…）；清单 {escape(str(result.manifest_path))}")


def register(app: typer.Typer) -> None:
    app.command(name="publish")(publish)
