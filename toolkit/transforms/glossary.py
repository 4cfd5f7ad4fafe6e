"""Glossaries: the domain terms of one or many articles, merged, ranked and glossed.

``term_extract`` finds the candidates of each article (in worker processes for a big
batch); this module merges them across articles (one entry per term, counting
occurrences and files; simplified and traditional spellings are one term), ranks them,
and fills in what a translator needs: traditional form, pinyin, English (with where
it came from), a definition and a context sentence.

Where English comes from, in order of trust:
``termbase`` for a user termbase (``--terms``) entry, then ``text`` (the author's own
gloss in brackets), then ``termbase`` for a built-in entry, then ``dictionary``
(CC-CEDICT, composed per word when the whole term is missing: review it), else
``none``. The author's bracketed English beats the built-in termbase because it is how
this text names the concept; the built-in English is then kept as an alternative.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence, Union

from ..model import Document, GlossaryEntry
from .term_extract import ArticleTerms, Candidate, TermMatcher, extract, stopwords

TermSource = Union[str, "os.PathLike[str]", object]

#: how strongly each kind of evidence says "this is a term" (the ranking's base)
ORIGIN_WEIGHT = {
    "termbase": 4.0,
    "defined": 4.0,
    "parenthetical": 3.0,
    "quoted": 2.0,
    "abbreviation": 1.5,
    "statistical": 0.0,
}
#: which origin an entry reports when several apply (most informative first)
ORIGIN_ORDER = ("termbase", "defined", "parenthetical", "quoted", "abbreviation", "statistical")
#: statistical-only candidates kept per article (the rest is noise at glossary scale)
STAT_PER_ARTICLE = 12
#: a statistical-only candidate needs this share of its article's best score
STAT_MIN_SHARE = 0.25
#: ... and must recur in its article (or stand in the title): a one-off phrase is no term
STAT_MIN_COUNT = 2

_CJK = re.compile(r"[\u4e00-\u9fff]")


# -- the termbase, built once per process and per set of files ------------------------


@dataclass(frozen=True)
class TermbaseView:
    """The entries a glossary run uses, with lookups by any written form."""

    entries: tuple[object, ...] = ()
    user_terms: frozenset[str] = frozenset()
    by_form: dict[str, object] = field(default_factory=dict)

    def get(self, form: str) -> object | None:
        return self.by_form.get(form) or self.by_form.get(form.casefold())

    def is_user(self, term: str) -> bool:
        return term in self.user_terms


def load_termbase(terms: Sequence[TermSource] = (), builtin: bool = True) -> TermbaseView:
    """Built-in entries (unless ``builtin=False``) overridden by ``terms`` (paths or TermEntry)."""
    if not builtin and not terms:
        return TermbaseView()
    from ..terms import Termbase, TermEntry

    paths = [t for t in terms if not isinstance(t, TermEntry)]
    given = [t for t in terms if isinstance(t, TermEntry)]
    base = Termbase.load(user_paths=[str(p) for p in paths], builtin=builtin)
    entries = list(base.entries)
    user_terms = {e.term for e in base.user_entries}
    if given:
        known = {e.term: i for i, e in enumerate(entries)}
        for entry in given:
            user_terms.add(entry.term)
            if entry.term in known:
                entries[known[entry.term]] = entry.merged_over(entries[known[entry.term]])
            else:
                entries.append(entry)
    by_form: dict[str, object] = {}
    for entry in entries:
        for form in entry.forms:
            by_form.setdefault(form, entry)
            by_form.setdefault(form.casefold(), entry)
    return TermbaseView(tuple(entries), frozenset(user_terms), by_form)


@lru_cache(maxsize=8)
def _cached_termbase(paths: tuple[str, ...], builtin: bool) -> TermbaseView:
    return load_termbase(paths, builtin)


@lru_cache(maxsize=8)
def _cached_matcher(paths: tuple[str, ...], builtin: bool) -> TermMatcher:
    view = _cached_termbase(paths, builtin)
    return matcher_for(view)


def matcher_for(view: TermbaseView) -> TermMatcher:
    return TermMatcher(view.entries)


def extract_file(path: Union[str, os.PathLike[str]], terms: tuple[str, ...] = (), builtin: bool = True) -> ArticleTerms:
    """Read one article and extract its candidates (a module-level function for worker processes)."""
    from ..readers import read

    doc = read(path)
    matcher = _cached_matcher(tuple(str(t) for t in terms), builtin) if (builtin or terms) else None
    return prune(extract(doc, source=str(path), matcher=matcher))


def prune(article: ArticleTerms) -> ArticleTerms:
    """Drop the statistical candidates the merge would drop anyway.

    Done where the article was extracted, so a worker process sends back a few dozen
    candidates instead of hundreds.
    """
    kept = _keep_statistical(article)
    article.candidates = {
        term: cand
        for term, cand in article.candidates.items()
        if cand.origins - {"statistical"} or term in kept
    }
    for term, cand in article.candidates.items():
        cand.stat = kept.get(term, 0.0)
    article.pruned = True
    return article


# -- script conversion helpers ----------------------------------------------------------


@lru_cache(maxsize=8)
def _opencc(config: str):
    """An OpenCC converter, through the conversion module when it is there."""
    try:
        from .convert import opencc_for

        return opencc_for(config)
    except ImportError:  # pragma: no cover - conversion module absent
        import opencc

        return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    return _opencc("t2s").convert(text) if _CJK.search(text) else text


def to_script(text: str, script: str) -> str:
    """``text`` (simplified) in hant, tw or hk characters; hans returns it unchanged."""
    if script == "hans" or not _CJK.search(text):
        return text
    config = {"hant": "s2t", "tw": "s2tw", "hk": "s2hk"}.get(script)
    if config is None:
        raise ValueError(f"unknown script {script!r}")
    return _opencc(config).convert(text)


def pinyin_of(term: str) -> str:
    """Pinyin with tone marks, one group per jieba word: 柔性供应链 -> róuxìng gōngyìngliàn."""
    from pypinyin import Style, lazy_pinyin

    from ..text import tokens

    if not _CJK.search(term):
        return ""
    words = []
    for word in tokens.cut(term):
        if _CJK.search(word):
            words.append("".join(lazy_pinyin(word, style=Style.TONE, errors="default")))
        else:
            words.append(word)
    return " ".join(words)


# -- merging and ranking ---------------------------------------------------------------


@dataclass
class Merged:
    term: str
    frequency: int = 0
    sources: list[str] = field(default_factory=list)
    origins: set[str] = field(default_factory=set)
    definition: str | None = None
    definition_strength: int = 0
    context: str | None = None
    english: str | None = None
    aliases: set[str] = field(default_factory=set)
    stat_share: float = 0.0
    in_title: int = 0
    termbase_term: str | None = None
    #: how often each spelling (case variant) of the term occurred
    spellings: dict[str, int] = field(default_factory=dict)


def _keep_statistical(article: ArticleTerms) -> dict[str, float]:
    """Each kept statistical candidate of one article -> its share of the article's best."""
    if article.pruned:
        return {c.term: c.stat for c in article.candidates.values() if c.stat > 0}
    scored = sorted((c for c in article.candidates.values() if c.stat > 0), key=lambda c: -c.stat)
    if not scored:
        return {}
    best = scored[0].stat
    return {
        c.term: c.stat / best
        for c in scored[:STAT_PER_ARTICLE]
        if c.stat / best >= STAT_MIN_SHARE and (c.count >= STAT_MIN_COUNT or c.in_title)
    }


