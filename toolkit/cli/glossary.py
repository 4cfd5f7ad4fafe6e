"""``toolkit glossary``: a bilingual glossary of the terms in one or many articles."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path
from typing import List

import typer

from ..batch import Report, expand_inputs, run_each
from ..errors import ToolkitError, UsageError
from .app import app
from .common import fail_error, finish

FORMATS = ("json", "csv", "tsv", "tbx", "tbx3", "xlsx", "md")
SCRIPTS = ("hans", "hant", "tw", "hk")


def _extract_one(path: Path, terms: tuple[str, ...], builtin: bool):  # module level: runs in workers
    from ..transforms.glossary import extract_file

    return extract_file(path, terms, builtin)


def _pick_format(fmt: str | None, output: Path | None) -> str:
    if fmt:
        chosen = fmt.lower()
    elif output is not None and output.suffix:
        chosen = output.suffix.lstrip(".").lower()
        if chosen == "tbx3":  # TBX v3 files end in .tbx too, and .tbx means v2 (what CAT tools import)
            raise UsageError("TBX v3 is asked for with --format tbx3 (its files end in .tbx: -o FILE.tbx)")
    else:
        chosen = "json"
    if chosen not in FORMATS:
        raise UsageError(f"unknown glossary format '{chosen}' (use one of {', '.join(FORMATS)})")
    return chosen


@app.command()
def glossary(
    inputs: List[Path] = typer.Argument(..., help="Article files or folders (txt, md, html, docx); '-' reads stdin.", show_default=False),
    format: str | None = typer.Option(None, "--format", "-f", help="json, csv, tsv, tbx (TBX v2), tbx3 (TBX v3), xlsx or md (default: from -o's suffix, else json)."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write the glossary to this file (default: stdout for text formats)."),
    terms: List[Path] = typer.Option([], "--terms", help="A user termbase (CSV, TOML or TSV) overriding the built-in one; repeatable."),
    no_builtin: bool = typer.Option(False, "--no-builtin", help="Do not use the built-in termbase."),
    script: str = typer.Option("hans", "--script", help="Script of the Chinese text in the output: hans, hant, tw or hk."),
    limit: int | None = typer.Option(None, "--limit", "-n", min=1, help="Keep only the N best-ranked terms."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Parallel processes for reading and extraction."),
    template_dir: Path | None = typer.Option(None, "--template-dir", help="Folder with a glossary.md template overriding the packaged one (md format)."),
) -> None:
    """Extract a bilingual glossary (terms, traditional forms, pinyin, English, definitions) from articles."""
    from ..transforms.glossary import _cached_termbase, from_articles
    from ..writers import WRITERS, load_writers

    try:
        fmt = _pick_format(format, output)
        if script not in SCRIPTS:
            raise UsageError(f"unknown script '{script}' (use one of {', '.join(SCRIPTS)})")
        term_paths = tuple(str(p) for p in terms)
        view = _cached_termbase(term_paths, not no_builtin)  # bad termbase: fail before any work
        load_writers()
        writer = WRITERS.get(f"glossary:{fmt}")
        if template_dir is not None and not template_dir.is_dir():
            raise UsageError(f"template folder not found: {template_dir}")
        if writer.binary and output is None and sys.stdout.isatty():
            raise UsageError(f"{fmt} is a binary format: give -o FILE")
    except ToolkitError as exc:
        fail_error(exc)

    report = Report()
    stdin = [p for p in inputs if str(p) == "-"]
    files = expand_inputs([p for p in inputs if str(p) != "-"], report=report)
    articles = []
    if stdin:
        articles.append(_from_stdin(term_paths, not no_builtin))
        report.done.append("-")
    if jobs > 1 and len(files) > 1:
        _warm_up(term_paths, not no_builtin)
    work = partial(_extract_one, terms=term_paths, builtin=not no_builtin)
    articles.extend(found for _, found in run_each(work, files, jobs=jobs, report=report))
    if articles:
        entries = from_articles(articles, view, limit)
        options = {"template_dir": str(template_dir)} if template_dir is not None and fmt == "md" else {}
        try:
            data = writer.render(entries, script=script, **options)
        except ToolkitError as exc:
            fail_error(exc)
        if output is not None:
            from ..batch import atomic_write

            atomic_write(output, data)
        elif isinstance(data, bytes):
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            typer.echo(data, nl=False)
    finish(report, verb="read")


def _warm_up(terms: tuple[str, ...], builtin: bool) -> None:
    """Load jieba, its tag and IDF tables and the termbase matcher before the pool forks.

    Worker processes then inherit them (copy-on-write) instead of each spending a
    second or two loading the same tables.
    """
    from ..transforms import term_extract
    from ..transforms.glossary import _cached_matcher

    term_extract.word_tags()
    term_extract.idf_table()
    term_extract.stopwords()
    if builtin or terms:
        _cached_matcher(terms, builtin)


def _from_stdin(terms: tuple[str, ...], builtin: bool):
    from ..readers import read_text
    from ..transforms.glossary import _cached_matcher
    from ..transforms.term_extract import extract

    doc = read_text(sys.stdin.read(), format="auto", source_path="-")
    matcher = _cached_matcher(terms, builtin) if (builtin or terms) else None
    return extract(doc, source="-", matcher=matcher)
