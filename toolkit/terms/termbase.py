"""The merged termbase: the built-in entries plus the user's, with lookup by any form.

User files override the built-in file entry by entry (see
:meth:`TermEntry.merged_over` for the field-by-field rule) and extend it with new
concepts; later user files override earlier ones the same way.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from .entry import TermEntry
from .loaders import load_csv
from .matcher import normalise

if TYPE_CHECKING:  # pragma: no cover
    from .matcher import Matcher

BUILTIN_NAME = "termbase.csv"


@lru_cache(maxsize=1)
def _builtin() -> tuple[TermEntry, ...]:
    text = resources.files(__package__).joinpath(BUILTIN_NAME).read_text(encoding="utf-8-sig")
    return tuple(load_csv(text, "builtin"))


def builtin_entries() -> list[TermEntry]:
    """The built-in termbase shipped in the package (parsed once per process)."""
    return list(_builtin())


def merge(layers: Iterable[Iterable[TermEntry]]) -> tuple[list[TermEntry], set[str]]:
    """Entries of several layers, each overriding the ones before it by ``term``.

    Returns the merged entries in first-seen order and the terms any layer after the
    first touched.
    """
    merged: dict[str, TermEntry] = {}
    touched: set[str] = set()
    for depth, layer in enumerate(layers):
        for entry in layer:
            base = merged.get(entry.term)
            merged[entry.term] = entry.merged_over(base) if base else entry
            if depth:
                touched.add(entry.term)
    return list(merged.values()), touched


class Termbase:
    """Entries looked up by simplified or traditional form.

    Build it with :meth:`load`; it is cheap to keep and safe to pass to worker
    processes (the matcher is compiled lazily in each).
    """

    def __init__(self, entries: Iterable[TermEntry], user_terms: Iterable[str] = ()) -> None:
        self.entries: list[TermEntry] = list(entries)
        self._user_terms = frozenset(user_terms)
        self._by_form: dict[str, TermEntry] = {}
        # simplified terms first, so a traditional form that happens to equal another
        # entry's simplified term never shadows that entry
        for entry in self.entries:
            self._by_form.setdefault(entry.term, entry)
        for entry in self.entries:
            for form in entry.forms[1:]:
                self._by_form.setdefault(form, entry)
        # second chance for forms written with other case or spacing (超级APP, TikTokShop)
        self._by_key: dict[str, TermEntry] = {}
        for form, entry in self._by_form.items():
            self._by_key.setdefault(normalise(form), entry)
        self._by_english: dict[str, TermEntry] = {}
        for entry in self.entries:
            if entry.english:
                self._by_english.setdefault(entry.english.casefold(), entry)
        for entry in self.entries:
            for alt in entry.english_alt:
                self._by_english.setdefault(alt.casefold(), entry)

    @classmethod
    def load(
        cls, user_paths: Iterable[str | Path | TermEntry] | str | Path = (), builtin: bool = True
    ) -> Termbase:
        """The built-in termbase (unless ``builtin=False``) overridden by user files.

        Args:
            user_paths: termbase files (CSV, TOML, TSV), in order; later ones override
                earlier ones. TermEntry objects may be given too, each overriding like
                a one-entry file at its place in the order. A single path is accepted.
            builtin: start from the built-in termbase.

        Raises:
            TermbaseError: a user file is missing or malformed.
        """
        from .loaders import load_entries

        if isinstance(user_paths, (str, Path)):
            user_paths = [user_paths]
        layers: list[Iterable[TermEntry]] = [_builtin() if builtin else ()]
        for item in user_paths:
            layers.append([item] if isinstance(item, TermEntry) else load_entries(item))
        entries, touched = merge(layers)
        return cls(entries, touched)

    @property
    def user_entries(self) -> list[TermEntry]:
        """The entries user files gave, merged with the built-in ones they override.

        These are what ``toolkit convert --terms`` locks.
        """
        return [e for e in self.entries if e.term in self._user_terms]

    def is_user(self, entry: TermEntry | str) -> bool:
        """Whether a user file gave (or overrode) this entry."""
        term = entry if isinstance(entry, str) else entry.term
        return term in self._user_terms

    def get(self, form: str) -> TermEntry | None:
        """The entry with this form: simplified, traditional (hant/tw/hk) or a variant.

        An exact form wins; otherwise Latin letters may differ in case and spaces may
        differ (``超级APP``, ``TikTokShop``), as the matcher allows.
        """
        form = form.strip()
        return self._by_form.get(form) or self._by_key.get(normalise(form))

    def by_english(self, name: str) -> TermEntry | None:
        """The entry with this English term or alternative (case-insensitive)."""
        return self._by_english.get(name.strip().casefold())

    def __contains__(self, form: object) -> bool:
        return isinstance(form, str) and self.get(form) is not None

    def __iter__(self) -> Iterator[TermEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def matcher(self, english: bool = True) -> Matcher:
        """A longest-match finder over every form (and English names if asked).

        Compiled on first use and kept, so call it freely.
        """
        from .matcher import Matcher

        cache = self.__dict__.setdefault("_matcher_cache", {})
        if english not in cache:
            cache[english] = Matcher(self.entries, english=english)
        return cache[english]

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state.pop("_matcher_cache", None)  # compiled again on demand in the other process
        return state
