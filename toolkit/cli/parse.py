"""``toolkit parse``: the document model of one or more articles."""

from __future__ import annotations

from pathlib import Path
from typing import List

import typer

from ..batch import Report, expand_inputs, run_each
from .app import app
from .common import finish


def _parse_one(path: Path):  # module level so worker processes can run it
    from ..readers import read

    return read(path)


@app.command()
def parse(
    inputs: List[Path] = typer.Argument(..., help="Article files or folders (txt, md, html, docx).", show_default=False),
    json_: bool = typer.Option(False, "--json", help="Print the toolkit.document/1 JSON instead of an outline."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write one .json (or .txt outline) per input into this folder."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Parallel processes."),
) -> None:
    """Read articles into the document model and print an outline or the JSON."""
    from ..outline import outline_text
    from ..writers.document import document_json

    report = Report()
    files = expand_inputs(inputs, report=report)
    for path, doc in run_each(_parse_one, files, jobs=jobs, report=report):
        text = document_json(doc) if json_ else outline_text(doc)
        if output is not None:
            from ..batch import atomic_write

            atomic_write(output / (path.stem + (".json" if json_ else ".outline.txt")), text)
        else:
            typer.echo(text, nl=False)
    finish(report, verb="parsed")
