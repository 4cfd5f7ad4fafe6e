"""The command line: a thin Typer layer over the library.

Each command lives in its own module (``cli/parse.py``, ``cli/convert.py`` ...) and
only turns options into library calls, as sqlite-utils and spaCy's CLIs do. One file a
command keeps them small and lets each grow without touching the others.
"""

from __future__ import annotations

import importlib

from .app import app

COMMANDS = ("parse", "convert", "summarize", "glossary", "brief")

for _name in COMMANDS:
    try:
        importlib.import_module(f"{__name__}.{_name}")
    except ModuleNotFoundError as _exc:  # a command whose module is not written yet
        if _exc.name != f"{__name__}.{_name}":
            raise


def main() -> None:
    app()
