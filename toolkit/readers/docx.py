"""docx reader (placeholder until the readers work lands: reads as plain lines)."""

from __future__ import annotations

from typing import Union

from . import READERS
from .plain import read_plain
from .raw import RawArticle


@READERS.register("docx")
def read_docx(content: Union[str, bytes]) -> RawArticle:
    if isinstance(content, bytes):
        content = content.decode("utf-8", errors="replace")
    return read_plain(content)
