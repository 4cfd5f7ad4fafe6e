"""One termbase entry: one concept with its script forms, pinyin, English and notes.

The fields are the columns of the termbase CSV (and the keys of the TOML tables), so a
row, a TOML table and a dataclass are the same thing; exporters and the converter
read entries without caring which file they came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Literal

#: the columns of a termbase CSV, in the order the built-in file uses
COLUMNS: tuple[str, ...] = (
    "term", "hant", "tw", "hk", "pinyin", "english", "english_alt",
    "definition", "definition_en", "domains", "note", "variants",
)
#: columns holding several values, written ``a;b;c`` in CSV and TSV
LIST_COLUMNS: frozenset[str] = frozenset({"english_alt", "domains", "variants"})
#: the script forms; a user entry that sets any of them sets them as a group
FORM_COLUMNS: tuple[str, ...] = ("hant", "tw", "hk")

#: the domain tags the built-in termbase uses (user termbases may add their own)
DOMAINS: frozenset[str] = frozenset({
    "certification", "company", "compliance", "cross-border", "culture", "ecommerce", "economics",
    "finance", "games", "globalization", "localization", "logistics", "management", "manufacturing",
    "marketing", "media", "metrics", "payments", "platform", "policy", "retail", "social-media",
    "strategy", "supply-chain", "technology", "theory",
})

Target = Literal["hans", "hant", "tw", "hk"]
TARGETS: tuple[str, ...] = ("hans", "hant", "tw", "hk")


@dataclass(frozen=True, kw_only=True)
class TermEntry:
    """A concept in simplified Chinese with its other forms, English and definitions.

    Empty text fields are ``""`` and empty lists ``()``, never ``None``, so callers can
    test with plain truthiness. ``tw``/``hk`` are set only where Taiwan or Hong Kong
    usage differs from ``hant``; :meth:`form_for` applies the fallbacks.
    """

    term: str
    hant: str = ""
    tw: str = ""
    hk: str = ""
    pinyin: str = ""
    english: str = ""
    english_alt: tuple[str, ...] = ()
    definition: str = ""
    definition_en: str = ""
    domains: tuple[str, ...] = ()
    note: str = ""
    #: other Chinese spellings of the same concept, in any script (社媒 for 社交媒体,
    #: 小额免税 / 小額免稅 for 小额豁免): found and looked up like the term, never locked
    variants: tuple[str, ...] = ()
    #: where the entry came from: "builtin", the user file's path, or "" for an entry
    #: made in code (not a CSV column)
    source: str = field(default="", compare=False)

    def form_for(self, target: Target | str) -> str:
        """The form to write for readers of ``target`` (hans, hant, tw or hk).

        hans -> term; hant -> hant or term; tw -> tw or hant or term;
        hk -> hk or hant or term.
        """
        if target == "hans":
            return self.term
        if target == "hant":
            return self.hant or self.term
        if target == "tw":
            return self.tw or self.hant or self.term
        if target == "hk":
            return self.hk or self.hant or self.term
        raise ValueError(f"unknown target {target!r} (use one of {', '.join(TARGETS)})")

    @property
    def forms(self) -> tuple[str, ...]:
        """Every written form: term, hant, tw, hk, then variants; no repeats or empties."""
        seen: dict[str, None] = {}
        for value in (self.term, self.hant, self.tw, self.hk, *self.variants):
            if value:
                seen.setdefault(value, None)
        return tuple(seen)

    @property
    def english_names(self) -> tuple[str, ...]:
        """The English term then its alternatives, without repeats or empties."""
        seen: dict[str, None] = {}
        for value in (self.english, *self.english_alt):
            if value:
                seen.setdefault(value, None)
        return tuple(seen)

    def to_row(self) -> dict[str, str]:
        """The entry as a CSV row (lists joined with ``;``)."""
        return {
            name: ";".join(getattr(self, name)) if name in LIST_COLUMNS else getattr(self, name)
            for name in COLUMNS
        }

    def merged_over(self, base: TermEntry) -> TermEntry:
        """This (user) entry with its empty fields filled from ``base`` (built-in).

        Why field by field: a user who only wants a different English term or an extra
        note should not have to retype the forms and definitions. The script forms are
        the exception and go as a group: once a user sets any of hant/tw/hk, a built-in
        Taiwan or Hong Kong variant would contradict what they wrote, so none is taken.
        """
        updates: dict[str, object] = {}
        user_set_forms = any(getattr(self, name) for name in FORM_COLUMNS)
        for f in fields(self):
            if f.name in ("term", "source") or (f.name in FORM_COLUMNS and user_set_forms):
                continue
            if not getattr(self, f.name) and getattr(base, f.name):
                updates[f.name] = getattr(base, f.name)
        return replace(self, **updates) if updates else self
