"""``toolkit summarize``: summary, key points, key figures and section digests of one article."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..errors import ToolkitError
from .app import app
from .common import fail, fail_error


def summary_text(summary, title: str | None = None) -> str:  # noqa: ANN001 - model.Summary, imported lazily
    """The readable form: summary, then key points, key figures and section digests."""
    lines: list[str] = []
    if title:
        lines += [title, ""]
    lines.append("Summary")
    lines.append(summary.summary or "(no sentence to quote)")
    if summary.shorter_than_budget:
        lines.append(f"(the article is shorter than the {summary.chars}-character budget: all of it is here)")
    if summary.key_points:
        lines += ["", "Key points"]
        lines += [f"- {p.text}" + (f"  [{p.section}]" if p.section else "") for p in summary.key_points]
    if summary.key_figures:
        lines += ["", "Key figures"]
        for f in summary.key_figures:
            subject = f"{f.subject}: " if f.subject else ""
            lines.append(f"- {subject}{f.value}  ({f.text})")
    if summary.sections:
        lines += ["", "Sections"]
        for d in summary.sections:
            mark = " (inferred)" if d.inferred else ""
            lines.append(f"{'  ' * (d.level - 1)}§ {d.heading}{mark}")
            if d.digest:
                lines.append(f"{'  ' * d.level}{d.digest}")
    return "\n".join(lines) + "\n"


@app.command()
def summarize(
    file: Path = typer.Argument(..., help="The article (txt, md, html, docx); - reads stdin.", show_default=False),
    chars: int | None = typer.Option(None, "--chars", "-c", min=1, help="Summary budget in characters (default 300)."),
    ratio: float | None = typer.Option(None, "--ratio", "-r", help="Budget as a fraction of the article (0-1], instead of --chars."),
    json_: bool = typer.Option(False, "--json", help="Print JSON: summary, sentences, key_points, key_figures, sections."),
) -> None:
    """Summarise one article: extractive summary, key points, key figures, section digests."""
    from ..readers import read, read_text
    from ..transforms.summarize import summarize as run

    if chars is not None and ratio is not None:
        fail("give either --chars or --ratio, not both", 2)
    try:
        if str(file) == "-":
            import sys

            doc = read_text(sys.stdin.read(), format="auto", source_path="-")
        else:
            doc = read(file)
        result = run(doc, chars=chars, ratio=ratio)
    except ToolkitError as exc:
        fail_error(exc)
    if json_:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        if result.shorter_than_budget:  # on stderr, so the JSON keeps its documented keys
            typer.echo(f"toolkit: {file}: shorter than the {result.chars}-character budget: the summary is all of it", err=True)
    else:
        typer.echo(summary_text(result, doc.meta.title), nl=False)
