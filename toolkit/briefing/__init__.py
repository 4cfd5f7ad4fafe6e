"""Briefings: one article (or several, combined) as a Word, Markdown or HTML briefing.

    >>> from toolkit.briefing import brief
    >>> import toolkit
    >>> toolkit.write(brief("article.md", script="tw"), "output/article.docx")

``brief`` builds the content (``Briefing``); the writers ``briefing:docx``,
``briefing:md`` and ``briefing:html`` lay it out.
"""

from __future__ import annotations

from .build import GLOSSARY_LIMIT, analyse, assemble, brief
from .content import LANGS, SCRIPTS, ArticleBrief, Briefing
from .labels import LABEL_MODES, LABELS, labels

__all__ = [
    "GLOSSARY_LIMIT", "LABELS", "LABEL_MODES", "LANGS", "SCRIPTS",
    "ArticleBrief", "Briefing", "analyse", "assemble", "brief", "labels",
]
