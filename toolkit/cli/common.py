"""What every command does the same way: one-line errors, the end-of-run report, exit codes.

Exit codes (the README documents them): 0 all done; 1 some inputs failed (the rest were
done, the failures listed on stderr); 2 usage errors.
"""

from __future__ import annotations

import sys
from typing import NoReturn

import typer

from ..batch import Report
from ..errors import ToolkitError, UsageError


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one line to stderr and exit (no traceback)."""
    typer.echo(f"toolkit: {message}", err=True)
    raise typer.Exit(code)


def fail_error(exc: ToolkitError) -> NoReturn:
    fail(str(exc), 2 if isinstance(exc, UsageError) else 1)


def finish(report: Report, *, verb: str = "done", quiet: bool = False) -> NoReturn:
    """Print the failures (one line each) and a count, then exit 0 or 1."""
    for failure in report.failed:
        typer.echo(f"toolkit: {failure.line()}", err=True)
    if not quiet and (len(report.done) + len(report.skipped) + len(report.failed) > 1 or report.failed):
        parts = [f"{len(report.done)} {verb}"]
        if report.skipped:
            parts.append(f"{len(report.skipped)} skipped")
        parts.append(f"{len(report.failed)} failed")
        typer.echo(", ".join(parts), err=True)
    raise typer.Exit(report.exit_code)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()
