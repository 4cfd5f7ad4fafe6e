"""Key figures: the statistics an article states, each with its sentence and section.

Analysts quote figures; a figure without its unit, its subject or its sentence cannot be
checked. Each KeyFigure keeps the value exactly as written (number, magnitude and unit:
2.63万亿元, 12-17天), a change with both ends (120万 → 90万), a short comparison that
follows it (28分钟(Instagram为96分钟)), the words it measures and where it was said.
"""

from __future__ import annotations

from typing import Sequence

from ..model import Document, KeyFigure
from ..text.numbers import find_quantities
from ..text.sentence_index import Sent, document_sentences


def key_figures(doc: Document, sents: Sequence[Sent] | None = None, limit: int | None = None) -> list[KeyFigure]:
    """Statistics of ``doc`` in reading order, deduplicated.

    A figure repeated with the same subject (the article restating its headline
    number) is kept once, at its first mention; so is one value stated twice in a
    sentence.

    Args:
        doc: the article.
        sents: its sentence index, when the caller already built it.
        limit: keep at most this many (the first ones), None for all.
    """
    sents = sents if sents is not None else document_sentences(doc)
    seen: dict[str, list[str]] = {}  # value -> subjects already reported with it
    out: list[KeyFigure] = []
    for s in sents:
        if s.framing and s.text.endswith(("?", "？")):
            continue  # a question states no figure
        in_sentence: set[str] = set()
        for q in find_quantities(s.text):
            subjects = seen.setdefault(q.value, [])
            subject = q.subject or ""
            if q.value in in_sentence or any(_same_subject(subject, other) for other in subjects):
                continue
            subjects.append(subject)
            in_sentence.add(q.value)
            out.append(KeyFigure(text=s.text, value=q.value, section=s.heading, subject=q.subject))
            if limit is not None and len(out) >= limit:
                return out
    return out


def _same_subject(a: str, b: str) -> bool:
    """后来丢件率 and 丢件率 name the same thing: one ends with the other."""
    if not a or not b:
        return a == b
    return a.endswith(b) or b.endswith(a)
