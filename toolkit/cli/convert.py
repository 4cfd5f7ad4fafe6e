"""``toolkit convert``: simplified/traditional editions of files, folders or stdin."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List

import typer

from .app import app
from .common import fail, fail_error, finish

_TO_HELP = "Target: hant (s2t), tw (s2tw), twp (s2twp, Taiwan phrasing), hk (s2hk), hans (t2s)."


@app.command()
def convert(
    inputs: List[str] = typer.Argument(None, help="Files or folders (txt, md, html, docx, srt, vtt, json); '-' reads stdin.", show_default=False),
    to: str | None = typer.Option(None, "--to", "-t", help=_TO_HELP, show_default=False),
    config: str | None = typer.Option(None, "--config", "-c", help="Any OpenCC config instead of --to (see --list-configs).", show_default=False),
    source: str | None = typer.Option(None, "--from", help="Script of the input: hans, hant, tw or hk (tw/hk pick tw2s/hk2s for --to hans).", show_default=False),
    output: Path | None = typer.Option(None, "-o", "--output", help="Output folder; the input tree is mirrored inside it.", show_default=False),
    in_place: bool = typer.Option(False, "--in-place", help="Overwrite the input files (only when asked)."),
    backup: str | None = typer.Option(None, "--backup", help="With --in-place: keep each original as FILE+SUFFIX.", show_default=False),
    terms: List[Path] = typer.Option([], "--terms", help="Termbase (CSV, TOML or term<TAB>replacement) whose terms are locked; repeatable.", show_default=False),
    jobs: int | None = typer.Option(None, "--jobs", "-j", min=1, help="Parallel processes (default: number of cores).", show_default=False),
    glob: List[str] = typer.Option([], "--glob", help="Only files matching this pattern in folders; repeatable.", show_default=False),
    exclude: List[str] = typer.Option([], "--exclude", help="Leave out files/folders matching this pattern; repeatable.", show_default=False),
    rename: bool = typer.Option(False, "--rename", help="Convert file and folder names too."),
    skip_existing: bool = typer.Option(False, "--skip-existing", help="Skip files whose output exists and is newer (resume a run)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
    encoding: str | None = typer.Option(None, "--encoding", help="Output text encoding (default utf-8; e.g. big5).", show_default=False),
    format: str | None = typer.Option(None, "--format", help="Format of stdin or of a file with an odd suffix: txt, md, html, srt, vtt, json.", show_default=False),
    list_configs: bool = typer.Option(False, "--list-configs", help="Print the OpenCC configs this install ships and exit."),
) -> None:
    """Convert between simplified and traditional Chinese, keeping each file's structure."""
    from ..errors import ToolkitError
    from ..transforms.convert import available_configs

    if list_configs:
        typer.echo("\n".join(available_configs()))
        raise typer.Exit()
    if not inputs:
        fail("give files, folders or '-' to convert (toolkit convert --help)", 2)
    try:
        if inputs == ["-"] or (output is None and not in_place and len(inputs) == 1 and Path(inputs[0]).is_file()):
            _single_to_stdout(inputs[0], to, config, source, terms, encoding, format)
            raise typer.Exit()
        _batch(inputs, to, config, source, output, in_place, backup, terms, jobs, glob, exclude, rename, skip_existing, quiet, encoding)
    except ToolkitError as exc:
        fail_error(exc)


def _single_to_stdout(
    name: str, to: str | None, config: str | None, source: str | None, terms: List[Path], encoding: str | None, fmt: str | None
) -> None:
    """One input to stdout: ``-`` (stdin) or a single file given without -o."""
    from ..conversion import convert_bytes, format_of
    from ..errors import ToolkitError, UsageError
    from ..transforms.convert import Converter

    if to is None and config is None:
        raise UsageError("give a target (--to hant|tw|twp|hk|hans) or an OpenCC config (--config)")
    converter = Converter(to, config=config, terms=[str(t) for t in terms] or None, source=source)
    if name == "-":
        data, kind = sys.stdin.buffer.read(), fmt or "txt"
    else:
        path = Path(name)
        kind = format_of(path, fmt)
        if kind == "docx" and sys.stdout.isatty():
            raise UsageError("a .docx cannot go to a terminal: give -o DIR")
        try:
            data = path.read_bytes()
        except OSError as exc:
            fail(f"{name}: cannot read ({exc.strerror})")
    try:
        out = convert_bytes(data, kind, converter, encoding=encoding)
    except ToolkitError as exc:
        if exc.path is None:
            exc.path = name if name != "-" else "<stdin>"
        raise
    sys.stdout.buffer.write(out)
    sys.stdout.flush()


def _batch(
    inputs: List[str], to: str | None, config: str | None, source: str | None, output: Path | None, in_place: bool,
    backup: str | None, terms: List[Path], jobs: int | None, glob: List[str], exclude: List[str], rename: bool,
    skip_existing: bool, quiet: bool, encoding: str | None,
) -> None:
    from ..batch import Report
    from ..conversion.batch import Settings, convert_batch, default_jobs, plan
    from ..conversion.textio import check_encoding
    from ..errors import UsageError
    from ..transforms.convert import get_converter, resolve_config

    if output is None and not in_place:
        raise UsageError("several inputs: give an output folder (-o DIR) or --in-place")
    resolve_config(to, config, source)  # a bad target is a usage error before any work
    if encoding:
        check_encoding(encoding)
    settings = Settings(to=to, config=config, source=source, terms=tuple(str(Path(t).resolve()) for t in terms), encoding=encoding)
    get_converter(to, config=config, terms=settings.terms or None, source=source)  # a bad termbase fails once, not per file
    report = Report()
    todo = plan(
        inputs, settings=settings, outdir=output, in_place=in_place, backup=backup,
        include=glob, exclude=exclude, rename=rename, skip_existing=skip_existing, report=report,
    )
    workers = jobs or default_jobs()
    if not quiet and sys.stderr.isatty() and todo:
        from rich.console import Console
        from rich.progress import Progress

        with Progress(console=Console(stderr=True), transient=True) as bar:  # stdout may carry data
            task = bar.add_task("converting", total=len(todo))
            convert_batch(todo, workers=workers, report=report, progress=lambda: bar.advance(task))
    else:
        convert_batch(todo, workers=workers, report=report)
    finish(report, verb="converted", quiet=quiet)
