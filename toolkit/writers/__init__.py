"""Writers: turn a document, a glossary or a briefing into file content.

Each writer registers under ``"<kind>:<format>"`` (``document:json``,
``glossary:csv``, ``briefing:docx`` ...) and says whether it produces text or bytes,
as pandoc's writer table does, so ``write`` knows how to store the result without
asking the format.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Union

from ..batch import atomic_write
from ..errors import UsageError
from ..registry import Registry


@dataclass(frozen=True)
class Writer:
    render: Callable[..., Union[str, bytes]]
    binary: bool
    suffix: str


WRITERS: Registry[Writer] = Registry("writer")

_MODULES = ("document", "glossary_formats", "briefing_text", "briefing_docx")


def register(kind: str, fmt: str, *, binary: bool = False, suffix: str | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator: register ``render(obj, **options)`` as the writer for kind:format."""

    def decorator(fn: Callable[..., Any]) -> Callable[..., Any]:
        WRITERS.register(f"{kind}:{fmt}")(Writer(fn, binary, suffix or f".{fmt}"))
        return fn

    return decorator


def load_writers() -> None:
    """Import writer modules (lazily, so --help stays fast) so they register."""
    import importlib

    for name in _MODULES:
        try:
            importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise


def kind_of(obj: Any) -> str:
    from ..model import Document

    if isinstance(obj, Document):
        return "document"
    if isinstance(obj, (list, tuple)):
        return "glossary"
    return getattr(obj, "writer_kind", type(obj).__name__.lower())


def render(obj: Any, fmt: str, **options: Any) -> Union[str, bytes]:
    load_writers()
    return WRITERS.get(f"{kind_of(obj)}:{fmt}").render(obj, **options)


def write(obj: Any, path: Union[str, os.PathLike[str]], *, format: str | None = None, **options: Any) -> Path:
    """Render ``obj`` and store it at ``path`` atomically; the format defaults to the suffix."""
    target = Path(path)
    fmt = format or target.suffix.lstrip(".").lower()
    if not fmt:
        raise UsageError(f"cannot tell the output format of '{path}': give format=")
    load_writers()
    writer = WRITERS.get(f"{kind_of(obj)}:{fmt}")
    atomic_write(target, writer.render(obj, **options))
    return target
