"""Reading articles: bytes -> (sniffed format, decoded text) -> RawArticle -> Document.

Format readers register with ``READERS.register("md", ...)``; they take decoded text
(or, for binary formats, bytes) and return a ``RawArticle``. ``structure.build`` does
everything that is the same for all formats.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Union

from ..errors import InputNotFound, UnreadableInput
from ..model import Document
from ..registry import Registry
from .raw import RawArticle

#: A reader takes the decoded text (bytes for binary formats such as docx).
Reader = Callable[[Union[str, bytes]], RawArticle]
READERS: Registry[Reader] = Registry("reader")

_loaded = False


def _load_readers() -> None:
    """Import the reader modules so they register themselves (lazily: fast --help)."""
    global _loaded
    if not _loaded:
        from . import docx, html, markdown, plain  # noqa: F401

        _loaded = True


def read(source: Union[str, os.PathLike[str]], *, format: str | None = None) -> Document:
    """Read one article file into a Document.

    Raises:
        InputNotFound: the path does not exist.
        UnreadableInput: not an article (binary, undecodable, a folder ...).
    """
    from .sniff import load

    path = Path(source)
    if not path.exists():
        raise InputNotFound("no such file", path=str(source))
    if path.is_dir():
        raise UnreadableInput("is a folder, not a file (pass it to a batch command)", path=str(source))
    loaded = load(path, format=format)
    return _finish(loaded.content, loaded.format, encoding=loaded.encoding, source_path=str(source))


def read_text(text: str, *, format: str = "txt", source_path: str | None = None) -> Document:
    """Read an article given as a string (format: txt, md or html)."""
    from .sniff import sniff_text_format

    fmt = sniff_text_format(text) if format == "auto" else _ALIASES.get(format, format)
    return _finish(text, fmt, encoding=None, source_path=source_path)


#: other names people give formats -> the name meta.format records
_ALIASES = {"markdown": "md", "htm": "html", "text": "txt", "plain": "txt"}


def _finish(content: Union[str, bytes], fmt: str, *, encoding: str | None, source_path: str | None) -> Document:
    from .structure import build

    _load_readers()
    raw = READERS.get(fmt)(content)
    raw.format, raw.encoding, raw.source_path = fmt, encoding, source_path
    from ..transforms.segment import infer_sections  # sections for text without headings

    return infer_sections(build(raw))
