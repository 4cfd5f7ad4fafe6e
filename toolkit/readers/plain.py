"""Plain text: every non-empty line is a Raw line; structure.build finds the rest.

One thing only plain text does: hard wrapping. Old .txt files and e-mail pastes break
paragraphs at a fixed width, so one paragraph arrives as many lines. When most long
lines have the same length (the wrap width), a line that fills the width and does not
end a sentence is joined with the next one. A short line (a heading, a paragraph's last
line) or a line that ends in 。！？ is never joined, so headings stay headings.
"""

from __future__ import annotations

from collections import Counter
from typing import Union

from . import READERS
from .raw import Raw, RawArticle

#: lines ending in one of these end a paragraph even when they fill the width
_END = "。！？!?；;：:…”」』）)】|"


@READERS.register("txt")
def read_plain(content: Union[str, bytes]) -> RawArticle:
    text = content.decode("utf-8") if isinstance(content, bytes) else content
    lines = [line.strip() for line in text.splitlines()]
    width = wrap_width(lines)
    if width:
        lines = unwrap(lines, width)
    return RawArticle(items=[Raw(kind="line", text=line) for line in lines if line])


def wrap_width(lines: list[str]) -> int:
    """The width a text was hard-wrapped at, or 0 when it was not.

    Wrapped when at least 8 different lines, half of the lines of 16+ characters, share
    one length (±1), and most of those do not end a sentence.
    """
    long = [len(s) for s in lines if len(s) >= 16]
    if len(long) < 8:
        return 0
    counts = Counter(long)
    width, _ = max(counts.items(), key=lambda kv: (kv[1] + counts.get(kv[0] - 1, 0) + counts.get(kv[0] + 1, 0), kv[0]))
    near = [s for s in lines if abs(len(s) - width) <= 1]
    if len(near) < 8 or len(near) < 0.5 * len(long) or len(set(near)) < 0.5 * len(near):
        return 0  # (repeated identical lines are a pattern of the text, not wrapping)
    open_ended = sum(1 for s in near if s[-1] not in _END)
    return width if open_ended >= 0.6 * len(near) else 0


def _starts_block(line: str) -> bool:
    """A heading, list item or caption never continues the line before it."""
    from .blocks import caption_of, list_item
    from .headings import parse_number
    from .units import Unit

    return parse_number(line)[0] is not None or list_item(line) is not None or caption_of(Unit(kind="line", text=line)) is not None


def unwrap(lines: list[str], width: int) -> list[str]:
    """Join each width-filling line that does not end a sentence with the line after it."""
    out: list[str] = []
    joining = False
    for line in lines:
        if joining and line and not _starts_block(line):
            prev = out[-1]
            sep = " " if prev[-1:].isascii() and prev[-1:].isalnum() and line[:1].isascii() and line[:1].isalnum() else ""
            out[-1] = prev + sep + line
        else:
            out.append(line)
        joining = bool(line) and len(line) >= width - 1 and line[-1] not in _END and bool(out[-1])
    return out
