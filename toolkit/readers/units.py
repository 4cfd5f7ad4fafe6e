"""The working list the structure passes share while they turn Raw items into blocks.

``structure.build`` copies the reader's Raw items into mutable ``Unit`` objects; each
pass (bylines, boilerplate, back matter, tables, headings, lists) claims the units it
recognises by setting ``role``. Keeping one flat list until the very end means every
pass sees the article in reading order and nothing can fall between two passes: a unit
nobody claims simply stays running text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .raw import Raw

#: Han ideographs (CJK unified + extension A + compatibility); what "nothing lost" counts.
HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

#: Clause punctuation that, at the end of a line, means the text runs on (list intro etc.).
RUN_ON_END = "，,：:、"


@dataclass
class Unit:
    """One item of the article while the passes work on it.

    ``role`` is what a pass decided the unit is: "" (undecided running text), "removed",
    "title", "lead", "heading", "reference", "note", "table", "figure", "caption",
    "list_item", "enumeration", "quote", "paragraph", "skip" (merged into another unit).
    """

    kind: str
    text: str
    raw: Raw | None = None
    role: str = ""
    reason: str = ""
    #: heading data
    number: str | None = None
    heading: str = ""
    level: int = 0
    scheme: str = ""
    #: list data
    marker: str = ""
    ordered: bool = False
    #: free slots for passes (table rows, captions, url, label ...)
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """The text to match patterns against: simplified when the article is traditional.

        Furniture and label patterns are written in simplified characters; matching a
        traditional article's lines through their t2s form lets one pattern serve both.
        What a pass keeps is always taken from ``text``.
        """
        return self.data.get("key") or self.text

    @property
    def open(self) -> bool:
        """True while no pass has claimed this unit as something other than text."""
        return self.role == "" and self.kind == "line"


#: everything that is not a Han character; deleting it is the fastest way to count Han
_NON_HAN_RE = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def han_count(text: str) -> int:
    return len(_NON_HAN_RE.sub("", text))


def han_text(text: str) -> str:
    return _NON_HAN_RE.sub("", text)
