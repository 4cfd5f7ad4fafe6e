"""Format-preserving file conversion: only human text changes, never the structure.

Each format registers a converter in ``FORMATS`` (as readers and writers do), taking
the file's bytes and a :class:`~toolkit.transforms.convert.Converter` and returning
the converted bytes. ``convert_path`` picks the format from the suffix, streams large
plain-text files in line-aligned chunks so memory stays bounded, and writes
atomically.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Union

from ..errors import InputNotFound, OutputError, ToolkitError, UnreadableInput
from ..registry import Registry

if TYPE_CHECKING:
    from ..transforms.convert import Converter


@dataclass(frozen=True)
class Options:
    """What a format converter needs besides the converter: the output encoding."""

    encoding: str | None = None


FormatConverter = Callable[[bytes, "Converter", Options], bytes]
FORMATS: Registry[FormatConverter] = Registry("file converter")

#: suffix -> format name; files with other suffixes convert as plain text
SUFFIXES: dict[str, str] = {
    ".txt": "txt", ".text": "txt",
    ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx",
    ".srt": "srt", ".vtt": "vtt",
    ".json": "json",
}

#: plain-text files larger than this are streamed in chunks instead of read whole
STREAM_THRESHOLD = 8 * 1024 * 1024

_loaded = False


def _load() -> None:
    global _loaded
    if not _loaded:
        from . import docx, html, jsonfile, markdown, plain, subtitles  # noqa: F401

        _loaded = True


def format_of(path: Path, format: str | None = None) -> str:
    """The conversion format of a path: ``format`` if given, else from the suffix."""
    return format or SUFFIXES.get(path.suffix.lower(), "txt")


def convert_bytes(data: bytes, fmt: str, converter: Converter, *, encoding: str | None = None) -> bytes:
    """Convert a whole file held in memory."""
    _load()
    return FORMATS.get(fmt)(data, converter, Options(encoding=encoding))


def convert_path(
    src: Path,
    dst: Path | None,
    converter: Converter,
    *,
    encoding: str | None = None,
    format: str | None = None,
) -> Union[str, bytes]:
    """Convert ``src``; write to ``dst`` atomically (returns its path) or return the content.

    Raises:
        InputNotFound, UnreadableInput, CorruptDocument, ConversionError: one line each.
    """
    from ..batch import atomic_write

    if not src.exists():
        raise InputNotFound("no such file", path=str(src))
    if src.is_dir():
        raise UnreadableInput("is a folder, not a file", path=str(src))
    fmt = format_of(src, format)
    try:
        if fmt == "txt" and dst is not None and src.stat().st_size > STREAM_THRESHOLD:
            from .stream import convert_stream

            try:
                convert_stream(src, dst, converter, encoding=encoding)
            except OSError as exc:
                raise OutputError(f"cannot convert to {dst} ({exc.strerror or exc})") from None
            return str(dst)
        try:
            data = src.read_bytes()
        except OSError as exc:
            raise UnreadableInput(f"cannot read ({exc.strerror or exc})") from None
        out = convert_bytes(data, fmt, converter, encoding=encoding)
        if dst is None:
            return out if fmt == "docx" else out.decode(encoding or "utf-8")
        try:
            atomic_write(dst, out)
        except OSError as exc:
            raise OutputError(f"cannot write {dst} ({exc.strerror or exc})") from None
    except ToolkitError as exc:
        if exc.path is None:  # name the file in the one-line error
            exc.path = str(src)
        raise
    return str(dst)