def merge_articles(articles: Iterable[ArticleTerms], view: TermbaseView) -> dict[str, Merged]:
    """One Merged record per term over all articles (traditional spellings folded in)."""
    merged: dict[str, Merged] = {}
    for article in articles:
        kept_stat = _keep_statistical(article)
        counted: set[str] = set()  # keys whose occurrences this article already counted
        # termbase candidates first: their count covers every form of the entry, so a
        # candidate that is another form of it (阿里 for 阿里巴巴) adds evidence, not count
        ordered = sorted(article.candidates.values(), key=lambda c: c.termbase_term is None)
        for cand in ordered:
            marked = cand.origins - {"statistical"}
            if not marked and cand.term not in kept_stat:
                continue
            key = _key(cand, view)
            # SaaS / SAAS / saas are one term: Latin letters merge case-insensitively
            fold = key if view.get(key) is not None else key.casefold()
            rec = merged.get(fold)
            if rec is None:
                rec = merged[fold] = Merged(term=key)
            same_entry = fold in counted and cand.term != key
            if not same_entry:
                rec.spellings[key] = rec.spellings.get(key, 0) + cand.count
            _absorb(rec, cand, article.source, kept_stat.get(cand.term, 0.0), count=not same_entry)
            if cand.termbase_term:
                counted.add(fold)
    # each entry is named by its most frequent spelling (the first seen on a tie)
    out: dict[str, Merged] = {}
    for rec in merged.values():
        rec.term = max(rec.spellings, key=lambda k: rec.spellings[k]) if rec.spellings else rec.term
        out.setdefault(rec.term, rec)
    return out


