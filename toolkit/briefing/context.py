"""The documented context every briefing template (and the Word writer) renders.

One function turns a ``Briefing`` into plain dicts and lists, so user templates given
with ``--template-dir`` need to know nothing about the toolkit's classes, and the
Word, Markdown and HTML briefings show exactly the same rows.

Context keys (the README documents them for template authors):

- ``title``: the briefing title (the article title, or the combined title)
- ``title_derived``: True when ``title`` is a working title the toolkit made from an
  untitled article's text (its cover then starts with a note saying so)
- ``lang``: zh-CN, zh-TW or zh-HK; ``script``: hans, hant, tw or hk
- ``combined``: True for a digest of several articles
- ``labels``: frame words by key (``labels.summary`` is 摘要 / Summary / 摘要 Summary)
- ``articles``: list of articles, each with ``title``, ``title_derived``, ``anchor``, ``cover`` (list of
  ``{label, value}``), ``takeaway``, ``summary``, ``key_points`` (``{text, section}``),
  ``key_figures`` (``{value, measures, text, section}``), ``sections`` (``{heading,
  digest, level, inferred}``), ``references`` (``{label, text, url}``), ``glossary``
- ``glossary``: the briefing's glossary rows (the merged one when combined), each
  ``{term, traditional, pinyin, english, definition}``
- ``footer``: the line saying how the briefing was made; ``version``, ``generated``
"""

from __future__ import annotations

import re
from typing import Any

from ..model import GlossaryEntry, KeyFigure
from .content import ArticleBrief, Briefing, clean
from .labels import LABEL_MODES
from .labels import labels as label_table

#: longest "what it measures" cell when the figure has no subject and the sentence stands in
MEASURES_CHARS = 80


def template_context(briefing: Briefing) -> dict[str, Any]:
    """The context dict for briefing templates; see the module docstring for its keys.

    Every string is passed through ``clean`` (one line, no XML-illegal characters), so
    a briefing built by hand through the API renders as safely as one from ``brief``.
    """
    # a Briefing built by hand may carry no (or only some) labels: fill in its mode's
    merged = {**label_table(briefing.label_mode if briefing.label_mode in LABEL_MODES else "zh"), **briefing.labels}
    labels = {k: clean(v) if k != "colon" else v for k, v in merged.items()}
    return {
        "title": (labels["combined_title"] if briefing.combined or not briefing.articles
                  else clean(briefing.articles[0].title) or labels["untitled"]),
        "title_derived": bool(not briefing.combined and briefing.articles and briefing.articles[0].title_derived),
        "lang": briefing.lang,
        "script": briefing.script,
        "combined": briefing.combined,
        "labels": labels,
        "articles": [_article(a, briefing, labels) for a in briefing.articles],
        "glossary": [glossary_row(e, briefing.script) for e in briefing.glossary],
        "footer": clean(briefing.footer_line(labels["made_by"])),
        "version": briefing.version,
        "generated": briefing.generated,
    }


def _article(article: ArticleBrief, briefing: Briefing, labels: dict[str, str]) -> dict[str, Any]:
    cover = [
        # a working title must never pass for the author's: the cover says where it came from
        (labels["note"], labels["title_derived"] if article.title_derived else ""),
        (labels["source"], clean(article.source)),
        (labels["authors"], "、".join(clean(a) for a in article.authors if clean(a))),
        (labels["date"], clean(article.date)),
        (labels["origin"], clean(article.origin)),
    ]
    return {
        "title": clean(article.title) or labels.get("untitled", ""),
        "title_derived": article.title_derived,
        "anchor": article.anchor,
        "cover": [{"label": k, "value": v} for k, v in cover if v],
        "takeaway": clean(article.takeaway),
        "summary": clean(article.summary),
        "key_points": [{"text": clean(k.text), "section": clean(k.section)} for k in article.key_points if clean(k.text)],
        "key_figures": [figure_row(f) for f in article.key_figures],
        "sections": [
            {"heading": clean(s.heading), "digest": clean(s.digest), "level": s.level, "inferred": s.inferred}
            for s in article.sections
        ],
        "references": [
            {"label": clean(r.label), "text": clean(r.text), "url": safe_url(r.url)}
            for r in article.references
            if clean(r.text)
        ],
        "glossary": [glossary_row(e, briefing.script) for e in article.glossary],
        "summary_chars": article.summary_chars,
    }


def safe_url(url: str | None) -> str:
    """The URL when it is a web or mail link, else "": a ``javascript:`` href must not survive."""
    url = clean(url)
    return url if re.match(r"(?i)(https?|ftp)://|mailto:", url) else ""


def figure_row(figure: KeyFigure) -> dict[str, str]:
    """A key-figures table row: the figure, what it measures, the section it is in."""
    measures = clean(figure.subject) or clean(figure.text)
    if len(measures) > MEASURES_CHARS:
        measures = measures[: MEASURES_CHARS - 1] + "…"
    return {"value": clean(figure.value), "measures": measures, "text": clean(figure.text), "section": clean(figure.section)}


def glossary_row(entry: GlossaryEntry, script: str) -> dict[str, str]:
    """A glossary row; the traditional column shows the form the edition's readers use."""
    if script == "tw":
        trad = entry.tw or entry.hant
    elif script == "hk":
        trad = entry.hk or entry.hant
    else:
        trad = entry.hant
    return {
        "term": clean(entry.term),
        "traditional": clean(trad),
        "pinyin": clean(entry.pinyin),
        "english": clean(entry.english),
        "definition": clean(entry.definition or entry.definition_en),
    }
