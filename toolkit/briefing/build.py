"""From documents to a ``Briefing``: summarise, pick the glossary, convert the script.

Split in two steps so a batch can run the expensive one (``analyse``: summary and
glossary, jieba-bound) in worker processes and the cheap one (``assemble``: merge,
label, convert) where the results are gathered.
"""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Sequence, Union

from ..model import Document, GlossaryEntry, SectionDigest, Summary
from .content import ArticleBrief, Briefing, clean, takeaway
from .labels import labels as label_table
from .script import check_script, convert_value, converter
from .title import working_title

#: glossary rows per article (and for the merged glossary of a combined briefing)
GLOSSARY_LIMIT = 25

Source = Union[str, os.PathLike, Document]


def analyse(
    doc: Document,
    *,
    chars: int | None = None,
    terms: Sequence[str] = (),
    builtin_terms: bool = True,
    glossary_limit: int = GLOSSARY_LIMIT,
    index: int = 1,
) -> ArticleBrief:
    """The briefing content of one article, in the article's own script.

    Args:
        doc: the article.
        chars: summary budget in characters (None: the summariser's default).
        terms: user termbase files for the glossary.
        builtin_terms: also use the built-in termbase.
        glossary_limit: most glossary rows to keep.
        index: position among the articles of a combined briefing (for anchors).
    """
    from ..transforms.glossary import glossary
    from ..transforms.summarize import summarize

    summary = summarize(doc, chars=chars)
    entries = glossary(doc, terms=tuple(terms), builtin=builtin_terms, limit=glossary_limit)
    meta = doc.meta
    title = clean(meta.title)
    derived = not title
    if derived:
        title = _working_title(summary, entries) or (Path(meta.source_path).stem if meta.source_path else "")
    return ArticleBrief(
        title=title,
        title_derived=derived,
        source=clean(meta.publisher) or None,
        authors=tuple(clean(a) for a in meta.authors if clean(a)),
        date=meta.date,
        origin=meta.source_path,
        takeaway=takeaway(meta.lead, summary.summary),
        summary=clean(summary.summary),
        key_points=tuple(replace(k, text=clean(k.text)) for k in summary.key_points if clean(k.text)),
        key_figures=tuple(replace(f, text=clean(f.text), value=clean(f.value)) for f in summary.key_figures),
        sections=_digests(doc, summary.sections),
        glossary=tuple(entries),
        references=tuple(replace(r, text=clean(r.text)) for r in doc.references if clean(r.text)),
        tags=tuple(meta.tags),
        chars=summary.chars if summary.chars is not None else chars,
        summary_chars=len(clean(summary.summary)),
        anchor=f"a{index}",
    )


def _working_title(summary: Summary, entries: Sequence[GlossaryEntry]) -> str:
    """A title made from the article for one that has none: best summary sentences first."""
    best = sorted(summary.sentences, key=lambda s: (-s.score, s.index))
    return clean(working_title([s.text for s in best], [e.term for e in entries]))


def _digests(doc: Document, digests: Sequence[SectionDigest]) -> tuple[SectionDigest, ...]:
    """Section digests with their headings as the article numbers them ("4.1 方法", "02").

    The summariser names a section by its heading text alone, which is empty for
    sections numbered without a title (woshipm's "01", "02"); the document's sections,
    matched in reading order, supply the number.
    """
    sections = list(doc.walk_sections())
    out: list[SectionDigest] = []
    at = 0
    for digest in digests:
        heading = clean(digest.heading)
        for i in range(at, len(sections)):
            if clean(sections[i].heading) == heading:
                number = clean(sections[i].number)
                if number and not heading.startswith(number):
                    heading = f"{number} {heading}".strip()
                at = i + 1
                break
        out.append(replace(digest, heading=heading, digest=clean(digest.digest)))
    return drop_empty_digests(out)


def drop_empty_digests(digests: Sequence[SectionDigest]) -> tuple[SectionDigest, ...]:
    """The digests without the empty ones that head nothing.

    A section holding only a table, a formula or its references gets no digest; its
    heading alone would stand in the briefing over nothing. An empty digest stays
    when deeper digests with text follow it: it is their parent heading.
    """
    keep = [False] * len(digests)
    for i in range(len(digests) - 1, -1, -1):
        if digests[i].digest:
            keep[i] = True
            continue
        for j in range(i + 1, len(digests)):
            if digests[j].level <= digests[i].level:
                break
            if keep[j]:
                keep[i] = True
                break
    return tuple(d for d, k in zip(digests, keep, strict=True) if k)


