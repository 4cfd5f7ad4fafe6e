"""``toolkit parse``: the document model of one or more articles.

Output: an outline (a rich tree on a terminal, plain text when piped) or, with
``--json``, the ``toolkit.document/1`` JSON. One input file prints one indented JSON
document; several inputs (or a folder) print JSON Lines, one compact document per
line, so a script can stream them. ``-o DIR`` writes one file per input instead.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import List

import typer

from ..batch import ARTICLE_SUFFIXES, Failure, Report, expand_with_roots, run_each
from .app import app
from .common import fail, finish, stdout_is_terminal


def _parse_one(path: Path):  # module level so worker processes can run it
    from ..readers import read

    return read(path)


def _parse_stdin():
    from ..readers import read_text
    from ..readers.sniff import decode_bytes

    data = sys.stdin.buffer.read()
    if not data.strip():
        from ..errors import UnreadableInput

        raise UnreadableInput("empty input", path="-")
    text, encoding = decode_bytes(data, path="-")
    from dataclasses import replace

    doc = read_text(text, format="auto", source_path="-")
    return replace(doc, meta=replace(doc.meta, encoding=encoding))


@app.command()
def parse(
    inputs: List[Path] = typer.Argument(..., help="Article files or folders (txt, md, html, docx); - reads stdin.", show_default=False),
    json_: bool = typer.Option(False, "--json", help="Print the toolkit.document/1 JSON (JSON Lines for several inputs) instead of an outline."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write NAME.json (with --json) or NAME.outline.txt per input into this folder."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Parallel processes."),
) -> None:
    """Read articles into the document model and print an outline or the JSON."""
    from ..errors import ToolkitError
    from ..outline import outline_text
    from ..writers.document import document_json

    if output is not None and output.exists() and not output.is_dir():
        fail(f"{output}: -o must be a folder, and this is a file", 2)
    report = Report()
    found = expand_with_roots(inputs, suffixes=ARTICLE_SUFFIXES, report=report)
    roots = {root for _, root in found}
    for raw in inputs:
        if raw.is_dir() and raw not in roots:
            report.failed.append(Failure(str(raw), f"folder holds no articles ({', '.join(ARTICLE_SUFFIXES)})"))
    if output is not None:  # never read our own earlier outputs back as articles
        out_dir = output.resolve()
        found = [(path, root) for path, root in found
                 if root is None or not path.resolve().is_relative_to(out_dir)]
    files = [path for path, _ in found]
    several = len(inputs) > 1 or len(files) > 1 or any(root is not None for _, root in found)
    names = _output_names(files)
    rich_out = output is None and not json_ and stdout_is_terminal()
    results = []
    if files and str(files[0]) == "-" and len(files) == 1:
        try:
            results = [(files[0], _parse_stdin())]
            report.done.append("-")
        except ToolkitError as exc:
            report.failed.append(Failure("-", exc.message))
    else:
        results = run_each(_parse_one, [f for f in files if str(f) != "-"], jobs=jobs, report=report)
    first = True
    for path, doc in results:
        if output is not None:
            from ..batch import atomic_write

            text = document_json(doc) if json_ else outline_text(doc)
            atomic_write(output / (names[path] + (".json" if json_ else ".outline.txt")), text)
        elif json_:
            typer.echo(document_json(doc, indent=None) if several else document_json(doc), nl=False)
        elif rich_out:
            from rich.console import Console

            from ..outline import outline_tree

            console = Console(highlight=False)
            console.print(outline_tree(doc, width=console.width))
        else:
            typer.echo(("" if first else "\n") + outline_text(doc), nl=False)
        first = False
    finish(report, verb="parsed", quiet=not several)  # one input: its error line alone


def _output_names(files: list[Path]) -> dict[Path, str]:
    """Output base names: the stem, or the full name where two inputs share a stem."""
    stems = Counter(path.stem for path in files)
    names: dict[Path, str] = {}
    taken: set[str] = set()
    for path in files:
        name = base = path.stem if stems[path.stem] == 1 else path.name
        number = 1
        while name in taken:  # same name in two folders
            number += 1
            name = f"{base}-{number}"
        taken.add(name)
        names[path] = name
    return names
