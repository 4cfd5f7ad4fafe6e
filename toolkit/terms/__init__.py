"""The built-in bilingual termbase and user termbases.

    >>> from toolkit.terms import Termbase
    >>> tb = Termbase.load()                       # built-in only
    >>> tb.get("在地化").english
    'glocalization'
    >>> tb.get("在地化").form_for("tw")
    '在地化'
    >>> [m.entry.term for m in tb.matcher().finditer("跨境电商的GMV")]
    ['跨境电商', 'GMV']

User termbases (``--terms FILE``) are CSV with the built-in's columns, TOML
``[[term]]`` tables, or ``term<TAB>replacement`` lists; see docs/termbase.md.
"""

from __future__ import annotations

from .entry import COLUMNS, TARGETS, TermEntry
from .loaders import TermbaseError, load_entries
from .matcher import Matcher, TermMatch
from .termbase import Termbase, builtin_entries

__all__ = [
    "COLUMNS", "TARGETS", "Matcher", "TermEntry", "TermMatch", "Termbase", "TermbaseError",
    "builtin_entries", "load_entries",
]