def assemble(
    articles: Sequence[ArticleBrief],
    *,
    combined: bool | None = None,
    merged_glossary: Sequence[GlossaryEntry] | None = None,
    script: str = "hans",
    source_scripts: Iterable[str | None] = (),
    labels: str = "zh",
    terms: Sequence[str] = (),
    generated: str | None = None,
) -> Briefing:
    """Put analysed articles into one briefing in the asked script and label language.

    Args:
        articles: from ``analyse``, in order.
        combined: lay out as a combined digest (default: when there are several).
        merged_glossary: the glossary over all articles (combined briefings); default:
            the first article's glossary for a single briefing, else the articles'
            glossaries merged by term.
        script: hans, hant, tw or hk.
        source_scripts: the scripts the articles are written in (``Meta.script``);
            a simplified edition of simplified articles needs no conversion.
        labels: zh, en or bilingual.
        terms: user termbase files; their entries are locked in the conversion.
        generated: ISO date for the footer line (default: today, UTC).
    """
    from .. import __version__

    check_script(script)
    combined = len(articles) > 1 if combined is None else combined
    if merged_glossary is None:
        merged_glossary = _merge_glossaries(articles) if combined else (articles[0].glossary if articles else ())
    numbered = tuple(replace(a, anchor=f"a{i}") for i, a in enumerate(articles, 1))
    briefing = Briefing(
        articles=numbered,
        glossary=tuple(merged_glossary),
        combined=combined,
        script=script,
        label_mode=labels,
        labels=label_table(labels),
        version=__version__,
        generated=generated or _dt.datetime.now(_dt.UTC).date().isoformat(),
    )
    if script != "hans" or any(s not in (None, "hans") for s in source_scripts):
        briefing = convert_value(briefing, converter(script, tuple(str(t) for t in terms)))
    return briefing


def _merge_glossaries(articles: Sequence[ArticleBrief]) -> tuple[GlossaryEntry, ...]:
    """Glossaries of several articles as one: a term once, frequencies and sources summed."""
    merged: dict[str, GlossaryEntry] = {}
    for article in articles:
        for entry in article.glossary:
            seen = merged.get(entry.term)
            if seen is None:
                merged[entry.term] = replace(entry, sources=entry.sources or (article.title,))
            else:
                merged[entry.term] = replace(
                    seen,
                    frequency=seen.frequency + entry.frequency,
                    sources=seen.sources + tuple(s for s in (entry.sources or (article.title,)) if s not in seen.sources),
                    score=max(seen.score, entry.score),
                )
    return tuple(sorted(merged.values(), key=lambda e: (-len(e.sources), -e.frequency, e.term)))


def brief(
    sources: Union[Source, Iterable[Source]],
    *,
    combined: bool | None = None,
    script: str = "hans",
    labels: str = "zh",
    chars: int | None = None,
    terms: Sequence[Union[str, os.PathLike]] = (),
    builtin_terms: bool = True,
    glossary_limit: int = GLOSSARY_LIMIT,
    generated: str | None = None,
) -> Briefing:
    """A briefing of one article, or a combined digest of several.

    Write it with ``toolkit.write(briefing, "out.docx")`` (or ``.md``, ``.html``).

    Args:
        sources: a path, a Document, or an iterable of them.
        combined: combined digest layout (default: when there are several sources).
        script: hans, hant, tw or hk: the script of the whole briefing.
        labels: zh, en or bilingual: the language of headings and column names.
        chars: summary budget per article, in characters.
        terms: user termbase files (glossary entries and locked conversion forms).
        builtin_terms: also use the built-in termbase for the glossary.
        glossary_limit: most rows per glossary.
        generated: ISO date for the footer line (default today).

    Raises:
        ToolkitError: an input cannot be read, or an option is wrong.
    """
    from ..readers import read

    check_script(script)
    label_table(labels)
    items = [sources] if isinstance(sources, (str, os.PathLike, Document)) else list(sources)
    docs = [item if isinstance(item, Document) else read(item) for item in items]
    term_paths = tuple(str(t) for t in terms)
    articles = [
        analyse(d, chars=chars, terms=term_paths, builtin_terms=builtin_terms, glossary_limit=glossary_limit, index=i)
        for i, d in enumerate(docs, 1)
    ]
    combined = len(docs) > 1 if combined is None else combined
    merged = None
    if combined and len(docs) > 1:
        from ..transforms.glossary import glossary

        merged = glossary(docs, terms=term_paths, builtin=builtin_terms, limit=glossary_limit)
    return assemble(
        articles,
        combined=combined,
        merged_glossary=merged,
        script=script,
        source_scripts=[d.meta.script for d in docs],
        labels=labels,
        terms=term_paths,
        generated=generated,
    )
