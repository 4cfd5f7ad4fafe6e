"""Plain text: every non-empty line is a Raw line; structure.build finds the rest."""

from __future__ import annotations

from typing import Union

from . import READERS
from .raw import Raw, RawArticle


@READERS.register("txt")
def read_plain(content: Union[str, bytes]) -> RawArticle:
    text = content.decode("utf-8") if isinstance(content, bytes) else content
    return RawArticle(items=[Raw(kind="line", text=line.strip()) for line in text.splitlines() if line.strip()])
