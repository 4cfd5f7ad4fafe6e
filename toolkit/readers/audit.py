"""Checking that parsing lost no text: the "nothing lost" invariant as a function.

Every Han character of the input must be somewhere in the document: in the metadata,
the headings and blocks, the references, the notes or ``removed``. Two checks make that
precise (tests and the corpus audit use them):

* coverage: the multiset of Han characters of the input is contained in the multiset of
  the document's (a character may appear more often in the document, e.g. a title that
  also heads the first section, never less often);
* order: each part of the document (the reading-order text of headings and blocks, the
  references, the notes, the removed items) is a subsequence of the input, so nothing
  was moved around or scrambled.

URLs are addresses, not text: Han characters inside ``http…`` links and Markdown link
targets of the source (share links that repeat the title) are not counted.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Document, Figure, ListBlock, Paragraph, Quote, Table
from .units import han_text

_URL = re.compile(r"https?://[^\s)\]>\"']+")
#: a Markdown link target ``](…)``: may hold spaces when a share link repeats the title
_LINK_TARGET = re.compile(r"\]\((?:[^()\n]|\([^)\n]*\))*\)")


def source_han(text: str) -> str:
    """The Han characters of a source text, links excluded."""
    return han_text(_URL.sub(" ", _LINK_TARGET.sub("]", text)))


def _block_parts(block: object) -> list[str]:
    if isinstance(block, (Paragraph, Quote)):
        return [block.text]
    if isinstance(block, ListBlock):
        return [i.text if i.text.startswith(i.marker) else i.marker + i.text for i in block.items]
    if isinstance(block, Table):
        return [block.label or "", block.caption or "", block.caption_en or ""] + ["".join(r) for r in block.rows]
    if isinstance(block, Figure):
        return [block.label or "", block.caption or "", block.caption_en or ""]
    return []


def body_han(doc: Document) -> str:
    """Han characters of headings and blocks in reading order."""
    parts: list[str] = []
    for block in doc.body:
        parts.extend(_block_parts(block))
    for section in doc.walk_sections():
        if not section.inferred:  # an inferred heading is made up by the toolkit, not input text
            parts.append((section.number or "") + section.heading)
        for block in section.body:
            parts.extend(_block_parts(block))
    return han_text("".join(parts))


def meta_han(doc: Document) -> str:
    m = doc.meta
    return han_text("".join([m.title or "", "".join(m.authors), m.publisher or "", m.lead or "", m.rights or "", "".join(m.tags)]))


def document_han_text(doc: Document) -> str:
    """Han characters of the whole document: meta, body, references, notes, removed."""
    return "".join(
        [
            meta_han(doc),
            body_han(doc),
            han_text("".join((r.label or "") + r.text for r in doc.references)),
            han_text("".join((n.label or "") + n.text for n in doc.notes)),
            han_text("".join(r.text for r in doc.removed)),
        ]
    )


def is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


def lost_text(source: str, doc: Document) -> str:
    """'' when nothing was lost; else a short description of what went missing."""
    src = source_han(source)
    missing = Counter(src) - Counter(document_han_text(doc))
    if missing:
        chars = "".join(sorted(missing.elements()))[:40]
        return f"{sum(missing.values())} Han characters missing: {chars}"
    parts = {
        "body": body_han(doc),
        "references": han_text("".join(r.text for r in doc.references)),
        "notes": han_text("".join(n.text for n in doc.notes)),
        "removed": "".join(source_han(r.text) for r in doc.removed),
    }
    for name, text in parts.items():
        if not is_subsequence(text, src):
            return f"the {name} are not in source order"
    return ""