def _key(cand: Candidate, view: TermbaseView) -> str:
    if cand.termbase_term:
        return cand.termbase_term
    entry = view.get(cand.term)
    if entry is not None:
        return entry.term  # type: ignore[attr-defined]
    return to_simplified(cand.term)


def _absorb(rec: Merged, cand: Candidate, source: str, stat_share: float, count: bool = True) -> None:
    if count:
        rec.frequency += cand.count
    if source not in rec.sources:
        rec.sources.append(source)
    rec.origins |= cand.origins if stat_share > 0 else cand.origins - {"statistical"}
    if cand.definition and cand.definition_strength > rec.definition_strength:
        rec.definition, rec.definition_strength = cand.definition, cand.definition_strength
    if rec.context is None and cand.context:
        rec.context = cand.context
    if rec.english is None and cand.english:
        rec.english = cand.english
    rec.aliases |= cand.aliases
    rec.stat_share += stat_share
    rec.in_title += int(cand.in_title)
    rec.termbase_term = rec.termbase_term or cand.termbase_term


def _is_plain_word(term: str) -> bool:
    """A single word of jieba's general dictionary (电商, 直播): a word, not a coined term."""
    from .term_extract import word_tags

    return term in word_tags()


def rank_score(rec: Merged, inside: dict[str, int] | None = None) -> float:
    """Evidence that this is a domain term worth a translator's attention.

    Marks in the text (termbase match, definition, bracketed English, quotes) weigh
    most, then statistical salience, frequency and spread over files. Two discounts
    keep plain words out of the top: a general-dictionary word with no strong mark,
    and a fragment that mostly occurs inside a longer accepted term (跨境 in 跨境电商).
    """
    weights = sorted((ORIGIN_WEIGHT[o] for o in rec.origins), reverse=True)
    marks = weights[0] + 0.5 * sum(1 for w in weights[1:] if w > 0) if weights else 0.0
    single_generic = rec.term in stopwords()
    score = (
        marks
        + 2.5 * rec.stat_share
        + math.log2(1 + rec.frequency)
        + 0.75 * (len(rec.sources) - 1)
        + 0.5 * min(rec.in_title, 2)
    )
    if "defined" in rec.origins and len(rec.origins) > 1:
        # defined by the author and also marked otherwise: a term the article is built on
        score += 1.5
    strong = rec.origins & {"termbase", "defined", "parenthetical"}
    if single_generic and not strong:
        score *= 0.3
    elif not strong and _CJK.search(rec.term) and _is_plain_word(rec.term):
        score *= 0.5
    if not strong and inside is not None and inside.get(rec.term, 0) * 2 >= rec.frequency:
        score *= 0.5
    return round(score, 4)


