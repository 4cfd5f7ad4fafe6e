"""Key points: what the article itself lists as its points, else each section's best sentence.

Writers of commentary announce their points (第一/第二, 一是/二是, numbered
sub-headings, ①②③); those are the article's own key points and beat anything a scorer
could pick. Only when an article enumerates nothing do we fall back to the top sentence
of each section (or of the whole text when it has no sections).
"""

from __future__ import annotations

import re
from typing import Iterator, Sequence

from ..model import Document, KeyPoint, ListBlock, Paragraph, Section
from ..text.scripts import both_scripts
from ..text.sentence_index import Sent, document_sentences, section_label
from ..text.sentences import split_sentences

#: most key points reported: an article with 40 list items has no 40 key points
LIMIT = 20

_CN = "一二三四五六七八九十"
#: 第一, / 第二、 / 一是 / 二是 at the start of a paragraph
ENUM_START = re.compile(
    both_scripts(
    rf"^\s*(?:(?P<marker>第[{_CN}]{{1,3}})(?:个?(?:方面|层面|点|步|阶段|类|种))?\s*[,，、:：.．]"
    rf"|(?P<shi>[{_CN}]{{1,3}}是)\s*[,，、:：]?)\s*"
    )
)
_CIRCLED = re.compile(r"^\s*(?P<marker>[①-⑳])\s*")


def enumeration_marker(text: str) -> str | None:
    """The 第一/一是 marker a paragraph starts with, or None."""
    m = ENUM_START.match(text)
    return (m.group("marker") or m.group("shi")) if m else None


def _first_sentence(text: str) -> str:
    """The point an item makes: its first sentence, with the next one when the first
    is only a few words (第一，主播本地化。由熟悉当地语言的主播讲解商品。)."""
    sentences = split_sentences(text)
    if not sentences:
        return text.strip()
    if len(sentences[0]) < 10 and len(sentences) > 1 and not ENUM_START.match(sentences[1]):
        return sentences[0] + sentences[1]
    return sentences[0]


def _inline_enumerations(doc: Document) -> Iterator[tuple[str, Section | None, str]]:
    """(family, section, point) for 第一，…第二，… written inside paragraphs."""
    for section, block in doc.iter_blocks():
        texts = [i.text for i in block.items] if isinstance(block, ListBlock) else (
            [block.text] if isinstance(block, Paragraph) else []
        )
        for text in texts:
            sentences = split_sentences(text)
            for k, sentence in enumerate(sentences):
                m = ENUM_START.match(sentence)
                if m:
                    family = "di" if m.group("marker") else "shi"
                    yield family, section, _first_sentence("".join(sentences[k:])[m.end() :])


def _enumerations(doc: Document) -> Iterator[tuple[str, Section | None, str]]:
    """(family, section, point) for each block-level enumeration item.

    family is "di" for 第X, "shi" for X是, so an article that uses both levels
    reports only the outer one.
    """
    for section, block in doc.iter_blocks():
        if isinstance(block, ListBlock) and block.kind == "enumeration":
            for item in block.items:
                family = "shi" if item.marker.endswith("是") else "di"
                body = ENUM_START.sub("", item.text, count=1)
                yield family, section, _first_sentence(body)
        elif isinstance(block, Paragraph):
            m = ENUM_START.match(block.text)
            if m:
                family = "di" if m.group("marker") else "shi"
                yield family, section, _first_sentence(block.text[m.end() :])


def _subheadings(doc: Document) -> list[KeyPoint]:
    """Numbered sub-headings (level 2 and below) with the first sentence under them."""
    out: list[KeyPoint] = []
    for section in doc.walk_sections():
        if section.inferred or section.level < 2 or not section.number:
            continue
        first = ""
        for block in section.body:
            if isinstance(block, Paragraph):
                first = _first_sentence(block.text)
                break
            if isinstance(block, ListBlock) and block.items:
                first = _first_sentence(block.items[0].text)
                break
        if first.rstrip().endswith((":", "：")):
            first = ""  # a sentence that only introduces a list adds nothing to the heading
        label = section_label(section) or ""
        text = f"{label}：{first}" if first else label
        out.append(KeyPoint(text=text, section=section_label(section), kind="subheading"))
    return out


def _circled(doc: Document) -> list[KeyPoint]:
    """①②③ items (as list blocks or as paragraphs), and other ordered lists."""
    out: list[KeyPoint] = []
    for section, block in doc.iter_blocks():
        heading = section_label(section)
        if isinstance(block, ListBlock) and block.ordered:
            for item in block.items:
                out.append(KeyPoint(text=_first_sentence(item.text), section=heading, kind="list"))
        elif isinstance(block, Paragraph) and _CIRCLED.match(block.text):
            out.append(KeyPoint(text=_first_sentence(_CIRCLED.sub("", block.text, count=1)), section=heading, kind="list"))
    return out


def _section_leads(sents: Sequence[Sent], scores: Sequence[float], limit: int) -> list[KeyPoint]:
    """The best non-framing sentence of each section (of the text when none)."""
    best: dict[int, int] = {}
    for i, s in enumerate(sents):
        if s.framing or len(s.text) < 8:
            continue
        if s.section_no not in best or scores[i] > scores[best[s.section_no]]:
            best[s.section_no] = i
    if len(best) > 1:
        best.pop(-1, None)  # the lead before the first section is not a section
    if len(best) <= 1:  # no sections: the top sentences of the whole text
        ranked = sorted((i for i, s in enumerate(sents) if not s.framing and len(s.text) >= 8), key=lambda i: (-scores[i], i))
        picks = sorted(ranked[: min(5, limit)])
    else:
        picks = sorted(best.values())
    return [KeyPoint(text=sents[i].text, section=sents[i].heading, kind="section_lead") for i in picks[:limit]]


def key_points(
    doc: Document,
    sents: Sequence[Sent] | None = None,
    scores: Sequence[float] | None = None,
    limit: int = LIMIT,
) -> list[KeyPoint]:
    """The article's key points, each with its section, in reading order.

    Args:
        doc: the article.
        sents, scores: the sentence index and summary scores when already computed.
        limit: most points to return.
    """
    enums = list(_enumerations(doc))
    if len(enums) < 2:
        enums = list(_inline_enumerations(doc))
    if len(enums) >= 2:
        families = {f for f, _, _ in enums}
        keep = "di" if "di" in families else "shi"
        return [
            KeyPoint(text=text, section=section_label(section), kind="enumeration")
            for family, section, text in enums
            if family == keep
        ][:limit]
    for found in (_subheadings(doc), _circled(doc)):
        if len(found) >= 2:
            return found[:limit]
    if sents is None or scores is None:
        from .summarize import score_sentences

        sents = document_sentences(doc)
        scores = score_sentences(doc, sents)
    return _section_leads(sents, scores, limit)
