"""The Typer application that command modules attach to."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="toolkit",
    help="Turn Chinese articles into briefings, glossaries and simplified/traditional editions.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"toolkit {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Turn Chinese articles into briefings, glossaries and simplified/traditional editions."""
