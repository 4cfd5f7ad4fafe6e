"""Extractive summaries: the sentences that carry an article, within a character budget.

An analyst reads the summary instead of the article, so every sentence in it is the
article's own, whole, and in the article's order. Each sentence gets a score that
combines what is known to work for news and commentary:

* position: the article's lead and each section's and paragraph's first sentence;
* centrality: LexRank (PageRank over TF-IDF cosine similarity of jieba tokens, with
  jieba's background IDF). A full graph is quadratic in sentences, so above
  ``FULL_GRAPH`` sentences each keeps only its ``SPARSE_NEIGHBOURS`` nearest ones, and
  above ``GRAPH_LIMIT`` centrality becomes similarity to the document centroid, which
  is linear;
* similarity to the title and the headings;
* coverage of the article's key terms (IDF-weighted words that recur in it);

and sentences are then chosen greedily by maximal marginal relevance (MMR), so two
sentences saying the same thing are never both chosen. Framing sentences (本文将…,
一起来看看吧, questions, image credits) are never chosen; sentences that lean on the
one before (其中…, 这…) are scored down; weak sentences do not pad the budget.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Mapping, Sequence

from ..errors import UsageError
from ..model import Document, SectionDigest, Summary, SummarySentence
from ..text import similarity
from ..text.scripts import both_scripts
from ..text.sentence_index import Sent, document_sentences, section_label

#: budget when neither chars nor ratio is given
DEFAULT_CHARS = 300
#: above this many sentences centrality is similarity to the centroid (linear)
GRAPH_LIMIT = 400
#: up to this many sentences LexRank uses the full similarity graph ...
FULL_GRAPH = 150
#: ... above it each sentence keeps only its most similar neighbours
SPARSE_NEIGHBOURS = 12
#: two sentences at least this similar are near-duplicates: only one may be chosen
DUPLICATE = 0.6


@dataclass(frozen=True)
class Weights:
    """How much each signal counts; tuned on the dev summaries (see benchmarks/)."""

    position: float = 2.0
    centrality: float = 1.0
    title: float = 1.0
    keyterms: float = 0.5
    #: MMR trade-off between relevance and novelty
    mmr: float = 0.8
    #: penalty for very short sentences (little content per character of budget)
    short: float = 0.3
    trim: bool = True
    #: a sentence that does not fit may still close the summary when at most this
    #: fraction of it falls beyond the budget (0: only when nothing was chosen yet)
    overshoot: float = 0.0
    #: penalty for a sentence that leans on the one before (其中, 此外, 这…)
    dangling: float = 0.3
    #: stop filling the budget with sentences scoring below this fraction of the best
    floor: float = 0.5


DEFAULT_WEIGHTS = Weights()


# --- scoring -----------------------------------------------------------------------


def _lexrank(sents: Sequence[Sent], damping: float = 0.85, iterations: int = 50, neighbours: int | None = None) -> list[float]:
    """PageRank over the sentence similarity graph (continuous LexRank).

    Similarities are accumulated through an inverted index, so only sentence pairs
    that share a word cost anything, and each sentence keeps only its ``neighbours``
    most similar sentences (all of them up to ``FULL_GRAPH`` sentences, else
    ``SPARSE_NEIGHBOURS``): the graph then has at most ``2·k·n`` edges, so each power
    iteration is linear in sentences. Iteration stops once ranks settle.
    """
    n = len(sents)
    postings: dict[str, list[tuple[int, float]]] = {}
    for i, s in enumerate(sents):
        for w, v in s.vec.items():
            postings.setdefault(w, []).append((i, v))
    rows: list[dict[int, float]] = [{} for _ in range(n)]
    for plist in postings.values():
        if len(plist) < 2:
            continue
        for a in range(len(plist)):
            i, vi = plist[a]
            row = rows[i]
            for b in range(a + 1, len(plist)):
                j, vj = plist[b]
                row[j] = row.get(j, 0.0) + vi * vj
    # symmetric weights, then (in big graphs) each node keeps its strongest neighbours
    if neighbours is None:
        neighbours = n if n <= FULL_GRAPH else SPARSE_NEIGHBOURS
    adj: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    for i, row in enumerate(rows):
        for j, w in row.items():
            adj[i].append((j, w))
            adj[j].append((i, w))
    if neighbours < n:
        adj = [sorted(a, key=lambda jw: (-jw[1], jw[0]))[:neighbours] if len(a) > neighbours else a for a in adj]
    out_w = [sum(w for _, w in a) for a in adj]
    rank = [1.0 / n] * n
    base = (1 - damping) / n
    for _ in range(iterations):
        new = [base] * n
        dangling = sum(rank[i] for i in range(n) if out_w[i] == 0)
        spread = damping * dangling / n
        for i in range(n):
            if out_w[i]:
                share = damping * rank[i] / out_w[i]
                for j, w in adj[i]:
                    new[j] += share * w
        new = [r + spread for r in new]
        delta = sum(abs(a - b) for a, b in zip(new, rank, strict=True))
        rank = new
        if delta < 1e-5:
            break
    return rank


def centrality(sents: Sequence[Sent]) -> list[float]:
    """LexRank for normal articles, centroid similarity above GRAPH_LIMIT sentences."""
    if not sents:
        return []
    if len(sents) > GRAPH_LIMIT:
        c = similarity.centroid(s.vec for s in sents)
        return [similarity.cosine(s.vec, c) for s in sents]
    return _lexrank(sents)


def key_terms(sents: Sequence[Sent], limit: int = 15) -> dict[str, float]:
    """The article's key terms: words that recur in it and are rare in general text.

    Weight = log(1 + count) * IDF; a word has to occur at least twice to count.
    """
    counts: dict[str, int] = {}
    for s in sents:
        for w in set(s.words):
            counts[w] = counts.get(w, 0) + 1
    scored = {w: math.log1p(c) * similarity.weight(w) for w, c in counts.items() if c >= 2}
    best = sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return dict(best)


def _title_vector(doc: Document) -> dict[str, float]:
    simplify = similarity.needs_simplifying(doc.meta.script)
    words: list[str] = []
    if doc.meta.title:
        words += similarity.words(doc.meta.title, simplify=simplify) * 2
    for section in doc.walk_sections():
        if not section.inferred:
            words += similarity.words(section.heading, simplify=simplify)
    return similarity.vector(words)


#: openings that refer back to the previous sentence: out of context in a summary
_DANGLING = re.compile(both_scripts(r"^(?:其中|此外|另外|同时|而且|并且|但是|但|然而|不过|因此|所以|因而|于是|对此|为此|这|那|该|它|其|此|他们|她们|而)"))


def _normalise(values: list[float]) -> list[float]:
    top = max(values, default=0.0)
    return [v / top for v in values] if top > 0 else [0.0] * len(values)


def _coverage(sents: Sequence[Sent], terms: Mapping[str, float] | None) -> list[float]:
    """How much of the article's key-term weight each sentence mentions.

    With ``terms`` from the caller (a glossary: possibly multi-word terms such as
    超级App) terms are matched in the sentence text; otherwise the article's own
    IDF-weighted recurring words are matched against its tokens.
    """
    if terms:
        total = sum(terms.values()) or 1.0
        return [sum(v for t, v in terms.items() if t in s.text) / total for s in sents]
    own = key_terms(sents)
    total = sum(own.values()) or 1.0
    return [sum(own.get(w, 0.0) for w in set(s.words)) / total for s in sents]


def score_sentences(
    doc: Document,
    sents: Sequence[Sent],
    weights: Weights = DEFAULT_WEIGHTS,
    terms: Mapping[str, float] | None = None,
) -> list[float]:
    """One relevance score per sentence (higher is better), deterministic.

    ``terms`` are the article's key terms with weights when the caller has them
    (for example from ``toolkit.transforms.glossary``); see ``_coverage``.
    """
    n = len(sents)
    if n == 0:
        return []
    cent = _normalise(centrality(sents))
    tvec = _title_vector(doc)
    title = _normalise([similarity.cosine(s.vec, tvec) for s in sents]) if tvec else [0.0] * n
    cover = _normalise(_coverage(sents, terms))
    scores: list[float] = []
    for i, s in enumerate(sents):
        # lead sentences of the article, of a section and of a paragraph
        pos = 0.0
        if i < 3:
            pos = max(pos, 1.0 - i / 3)
        pos = max(pos, 1.0 / (1.0 + i / max(n * 0.2, 1.0)) * 0.6)
        if s.pos_in_section == 0 and s.section_no >= 0:
            pos = max(pos, 0.7)
        if s.pos == 0:
            pos = max(pos, 0.5)
        short = weights.short if len(s.text) < 15 else 0.0
        if weights.dangling and _DANGLING.match(s.text):
            short += weights.dangling
        scores.append(
            weights.position * pos
            + weights.centrality * cent[i]
            + weights.title * title[i]
            + weights.keyterms * cover[i]
            - short
        )
    return scores


# --- clause trimming ---------------------------------------------------------------

#: citation marks [12] [3,4] and pointers to figures and tables (图1) (见表2)
_CITATION = re.compile(both_scripts(r"\s*\[\d+(?:\s*[,，\-–~]\s*\d+)*\](?=[。，,；;：:！？!?”）)\s]|$)|[（(]\s*见?\s*[图表]\s*\d+[^（）()]{0,6}[）)]"))
_PAREN = re.compile(r"[（(][^（）()]{1,40}[）)]")
_EXAMPLE = re.compile(both_scripts(r"[，,；;]\s*(?:例如|比如|譬如|诸如|举例来说|举个例子)[^。！？!?；;]*(?=[。！？!?；;]|$)"))


def trim_clauses(text: str) -> str:
    """Drop examples (…，例如…), citation marks, pointers to figures and short
    parentheses without figures from a sentence.

    The sentence keeps its start and its end punctuation; what goes is illustration,
    so the summary spends its budget on claims. Parentheses holding a number stay:
    they are often the figure the sentence is about.
    """
    out = _CITATION.sub("", text)
    out = _EXAMPLE.sub("", out)
    out = _PAREN.sub(lambda m: m.group(0) if re.search(r"\d", m.group(0)) else "", out)
    return out if len(out) >= 8 else text


# --- selection ---------------------------------------------------------------------


def _join(parts: Sequence[str]) -> str:
    """Concatenate sentences; a space only between two Latin-script sentences."""
    out = ""
    for p in parts:
        if out and out[-1].isascii() and p[:1].isascii() and p[:1].isalnum():
            out += " "
        out += p
    return out


def select(
    sents: Sequence[Sent],
    scores: Sequence[float],
    budget: int,
    *,
    weights: Weights = DEFAULT_WEIGHTS,
    texts: Sequence[str] | None = None,
) -> list[int]:
    """Indices of the sentences to keep, in document order.

    Greedy MMR: the next sentence is the one with the best
    ``λ·score − (1−λ)·max similarity to those chosen`` among those that still fit the
    budget; near-duplicates of a chosen sentence are never taken. When nothing fits,
    one more sentence may go over the budget only if nothing was chosen yet, so a
    summary is never more than one sentence over and never empty when the article
    has something to say.
    """
    texts = texts if texts is not None else [s.text for s in sents]
    candidates = [i for i, s in enumerate(sents) if not s.framing]
    top = max((scores[i] for i in candidates), default=1.0) or 1.0
    chosen: list[int] = []
    used = 0
    lam = weights.mmr
    maxsim = {i: 0.0 for i in candidates}  # similarity to the closest chosen sentence
    while candidates:
        best, best_value = -1, -math.inf
        for i in candidates:
            over = used + len(texts[i]) - budget
            if over > 0 and chosen and over > weights.overshoot * len(texts[i]):
                continue
            sim = maxsim[i]
            if sim >= DUPLICATE or (chosen and scores[i] < weights.floor * top):
                continue
            value = lam * scores[i] / top - (1 - lam) * sim
            if value > best_value:
                best, best_value = i, value
        if best < 0:
            break
        chosen.append(best)
        used += len(texts[best])
        candidates.remove(best)
        if used >= budget:
            break
        for i in candidates:
            maxsim[i] = max(maxsim[i], similarity.cosine(sents[i].vec, sents[best].vec))
    return sorted(chosen)


# --- the public function -----------------------------------------------------------


def _budget(total: int, chars: int | None, ratio: float | None) -> int:
    if chars is not None and ratio is not None:
        raise UsageError("give either chars or ratio, not both")
    if chars is not None:
        if chars <= 0:
            raise UsageError(f"chars must be a positive number of characters, not {chars}")
        return chars
    if ratio is not None:
        if not 0 < ratio <= 1:
            raise UsageError(f"ratio must be between 0 and 1, not {ratio}")
        return max(1, round(total * ratio))
    return DEFAULT_CHARS


def summarize(
    doc: Document,
    chars: int | None = None,
    ratio: float | None = None,
    *,
    weights: Weights = DEFAULT_WEIGHTS,
    digests: bool = True,
    extras: bool = True,
    terms: Mapping[str, float] | Sequence[str] | None = None,
) -> Summary:
    """Summarise ``doc`` in at most about ``chars`` characters (or ``ratio`` of its length).

    Args:
        doc: the article.
        chars: budget in characters; the summary never goes more than one sentence
            over it and never cuts a sentence.
        ratio: budget as a fraction of the article's running text (0 < ratio <= 1).
        weights: scoring weights (the defaults are tuned on the dev set).
        digests: also compute section digests.
        extras: also compute key points and key figures.
        terms: the article's key terms, best first (a list) or with weights (a
            mapping), when the caller already has them, e.g. from the glossary; by
            default the article's recurring IDF-weighted words are used.

    Returns:
        A ``Summary``; ``shorter_than_budget`` is True when the whole article fitted.

    Raises:
        UsageError: both or invalid chars/ratio.
    """
    sents = document_sentences(doc)
    total = sum(len(s.text) for s in sents)
    budget = _budget(total, chars, ratio)
    if terms is not None and not isinstance(terms, Mapping):
        terms = {t: 1.0 / (1 + k) for k, t in enumerate(terms)}
    scores = score_sentences(doc, sents, weights, terms)
    texts = [trim_clauses(s.text) if weights.trim else s.text for s in sents]
    usable = [i for i, s in enumerate(sents) if not s.framing]
    shorter = sum(len(texts[i]) for i in usable) <= budget
    chosen = select(sents, scores, budget, weights=weights, texts=texts)
    picked = tuple(
        SummarySentence(text=texts[i], index=i, section=sents[i].heading, score=round(scores[i], 4)) for i in chosen
    )
    key_points: tuple = ()
    key_figures: tuple = ()
    if extras:
        from .figures import key_figures as find_figures
        from .keypoints import key_points as find_points

        key_points = tuple(find_points(doc, sents, scores))
        key_figures = tuple(find_figures(doc, sents))
    return Summary(
        summary=_join([p.text for p in picked]),
        sentences=picked,
        key_points=key_points,
        key_figures=key_figures,
        sections=tuple(section_digests(doc, sents, scores)) if digests else (),
        chars=budget,
        shorter_than_budget=shorter,
    )


def section_digests(doc: Document, sents: Sequence[Sent], scores: Sequence[float], limit: int = 3) -> list[SectionDigest]:
    """For each section, its heading and the one to three sentences that carry it.

    A section is digested from its own text; a chapter with no text of its own
    (only subsections) from its subsections' text. Within the section the lead
    sentence gets a bonus; at most ``limit`` sentences and about 160 characters.
    """
    by_section: dict[int, list[int]] = {}
    for i, s in enumerate(sents):
        if s.section is not None:
            by_section.setdefault(id(s.section), []).append(i)
    out: list[SectionDigest] = []
    for section in doc.walk_sections():
        members = list(by_section.get(id(section), []))
        if not any(not sents[i].framing for i in members):
            # a chapter that only holds subsections: digest what they say
            for sub in section.walk():
                members.extend(by_section.get(id(sub), []))
            members = sorted(set(members))
        local = [i for i in members if not sents[i].framing]
        if not local:
            local = members
        if not local:
            out.append(SectionDigest(heading=section_label(section) or "", digest="", level=section.level, inferred=section.inferred))
            continue
        first = local[0]
        ranked = sorted(local, key=lambda i: (-(scores[i] + (0.5 if i == first else 0.0)), i))
        chosen: list[int] = []
        used = 0
        for i in ranked:
            if len(chosen) >= limit or (chosen and used + len(sents[i].text) > 160):
                continue
            if any(similarity.cosine(sents[i].vec, sents[j].vec) >= DUPLICATE for j in chosen):
                continue
            chosen.append(i)
            used += len(sents[i].text)
        chosen.sort()
        out.append(
            SectionDigest(
                heading=section_label(section) or "",
                digest=_join([trim_clauses(sents[i].text) for i in chosen]),
                level=section.level,
                inferred=section.inferred,
            )
        )
    return out