def occurrences_inside(merged: dict[str, Merged]) -> dict[str, int]:
    """For every string, how often it occurs inside a longer marked entry.

    Built from the substrings of the marked entries (terms are short), so the cost
    grows with the number of entries, not with its square: a glossary of thousands of
    articles has tens of thousands of entries.
    """
    inside: dict[str, int] = {}
    for rec in merged.values():
        if not rec.origins - {"statistical"}:
            continue
        term = rec.term
        seen = set()
        for size in range(2, len(term)):
            for start in range(len(term) - size + 1):
                sub = term[start : start + size]
                if sub not in seen:
                    seen.add(sub)
                    inside[sub] = inside.get(sub, 0) + rec.frequency
    return inside


def _trim_context(sentence: str | None, term: str, width: int = 160) -> str | None:
    """One context sentence, cut around the term when it is very long."""
    if not sentence:
        return None
    sentence = " ".join(sentence.split())
    if len(sentence) <= width:
        return sentence
    at = max(sentence.find(term), 0)
    start = max(0, min(at - width // 3, len(sentence) - width))
    out = sentence[start : start + width]
    return ("…" if start else "") + out + ("…" if start + width < len(sentence) else "")


def build_entry(rec: Merged, view: TermbaseView, score: float | None = None) -> GlossaryEntry:
    """A GlossaryEntry with forms, pinyin, English and definition filled in."""
    from . import english_gloss

    entry = view.get(rec.term)
    english_alt: tuple[str, ...] = ()
    text_english = rec.english
    if entry is not None and (view.is_user(entry.term) or not text_english) and entry.english:  # type: ignore[attr-defined]
        english, english_source = entry.english, "termbase"  # type: ignore[attr-defined]
        english_alt = tuple(entry.english_alt)  # type: ignore[attr-defined]
    elif (
        text_english
        and entry is not None
        and entry.english  # type: ignore[attr-defined]
        and text_english.casefold() in entry.english.casefold()  # type: ignore[attr-defined]
        and text_english.casefold() != entry.english.casefold()  # type: ignore[attr-defined]
    ):
        # the author's bracket holds a fragment of the name (区位优势(Location)): keep the full one
        english, english_source = entry.english, "termbase"  # type: ignore[attr-defined]
        english_alt = tuple(entry.english_alt)  # type: ignore[attr-defined]
    elif text_english:
        english, english_source = text_english, "text"
        if entry is not None:
            names = [n for n in entry.english_names if n.casefold() != text_english.casefold()]  # type: ignore[attr-defined]
            english_alt = tuple(names)
    else:
        english = english_gloss.gloss(rec.term) if _CJK.search(rec.term) else None
        english_source = "dictionary" if english else "none"
    definition = rec.definition or (entry.definition if entry is not None and entry.definition else None)  # type: ignore[attr-defined]
    notes = []
    if entry is not None and entry.note:  # type: ignore[attr-defined]
        notes.append(entry.note)  # type: ignore[attr-defined]
    aliases = sorted(a for a in rec.aliases if a != rec.term)
    if aliases:
        notes.append("also written: " + ", ".join(aliases))
    origin = next(o for o in ORIGIN_ORDER if o in rec.origins) if rec.origins else "statistical"
    return GlossaryEntry(
        term=rec.term,
        hant=(entry.hant or None) if entry is not None and entry.hant else to_script(rec.term, "hant"),  # type: ignore[attr-defined]
        # a Latin term (GMV) has no pinyin, whatever a termbase row repeats there
        pinyin=((entry.pinyin if entry is not None and entry.pinyin else pinyin_of(rec.term)) or None)  # type: ignore[attr-defined]
        if _CJK.search(rec.term)
        else None,
        english=english,
        english_source=english_source,
        definition=definition,
        context=_trim_context(rec.context, rec.term),
        frequency=rec.frequency,
        sources=tuple(rec.sources),
        origin=origin,
        tw=(entry.form_for("tw") if entry is not None else to_script(rec.term, "tw")),  # type: ignore[attr-defined]
        hk=(entry.form_for("hk") if entry is not None else to_script(rec.term, "hk")),  # type: ignore[attr-defined]
        english_alt=english_alt,
        definition_en=(entry.definition_en or None) if entry is not None else None,  # type: ignore[attr-defined]
        domains=tuple(entry.domains) if entry is not None else (),  # type: ignore[attr-defined]
        note="; ".join(notes) or None,
        score=rank_score(rec) if score is None else score,
    )


def _absorb_aliases(merged: dict[str, Merged], view: TermbaseView) -> None:
    """Share English between a term and its bracketed Chinese alias (国际生产折衷范式 / OLI范式)."""
    for rec in merged.values():
        for alias in rec.aliases:
            other = merged.get(alias)
            if other is None:
                continue
            if rec.english is None and other.english:
                rec.english = other.english
            if rec.definition is None and other.definition:
                rec.definition, rec.definition_strength = other.definition, other.definition_strength


def from_articles(
    articles: Iterable[ArticleTerms], view: TermbaseView, limit: int | None = None
) -> list[GlossaryEntry]:
    """The ranked glossary of already-extracted articles (used by the CLI's batch path)."""
    merged = merge_articles(articles, view)
    _absorb_aliases(merged, view)
    inside = occurrences_inside(merged)
    scores = {key: rank_score(rec, inside) for key, rec in merged.items()}
    ranked = sorted(merged.values(), key=lambda r: (-scores[r.term], -r.frequency, r.term))
    if limit is not None:
        ranked = ranked[: max(limit, 0)]
    return [build_entry(rec, view, scores[rec.term]) for rec in ranked]


def glossary(
    docs: Union[Document, Iterable[Document]],
    terms: Sequence[TermSource] = (),
    builtin: bool = True,
    limit: int | None = None,
) -> list[GlossaryEntry]:
    """The glossary of one or more articles, best-ranked first.

    Args:
        docs: one Document or an iterable of them; each is recorded in ``sources`` by
            its ``meta.source_path`` (or ``doc1``, ``doc2`` ... when it has none).
        terms: user termbase files (CSV/TOML/TSV) or TermEntry objects that override
            and extend the built-in termbase.
        builtin: use the built-in termbase.
        limit: keep only the best ``limit`` entries.

    Raises:
        ToolkitError: a termbase file cannot be read.
    """
    if isinstance(docs, Document):
        docs = [docs]
    view = (
        _cached_termbase(tuple(str(t) for t in terms), builtin)
        if all(isinstance(t, (str, Path)) for t in terms)
        else load_termbase(terms, builtin)
    )
    matcher = matcher_for(view) if view.entries else None
    articles = [
        prune(extract(doc, source=doc.meta.source_path or f"doc{i}", matcher=matcher)) for i, doc in enumerate(docs, 1)
    ]
    return from_articles(articles, view, limit)


def keywords(doc: Document, k: int = 5, terms: Sequence[TermSource] = (), builtin: bool = False) -> list[str]:
    """The ``k`` most salient terms of one article, best first (no termbase by default).

    A lighter ranking than :func:`glossary` for keyword extraction: every candidate
    counts (a keyword may occur once in a short abstract), scored by its statistical
    salience plus a bonus for each way the author marked it.
    """
    view = load_termbase(terms, builtin) if (terms or builtin) else TermbaseView()
    matcher = matcher_for(view) if view.entries else None
    # author keyword lists name both levels of a nested term (平方和, 平方和优化) and
    # people: keep the fragments and names a glossary drops
    article = extract(doc, matcher=matcher, term_filters=False)
    cands = list(article.candidates.values())
    if not cands:
        return []
    best = max((c.stat for c in cands), default=0.0) or 1.0

    def score(c: Candidate) -> float:
        marks = sum(ORIGIN_WEIGHT[o] for o in c.origins if o != "statistical")
        return c.stat / best + 0.05 * marks

    # nested candidates are kept (平方和 and 平方和优化): authors list both levels
    return [c.term for c in sorted(cands, key=lambda c: (-score(c), c.term))[:k]]
