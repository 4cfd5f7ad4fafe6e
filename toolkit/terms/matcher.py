"""Finding termbase terms in text: leftmost-longest, in one regex pass.

The regex is compiled from a trie of all forms, not a flat alternation: with a
thousand keys the trie pattern shares prefixes, so matching stays linear in the text
instead of trying every key at every position. Latin-script forms (GMV, TikTok Shop,
超级App) match only at word boundaries, so ``GMV`` is not found inside ``GMVs`` or
``AGMV``; all-capital abbreviations match case-sensitively (``RED`` is not ``red``),
short Latin names as written or in capitals (``Temu``, ``TEMU``, not ``temu``), other
Latin text in any case (``超级APP`` finds ``超级App``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from .entry import TermEntry

_ACRONYM = re.compile(r"^[A-Z0-9&./+-]+$")
_END = ""  # trie key marking the end of a form


@dataclass(frozen=True)
class TermMatch:
    """One occurrence of a termbase form in a text."""

    start: int
    end: int
    #: the text as it appears (may differ in case or spacing from the form)
    text: str
    entry: TermEntry
    #: "term", "hant", "tw", "hk", "variant", "english" or "english_alt": which field matched
    field: str


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def normalise(text: str) -> str:
    """The key a match is looked up by: no whitespace, ASCII lower-cased."""
    return "".join(ch.lower() if ch.isascii() else ch for ch in text if not ch.isspace())


def _tokens(form: str) -> list[str]:
    """Regex pieces for one form: literal characters, Latin letters in either case,
    optional spaces between words and at CJK/Latin junctions (articles write both
    ``OLI范式`` and ``OLI 范式``)."""
    out: list[str] = []
    prev = ""
    for ch in form:
        if ch.isspace():
            if out and out[-1] != r"\s*":
                out.append(r"\s*")
            prev = ch
            continue
        if prev and not prev.isspace() and _is_latin(prev) != _is_latin(ch) and (
            not prev.isascii() or not ch.isascii()
        ):
            out.append(r"\s*")
        if ch.isascii() and ch.isalpha():
            # always both cases, so forms that differ only in case share trie nodes;
            # abbreviations are held to their case after matching (Matcher.finditer)
            out.append(f"[{ch.lower()}{ch.upper()}]")
        else:
            out.append(re.escape(ch))
        prev = ch
    return out


def _trie_pattern(forms: Iterable[str]) -> str:
    trie: dict = {}
    for form in forms:
        tokens = _tokens(form)
        # every top-level alternative must start with a literal character: only then
        # can the regex engine skip ahead to positions where some form may begin
        # (with a class or a lookbehind first, it tries the whole trie at every
        # position, about ten times slower), so a case-folded first letter is
        # inserted twice, once per case
        exact = _exact_spellings(form)
        if not tokens[0].startswith("["):
            firsts = [tokens[0]]
        elif exact is not None:  # held to its spellings anyway: only their first letters
            firsts = sorted({spelling[0] for spelling in exact})
        else:
            firsts = [tokens[0][1], tokens[0][2]]
        for first in firsts:
            node = trie
            for token in [first, *tokens[1:]]:
                node = node.setdefault(token, {})
            node[_END] = form

    def emit(node: dict) -> str:
        ending = _END in node
        branches = []
        for token in sorted((t for t in node if t != _END), key=lambda t: (t == r"\s*", t)):
            branches.append(token + emit(node[token]))
        if not branches:
            return _end_guard(node[_END])
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ending:
            # longer continuations first; fall back to ending here
            return f"(?:{body}|{_end_guard(node[_END])})"
        return body

    return "|".join(t + _start_guard(t) + emit(trie[t]) for t in sorted(trie))


def _exact_spellings(form: str) -> frozenset[str] | None:
    """The only spellings a short Latin form may match in, or None for any case.

    An all-capital abbreviation matches only as written (RED, not red); another
    Latin-only form of up to four characters (Temu, ToB) as written or in capitals,
    because in lower case such strings are mostly parts of URLs and identifiers.
    """
    compact = "".join(form.split())
    if _ACRONYM.match(compact):
        return frozenset({compact})
    if len(compact) <= 4 and compact.isascii():
        return frozenset({compact, compact.upper()})
    return None


def _start_guard(first: str) -> str:
    """After a form's first character: no letter or digit may come right before it."""
    return r"(?<![A-Za-z0-9].)" if _is_latin(first.lstrip("\\")[:1]) else ""


def _end_guard(form: str) -> str:
    return r"(?![A-Za-z0-9])" if form and _is_latin(form[-1]) else ""


class Matcher:
    """Finds every termbase form in a text, leftmost first, longest at each start."""

    def __init__(self, entries: Iterable[TermEntry], english: bool = True) -> None:
        self._lookup: dict[str, tuple[TermEntry, str, frozenset[str] | None]] = {}
        self._keys: list[str] = []
        entries = list(entries)
        # priority when two entries share a key: simplified term, traditional forms,
        # variants, English term, English alternatives; within each, entry order
        for entry in entries:
            self._add(entry.term, entry, "term")
        for entry in entries:
            for name in ("hant", "tw", "hk"):
                self._add(getattr(entry, name), entry, name)
        for entry in entries:
            for variant in entry.variants:
                self._add(variant, entry, "variant")
        if english:
            for entry in entries:
                self._add(entry.english, entry, "english")
            for entry in entries:
                for alt in entry.english_alt:
                    self._add(alt, entry, "english_alt")
        self._regex = re.compile(_trie_pattern(self._keys)) if self._keys else None

    def _add(self, form: str, entry: TermEntry, name: str) -> None:
        form = form.strip()
        if not form:
            return
        key = normalise(form)
        if key and key not in self._lookup:
            self._lookup[key] = (entry, name, _exact_spellings(form))
            self._keys.append(form)

    def finditer(self, text: str) -> Iterator[TermMatch]:
        """Non-overlapping matches, scanning left to right."""
        if self._regex is None:
            return
        for m in self._regex.finditer(text):
            hit = self._lookup.get(normalise(m.group()))
            if hit is None:
                continue
            entry, name, exact = hit
            if exact is not None and "".join(m.group().split()) not in exact:
                continue
            yield TermMatch(m.start(), m.end(), m.group(), entry, name)

    def findall(self, text: str) -> list[TermMatch]:
        """All of :meth:`finditer` as a list."""
        return list(self.finditer(text))

    def count(self, text: str) -> dict[str, int]:
        """Occurrences per entry ``term`` (all forms counted together)."""
        counts: dict[str, int] = {}
        for m in self.finditer(text):
            counts[m.entry.term] = counts.get(m.entry.term, 0) + 1
        return counts
