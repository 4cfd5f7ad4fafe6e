"""Finding out what a file is: its encoding and its real format, from its content.

(Minimal first version; the readers work replaces it.)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Union

from ..errors import UnreadableInput

_EXT = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".docx": "docx"}


@dataclass(frozen=True)
class Loaded:
    content: Union[str, bytes]
    format: str
    encoding: str | None


def sniff_text_format(text: str) -> str:
    head = text.lstrip("\ufeff")[:2000]
    if head.startswith("---"):
        return "md"
    if "<p>" in head or "<html" in head.lower():
        return "html"
    return "txt"


def load(path: Path, *, format: str | None = None) -> Loaded:
    data = path.read_bytes()
    fmt = format or _EXT.get(path.suffix.lower(), "txt")
    if fmt == "docx":
        return Loaded(data, "docx", None)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableInput(f"not UTF-8 text ({exc.reason})", path=str(path)) from None
    if fmt == "txt":
        fmt = sniff_text_format(text)
    return Loaded(text, fmt, "utf-8")
