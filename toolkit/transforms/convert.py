"""Simplified/traditional conversion: OpenCC plus terms the user locks.

The conversion itself is the official OpenCC binding; this module adds what OpenCC
cannot do: force the output form of a user's terms (brand names, chosen forms,
protection from ``s2twp`` phrase rewriting). OpenCC has no notion of a locked
phrase, so locking works outside it: one longest-first pass finds locked terms, the
text between them goes to OpenCC and the locked forms are spliced back in. A cut at
a locked term is exactly the word boundary the lock means, so the gaps convert as
they would have around that word.

The text between locks (and the many small strings of a Markdown or Word file) goes
to OpenCC in ONE call, joined by a private-use character that no OpenCC dictionary
contains: it is a segmentation boundary and passes through unchanged, so the result
splits back into the same pieces at the cost of a single C++ call.

    >>> Converter(to="tw").convert("软件")
    '軟件'
    >>> Converter(to="twp").convert("软件")  # Taiwan phrasing
    '軟體'
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence, Union

from ..errors import UsageError

#: friendly target -> the OpenCC config used from simplified (or traditional for hans)
TARGETS: dict[str, str] = {"hant": "s2t", "tw": "s2tw", "twp": "s2twp", "hk": "s2hk", "hans": "t2s"}

#: (source, target) pairs that use a dedicated config instead of the default above
_FROM_CONFIGS: dict[tuple[str, str], str] = {
    ("tw", "hans"): "tw2s",
    ("hk", "hans"): "hk2s",
    ("hant", "tw"): "t2tw",
    ("hant", "hk"): "t2hk",
    ("tw", "hant"): "tw2t",
    ("hk", "hant"): "hk2t",
}

SOURCES = ("hans", "hant", "tw", "hk")

#: the script a config writes: it picks which form of a locked term goes in the output
_SCRIPT_OF_CONFIG: dict[str, str] = {
    "s2t": "hant", "s2tw": "tw", "s2twp": "tw", "s2hk": "hk", "s2hkp": "hk",
    "t2s": "hans", "tw2s": "hans", "tw2sp": "hans", "hk2s": "hans", "hk2sp": "hans",
    "t2tw": "tw", "t2hk": "hk", "tw2t": "hant", "hk2t": "hant", "jp2t": "hant",
    # Japanese shinjitai output: a locked term keeps its traditional form
    "t2jp": "hant",
}

#: BCP 47 tag of each script, for HTML ``lang`` and Word's East Asian language
LANG_TAGS: dict[str, str] = {"hans": "zh-Hans", "hant": "zh-Hant", "tw": "zh-TW", "hk": "zh-HK"}
#: Word wants a concrete locale in ``w:eastAsia``
WORD_LANGS: dict[str, str] = {"hans": "zh-CN", "hant": "zh-TW", "tw": "zh-TW", "hk": "zh-HK"}

# Private-use characters: no OpenCC dictionary holds them, so OpenCC leaves them alone
# and never matches a phrase across one.
_SEPARATORS = [chr(c) for c in range(0xF0000, 0xF0040)] + [chr(c) for c in range(0xE000, 0xE040)]

TermSource = Union[str, os.PathLike[str], Any]


def available_configs() -> list[str]:
    """Every OpenCC config the installed wheel ships (``s2t``, ``s2twp``, ``jp2t`` ...)."""
    import opencc

    return sorted(name[:-5] for name in opencc.CONFIGS)


def resolve_config(to: str | None = None, config: str | None = None, source: str | None = None) -> str:
    """The OpenCC config for a friendly target (``tw``) or an explicit config name.

    Raises:
        UsageError: unknown target or config, or neither/both given.
    """
    if config and to:
        raise UsageError("give either a target (--to) or an OpenCC config (--config), not both")
    if config:
        name = config[:-5] if config.endswith(".json") else config
        known = available_configs()
        if name not in known:
            raise UsageError(f"unknown OpenCC config '{config}' (known: {', '.join(known)})")
        return name
    if not to:
        raise UsageError("give a target (--to hant|tw|twp|hk|hans) or an OpenCC config (--config)")
    if to not in TARGETS:
        raise UsageError(f"unknown target '{to}' (known: {', '.join(TARGETS)})")
    if source and source not in SOURCES:
        raise UsageError(f"unknown source script '{source}' (known: {', '.join(SOURCES)})")
    # twp has no traditional-source config; s2twp applies Taiwan phrasing to traditional input too
    if source and (source, to) in _FROM_CONFIGS:
        return _FROM_CONFIGS[(source, to)]
    return TARGETS[to]


def script_of(config: str) -> str:
    """The script (hans/hant/tw/hk) a config writes."""
    return _SCRIPT_OF_CONFIG.get(config, "hans" if "2s" in config else "hant")


@cache
def opencc_for(config: str) -> Any:
    """One OpenCC object per config per process: loading dictionaries costs milliseconds."""
    import opencc

    return opencc.OpenCC(config)


# --------------------------------------------------------------------------- terms


@dataclass(frozen=True)
class _SimpleLock:
    """A ``term<TAB>replacement`` line, used only when ``toolkit.terms`` is not available."""

    term: str
    replacement: str = ""
    hant: str = ""
    tw: str = ""
    hk: str = ""

    def form_for(self, target: str) -> str:
        return self.term if target == "hans" or not self.replacement else self.replacement


def _load_term_file(path: Path) -> list[Any]:
    try:
        from ..terms import load_entries
    except ImportError:  # the termbase package has not landed: read the simple TSV form
        return _load_simple_tsv(path)
    return list(load_entries(path))


def _load_simple_tsv(path: Path) -> list[Any]:
    from ..errors import UnreadableInput

    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UnreadableInput("no such termbase file", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UnreadableInput(f"cannot read termbase ({exc})", path=str(path)) from None
    out = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        term, _, replacement = line.partition("\t")
        out.append(_SimpleLock(term.strip(), replacement.strip()))
    return out


def _entries_from(terms: Iterable[TermSource] | Mapping[str, str] | None) -> list[Any]:
    if not terms:
        return []
    if isinstance(terms, Mapping):
        return [_SimpleLock(k, v) for k, v in terms.items()]
    if isinstance(terms, (str, os.PathLike)):
        terms = [terms]
    entries: list[Any] = []
    for item in terms:
        if isinstance(item, (str, os.PathLike)):
            entries.extend(_load_term_file(Path(item)))
        else:
            entries.append(item)
    return entries


def lock_table(entries: Iterable[Any], script: str) -> dict[str, str]:
    """Map every written form of each locked term to the one form the output must show.

    Any form found in the input (simplified or a traditional variant) is replaced by
    ``form_for(script)``; later entries win over earlier ones with the same form.
    """
    table: dict[str, str] = {}
    for entry in entries:
        out = entry.form_for(script)
        if not out:
            continue
        forms = [entry.term] + [getattr(entry, name, "") or "" for name in ("hant", "tw", "hk")]
        for form in forms:
            if form:
                table[form] = out
    return table


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching the longest of ``words`` at each position, built as a trie.

    A flat alternation tries every word at every position (slow for thousands of
    terms); in the trie each step has one branch per next character, and an
    optional tail for a word that is also a prefix keeps the longest match first.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        alternatives = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


# ------------------------------------------------------------------------ converter


class Converter:
    """A reusable converter: one OpenCC config plus the user's locked terms.

    Build it once and call :meth:`convert` for every string; building loads OpenCC's
    dictionaries and compiles the lock pattern.

    Args:
        to: friendly target: ``hant``, ``tw``, ``twp`` (Taiwan phrasing), ``hk``, ``hans``.
        config: an OpenCC config name instead of ``to`` (``s2twp``, ``jp2t`` ...).
        terms: termbase paths (CSV/TOML/TSV) and/or TermEntry objects, or a mapping
            ``{term: output form}``; every term is locked to its form for the target.
        source: the script of the input (``tw``/``hk`` pick tw2s/hk2s for ``to="hans"``).
    """

    def __init__(
        self,
        to: str | None = None,
        *,
        config: str | None = None,
        terms: Iterable[TermSource] | Mapping[str, str] | None = None,
        source: str | None = None,
    ) -> None:
        if to is None and config is None:
            to = "tw"
        self.config = resolve_config(to, config, source)
        self.script = script_of(self.config)
        self._cc = opencc_for(self.config)
        self.locks = lock_table(_entries_from(terms), self.script)
        self._pattern = re.compile(trie_pattern(self.locks)) if self.locks else None

    @property
    def lang(self) -> str:
        """BCP 47 tag of the output script (``zh-TW`` ...)."""
        return LANG_TAGS[self.script]

    def __repr__(self) -> str:
        return f"Converter(config={self.config!r}, locks={len(self.locks)})"

    def convert(self, text: str) -> str:
        """Convert one string (locked terms come out in their locked form)."""
        if not text:
            return text
        if self._pattern is None or not self._pattern.search(text):
            return self._cc.convert(text)
        return self.convert_many([text])[0]

    def convert_many(self, texts: Sequence[str]) -> list[str]:
        """Convert many strings with one OpenCC call; each converts as if on its own."""
        if self._pattern is None:
            return self._convert_pieces(list(texts))
        gaps: list[str] = []
        plans: list[list[Union[int, str]]] = []  # per text: gap indexes and locked forms
        for text in texts:
            plan: list[Union[int, str]] = []
            pos = 0
            for match in self._pattern.finditer(text):
                if match.start() > pos:
                    plan.append(len(gaps))
                    gaps.append(text[pos : match.start()])
                plan.append(_Locked(self.locks[match.group()]))
                pos = match.end()
            if pos < len(text) or not plan:
                plan.append(len(gaps))
                gaps.append(text[pos:])
            plans.append(plan)
        converted = self._convert_pieces(gaps)
        return ["".join(p if isinstance(p, _Locked) else converted[p] for p in plan) for plan in plans]

    def _convert_pieces(self, pieces: list[str]) -> list[str]:
        if not pieces:
            return []
        if len(pieces) == 1:
            return [self._cc.convert(pieces[0]) if pieces[0] else ""]
        sep = _free_separator(pieces)
        if sep is not None:
            parts = self._cc.convert(sep.join(pieces)).split(sep)
            if len(parts) == len(pieces):
                return parts
        # no free separator, or OpenCC changed one: convert piece by piece (slower, same result)
        return [self._cc.convert(p) if p else "" for p in pieces]


class _Locked(str):
    """A locked output form inside a conversion plan (a str, told apart by type)."""


def _free_separator(pieces: Sequence[str]) -> str | None:
    for sep in _SEPARATORS:
        if not any(sep in p for p in pieces):
            return sep
    return None


@lru_cache(maxsize=32)
def _cached_converter(to: str | None, config: str | None, source: str | None, terms_key: tuple[Any, ...]) -> Converter:
    return Converter(to, config=config, terms=list(terms_key) or None, source=source)


def get_converter(
    to: str | None = None,
    *,
    config: str | None = None,
    terms: Iterable[TermSource] | Mapping[str, str] | None = None,
    source: str | None = None,
) -> Converter:
    """A converter cached per process for these options (so batches build it once)."""
    key: tuple[Any, ...] = ()
    if terms:
        if isinstance(terms, Mapping):
            key = tuple(_SimpleLock(k, v) for k, v in sorted(terms.items()))
        else:
            if isinstance(terms, (str, os.PathLike)):
                terms = [terms]
            key = tuple(str(Path(t).resolve()) if isinstance(t, (str, os.PathLike)) else t for t in terms)
    return _cached_converter(to, config, source, key)


def convert_text(
    text: str,
    to: str | None = None,
    *,
    config: str | None = None,
    terms: Iterable[TermSource] | Mapping[str, str] | None = None,
    source: str | None = None,
) -> str:
    """Convert a string: ``convert_text("软件", to="twp") == "軟體"``.

    The converter is cached per (target, config, terms) so a loop of calls does not
    reload OpenCC's dictionaries; build a :class:`Converter` to hold it yourself.
    """
    if to is None and config is None:
        to = "tw"
    return get_converter(to, config=config, terms=terms, source=source).convert(text)


def convert_file(
    src: Union[str, os.PathLike[str]],
    dst: Union[str, os.PathLike[str], None] = None,
    to: str | None = None,
    *,
    config: str | None = None,
    terms: Iterable[TermSource] | Mapping[str, str] | None = None,
    source: str | None = None,
    converter: Converter | None = None,
    encoding: str | None = None,
    format: str | None = None,
) -> Union[str, bytes]:
    """Convert one file (txt, md, html, docx, srt, vtt, json), keeping its structure.

    With ``dst`` the result is written there atomically (and ``dst`` returned as a
    string path); without it the converted content is returned (bytes for .docx).

    Raises:
        ToolkitError: unreadable or corrupt input, an unknown format, or text the
            output ``encoding`` cannot hold.
    """
    from ..conversion import convert_path

    if converter is None:
        if to is None and config is None:
            to = "tw"
        converter = get_converter(to, config=config, terms=terms, source=source)
    return convert_path(Path(src), None if dst is None else Path(dst), converter, encoding=encoding, format=format)
