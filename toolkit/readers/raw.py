"""The intermediate form between format readers and the structure builder.

Each format reader (plain, markdown, html, docx) only knows its own syntax: it turns
bytes into a flat sequence of ``Raw`` items plus whatever metadata the format states
outright. ``structure.build`` then does the work that is the same for every format:
numbered headings in plain lines, lists, flattened tables, bilingual captions,
references, notes, boilerplate, author bios. That is why an article pasted as .txt and
the same article as .html end up as the same document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

RawKind = Literal[
    "line",  # a line / paragraph of running text whose role is not known yet
    "heading",  # an explicit heading (Markdown #, <hN>, docx Heading N); has level
    "table",  # an explicit table (HTML/Markdown/docx); has rows
    "list_item",  # an explicit list item (<li>, "- ", docx list style); has marker
    "quote",  # an explicit block quote
    "image",  # an image; has src, text = alt text
    "code",  # preformatted text, kept verbatim
    "removed",  # something the reader already knows is not article text; has reason
]


@dataclass(frozen=True, kw_only=True)
class Raw:
    kind: RawKind
    text: str = ""
    level: int = 0
    rows: tuple[tuple[str, ...], ...] = ()
    marker: str = ""
    ordered: bool = False
    src: str | None = None
    reason: str = ""


@dataclass(kw_only=True)
class RawArticle:
    """What a format reader hands to ``structure.build``."""

    items: list[Raw] = field(default_factory=list)
    #: metadata the format states outright (front matter, <title>, docx core
    #: properties, hint block): keys as in ``model.Meta``; authors/tags as lists.
    #: The block it came from goes into ``items`` as Raw(kind="removed",
    #: reason="front_matter"), so no character of the input goes missing.
    meta: dict[str, object] = field(default_factory=dict)
    format: str = "txt"
    encoding: str | None = None
    source_path: str | None = None
