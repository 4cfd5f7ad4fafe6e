"""The document model every reader produces and every transform and writer consumes.

Frozen dataclasses with keyword-only fields and tuple children, so a document can be
shared between threads and processes and transforms must build new documents
(``dataclasses.replace``) instead of mutating what a caller still holds.

``to_dict`` gives the ``toolkit.document/1`` JSON contract documented in the README;
other programs script against it, so change it only by bumping the schema name.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Iterator, Literal, Union

SCHEMA = "toolkit.document/1"


def _plain(value: Any) -> Any:
    """Turn dataclasses/tuples into JSON-ready dicts/lists, keeping field order."""
    if is_dataclass(value) and not isinstance(value, type):
        if hasattr(value, "to_dict"):
            return value.to_dict()
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclass(frozen=True, kw_only=True)
class Meta:
    """What the article says about itself; ``None``/empty when it does not say."""

    title: str | None = None
    #: where the title came from: front_matter, html_h1, markdown_h1, docx_core,
    #: docx_heading, first_line, hint_block ... (None when there is no title)
    title_source: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    #: ISO date (YYYY-MM-DD) when one could be read
    date: str | None = None
    #: the editor's lead / standfirst, without its label (编辑导语：)
    lead: str | None = None
    rights: str | None = None
    tags: tuple[str, ...] = ()
    source_path: str | None = None
    #: the format the content was read as (txt, md, html, docx), after sniffing
    format: str | None = None
    encoding: str | None = None
    #: hans, hant or mixed: which script the article is written in
    script: str | None = None


@dataclass(frozen=True, kw_only=True)
class Paragraph:
    text: str
    type: Literal["paragraph"] = "paragraph"


@dataclass(frozen=True, kw_only=True)
class ListItem:
    #: the marker as written: "①", "1)", "一是", "第一", "-" ...
    marker: str
    text: str


@dataclass(frozen=True, kw_only=True)
class ListBlock:
    ordered: bool
    items: tuple[ListItem, ...]
    #: "enumeration" for 第一/第二 and 一是/二是 items that carry the article's
    #: key points; "list" for ordinary bullet or numbered lists
    kind: str = "list"
    type: Literal["list"] = "list"


@dataclass(frozen=True, kw_only=True)
class Table:
    rows: tuple[tuple[str, ...], ...]
    label: str | None = None
    caption: str | None = None
    caption_en: str | None = None
    type: Literal["table"] = "table"


@dataclass(frozen=True, kw_only=True)
class Figure:
    label: str | None = None
    caption: str | None = None
    caption_en: str | None = None
    src: str | None = None
    type: Literal["figure"] = "figure"


@dataclass(frozen=True, kw_only=True)
class Quote:
    text: str
    type: Literal["quote"] = "quote"


Block = Union[Paragraph, ListBlock, Table, Figure, Quote]


@dataclass(frozen=True, kw_only=True)
class Section:
    #: the number as written ("4.1", "一", "第一", "01"); None when unnumbered
    number: str | None
    heading: str
    level: int
    #: True when the toolkit inferred this section from flat text
    inferred: bool = False
    body: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()

    def walk(self) -> Iterator[Section]:
        """This section and all below it, in reading order."""
        yield self
        for child in self.sections:
            yield from child.walk()


@dataclass(frozen=True, kw_only=True)
class Reference:
    label: str | None
    text: str
    url: str | None = None


@dataclass(frozen=True, kw_only=True)
class Note:
    label: str | None
    text: str


@dataclass(frozen=True, kw_only=True)
class Removed:
    text: str
    #: why it was taken out of the body: reader_prompt, comments, footer, tip_button,
    #: svg, rights, image_credit, author_bio, navigation, markup ...
    reason: str


@dataclass(frozen=True, kw_only=True)
class Document:
    meta: Meta = field(default_factory=Meta)
    #: blocks before the first section
    body: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    references: tuple[Reference, ...] = ()
    notes: tuple[Note, ...] = ()
    removed: tuple[Removed, ...] = ()

    def walk_sections(self) -> Iterator[Section]:
        for section in self.sections:
            yield from section.walk()

    def iter_blocks(self) -> Iterator[tuple[Section | None, Block]]:
        """Every block in reading order with the innermost section holding it."""
        for block in self.body:
            yield None, block
        for section in self.walk_sections():
            for block in section.body:
                yield section, block

    def paragraphs(self) -> Iterator[tuple[Section | None, str]]:
        """Running text (paragraphs, quotes, list items) with its section."""
        for section, block in self.iter_blocks():
            if isinstance(block, (Paragraph, Quote)):
                yield section, block.text
            elif isinstance(block, ListBlock):
                for item in block.items:
                    yield section, item.text

    def plain_text(self) -> str:
        """The article as plain text: headings and running text, one per line."""
        lines: list[str] = []
        if self.meta.title:
            lines.append(self.meta.title)
        if self.meta.lead:
            lines.append(self.meta.lead)
        for block in self.body:
            lines.extend(block_text(block))
        for section in self.walk_sections():
            lines.append(" ".join(p for p in (section.number, section.heading) if p))
            for block in section.body:
                lines.extend(block_text(block))
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "meta": _plain(self.meta),
            "body": _plain(self.body),
            "sections": [_section_dict(s) for s in self.sections],
            "references": _plain(self.references),
            "notes": _plain(self.notes),
            "removed": _plain(self.removed),
        }


def _section_dict(section: Section) -> dict[str, Any]:
    return {
        "number": section.number,
        "heading": section.heading,
        "level": section.level,
        "inferred": section.inferred,
        "body": _plain(section.body),
        "sections": [_section_dict(s) for s in section.sections],
    }


def block_text(block: Block) -> list[str]:
    """The human text of one block, as lines."""
    if isinstance(block, (Paragraph, Quote)):
        return [block.text]
    if isinstance(block, ListBlock):
        return [f"{i.marker} {i.text}".strip() for i in block.items]
    if isinstance(block, Table):
        out = [c for c in (block.label, block.caption, block.caption_en) if c]
        out.extend(" | ".join(row) for row in block.rows)
        return out
    if isinstance(block, Figure):
        return [c for c in (block.label, block.caption, block.caption_en) if c]
    return []


# --- results of transforms (shared by the CLI, the API and the briefing writers) ---


@dataclass(frozen=True, kw_only=True)
class SummarySentence:
    text: str
    #: position of the sentence among all sentences of the article (0-based)
    index: int
    #: heading of the section it comes from, None for text before any section
    section: str | None
    score: float


@dataclass(frozen=True, kw_only=True)
class KeyPoint:
    text: str
    section: str | None
    #: enumeration, list, subheading or section_lead: where the point came from
    kind: str


@dataclass(frozen=True, kw_only=True)
class KeyFigure:
    #: the sentence (or clause) that states the figure
    text: str
    #: number and unit as written: "2.63万亿元", "12-17天", "82%"
    value: str
    section: str | None
    #: what the figure measures, when it could be told ("营收", "同比增长")
    subject: str | None = None


@dataclass(frozen=True, kw_only=True)
class SectionDigest:
    heading: str
    digest: str
    level: int = 1
    inferred: bool = False


@dataclass(frozen=True, kw_only=True)
class Summary:
    summary: str
    sentences: tuple[SummarySentence, ...] = ()
    key_points: tuple[KeyPoint, ...] = ()
    key_figures: tuple[KeyFigure, ...] = ()
    sections: tuple[SectionDigest, ...] = ()
    #: the budget asked for, in characters, and whether the article was shorter
    chars: int | None = None
    shorter_than_budget: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "summary": self.summary,
            "sentences": _plain(self.sentences),
            "key_points": _plain(self.key_points),
            "key_figures": _plain(self.key_figures),
            "sections": [{"heading": s.heading, "digest": s.digest} for s in self.sections],
        }


@dataclass(frozen=True, kw_only=True)
class GlossaryEntry:
    term: str
    hant: str | None = None
    pinyin: str | None = None
    english: str | None = None
    #: termbase, text, dictionary or none: how far a translator can trust `english`
    english_source: str = "none"
    definition: str | None = None
    context: str | None = None
    frequency: int = 0
    sources: tuple[str, ...] = ()
    #: termbase, quoted, defined, parenthetical, abbreviation or statistical
    origin: str = "statistical"
    #: extra fields for richer exports (tw/hk forms, English definition, domains,
    #: notes, alternatives, rank score); not part of the JSON contract's core keys
    tw: str | None = None
    hk: str | None = None
    english_alt: tuple[str, ...] = ()
    definition_en: str | None = None
    domains: tuple[str, ...] = ()
    note: str | None = None
    score: float = 0.0

    CONTRACT_KEYS = (
        "term", "hant", "pinyin", "english", "english_source", "definition",
        "context", "frequency", "sources", "origin",
    )

    def to_dict(self) -> dict[str, Any]:
        return {k: _plain(getattr(self, k)) for k in self.CONTRACT_KEYS}
