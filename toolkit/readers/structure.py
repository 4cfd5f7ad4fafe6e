"""RawArticle -> Document: the structure detection shared by all formats.

(Minimal first version: explicit headings become sections, everything else paragraphs.
The structure work replaces it.)
"""

from __future__ import annotations

from ..model import Document, Meta, Paragraph, Removed, Section
from .raw import RawArticle


def build(raw: RawArticle) -> Document:
    body: list = []
    sections: list[Section] = []
    removed: list[Removed] = []
    for item in raw.items:
        if item.kind == "heading":
            sections.append(Section(number=None, heading=item.text, level=item.level or 1))
        elif item.kind == "removed":
            removed.append(Removed(text=item.text, reason=item.reason))
        elif item.text:
            para = Paragraph(text=item.text)
            if sections:
                last = sections[-1]
                sections[-1] = Section(number=last.number, heading=last.heading, level=last.level, body=last.body + (para,))
            else:
                body.append(para)
    meta = Meta(format=raw.format, encoding=raw.encoding, source_path=raw.source_path, **raw.meta)  # type: ignore[arg-type]
    return Document(meta=meta, body=tuple(body), sections=tuple(sections), removed=tuple(removed))
