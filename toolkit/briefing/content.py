"""What a briefing says, independent of how it is laid out.

The writers (docx, md, html) all render these objects, so every format carries the same
content, and the script conversion can work on plain strings in dataclasses before any
markup exists (converting rendered XML would also convert tag names and break locked
terms split across runs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import GlossaryEntry, KeyFigure, KeyPoint, Reference, SectionDigest

#: characters XML 1.0 forbids (Word refuses the file) or that have no glyph in any font
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\r\n\u3000]+")

#: the longest takeaway, in characters; longer leads are cut at a clause boundary
TAKEAWAY_CHARS = 90


def clean(text: str | None) -> str:
    """One line of text that is safe in XML and has no runs of blank space."""
    if not text:
        return ""
    return _SPACES.sub(" ", _ILLEGAL.sub("", text)).strip()


@dataclass(frozen=True, kw_only=True)
class ArticleBrief:
    """The briefing of one article: the cover block and every part below it."""

    title: str
    #: publisher / site the article came from
    source: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    #: where the article was read from (path or URL)
    origin: str | None = None
    takeaway: str = ""
    summary: str = ""
    key_points: tuple[KeyPoint, ...] = ()
    key_figures: tuple[KeyFigure, ...] = ()
    sections: tuple[SectionDigest, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    references: tuple[Reference, ...] = ()
    tags: tuple[str, ...] = ()
    #: the summary budget asked for and the length of the summary given
    chars: int | None = None
    summary_chars: int = 0
    #: a stable id for links inside the combined briefing (a1, a2 ...)
    anchor: str = "a1"
    #: True when the article had no title and ``title`` is a working title the toolkit
    #: made from its text (see ``toolkit.briefing.title``): the briefing says so
    title_derived: bool = False


@dataclass(frozen=True, kw_only=True)
class Briefing:
    """A briefing of one article, or a combined digest of several.

    ``writer_kind`` lets ``toolkit.write(briefing, "x.docx")`` find the
    ``briefing:docx`` writer.
    """

    articles: tuple[ArticleBrief, ...]
    #: one article: its glossary; combined: the glossary merged over all articles
    glossary: tuple[GlossaryEntry, ...] = ()
    combined: bool = False
    #: hans, hant, tw or hk: the script everything below is written in
    script: str = "hans"
    #: zh, en or bilingual: the language of the frame (headings, column names)
    label_mode: str = "zh"
    #: the frame words for ``label_mode``, already in ``script``
    labels: dict[str, str] = field(default_factory=dict)
    #: toolkit version and generation date (ISO), for the footer line
    version: str = ""
    generated: str = ""

    writer_kind = "briefing"

    @property
    def lang(self) -> str:
        """BCP 47 language of the content: zh-CN, zh-TW or zh-HK."""
        return LANGS.get(self.script, "zh-CN")

    @property
    def title(self) -> str:
        if self.combined or not self.articles:
            return self.labels.get("combined_title", "")
        return self.articles[0].title

    def footer_line(self, template: str | None = None) -> str:
        """How the briefing was made: toolkit version, date, summary length(s)."""
        chars = "/".join(str(a.summary_chars) for a in self.articles)
        pattern = template if template is not None else self.labels.get("made_by", "")
        return pattern.format(version=self.version, date=self.generated, chars=chars)


#: script -> BCP 47 language tag (w:lang in docx, lang= in HTML)
LANGS = {"hans": "zh-CN", "hant": "zh-TW", "tw": "zh-TW", "hk": "zh-HK"}
SCRIPTS = tuple(LANGS)


def takeaway(lead: str | None, summary: str) -> str:
    """One line an analyst can read instead of the article: the lead, else the top sentence.

    The editor's lead is written to be that line; without it the summary's first (best
    placed) sentence stands in. Long lines are cut at the last clause mark that keeps
    them under ``TAKEAWAY_CHARS``, so they never end mid-word.
    """
    text = clean(lead) or clean(summary)
    if not text:
        return ""
    first = _first_sentence(text)
    if len(first) <= TAKEAWAY_CHARS:
        return first
    cut = first[:TAKEAWAY_CHARS]
    mark = max(cut.rfind(c) for c in "，,；;：:、")
    if mark >= TAKEAWAY_CHARS // 3:
        return cut[:mark] + "……"
    return cut.rstrip() + "……"


def _first_sentence(text: str) -> str:
    from ..text.sentences import split_sentences

    parts = [clean(p) for p in split_sentences(text) if clean(p)]
    return parts[0] if parts else text
